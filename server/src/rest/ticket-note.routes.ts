// The notes of a ticket over REST: each handler unpacks the request, calls one service
// function (the same ones GraphQL calls) and shapes the answer.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.js';
import { addTicketNote, listTicketNotesByPage } from '../tickets/ticket-note.service.js';
import { invalidPage, linkHeader, parsePageNumber, parsePageSize } from './pagination.js';
import { registerResource } from './resource.js';
import { addTicketNoteSchema, listTicketNotesSchema } from './ticket-note.schemas.js';
import { toRestNamedTicketNotes, toRestTicketNotes } from './ticket-note.serializer.js';
import { requestBase } from './ticket.routes.js';
import { bodyFields, queryValue } from './ticket.serializer.js';

type IdParams = { id: string };

export function registerTicketNoteRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  registerResource(app, {
    url: '/tickets/:id/notes/',
    name: 'Ticket Notes',
    description: "A ticket's internal notes, oldest first, or add one. Append-only: never edited or deleted.",
    access: 'tickets:read',
    routes: {
      GET: {
        config: { access: 'tickets:read' },
        schema: listTicketNotesSchema,
        handler: async (req, reply) => {
          const query = req.query as Record<string, unknown>;
          const pageSize = parsePageSize(queryValue(query, 'page_size'));
          const page = parsePageNumber(queryValue(query, 'page'), pageSize);
          const result = await listTicketNotesByPage(db, (req.params as IdParams).id, { page, pageSize });
          if (result.page > result.lastPage) throw invalidPage();
          reply.header('x-total-count', String(result.total));
          reply.header(
            'link',
            linkHeader({ ...requestBase(req), page: result.page, hasNext: result.page < result.lastPage, lastPage: result.lastPage }),
          );
          return toRestNamedTicketNotes(result.rows);
        },
      },
      POST: {
        config: { access: 'tickets:write' },
        schema: addTicketNoteSchema,
        handler: async (req, reply) => {
          const note = await addTicketNote(db, req.actor, (req.params as IdParams).id, { body: bodyFields(req).body });
          return reply.code(201).send((await toRestTicketNotes(db, [note]))[0]);
        },
      },
    },
  });
}
