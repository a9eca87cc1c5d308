// The one way a failed load is shown: what went wrong, and a retry when it helps.
import { describeProblem, type ProblemKind } from './errors.js';

const TITLE: Partial<Record<ProblemKind, string>> = {
  unreachable: 'Server unreachable',
  forbidden: 'You do not have permission',
  'signed-out': 'Signed out',
};

export function ErrorMessage({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const problem = describeProblem(error);
  return (
    <div className="callout callout--error" role="alert" data-problem={problem.kind}>
      <strong>{title ?? TITLE[problem.kind] ?? 'Something went wrong'}</strong>
      <p>{problem.message}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}
