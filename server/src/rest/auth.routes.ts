// DRF's obtain-token endpoint (`rest_framework.authtoken`'s ObtainAuthToken): a script
// trades an email and password for an API token with one request, no web app needed.
import type { FastifyInstance } from 'fastify';
import { obtainApiToken } from '../auth/api-token.service.js';
import type { AuthSettings } from '../config.js';
import type { Db } from '../db/client.js';
import { registerResource } from './resource.js';
import { obtainTokenSchema } from './auth.schemas.js';
import { bodyFields } from './ticket.serializer.js';

export interface AuthRoutesOptions {
  db: Db;
  settings: AuthSettings;
}

export function registerAuthRoutes(app: FastifyInstance, { db, settings }: AuthRoutesOptions): void {
  registerResource(app, {
    url: '/auth/token/',
    name: 'Obtain Auth Token',
    description: 'Trade an email and password for an API token.',
    access: 'public',
    routes: {
      POST: {
        config: { access: 'public' },
        schema: obtainTokenSchema,
        handler: async (req, reply) => {
          const { email, password, name, scopes, expires_at: expiresAt } = bodyFields(req);
          const { token } = await obtainApiToken(db, settings, { email, password, name, scopes, expiresAt, clientAddress: req.ip });
          return reply.code(201).send({ token });
        },
      },
    },
  });
}
