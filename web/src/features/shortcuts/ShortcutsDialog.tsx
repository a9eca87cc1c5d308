// The list of keyboard shortcuts (`?`), generated from the registry, in a modal dialog:
// the page behind is inert, Tab stays inside, Escape or Close shuts it, and focus goes
// back to where it was.
import { useEffect, useId, useRef } from 'react';
import { SHORTCUTS } from './shortcuts.js';

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
    return () => {
      if (element.open) element.close();
      returnTo?.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby={titleId}
      // Escape (the dialog's cancel) and Close both end here, which unmounts it.
      onClose={onClose}
      onKeyDown={(event) => {
        // Tab cycles within: the dialog's one control.
        if (event.key === 'Tab') {
          event.preventDefault();
          event.currentTarget.querySelector<HTMLElement>('button')?.focus();
        }
      }}
    >
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <p className="shortcuts-dialog__note">They work anywhere but while typing in a field.</p>
      <dl className="shortcuts-dialog__list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.id} className="shortcuts-dialog__item">
            <dt>
              <kbd>{shortcut.key}</kbd>
            </dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="form__actions">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
}
