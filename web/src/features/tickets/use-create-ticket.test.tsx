// Creating a ticket: it tops the newest-first list at once, is replaced by the saved
// one when the server answers, vanishes if the server refuses it, and filtered lists
// and statistics are left for the server to recount.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { connectionOf, createFakeBackend, makeTicket, type CreateTicketPayload } from '../../../test/support/fake-backend.js';
import { deferred, renderWithApp } from '../../../test/support/render.js';
import { NewTicketForm } from './NewTicketForm.js';
import { TicketsPage } from './TicketsPage.js';

const existing = [makeTicket({ id: '1', title: 'Older ticket' })];

async function createWith(answer: Promise<CreateTicketPayload>) {
  const backend = createFakeBackend({
    tickets: vi.fn(() => connectionOf(existing)),
    classifyDescription: () => new Promise(() => {}),
    createTicket: () => answer,
  });
  const user = userEvent.setup();
  renderWithApp(
    <>
      <NewTicketForm onCreated={() => {}} classifyDelayMs={60_000} />
      <TicketsPage />
    </>,
    { client: backend.client, url: '/tickets' },
  );
  await screen.findByText('Showing 1 of 1 ticket');
  await user.type(screen.getByLabelText('Title'), 'Brand new');
  await user.click(screen.getByLabelText('Description'));
  await user.paste('A new request from a customer.');
  await user.click(screen.getByRole('button', { name: 'Create ticket' }));
  return backend;
}

const titles = () => [...document.querySelectorAll('.ticket-row__title')].map((a) => a.textContent);

it('shows the new ticket on top at once, then the saved one', async () => {
  const answer = deferred<CreateTicketPayload>();
  await createWith(answer.promise);
  await screen.findByText('Showing 2 of 2 tickets');
  expect(titles()).toEqual(['Brand new', 'Older ticket']);

  answer.resolve({
    __typename: 'CreateTicketPayload',
    ticket: makeTicket({ id: '2', title: 'Brand new', description: 'A new request from a customer.' }),
    userErrors: [],
  });
  await waitFor(() => expect(document.querySelector('[data-ticket-id="2"]')).not.toBeNull());
  expect(titles()).toEqual(['Brand new', 'Older ticket']);
  expect(screen.getByText('Showing 2 of 2 tickets')).toBeTruthy();
});

it('takes the ticket away again when the server refuses it', async () => {
  const answer = deferred<CreateTicketPayload>();
  await createWith(answer.promise);
  await screen.findByText('Showing 2 of 2 tickets');
  answer.resolve({
    __typename: 'CreateTicketPayload',
    ticket: null,
    userErrors: [{ __typename: 'UserError', field: 'description', code: 'BLANK', message: 'The server refused this description.' }],
  });
  await screen.findByText('Showing 1 of 1 ticket');
  expect(titles()).toEqual(['Older ticket']);
  expect(await screen.findByText('The server refused this description.')).toBeTruthy();
});
