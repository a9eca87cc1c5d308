// The saved views over REST (`/api/views/`), as a DRF ModelViewSet of the caller's
// own views: each handler unpacks the request, calls one service function (the same
// ones GraphQL calls) and shapes the answer.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.js';
import { SavedViewError } from '../views/saved-view.errors.js';
import { createSavedView, deleteSavedView, findSavedView, listSavedViews, updateSavedView } from '../views/saved-view.service.js';
import { registerResource } from './resource.js';
import {
  createSavedViewSchema,
  deleteSavedViewSchema,
  getSavedViewSchema,
  listSavedViewsSchema,
  updateSavedViewSchema,
} from './saved-view.schemas.js';
import { toRestSavedView, toSavedViewRequest } from './saved-view.serializer.js';
import { bodyFields } from './ticket.serializer.js';

type IdParams = { id: string };

export function registerSavedViewRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  registerResource(app, {
    url: '/views/',
    name: 'Saved View List',
    description: 'Your saved views of the ticket list, or save one.',
    access: 'tickets:read',
    routes: {
      GET: {
        config: { access: 'tickets:read' },
        schema: listSavedViewsSchema,
        handler: async (req) => (await listSavedViews(db, req.actor)).map(toRestSavedView),
      },
      POST: {
        config: { access: 'tickets:write' },
        schema: createSavedViewSchema,
        handler: async (req, reply) => {
          const view = await createSavedView(db, req.actor, toSavedViewRequest(bodyFields(req)));
          return reply.code(201).send(toRestSavedView(view));
        },
      },
    },
  });

  registerResource(app, {
    url: '/views/:id/',
    name: 'Saved View Instance',
    description: 'Read, rename, change or delete one of your saved views.',
    access: 'tickets:read',
    routes: {
      GET: {
        config: { access: 'tickets:read' },
        schema: getSavedViewSchema,
        handler: async (req) => {
          const view = await findSavedView(db, req.actor, (req.params as IdParams).id);
          if (!view) throw SavedViewError.notFound();
          return toRestSavedView(view);
        },
      },
      PATCH: {
        config: { access: 'tickets:write' },
        schema: updateSavedViewSchema,
        handler: async (req) =>
          toRestSavedView(await updateSavedView(db, req.actor, (req.params as IdParams).id, toSavedViewRequest(bodyFields(req)))),
      },
      DELETE: {
        config: { access: 'tickets:write' },
        schema: deleteSavedViewSchema,
        handler: async (req, reply) => {
          await deleteSavedView(db, req.actor, (req.params as IdParams).id);
          return reply.code(204).send();
        },
      },
    },
  });
}
