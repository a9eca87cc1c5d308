// The classifier feature's error type and its mapping to GraphQL codes and HTTP
// statuses (the one place). Classification itself never fails: only the budget does.

export type ClassifierErrorCode = 'RATE_LIMITED';

export class ClassifierError extends Error {
  constructor(
    readonly code: ClassifierErrorCode,
    /** Whole seconds until the client may call again. */
    readonly retryAfterSeconds: number,
  ) {
    super(`Request was throttled. Expected available in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`);
    this.name = 'ClassifierError';
  }
}

export const CLASSIFIER_ERROR_GRAPHQL_CODE: Record<ClassifierErrorCode, 'RATE_LIMITED'> = {
  RATE_LIMITED: 'RATE_LIMITED',
};

export const CLASSIFIER_ERROR_HTTP_STATUS: Record<ClassifierErrorCode, 429> = {
  RATE_LIMITED: 429,
};
