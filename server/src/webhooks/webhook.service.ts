// Webhook endpoints and their delivery log, for admins: register an endpoint (its
// secret is returned this once), change or delete it, read what was delivered, and
// deliver an event again. URLs are checked here, once, for every adapter.
import type { Actor } from '../auth/actor.js';
import type { WebhookSettings } from '../config.js';
import type { Db } from '../db/client.js';
import { validatePageSize } from '../tickets/ticket-query.js';
import type { WebhookEventType } from './webhook.enums.js';
import { WebhookError, type WebhookIssue } from './webhook.errors.js';
import {
  countWebhookEndpoints,
  deleteWebhookEndpoint,
  findWebhookDelivery,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listLatestAttempts,
  listWebhookDeliveriesPage,
  listWebhookEndpoints,
  notifyWebhookWorkers,
  redeliverWebhookDelivery,
  updateWebhookEndpoint,
  WEBHOOK_ENDPOINTS_MAX,
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from './webhook.repository.js';
import { newWebhookSecret } from './webhook-signature.js';
import { checkWebhookUrl, WebhookUrlError } from './webhook-url.js';

export type { WebhookAttemptRow, WebhookDeliveryRow, WebhookEndpointRow };

const ID_PATTERN = /^[1-9]\d{0,15}$/;

/** Endpoint ids are PostgreSQL `integer`s, delivery ids `bigint`s (within JavaScript's safe integers). */
const ID_MAX = { 'webhook endpoint': 2_147_483_647, delivery: Number.MAX_SAFE_INTEGER } as const;

/** An id as a client gave it; anything that cannot be one is "not found", as for tickets. */
function parseId(raw: unknown, field: string, what: keyof typeof ID_MAX): number {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const id = ID_PATTERN.test(text) ? Number(text) : NaN;
  if (!(id <= ID_MAX[what])) throw WebhookError.notFound(field, what);
  return id;
}

async function checkUrl(raw: string, settings: WebhookSettings): Promise<string> {
  try {
    return (await checkWebhookUrl(raw, settings.allowPrivate)).href;
  } catch (error) {
    if (error instanceof WebhookUrlError)
      throw new WebhookError('VALIDATION_FAILED', [{ field: 'url', code: error.problem, message: error.message }]);
    throw error;
  }
}

function checkEvents(events: readonly WebhookEventType[]): WebhookEventType[] {
  const unique = [...new Set(events)];
  if (unique.length === 0) {
    throw new WebhookError('VALIDATION_FAILED', [{ field: 'events', code: 'REQUIRED', message: 'Choose at least one event.' }]);
  }
  return unique;
}

export function listEndpoints(db: Db): Promise<WebhookEndpointRow[]> {
  return listWebhookEndpoints(db);
}

export async function createEndpoint(
  db: Db,
  actor: Actor,
  settings: WebhookSettings,
  input: { url: string; events: readonly WebhookEventType[] },
): Promise<{ endpoint: WebhookEndpointRow; secret: string }> {
  const issues: WebhookIssue[] = [];
  let events: WebhookEventType[] = [];
  try {
    events = checkEvents(input.events);
  } catch (error) {
    if (!(error instanceof WebhookError)) throw error;
    issues.push(...error.issues);
  }
  let url = '';
  try {
    url = await checkUrl(input.url, settings);
  } catch (error) {
    if (!(error instanceof WebhookError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0) throw new WebhookError('VALIDATION_FAILED', issues);
  if ((await countWebhookEndpoints(db)) >= WEBHOOK_ENDPOINTS_MAX) {
    throw new WebhookError('VALIDATION_FAILED', [
      { field: null, code: 'TOO_MANY', message: `At most ${WEBHOOK_ENDPOINTS_MAX} endpoints; delete one first.` },
    ]);
  }
  const secret = newWebhookSecret();
  const endpoint = await insertWebhookEndpoint(db, { url, events, secret, createdByUserId: actor.userId });
  return { endpoint, secret };
}

export async function updateEndpoint(
  db: Db,
  settings: WebhookSettings,
  rawId: unknown,
  input: { url?: string | null; events?: readonly WebhookEventType[] | null; active?: boolean | null },
): Promise<WebhookEndpointRow> {
  const id = parseId(rawId, 'id', 'webhook endpoint');
  const patch = {
    ...(input.url != null && { url: await checkUrl(input.url, settings) }),
    ...(input.events != null && { events: checkEvents(input.events) }),
    ...(input.active != null && { active: input.active }),
  };
  const endpoint = await updateWebhookEndpoint(db, id, patch);
  if (!endpoint) throw WebhookError.notFound('id', 'webhook endpoint');
  // Turned (back) on: its waiting deliveries are due.
  if (patch.active === true) await notifyWebhookWorkers(db);
  return endpoint;
}

export async function deleteEndpoint(db: Db, rawId: unknown): Promise<number> {
  const id = parseId(rawId, 'id', 'webhook endpoint');
  if (!(await deleteWebhookEndpoint(db, id))) throw WebhookError.notFound('id', 'webhook endpoint');
  return id;
}

// Cursors name a delivery id; the prefix keeps another connection's cursor from being taken for one.
const CURSOR_PREFIX = 'delivery:';

export function encodeDeliveryCursor(row: Pick<WebhookDeliveryRow, 'id'>): string {
  return Buffer.from(`${CURSOR_PREFIX}${row.id}`).toString('base64url');
}

function decodeDeliveryCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const digits = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  return ID_PATTERN.test(digits) && Number.isSafeInteger(Number(digits)) ? Number(digits) : null;
}

export interface DeliveryPage {
  rows: (WebhookDeliveryRow & { latestAttempts: WebhookAttemptRow[] })[];
  hasNextPage: boolean;
}

/** A page of an endpoint's deliveries, newest first, each with its latest attempts (two queries a page). */
export async function listDeliveries(
  db: Db,
  rawEndpointId: unknown,
  params: { first?: number | null; after?: string | null },
): Promise<DeliveryPage> {
  const first = validatePageSize(params.first);
  let beforeId: number | undefined;
  if (params.after != null) {
    beforeId = decodeDeliveryCursor(params.after) ?? undefined;
    if (beforeId === undefined)
      throw new WebhookError('VALIDATION_FAILED', [{ field: 'after', code: 'INVALID', message: 'Invalid cursor.' }]);
  }
  const endpointId = parseId(rawEndpointId, 'endpointId', 'webhook endpoint');
  if (!(await findWebhookEndpoint(db, endpointId))) throw WebhookError.notFound('endpointId', 'webhook endpoint');
  const rows = await listWebhookDeliveriesPage(db, endpointId, { beforeId, limit: first + 1 });
  const page = rows.slice(0, first);
  const attempts = await listLatestAttempts(
    db,
    page.map((r) => r.id),
  );
  return {
    rows: page.map((row) => ({ ...row, latestAttempts: attempts.filter((a) => a.deliveryId === row.id) })),
    hasNextPage: rows.length > first,
  };
}

/** Makes a delivery due again now, whatever its state, and wakes the workers. */
export async function redeliver(db: Db, rawId: unknown): Promise<WebhookDeliveryRow & { latestAttempts: WebhookAttemptRow[] }> {
  const id = parseId(rawId, 'deliveryId', 'delivery');
  if (!(await redeliverWebhookDelivery(db, id))) throw WebhookError.notFound('deliveryId', 'delivery');
  await notifyWebhookWorkers(db);
  const row = (await findWebhookDelivery(db, id))!;
  return { ...row, latestAttempts: await listLatestAttempts(db, [id]) };
}
