// The selected ticket of a list, for j/k/Enter/e/a: the row holding keyboard focus,
// else the one last selected with j or k while it is still shown. Selecting a row
// focuses its title link, so the selection is the focus the browser shows (and Enter
// on it opens the ticket), scrolled into view.

// The list's rows (not other lists of tickets, such as similar ones on the new-ticket form).
const ROWS = 'main .ticket-list > [data-ticket-id]';

export function ticketRows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(ROWS)];
}

export function selectedRow(lastSelectedId: string | null): HTMLElement | null {
  const focused = document.activeElement?.closest<HTMLElement>(ROWS);
  if (focused) return focused;
  return lastSelectedId === null ? null : (ticketRows().find((row) => row.dataset.ticketId === lastSelectedId) ?? null);
}

/** Selects the row `step` rows from the selected one (the first or last when none is), staying within the list; its id. */
export function moveSelection(lastSelectedId: string | null, step: 1 | -1): string | null {
  const rows = ticketRows();
  if (rows.length === 0) return null;
  const current = selectedRow(lastSelectedId);
  const index = current ? rows.indexOf(current) + step : step === 1 ? 0 : rows.length - 1;
  const row = rows[Math.max(0, Math.min(rows.length - 1, index))]!;
  const link = row.querySelector<HTMLElement>('a[href]');
  link?.focus();
  row.scrollIntoView({ block: 'nearest' });
  return row.dataset.ticketId ?? null;
}
