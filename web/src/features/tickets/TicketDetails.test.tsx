// Who wrote a ticket, on its page, against the real contract: a person by name, an
// integration as its API token, nothing recorded for old tickets; and who last changed
// it follows an edit.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { expect, it, vi } from 'vitest';
import { createFakeBackend, makeApiToken, makeTicket, makeUser, type Actor, type Ticket } from '../../../test/support/fake-backend.js';
import { renderWithApp } from '../../../test/support/render.js';
import { choose, menuButton } from '../../../test/support/choice-menu.js';
import { TicketDetailPage } from './TicketDetailPage.js';

const alex = makeUser({ id: '1', displayName: 'Alex Agent' });
const crm = makeApiToken({ id: '7', name: 'CRM sync' });

function showTicket(ticket: () => Ticket, more: Parameters<typeof createFakeBackend>[0] = {}) {
  const backend = createFakeBackend({ ticket, ...more });
  renderWithApp(
    <Routes>
      <Route path="/tickets/:id" element={<TicketDetailPage />} />
    </Routes>,
    { client: backend.client, url: '/tickets/1' },
  );
  return backend;
}

it('says who created and who last changed the ticket: a person, or an API token', async () => {
  showTicket(() => makeTicket({ createdBy: crm, updatedBy: alex }));
  await waitFor(() => expect(screen.getByTestId('created-by').textContent).toBe('API token CRM sync'));
  expect(screen.getByTestId('updated-by').textContent).toBe('Alex Agent');
});

it('says nothing was recorded for a ticket written before sign-in existed', async () => {
  showTicket(() => makeTicket({ createdBy: null, updatedBy: null }));
  await waitFor(() => expect(screen.getByTestId('created-by').textContent).toBe('Not recorded'));
  expect(screen.getByTestId('updated-by').textContent).toBe('Not recorded');
});

it('shows the new "last changed by" once a change is saved', async () => {
  let updatedBy: Actor = crm;
  const ticket = () => makeTicket({ createdBy: crm, updatedBy });
  showTicket(ticket, {
    updateTicket: vi.fn(() => {
      updatedBy = alex;
      return { __typename: 'UpdateTicketPayload' as const, ticket: { ...ticket(), status: 'RESOLVED' as const }, userErrors: [] };
    }),
  });
  await waitFor(() => expect(screen.getByTestId('updated-by').textContent).toBe('API token CRM sync'));
  const user = userEvent.setup();
  await choose(user, menuButton(document.body, 'Status'), 'Resolved');
  await waitFor(() => expect(screen.getByTestId('updated-by').textContent).toBe('Alex Agent'));
});
