// JSON Schemas of the identity endpoints of the REST API, for the OpenAPI document.
import type { FastifySchema } from 'fastify';
import { API_TOKEN_SCOPES, ROLE_SCOPES } from '../auth/auth.enums.js';
import { PASSWORD_MAX_LENGTH } from '../auth/password.js';
import { EMAIL_MAX_LENGTH, TOKEN_EXPIRY_MAX_DAYS, TOKEN_NAME_MAX_LENGTH } from '../auth/auth.validation.js';

export const obtainTokenSchema: FastifySchema = {
  tags: ['auth'],
  summary: 'Obtain an API token',
  description:
    "Django REST Framework's obtain-token convention: send an email and password, get a token to send as `Authorization: Token <token>` " +
    '(or `Bearer <token>`). The token acts for that person; by default it may do everything their role allows ' +
    `(agents: ${ROLE_SCOPES.agent.join(', ')}; admins: also admin). It is shown in this answer only. ` +
    'Wrong credentials answer 400 with `non_field_errors`; repeated failures answer 429 with Retry-After.',
  consumes: ['application/json', 'application/x-www-form-urlencoded'],
  security: [],
  body: {
    type: 'object',
    required: ['email', 'password'],
    properties: {
      email: { type: 'string', maxLength: EMAIL_MAX_LENGTH },
      password: { type: 'string', maxLength: PASSWORD_MAX_LENGTH, format: 'password' },
      name: { type: 'string', maxLength: TOKEN_NAME_MAX_LENGTH, description: 'What the token is for.' },
      scopes: { type: 'array', items: { type: 'string', enum: API_TOKEN_SCOPES }, description: 'At most what the role allows.' },
      expires_at: {
        type: 'string',
        format: 'date-time',
        description: `When it stops working; at most ${TOKEN_EXPIRY_MAX_DAYS} days ahead.`,
      },
    },
  },
  response: {
    201: { type: 'object', required: ['token'], properties: { token: { type: 'string' } } },
    400: { $ref: 'FieldErrors#', description: 'Missing fields, invalid scopes, or `non_field_errors` for wrong credentials.' },
    429: { $ref: 'Detail#', description: 'Too many failed attempts for this account or address.' },
  },
};
