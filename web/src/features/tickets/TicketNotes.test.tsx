// Internal notes on the ticket's page, against the real contract: oldest first with
// author and time; adding one checks its length live, sends it, and both the notes and
// the timeline then show it.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { expect, it, vi } from 'vitest';
import {
  createFakeBackend,
  historyOf,
  makeEvent,
  makeNote,
  makeTicket,
  makeUser,
  type AddTicketNotePayload,
  type TicketEvent,
  type TicketNote,
} from '../../../test/support/fake-backend.js';
import { renderWithApp } from '../../../test/support/render.js';
import { TICKET_NOTE_MAX } from '../../gql/limits.js';
import { TicketDetailPage } from './TicketDetailPage.js';

const alex = makeUser({ id: '1', displayName: 'Alex Agent' });
const bea = makeUser({ id: '2', displayName: 'Bea Colleague' });

function setup() {
  const notes: TicketNote[] = [
    makeNote({ id: '1', body: 'Customer called twice.', author: bea }),
    makeNote({ id: '2', body: 'Waiting for logs.', author: alex }),
  ];
  const events: TicketEvent[] = [makeEvent({ id: '1' })];
  const addTicketNote = vi.fn(({ input }: { ticketId: string; input: { body: string } }): AddTicketNotePayload => {
    const note = makeNote({ id: String(notes.length + 1), body: input.body.trim(), author: alex });
    notes.push(note);
    events.push(makeEvent({ id: String(events.length + 1), kind: 'NOTE_ADDED', actor: alex, note }));
    return { __typename: 'AddTicketNotePayload', note: { __typename: 'TicketNote', id: note.id }, userErrors: [] };
  });
  const backend = createFakeBackend({
    ticket: () => makeTicket({ history: historyOf([...events]), notes: historyOf([...notes]) }),
    addTicketNote,
  });
  renderWithApp(
    <Routes>
      <Route path="/tickets/:id" element={<TicketDetailPage />} />
    </Routes>,
    { client: backend.client, url: '/tickets/1' },
  );
  return { addTicketNote, user: userEvent.setup() };
}

const noteTexts = () =>
  within(screen.getByRole('list', { name: 'Internal notes' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

it('lists the notes oldest first with their authors', async () => {
  setup();
  await screen.findByRole('list', { name: 'Internal notes' });
  expect(noteTexts()).toEqual([
    expect.stringMatching(/^Bea Colleague · .*Customer called twice\.$/),
    expect.stringMatching(/^Alex Agent · .*Waiting for logs\.$/),
  ]);
});

it('counts characters against the limit, refuses a blank or too long note before sending, and adds one', async () => {
  const { addTicketNote, user } = setup();
  const field = await screen.findByLabelText('New note');
  await user.click(screen.getByRole('button', { name: 'Add note' }));
  expect(screen.getByText('Write the note.')).toBeTruthy();

  await user.click(field);
  await user.paste('x'.repeat(TICKET_NOTE_MAX + 1));
  expect(screen.getByText('10,001 / 10,000')).toBeTruthy();
  expect(screen.getByText(/The note is too long/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Add note' }));
  expect(addTicketNote).not.toHaveBeenCalled();

  await user.clear(field);
  await user.type(field, 'Logs received, escalating.');
  await user.click(screen.getByRole('button', { name: 'Add note' }));
  await waitFor(() => expect(noteTexts()).toHaveLength(3));
  expect(addTicketNote.mock.calls[0]![0]).toEqual({ ticketId: '1', input: { body: 'Logs received, escalating.' } });
  expect(noteTexts()[2]).toMatch(/^Alex Agent · .*Logs received, escalating\.$/);
  expect(screen.getByLabelText<HTMLTextAreaElement>('New note').value).toBe('');
  // The timeline has the note too, with who added it.
  const timeline = screen.getByRole('list', { name: 'History' });
  await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(2));
  expect(within(timeline).getAllByRole('listitem')[1]!.textContent).toMatch(/^Note added: “Logs received, escalating\.”\s*Alex Agent/);
});
