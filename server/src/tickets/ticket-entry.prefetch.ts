// `ticket(id:) { history notes }` without waiting for the ticket: the id is known
// before the ticket is read, so the pages its selection asks for (and then who wrote
// them) are read alongside it, into the operation's loaders, where the field
// resolvers find them under the same keys. Two rounds to the database instead of
// three for the ticket page of the web app, which asks for both.
import { getArgumentValues, getNamedType, isObjectType, type GraphQLResolveInfo, type SelectionSetNode, type FieldNode } from 'graphql';
import { loadAuthor } from '../auth/actor.loader.js';
import type { GraphQLContext } from '../graphql/context.js';
import { listTicketHistory } from './ticket-event.service.js';
import { listTicketNotes } from './ticket-note.service.js';

const ENTRY_FIELDS = new Set(['history', 'notes']);

/** The `history` and `notes` fields of the selection (directly or through fragments). */
function entryFields(info: GraphQLResolveInfo): FieldNode[] {
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') {
        if (ENTRY_FIELDS.has(s.name.value)) found.push(s);
      } else if (s.kind === 'InlineFragment') visit(s.selectionSet);
      else visit(info.fragments[s.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return found;
}

/**
 * Starts reading, for ticket `ticketId`, every history and notes page the selection
 * asks for, and their authors. Fire and forget: a page whose arguments are invalid,
 * or a read that fails, is left to the field's own resolver to report.
 */
export function prefetchTicketEntries(ctx: GraphQLContext, info: GraphQLResolveInfo, ticketId: number): void {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return;
  for (const node of entryFields(info)) {
    const field = type.getFields()[node.name.value];
    if (!field) continue;
    try {
      const args = getArgumentValues(field, node, info.variableValues) as { first?: number | null; after?: string | null };
      const page =
        node.name.value === 'history'
          ? listTicketHistory((id, p) => ctx.loaders.historyPages.load({ ticketId: id, ...p }), ticketId, args).then((read) =>
              read.rows.map((row) => ({ userId: row.actorUserId, tokenId: row.actorTokenId })),
            )
          : listTicketNotes((id, p) => ctx.loaders.notePages.load({ ticketId: id, ...p }), ticketId, args).then((read) =>
              read.rows.map((row) => ({ userId: row.authorUserId, tokenId: row.authorTokenId })),
            );
      page.then((authors) => authors.forEach((author) => void loadAuthor(ctx.loaders, author).catch(() => {}))).catch(() => {});
    } catch {
      // Invalid arguments: the field's resolver reports them.
    }
  }
}
