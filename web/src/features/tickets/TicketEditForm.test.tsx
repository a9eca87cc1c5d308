// Editing a ticket on its page, against the real contract: the server's refusal is
// shown at its field, wired to it for assistive technology, until the agent edits
// that field; from then on the live check speaks for it.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { expect, it, vi } from 'vitest';
import { createFakeBackend, makeTicket, type UpdateTicketPayload } from '../../../test/support/fake-backend.js';
import { renderWithApp } from '../../../test/support/render.js';
import { TicketDetailPage } from './TicketDetailPage.js';

function refusing(field: string, message: string) {
  return vi.fn((_args: { id: string; input: unknown }): UpdateTicketPayload => ({
    __typename: 'UpdateTicketPayload',
    ticket: null,
    userErrors: [{ __typename: 'UserError', field, code: 'INVALID', message }],
  }));
}

async function editTicket(updateTicket: ReturnType<typeof refusing>) {
  const backend = createFakeBackend({ ticket: () => makeTicket({ id: '1', title: 'Cannot log in' }), updateTicket });
  const user = userEvent.setup();
  renderWithApp(
    <Routes>
      <Route path="/tickets/:id" element={<TicketDetailPage />} />
    </Routes>,
    { client: backend.client, url: '/tickets/1' },
  );
  await user.click(await screen.findByRole('button', { name: 'Edit' }));
  return user;
}

it("shows the server's refusal at its field until the agent edits it, then the live check", async () => {
  const updateTicket = refusing('title', 'The server says this title is not allowed.');
  const user = await editTicket(updateTicket);
  const title = screen.getByLabelText<HTMLInputElement>('Title');
  await user.type(title, '!');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  const message = await screen.findByText('The server says this title is not allowed.');
  expect(title.getAttribute('aria-describedby')).toContain(message.id);
  expect(title.getAttribute('aria-invalid')).toBe('true');

  await user.type(title, '?');
  expect(screen.queryByText('The server says this title is not allowed.')).toBeNull();
  expect(title.getAttribute('aria-invalid')).toBeNull();
  await user.clear(title);
  expect(screen.getByText('Enter a title.')).toBeTruthy();
  expect(title.getAttribute('aria-invalid')).toBe('true');
  expect(updateTicket).toHaveBeenCalledTimes(1);
});

it("wires a refused choice's message to its select", async () => {
  const updateTicket = refusing('category', 'This category cannot be chosen for this ticket.');
  const user = await editTicket(updateTicket);
  const category = screen.getByLabelText<HTMLSelectElement>('Category');
  await user.selectOptions(category, 'BILLING');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  const message = await screen.findByText('This category cannot be chosen for this ticket.');
  expect(category.getAttribute('aria-describedby')).toContain(message.id);
  expect(category.getAttribute('aria-invalid')).toBe('true');
  expect(updateTicket.mock.calls[0]![0]).toEqual({ id: '1', input: { category: 'BILLING', expectedVersion: 1 } });
});
