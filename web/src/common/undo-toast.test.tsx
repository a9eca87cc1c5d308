// The note after a change made in place: Undo for six seconds, then the change settles
// (and only then); the window stands still while the pointer is on the note; a newer
// change's note replaces an older one without cutting the older one's window short; a
// failed undo stays; the notes going away settle whatever is still open.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { UndoToastProvider, useUndoToast, type UndoableChange } from './undo-toast.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Shows each change once, in order, `gapMs` apart. */
function Changes({ changes, gapMs = 0 }: { changes: UndoableChange[]; gapMs?: number }) {
  const { show } = useUndoToast();
  useEffect(() => {
    changes.forEach((change, i) => setTimeout(() => show(change), i * gapMs));
  }, [changes, gapMs, show]);
  return null;
}

function renderNotes(changes: UndoableChange[], gapMs = 0) {
  return render(
    <UndoToastProvider>
      <Changes changes={changes} gapMs={gapMs} />
    </UndoToastProvider>,
  );
}

const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));

it('offers Undo for six seconds, politely, then settles the change and goes', async () => {
  const onSettled = vi.fn();
  renderNotes([{ message: 'Status changed to Resolved.', undo: vi.fn(), onSettled }]);
  await advance(0);
  const note = screen.getByText('Status changed to Resolved.');
  expect(note.closest('[aria-live="polite"]')).not.toBeNull();
  expect(screen.getByRole('button', { name: 'Undo' })).toBeTruthy();
  await advance(5_900);
  expect(onSettled).not.toHaveBeenCalled();
  await advance(200);
  expect(onSettled).toHaveBeenCalledTimes(1);
  expect(screen.queryByText('Status changed to Resolved.')).toBeNull();
});

it('undoes, says so, and settles once when the window closes', async () => {
  const onSettled = vi.fn();
  const undo = vi.fn(() => Promise.resolve({ ok: true, message: 'Status is Open again.' }));
  renderNotes([{ message: 'Status changed to Resolved.', undo, onSettled }]);
  await advance(0);
  fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
  await act(async () => {});
  expect(undo).toHaveBeenCalledTimes(1);
  expect(screen.getByText('Status is Open again.')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  await advance(6_000);
  expect(onSettled).toHaveBeenCalledTimes(1);
});

it('keeps a failed undo on screen until dismissed', async () => {
  const undo = () => Promise.resolve({ ok: false, message: 'Not undone: changed meanwhile.' });
  renderNotes([{ message: 'Status changed to Resolved.', undo }]);
  await advance(0);
  fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
  await act(async () => {});
  await advance(60_000);
  expect(screen.getByText('Not undone: changed meanwhile.')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
  expect(screen.queryByText('Not undone: changed meanwhile.')).toBeNull();
});

it('stands still while the pointer is on the note', async () => {
  const onSettled = vi.fn();
  renderNotes([{ message: 'Priority changed to Low.', undo: vi.fn(), onSettled }]);
  await advance(1_000);
  const note = screen.getByText('Priority changed to Low.').parentElement!;
  fireEvent.pointerEnter(note);
  await advance(30_000);
  expect(onSettled).not.toHaveBeenCalled();
  fireEvent.pointerLeave(note);
  await advance(4_900);
  expect(onSettled).not.toHaveBeenCalled();
  await advance(200);
  expect(onSettled).toHaveBeenCalledTimes(1);
});

it('shows the newest change, while the older one keeps its own window', async () => {
  const first = vi.fn();
  const second = vi.fn();
  renderNotes(
    [
      { message: 'First changed.', undo: vi.fn(), onSettled: first },
      { message: 'Second changed.', undo: vi.fn(), onSettled: second },
    ],
    2_000,
  );
  await advance(2_000);
  expect(screen.queryByText('First changed.')).toBeNull();
  expect(screen.getByText('Second changed.')).toBeTruthy();
  await advance(4_000);
  expect(first).toHaveBeenCalledTimes(1);
  expect(second).not.toHaveBeenCalled();
  await advance(2_000);
  expect(second).toHaveBeenCalledTimes(1);
});

it('settles what is still open when the notes go away', async () => {
  const onSettled = vi.fn();
  const { unmount } = renderNotes([{ message: 'Assigned to you.', undo: vi.fn(), onSettled }]);
  await advance(1_000);
  unmount();
  expect(onSettled).toHaveBeenCalledTimes(1);
});
