// Keeps unsaved work from being lost by accident: while `dirty`, leaving the screen
// (a link, Back, a reload, closing the tab) asks first. In-app navigation asks with
// the app's words; the browser asks in its own for a reload or a closed tab.
import { useCallback, useEffect } from 'react';
import { useBlocker } from 'react-router';

const DISCARD_QUESTION = 'Discard your unsaved changes?';

/** Whether the agent agrees to lose the unsaved changes (always, when there are none). */
export function confirmDiscard(dirty: boolean): boolean {
  return !dirty || window.confirm(DISCARD_QUESTION);
}

export function useDiscardGuard(dirty: boolean): void {
  const blocker = useBlocker(
    useCallback(
      ({ currentLocation, nextLocation }: { currentLocation: { pathname: string }; nextLocation: { pathname: string } }) =>
        dirty && currentLocation.pathname !== nextLocation.pathname,
      [dirty],
    ),
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(DISCARD_QUESTION)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);

  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
}
