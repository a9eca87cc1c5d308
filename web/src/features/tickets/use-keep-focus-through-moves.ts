// Keyboard focus stays on a row's control when rows move (a changed ticket going to its
// place in a sorted list). React moves a row by taking DOM nodes out and putting them
// back, and a focused element taken out loses focus to <body>: the agent's place in
// the list (j/k go from the focused row) would be lost. The element last focused in
// the list is remembered until something else takes focus, and focused again after
// the rows moved if focus fell to <body> meanwhile.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

/** `order`: the rows' ids in order, changing when they move. */
export function useKeepFocusThroughMoves(list: RefObject<HTMLElement | null>, order: string): void {
  const focused = useRef<HTMLElement | null>(null);
  useEffect(() => {
    // On the document: the list itself comes and goes with the rows.
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      focused.current = target instanceof HTMLElement && list.current?.contains(target) ? target : null;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [list]);
  useLayoutEffect(() => {
    const target = focused.current;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (target?.isConnected && lost) target.focus({ preventScroll: true });
  }, [order]);
}
