// The triage endpoints of the REST shim: similar tickets while a ticket is written, and
// the triage report. Thin adapters over the same services as GraphQL.
import type { FastifyInstance } from 'fastify';
import { findSimilarTickets } from '../classifier/similar-tickets.service.js';
import { getTriageReport, type Acceptance } from '../classifier/triage.service.js';
import type { Db } from '../db/client.js';
import { TICKET_CATEGORIES, TICKET_PRIORITIES } from '../tickets/ticket.enums.js';
import { registerResource } from './resource.js';
import { queryValue, toRestTickets, toTicketFilterRequest } from './ticket.serializer.js';
import { similarTicketsSchema, triageSchema } from './triage.schemas.js';

type Query = Record<string, unknown>;

function figures({ suggested, accepted }: Acceptance) {
  return { suggested, accepted, overridden: suggested - accepted, acceptance_rate: suggested === 0 ? null : accepted / suggested };
}

/**
 * An integer query parameter as the service expects it (the route's schema has usually
 * coerced it already): absent stays absent, anything else a number, NaN when it is not
 * one, which the service refuses as out of range.
 */
function integerParam(query: Query, name: string): number | undefined {
  const raw = query[name];
  const value: unknown = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^-?[0-9]{1,9}$/.test(value) ? Number(value) : Number.NaN;
}

export function registerTriageRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  registerResource(app, {
    url: '/tickets/similar/',
    name: 'Similar Tickets',
    description: 'Existing tickets like a text: possible duplicates.',
    access: 'tickets:read',
    routes: {
      GET: {
        config: { access: 'tickets:read' },
        schema: similarTicketsSchema,
        handler: async (req) => {
          const query = req.query as Query;
          const rows = await findSimilarTickets(db, queryValue(query, 'text'), integerParam(query, 'limit'), 'limit');
          const tickets = await toRestTickets(
            db,
            rows.map((r) => r.ticket),
          );
          return tickets.map((ticket, i) => ({ ...ticket, similarity: rows[i]!.similarity }));
        },
      },
    },
  });

  registerResource(app, {
    url: '/tickets/stats/triage/',
    name: 'Ticket Triage',
    description: 'Whether the suggestions are kept: by confidence band, category and priority, with the override matrices.',
    access: 'tickets:read',
    routes: {
      GET: {
        config: { access: 'tickets:read' },
        schema: triageSchema,
        handler: async (req) => {
          const query = req.query as Query;
          const r = await getTriageReport(db, { filter: toTicketFilterRequest(query) }, integerParam(query, 'days'));
          return {
            days: r.days,
            since: r.since.toISOString(),
            ...figures(r.overall),
            by_confidence: r.byConfidence.map((b) => ({ band: b.band, from: b.from, to: b.to, ...figures(b) })),
            by_category: Object.fromEntries(TICKET_CATEGORIES.map((c) => [c, figures(r.byCategory.find((x) => x.category === c)!)])),
            by_priority: Object.fromEntries(TICKET_PRIORITIES.map((p) => [p, figures(r.byPriority.find((x) => x.priority === p)!)])),
            category_overrides: r.categoryOverrides,
            priority_overrides: r.priorityOverrides,
          };
        },
      },
    },
  });
}
