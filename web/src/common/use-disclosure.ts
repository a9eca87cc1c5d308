// A disclosure in the navigation (a button showing a panel): open with a click or
// Enter; closed by Escape (focus back on the button), a pointer press outside it, or
// focus leaving it with Tab. One behaviour for every such menu.
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';

export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return {
    open,
    close: () => setOpen(false),
    /** Spread on the element that holds the button and the panel. */
    rootProps: {
      ref: root,
      onKeyDown(event: KeyboardEvent) {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      },
      onBlur(event: FocusEvent) {
        if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      },
    },
    /** Spread on the button that opens and closes the panel. */
    buttonProps: {
      ref: button,
      type: 'button' as const,
      'aria-expanded': open,
      'aria-controls': panelId,
      onClick: () => setOpen((was) => !was),
    },
    panelId,
  };
}
