// Data factories: tickets written straight to the database, with any column
// overridable (creation times included), for arranging test scenarios. A ticket
// gets a suggestion only as the server gives one: issued as classify issues it,
// then redeemed; its suggestion columns cannot be set directly.
import type { Db } from '../../src/db/client.js';
import { ROLE_SCOPES, type ApiTokenScope } from '../../src/auth/auth.enums.js';
import { hashPassword } from '../../src/auth/password.js';
import { digestSecret, newApiTokenSecret } from '../../src/auth/secrets.js';
import type { UserRow } from '../../src/auth/user.repository.js';
import { apiTokens, tickets, users, type NewTicketRow, type TicketRow } from '../../src/db/schema.js';
import {
  RESOLVED_STATUSES,
  type ClassificationSource,
  type TicketCategory,
  type TicketPriority,
  type TicketStatus,
} from '../../src/tickets/ticket.enums.js';
import { issueSuggestion, redeemSuggestion } from '../../src/tickets/ticket-suggestion.service.js';

/** A classifier's answer, standing in for Gemini or the offline classifier. */
export interface SuggestedAnswer {
  category: `${TicketCategory}`;
  priority: `${TicketPriority}`;
  source: `${ClassificationSource}`;
}

/** Column overrides; enum columns also take their plain lowercase strings. */
export type TicketOverrides = Omit<
  Partial<NewTicketRow>,
  'category' | 'priority' | 'status' | 'suggestedCategory' | 'suggestedPriority' | 'classificationSource'
> & {
  category?: `${TicketCategory}`;
  priority?: `${TicketPriority}`;
  status?: `${TicketStatus}`;
  /** The suggestion shown: issued for the ticket's description and redeemed, as a create through the API does. */
  suggested?: SuggestedAnswer;
};

/**
 * Records `answer` as the server's suggestion for `description`, as classify does,
 * and returns the id classify would answer.
 */
export function issueTestSuggestion(db: Db, description: string, answer: SuggestedAnswer): Promise<string> {
  return issueSuggestion(db, description, answer as Parameters<typeof issueSuggestion>[2]);
}

let sequence = 0;

export async function createTicket(db: Db, overrides: TicketOverrides = {}): Promise<TicketRow> {
  sequence += 1;
  const { suggested: answer, ...columns } = overrides;
  const status = (columns.status ?? 'open') as TicketStatus;
  const description = columns.description ?? `Description of ticket ${sequence}`;
  let suggestion = null;
  if (answer) {
    const id = await issueTestSuggestion(db, description, answer);
    suggestion = await redeemSuggestion(db, { id }, description);
    if (!suggestion) throw new Error('the suggestion just issued could not be redeemed');
  }
  const [row] = await db
    .insert(tickets)
    .values({
      title: `Ticket ${sequence}`,
      description,
      resolvedAt: RESOLVED_STATUSES.includes(status) ? (columns.createdAt ?? new Date()) : null,
      ...columns,
      suggestedCategory: suggestion?.category ?? null,
      suggestedPriority: suggestion?.priority ?? null,
      classificationSource: suggestion?.source ?? null,
      // As a create through the API decides it: kept when saved with both suggested values.
      suggestionAccepted: suggestion
        ? suggestion.category === (columns.category ?? 'general') && suggestion.priority === (columns.priority ?? 'medium')
        : null,
      filedCategory: suggestion ? (columns.category ?? 'general') : null,
      filedPriority: suggestion ? (columns.priority ?? 'medium') : null,
    } as NewTicketRow)
    .returning();
  return row!;
}

export async function createTickets(db: Db, n: number, overrides: (i: number) => TicketOverrides = () => ({})): Promise<TicketRow[]> {
  const rows: TicketRow[] = [];
  for (let i = 0; i < n; i += 1) rows.push(await createTicket(db, overrides(i)));
  return rows;
}

// ---- identity ------------------------------------------------------------------

let userSequence = 0;
let passwordHash: Promise<string> | undefined;

/** The password every factory user has; hashed once per worker (argon2 is slow on purpose). */
export const FACTORY_PASSWORD = 'correct horse battery staple';

export interface UserOverrides {
  email?: string;
  displayName?: string;
  role?: 'admin' | 'agent';
  active?: boolean;
  /** null: an invitation not yet accepted. */
  password?: null;
}

export async function createUser(db: Db, overrides: UserOverrides = {}): Promise<UserRow> {
  userSequence += 1;
  passwordHash ??= hashPassword(FACTORY_PASSWORD);
  const [row] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `user${userSequence}-${process.pid}@example.com`,
      displayName: overrides.displayName ?? `User ${userSequence}`,
      role: overrides.role ?? 'agent',
      active: overrides.active ?? true,
      passwordHash: overrides.password === null ? null : await passwordHash,
    })
    .returning();
  return row!;
}

/** An API token for `user` with `scopes` (default: all its role allows); returns the secret to send. */
export async function createToken(
  db: Db,
  user: UserRow,
  options: { scopes?: ApiTokenScope[]; name?: string; expiresAt?: Date | null } = {},
): Promise<{ token: string; id: number }> {
  const token = newApiTokenSecret();
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: user.id,
      name: options.name ?? `Token of ${user.displayName}`,
      secretHash: digestSecret(token),
      prefix: token.slice(0, 12),
      scopes: options.scopes ?? [...ROLE_SCOPES[user.role]],
      expiresAt: options.expiresAt ?? null,
    })
    .returning();
  return { token, id: row!.id };
}

/** A signed-in caller: a user and a token with every scope of their role, as `Authorization` sends it. */
export async function createCaller(db: Db, role: 'admin' | 'agent' = 'admin') {
  const user = await createUser(db, { role });
  const { token, id } = await createToken(db, user);
  return { user, token, tokenId: id, authorization: `Token ${token}` };
}
