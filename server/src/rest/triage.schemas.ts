// JSON Schemas of the triage routes: similar tickets and the triage report.
import type { FastifySchema } from 'fastify';
import { SIMILAR_TICKETS_MAX } from '../classifier/similar-tickets.service.js';
import { TRIAGE_DAYS_DEFAULT, TRIAGE_DAYS_MAX } from '../classifier/triage.service.js';
import { CONFIDENCE_BAND_RANGES, CONFIDENCE_BANDS } from '../tickets/ticket.enums.js';
import { TICKET_CATEGORIES, TICKET_DESCRIPTION_MAX, TICKET_PRIORITIES } from '../tickets/ticket.enums.js';
import { filterParams, ref } from './ticket.schemas.js';

const TAGS = ['tickets'];

const figures = {
  suggested: { type: 'integer' },
  accepted: { type: 'integer' },
  overridden: { type: 'integer' },
  acceptance_rate: { type: ['number', 'null'], description: 'accepted / suggested; null when nothing was suggested.' },
} as const;
const figureKeys = ['suggested', 'accepted', 'overridden', 'acceptance_rate'];

const perLabel = (keys: readonly string[], description: string) => ({
  type: 'object',
  description,
  required: keys,
  properties: Object.fromEntries(keys.map((k) => [k, { type: 'object', required: figureKeys, properties: figures }])),
});

const overrides = (labels: readonly string[], description: string) => ({
  type: 'array',
  description,
  items: {
    type: 'object',
    required: ['suggested', 'chosen', 'count'],
    properties: { suggested: { type: 'string', enum: labels }, chosen: { type: 'string', enum: labels }, count: { type: 'integer' } },
  },
});

export const similarTicketsSchema: FastifySchema = {
  tags: TAGS,
  summary: 'Tickets similar to a text',
  description:
    `Up to ${SIMILAR_TICKETS_MAX} existing tickets like \`text\` (possible duplicates of a ticket being written): open and ` +
    'in-progress ones first, then by similarity. Empty when nothing is similar enough. Same as GraphQL `similarTickets`.',
  querystring: {
    type: 'object',
    properties: {
      text: { type: 'string', maxLength: TICKET_DESCRIPTION_MAX, description: 'The description being written: not blank.' },
      limit: {
        type: 'integer',
        minimum: 1,
        maximum: SIMILAR_TICKETS_MAX,
        description: `How many at most (default ${SIMILAR_TICKETS_MAX}).`,
      },
    },
  },
  response: {
    200: {
      type: 'array',
      items: {
        allOf: [
          ref('Ticket'),
          {
            type: 'object',
            required: ['similarity'],
            properties: { similarity: { type: 'number', description: 'Trigram similarity of the descriptions (0–1).' } },
          },
        ],
      },
    },
    400: { ...ref('FieldErrors'), description: 'The text is missing, blank or too long, or the limit is out of range.' },
  },
};

export const triageSchema: FastifySchema = {
  tags: TAGS,
  summary: 'Whether triage works',
  description:
    `Tickets created with a suggestion in the last \`days\` days (1–${TRIAGE_DAYS_MAX}, default ${TRIAGE_DAYS_DEFAULT}), judged by what the agent saved when creating each ticket (a later edit is history, not an override): ` +
    'acceptance by confidence band, per suggested category and priority, and the override matrices (suggested -> chosen). ' +
    'The same filters as the statistics apply. Same figures as GraphQL `stats { triage }`.',
  querystring: {
    type: 'object',
    properties: { ...filterParams, days: { type: 'integer', minimum: 1, maximum: TRIAGE_DAYS_MAX } },
  },
  response: {
    200: {
      type: 'object',
      required: ['days', 'since', ...figureKeys, 'by_confidence', 'by_category', 'by_priority', 'category_overrides', 'priority_overrides'],
      properties: {
        days: { type: 'integer' },
        since: { type: 'string', format: 'date-time' },
        ...figures,
        by_confidence: {
          type: 'array',
          description: `One entry per band (${CONFIDENCE_BANDS.map((band) => `${band} from ${CONFIDENCE_BAND_RANGES[band].from}`).join(', ')}); \`band\` is the \`confidence\` list filter's value, lowest first.`,
          items: {
            type: 'object',
            required: ['band', 'from', 'to', ...figureKeys],
            properties: { band: { type: 'string', enum: CONFIDENCE_BANDS }, from: { type: 'number' }, to: { type: 'number' }, ...figures },
          },
        },
        by_category: perLabel(TICKET_CATEGORIES, 'Per suggested category: kept that category, or not.'),
        by_priority: perLabel(TICKET_PRIORITIES, 'Per suggested priority: kept that priority, or not.'),
        category_overrides: overrides(TICKET_CATEGORIES, 'Suggested -> chosen category where they differ; only pairs with tickets.'),
        priority_overrides: overrides(TICKET_PRIORITIES, 'Suggested -> chosen priority where they differ; only pairs with tickets.'),
      },
    },
    400: { ...ref('FieldErrors'), description: 'An invalid filter value or number of days.' },
  },
};
