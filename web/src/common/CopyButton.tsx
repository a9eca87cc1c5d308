// Copies a text to the clipboard and says whether it worked, for secrets shown once
// (an invitation link, an API token). Where the clipboard is not available (a page
// served over plain http, a refused permission) it says to copy by hand.
import { useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<CopyState>('idle');

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-status" role="status" aria-live="polite">
        {state === 'copied' ? 'Copied.' : null}
        {state === 'failed' ? 'Could not copy: select the text and copy it yourself.' : null}
      </span>
    </>
  );
}
