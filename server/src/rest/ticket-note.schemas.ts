// JSON Schemas of the notes' REST routes (the OpenAPI document and the response
// serializers); the body's limit is the one the service validates with.
import type { FastifySchema } from 'fastify';
import { TICKET_NOTE_MAX } from '../tickets/ticket.enums.js';
import { BODY_TYPES, pageParams, ref, TAGS, ticketIdParams } from './ticket.schemas.js';

export const listTicketNotesSchema: FastifySchema = {
  tags: TAGS,
  summary: "A ticket's internal notes",
  description:
    'Oldest first. Paginated as the ticket list is: a plain array, with `page`/`page_size` and the `Link` and `X-Total-Count` headers.',
  params: ticketIdParams,
  querystring: { type: 'object', properties: pageParams },
  response: {
    200: {
      description: 'One page of notes.',
      type: 'array',
      items: ref('TicketNote'),
      headers: {
        Link: { type: 'string', description: 'RFC 8288 links to the first, previous, next and last pages.' },
        'X-Total-Count': { type: 'integer', description: 'How many notes the ticket has.' },
      },
    },
    404: { ...ref('Detail'), description: 'No such ticket, or invalid page.' },
  },
};

export const addTicketNoteSchema: FastifySchema = {
  tags: TAGS,
  summary: 'Add an internal note to a ticket',
  description:
    'Recorded in the ticket’s history (`note_added`) in the same write; the ticket itself does not change (same `version` and ETag). ' +
    'Notes cannot be edited or deleted: a correction is a new note.',
  consumes: BODY_TYPES,
  params: ticketIdParams,
  body: {
    type: 'object',
    required: ['body'],
    properties: { body: { type: 'string', maxLength: TICKET_NOTE_MAX, description: 'Plain text, trimmed; not blank.' } },
  },
  response: {
    201: { ...ref('TicketNote'), description: 'The note added.' },
    400: { ...ref('FieldErrors'), description: 'The body is missing, blank or too long; nothing was written.' },
    404: { ...ref('Detail'), description: 'No such ticket.' },
  },
};
