// After "Load more", keyboard focus goes to the first ticket that arrived (its title
// link), where the agent's reading continues, instead of falling to <body> when the
// button is disabled while loading or goes away with the last page.
import { useCallback, useEffect, useRef, type RefObject } from 'react';

/** Call the returned function with the number of rows shown before asking for more. */
export function useFocusFirstNewRow(list: RefObject<HTMLElement | null>, rowCount: number): (shownBefore: number) => void {
  const waitingAfter = useRef<number | null>(null);
  useEffect(() => {
    const before = waitingAfter.current;
    if (before === null || rowCount <= before) return;
    waitingAfter.current = null;
    list.current?.children[before]?.querySelector<HTMLElement>('a[href]')?.focus();
  }, [list, rowCount]);
  return useCallback((shownBefore: number) => {
    waitingAfter.current = shownBefore;
  }, []);
}
