// A secret the server shows once (an invitation link, an API token): in a read-only
// field to select, with a copy button, a warning that it will not be shown again, and
// a button to put it away. It takes the focus when it appears, so screen-reader and
// keyboard users land on it.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { CopyButton } from '../../common/CopyButton.js';

interface Props {
  title: string;
  /** Label of the field holding the secret. */
  label: string;
  secret: string;
  /** What to do with it, and that it will not be shown again. */
  children: ReactNode;
  onDone(): void;
}

export function OneTimeSecret({ title, label, secret, children, onDone }: Props) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="callout callout--success one-time-secret" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
      <div className="field">
        <label htmlFor={`${id}-secret`}>{label}</label>
        <div className="one-time-secret__row">
          <input
            id={`${id}-secret`}
            type="text"
            readOnly
            value={secret}
            className="one-time-secret__value"
            onFocus={(e) => e.target.select()}
          />
          <CopyButton text={secret} />
        </div>
      </div>
      <button type="button" className="button" onClick={onDone}>
        Done
      </button>
    </section>
  );
}
