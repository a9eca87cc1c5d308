// The live connection's life, over a scripted WebSocket speaking graphql-ws: connected
// once the server acknowledges; "reconnecting" when the server goes away, retried for
// ever, and once back the screens' queries asked again; idle when no screen subscribes
// or the server refuses the session. And the retry delays and the socket's address.
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { describe, expect, it, vi } from 'vitest';
import { createLiveConnection, liveUrl, retryDelayMs } from './live-connection.js';

/** A WebSocket the test plays the server of. */
class ScriptedSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  static opened: ScriptedSocket[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  sent: { type: string }[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {
    ScriptedSocket.opened.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as { type: string });
  }
  close(code = 1000, reason = '') {
    this.drop(code, reason);
  }
  /** The server accepts the connection. */
  accept() {
    this.readyState = 1;
    this.onopen?.();
    this.onmessage?.({ data: JSON.stringify({ type: 'connection_ack' }) });
  }
  /** The connection ends with `code`. */
  drop(code: number, reason = '') {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code, reason, wasClean: code === 1000 });
  }
}

function setup() {
  ScriptedSocket.opened = [];
  const live = createLiveConnection('ws://app.test/graphql', { webSocketImpl: ScriptedSocket, retryDelay: () => 0 });
  const client = new ApolloClient({ cache: new InMemoryCache(), link: ApolloLink.empty() });
  const refetchQueries = vi
    .spyOn(client, 'refetchQueries')
    .mockImplementation(() => Object.assign(Promise.resolve([]), { queries: [], results: [] }));
  live.attach(client);
  const subscribe = () =>
    live.ws.subscribe({ query: 'subscription { ticketActivity { kind } }' }, { next: () => {}, error: () => {}, complete: () => {} });
  const socket = async (index: number) => {
    await vi.waitFor(() => expect(ScriptedSocket.opened[index]).toBeDefined());
    return ScriptedSocket.opened[index]!;
  };
  return { live, refetchQueries, subscribe, socket };
}

describe('createLiveConnection', () => {
  it('opens no socket until a screen subscribes', () => {
    setup();
    expect(ScriptedSocket.opened).toHaveLength(0);
  });

  it('reconnects after the server goes away, and asks the screens’ queries again', async () => {
    const { live, refetchQueries, subscribe, socket } = setup();
    subscribe();
    const first = await socket(0);
    expect(first.url).toBe('ws://app.test/graphql');
    first.accept();
    await vi.waitFor(() => expect(live.status.get()).toBe('connected'));
    expect(refetchQueries).not.toHaveBeenCalled();

    first.drop(1006);
    expect(live.status.get()).toBe('reconnecting');
    // Still down: the next attempt fails too, and is retried again.
    (await socket(1)).drop(1006);
    expect(live.status.get()).toBe('reconnecting');

    const back = await socket(2);
    back.accept();
    await vi.waitFor(() => expect(live.status.get()).toBe('connected'));
    expect(refetchQueries).toHaveBeenCalledWith({ include: 'active' });
    // The subscription is sent again on the new socket.
    await vi.waitFor(() => expect(back.sent.map((m) => m.type)).toEqual(['connection_init', 'subscribe']));
  });

  it('is idle once no screen subscribes, the socket closed', async () => {
    const { live, subscribe, socket } = setup();
    const unsubscribe = subscribe();
    const first = await socket(0);
    first.accept();
    await vi.waitFor(() => expect(live.status.get()).toBe('connected'));
    unsubscribe();
    expect(live.status.get()).toBe('idle');
    await vi.waitFor(() => expect(first.readyState).toBe(3));
    expect(live.status.get()).toBe('idle');
  });

  it('is idle, and waits, when the server goes away while no screen subscribes any more', async () => {
    const { live, subscribe, socket } = setup();
    const unsubscribe = subscribe();
    (await socket(0)).drop(1006);
    expect(live.status.get()).toBe('reconnecting');
    unsubscribe();
    expect(live.status.get()).toBe('idle');
  });

  it('does not retry once the session ended (4401), and asks the screens’ queries again to find out', async () => {
    const { live, refetchQueries, subscribe, socket } = setup();
    subscribe();
    const first = await socket(0);
    first.accept();
    await vi.waitFor(() => expect(live.status.get()).toBe('connected'));
    first.drop(4401, 'Unauthorized');
    expect(live.status.get()).toBe('idle');
    expect(refetchQueries).toHaveBeenCalledWith({ include: 'active' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ScriptedSocket.opened).toHaveLength(1);
  });

  it.each([
    [4403, 'a changed role'],
    [1012, 'a server stopping'],
    [1013, 'a server that dropped activity'],
  ])('reconnects after %i (%s)', async (code) => {
    const { live, refetchQueries, subscribe, socket } = setup();
    subscribe();
    const first = await socket(0);
    first.accept();
    await vi.waitFor(() => expect(live.status.get()).toBe('connected'));
    first.drop(code);
    (await socket(1)).accept();
    await vi.waitFor(() => expect(refetchQueries).toHaveBeenCalledWith({ include: 'active' }));
  });
});

describe('retryDelayMs', () => {
  it.each([
    [0, 250, 500],
    [1, 500, 1000],
    [3, 2000, 4000],
    [5, 7500, 15_000],
    [50, 7500, 15_000],
  ])('attempt %i waits between %i and %i ms', (retries, low, high) => {
    expect(retryDelayMs(retries, () => 0)).toBe(low);
    expect(retryDelayMs(retries, () => 1)).toBe(high);
  });
});

describe('liveUrl', () => {
  it.each([
    [{ protocol: 'https:', host: 'tickets.example.com' }, 'wss://tickets.example.com/graphql'],
    [{ protocol: 'http:', host: '127.0.0.1:5173' }, 'ws://127.0.0.1:5173/graphql'],
  ])('%o → %s', (location, url) => {
    expect(liveUrl(location)).toBe(url);
  });
});
