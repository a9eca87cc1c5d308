// The connection indicator: nothing while connected or while no screen needs live
// updates; "Reconnecting…" in a polite live region once the connection has been down
// for a moment; gone again when it is back.
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { render, screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { createLiveConnection } from '../../apollo/live-connection.js';
import { LiveConnectionIndicator } from './LiveConnectionIndicator.js';

class FailingSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  readyState = 0;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  constructor() {
    // The server is down: every attempt ends at once.
    setTimeout(() => {
      this.readyState = 3;
      this.onclose?.({ code: 1006, reason: '' });
    });
  }
  send() {}
  close() {}
}

it('says "Reconnecting…" politely while the connection is down, and nothing before', async () => {
  const live = createLiveConnection('ws://app.test/graphql', { webSocketImpl: FailingSocket, retryDelay: () => 50 });
  const client = new ApolloClient({ cache: new InMemoryCache(), link: ApolloLink.empty() });
  live.attach(client);
  render(
    <ApolloProvider client={client}>
      <LiveConnectionIndicator />
    </ApolloProvider>,
  );
  const region = screen.getByRole('status');
  expect(region.getAttribute('aria-live')).toBe('polite');
  expect(region.textContent).toBe('');

  const unsubscribe = live.ws.subscribe({ query: 'subscription { ticketActivity { kind } }' }, { next() {}, error() {}, complete() {} });
  await vi.waitFor(() => expect(region.textContent).toBe('Reconnecting…'), { timeout: 3000 });
  unsubscribe();
  await vi.waitFor(() => expect(region.textContent).toBe(''));
});
