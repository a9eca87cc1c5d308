// The Django API's ticket endpoints. Each handler unpacks the request, calls one
// service function (the same ones GraphQL calls) and shapes the answer; every
// refusal is a TicketError or RestError that rest.errors.ts turns into DRF's body.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { classifyTicketDescription, type ClassifyDeps } from '../classifier/classification.service.js';
import type { Db } from '../db/client.js';
import { TicketError } from '../tickets/ticket.errors.js';
import {
  createTicket,
  getActiveByAssignee,
  getTicket,
  getTicketStats,
  listTicketsByPage,
  updateTicket,
} from '../tickets/ticket.service.js';
import { bulkUpdateTickets } from '../tickets/ticket-bulk.service.js';
import { listTicketHistoryByPage } from '../tickets/ticket-event.service.js';
import { invalidPage, LAST_PAGE, lastPageOf, linkHeader, parsePageNumber, parsePageSize } from './pagination.js';
import { etagOf, parseIfMatch } from './preconditions.js';
import { registerResource } from './resource.js';
import {
  bodyFields,
  queryValue,
  ticketBodyFields,
  toCreateTicketRequest,
  toRestClassification,
  toRestCreatedTicket,
  toBulkUpdateRequest,
  toRestActiveByAssignee,
  toRestStats,
  toRestTicketEvents,
  toRestTicketOf,
  toRestTickets,
  toTicketFilterRequest,
  toTicketOrder,
  toUpdateTicketRequest,
} from './ticket.serializer.js';
import {
  bulkUpdateTicketsSchema,
  classifySchema,
  createTicketSchema,
  getTicketSchema,
  listTicketsSchema,
  ticketHistorySchema,
  ticketStatsSchema,
  updateTicketSchema,
} from './ticket.schemas.js';

export interface TicketRoutesOptions {
  db: Db;
  /** The classifier and the per-client budget it shares with GraphQL. */
  classifier: ClassifyDeps;
}

type Query = Record<string, unknown>;
type IdParams = { id: string };

/**
 * Where page links point: absolute like DRF's. The host has passed ALLOWED_HOSTS (see
 * http/request-guards.ts); host and scheme are a trusted proxy's X-Forwarded-Host and
 * -Proto when TRUST_PROXY names it, and the request's own otherwise. The URL is a
 * path: request-guards.ts reduces an absolute-form target to one.
 */
export function requestBase(req: FastifyRequest): { base: string; query: string } {
  const at = req.url.indexOf('?');
  const path = at === -1 ? req.url : req.url.slice(0, at);
  const query = at === -1 ? '' : req.url.slice(at + 1);
  const scheme = req.protocol;
  return { base: scheme === 'http' || scheme === 'https' ? `${scheme}://${req.host}${path}` : path, query };
}

export function registerTicketRoutes(app: FastifyInstance, { db, classifier }: TicketRoutesOptions): void {
  registerResource(app, {
    url: '/tickets/',
    name: 'Ticket List',
    description: 'List tickets, newest first unless `ordering` says otherwise, or create one.',
    access: 'tickets:read',
    routes: {
      GET: {
        config: { access: 'tickets:read' },
        schema: listTicketsSchema,
        handler: async (req, reply) => {
          const query = req.query as Query;
          const pageSize = parsePageSize(queryValue(query, 'page_size'));
          const requested = parsePageNumber(queryValue(query, 'page'), pageSize);
          const params = {
            caller: req.actor,
            filter: toTicketFilterRequest(query),
            search: queryValue(query, 'search') ?? null,
            order: toTicketOrder(queryValue(query, 'ordering')),
            pageSize,
          };
          let result = await listTicketsByPage(db, { ...params, page: requested === LAST_PAGE ? 1 : requested });
          // A broad search is counted only up to a cap; past it the last page is unknown.
          const lastPage = result.totalExact ? lastPageOf(result.total, pageSize) : null;
          if (requested === LAST_PAGE) {
            if (lastPage === null) throw invalidPage();
            if (lastPage > 1) result = await listTicketsByPage(db, { ...params, page: lastPage });
          } else if (lastPage === null ? result.rows.length === 0 && requested > 1 : requested > lastPage) {
            throw invalidPage();
          }
          if (lastPage !== null) reply.header('x-total-count', String(result.total));
          const hasNext = lastPage === null ? result.rows.length === pageSize : result.page < lastPage;
          reply.header('link', linkHeader({ ...requestBase(req), page: result.page, hasNext, lastPage }));
          return toRestTickets(db, result.rows);
        },
      },
      POST: {
        config: { access: 'tickets:write' },
        schema: createTicketSchema,
        handler: async (req, reply) => {
          const created = await createTicket(db, req.actor, toCreateTicketRequest(ticketBodyFields(req)), {
            idempotencyKey: req.headers['idempotency-key'],
          });
          return reply.code(201).send(await toRestCreatedTicket(db, created));
        },
      },
    },
  });

  registerResource(app, {
    url: '/tickets/:id/',
    name: 'Ticket Instance',
    description: 'Read or partially update one ticket.',
    access: 'tickets:read',
    routes: {
      GET: {
        config: { access: 'tickets:read' },
        schema: getTicketSchema,
        handler: async (req, reply) => {
          const row = await getTicket(db, (req.params as IdParams).id);
          if (!row) throw TicketError.notFound();
          reply.header('etag', etagOf(row.version));
          return toRestTicketOf(db, row);
        },
      },
      PATCH: {
        config: { access: 'tickets:write' },
        schema: updateTicketSchema,
        handler: async (req, reply) => {
          const expectedVersion = parseIfMatch(req.headers['if-match']);
          const row = await updateTicket(db, req.actor, (req.params as IdParams).id, toUpdateTicketRequest(ticketBodyFields(req)), {
            expectedVersion,
          });
          reply.header('etag', etagOf(row.version));
          return toRestTicketOf(db, row);
        },
      },
    },
  });

  registerResource(app, {
    url: '/tickets/bulk/',
    name: 'Ticket Bulk Update',
    description: 'Change status, priority, category or assignee of many tickets at once: all or nothing.',
    access: 'tickets:write',
    routes: {
      PATCH: {
        config: { access: 'tickets:write' },
        schema: bulkUpdateTicketsSchema,
        handler: async (req) => {
          const fields = ticketBodyFields(req);
          return { results: await toRestTickets(db, await bulkUpdateTickets(db, req.actor, fields.ids, toBulkUpdateRequest(fields))) };
        },
      },
    },
  });

  registerResource(app, {
    url: '/tickets/:id/history/',
    name: 'Ticket History',
    description: "A ticket's history, oldest first. Append-only: read only.",
    access: 'tickets:read',
    routes: {
      GET: {
        config: { access: 'tickets:read' },
        schema: ticketHistorySchema,
        handler: async (req, reply) => {
          const query = req.query as Query;
          const pageSize = parsePageSize(queryValue(query, 'page_size'));
          const page = parsePageNumber(queryValue(query, 'page'), pageSize);
          const result = await listTicketHistoryByPage(db, (req.params as IdParams).id, { page, pageSize });
          if (result.page > result.lastPage) throw invalidPage();
          reply.header('x-total-count', String(result.total));
          reply.header(
            'link',
            linkHeader({ ...requestBase(req), page: result.page, hasNext: result.page < result.lastPage, lastPage: result.lastPage }),
          );
          return toRestTicketEvents(result.rows);
        },
      },
    },
  });

  registerResource(app, {
    url: '/tickets/stats/',
    name: 'Ticket Stats',
    description: 'Ticket statistics computed by the database.',
    access: 'tickets:read',
    routes: {
      GET: {
        config: { access: 'tickets:read' },
        schema: ticketStatsSchema,
        handler: async (req) => {
          const stats = await getTicketStats(db, toTicketFilterRequest(req.query as Query), req.actor);
          return {
            ...toRestStats(stats),
            active_by_assignee: toRestActiveByAssignee(await getActiveByAssignee(db, stats.query)),
          };
        },
      },
    },
  });

  registerResource(app, {
    url: '/tickets/classify/',
    name: 'Ticket Classify',
    description: 'Suggest a category and priority for a ticket description.',
    access: 'classify',
    routes: {
      POST: {
        config: { access: 'classify' },
        schema: classifySchema,
        handler: async (req) => {
          const { description } = bodyFields(req);
          // Keyed like GraphQL's, so both APIs draw on one budget per client.
          return toRestClassification(await classifyTicketDescription(classifier, db, req.ip, description, req.log));
        },
      },
    },
  });
}
