// The live feed of ticket activity that subscriptions read (one per process, fed by
// PostgreSQL's LISTEN/NOTIFY or PGlite's), and the refusal of subscriptions anywhere
// but on a WebSocket.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createActorLoaders, type ActorLoaders } from '../auth/actor.loader.js';
import type { Database, Db } from '../db/client.js';
import { listenWithRetry } from '../db/listen-retry.js';
import { createTicketEntryLoaders, type TicketEntryLoaders } from '../tickets/ticket-entry.loader.js';
import { TICKET_EVENTS_CHANNEL } from './ticket-activity.enums.js';
import { loadTicketActivities, type EventRange } from './ticket-activity.service.js';
import type { TicketActivity } from './ticket-activity.type.js';

export interface ActivityFilter {
  /** Only this ticket's activity; null: every ticket's. */
  ticketId: number | null;
}

/** What a subscription opens: the activities committed from now on that match, in commit order per ticket. */
export interface LiveSubscriptions {
  subscribe(filter: ActivityFilter): AsyncIterable<TicketActivity>;
}

const WEBSOCKET_ONLY = 'Subscriptions are served over WebSocket at /graphql (the graphql-transport-ws protocol), not over HTTP.';

/** The feed of an HTTP request: never read, as `subscriptionsOverWebSocketOnly` refuses the operation first. */
export const NO_LIVE_OVER_HTTP: LiveSubscriptions = {
  subscribe() {
    throw new GraphQLError(WEBSOCKET_ONLY, { extensions: { code: 'BAD_REQUEST' } });
  },
};

/**
 * Refuses a subscription sent over HTTP with 400, as Apollo refuses one sent by GET
 * (405): executed over HTTP, graphql-js would call the field's resolver without an
 * activity, an internal error.
 */
export const subscriptionsOverWebSocketOnly: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLError(WEBSOCKET_ONLY, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
      },
    };
  },
};

// ---- the feed of one process ------------------------------------------------------

/** Why a subscriber was dropped: it could not keep up, or this process missed commits. */
export type LostReason = 'too-slow' | 'missed-commits';

export interface TicketActivityFeed {
  /**
   * Activities matching `filter` from now on. `onLost` is called (once, and the
   * iterator ends) when the subscriber can no longer be told everything: its client
   * must resubscribe and refetch.
   */
  subscribe(filter: ActivityFilter, onLost: (reason: LostReason) => void): AsyncIterableIterator<TicketActivity>;
  /**
   * The loaders of the activities being sent: every subscriber's selection on one
   * batch (its authors, assignees, history and notes) shares one set, so that what
   * 200 subscribers ask of the same ticket is read once.
   */
  loaders(): ActorLoaders & TicketEntryLoaders;
  /** Subscriptions open in this process. */
  readonly size: number;
  /** Stops listening and ends every subscription. */
  stop(): Promise<void>;
}

export interface FeedLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Commits read per batch: two statements for all of them. */
const BATCH_MAX = 200;
/**
 * Commits waiting to be read, at most: past it the database is not keeping up with
 * the writes, and every subscriber is told it missed activity rather than the
 * process holding an unbounded backlog.
 */
const PENDING_MAX = 10_000;

/** A commit's range as the trigger's payload names it; null when the payload is not one. */
export function parseCommitNotice(payload: string): EventRange | null {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  const { ticket_id: ticketId, first_event_id: firstEventId, last_event_id: lastEventId } = (value ?? {}) as Record<string, unknown>;
  const ids = [ticketId, firstEventId, lastEventId];
  if (!ids.every((id) => typeof id === 'number' && Number.isSafeInteger(id) && id > 0)) return null;
  return { ticketId, firstEventId, lastEventId } as EventRange;
}

class Subscription implements AsyncIterableIterator<TicketActivity> {
  private queue: TicketActivity[] = [];
  private waiting: ((result: IteratorResult<TicketActivity>) => void) | null = null;
  private ended = false;

  constructor(
    readonly filter: ActivityFilter,
    private readonly queueMax: number,
    private readonly onLost: (reason: LostReason) => void,
    private readonly onEnd: (subscription: Subscription) => void,
  ) {}

  wants(ticketId: number): boolean {
    return this.filter.ticketId === null || this.filter.ticketId === ticketId;
  }

  push(activity: TicketActivity): void {
    if (this.ended) return;
    if (this.waiting) {
      const deliver = this.waiting;
      this.waiting = null;
      deliver({ value: activity, done: false });
    } else if (this.queue.length >= this.queueMax) {
      this.lose('too-slow');
    } else {
      this.queue.push(activity);
    }
  }

  lose(reason: LostReason): void {
    if (this.ended) return;
    this.end();
    this.onLost(reason);
  }

  next(): Promise<IteratorResult<TicketActivity>> {
    const value = this.queue.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<TicketActivity>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<TicketActivity> {
    return this;
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.queue = [];
    this.onEnd(this);
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
  }
}

/**
 * Listens once on TICKET_EVENTS_CHANNEL and fans each commit out to this process's
 * subscribers: the commit's events and its ticket are read once, whoever and however
 * many subscribe, in batches when commits come faster than they are read, and in
 * commit order. Commits nobody here subscribes to are not read at all.
 */
export async function startTicketActivityFeed(deps: { database: Database; log: FeedLog; queueMax: number }): Promise<TicketActivityFeed> {
  const { database, log, queueMax } = deps;
  const db = database.db;
  const subscriptions = new Set<Subscription>();
  let pending: EventRange[] = [];
  let pumping = false;
  let currentLoaders = createLoaders(db);

  function loseAll(reason: LostReason): void {
    for (const subscription of [...subscriptions]) subscription.lose(reason);
  }

  function wanted(ticketId: number): boolean {
    for (const subscription of subscriptions) if (subscription.wants(ticketId)) return true;
    return false;
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (pending.length > 0) {
        const batch = pending.splice(0, BATCH_MAX);
        let activities: TicketActivity[];
        try {
          activities = await loadTicketActivities(db, batch);
        } catch (err) {
          // Subscribers would silently miss these commits: they reconnect and refetch instead.
          log.error({ err, commits: batch.length }, 'live updates: could not read committed activity; dropping subscribers');
          loseAll('missed-commits');
          continue;
        }
        currentLoaders = createLoaders(db);
        for (const activity of activities) {
          for (const subscription of subscriptions) if (subscription.wants(activity.ticket.id)) subscription.push(activity);
        }
      }
    } finally {
      pumping = false;
    }
  }

  function onNotify(payload: string): void {
    const commit = parseCommitNotice(payload);
    if (commit === null) {
      log.warn({ payload: payload.slice(0, 200) }, 'live updates: ignoring a notification that names no commit');
      return;
    }
    if (!wanted(commit.ticketId)) return;
    if (pending.length >= PENDING_MAX) {
      log.error({ pending: pending.length }, 'live updates: reading committed activity fell behind; dropping subscribers');
      pending = [];
      loseAll('missed-commits');
      return;
    }
    pending.push(commit);
    void pump();
  }

  function onResume(): void {
    log.warn({}, 'live updates: the database connection was lost and is back; dropping subscribers, who refetch');
    loseAll('missed-commits');
  }

  const unlisten = await listenWithRetry(database, TICKET_EVENTS_CHANNEL, onNotify, { onResume, log });

  return {
    subscribe(filter, onLost) {
      const subscription = new Subscription(filter, queueMax, onLost, (s) => subscriptions.delete(s));
      subscriptions.add(subscription);
      return subscription;
    },
    loaders: () => currentLoaders,
    get size() {
      return subscriptions.size;
    },
    async stop() {
      await unlisten();
      pending = [];
      for (const subscription of [...subscriptions]) void subscription.return();
    },
  };
}

function createLoaders(db: Db): ActorLoaders & TicketEntryLoaders {
  return { ...createActorLoaders(db), ...createTicketEntryLoaders(db) };
}
