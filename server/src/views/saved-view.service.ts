// A person's saved views: list, save, change and delete their own. Only a person has
// views: a signed-in session's, or those of the user an API token acts for (a token
// reads and changes its user's views as that person would, within its scopes). A
// caller who is no user (ANONYMOUS_ACCESS) has none and may save none. Another
// person's view is "not found", the same answer as one that does not exist, so ids
// reveal nothing.
import type { Actor } from '../auth/actor.js';
import { AuthError } from '../auth/auth.errors.js';
import type { Db } from '../db/client.js';
import { parseTicketId } from '../tickets/ticket.validation.js';
import { SavedViewError } from './saved-view.errors.js';
import {
  countSavedViewsOf,
  deleteSavedViewOf,
  findSavedViewOf,
  insertSavedView,
  listSavedViewsOf,
  lockViewsOf,
  nameTakenBy,
  updateSavedViewOf,
  type SavedViewRow,
} from './saved-view.repository.js';
import { SAVED_VIEWS_MAX, validateNewSavedView, validateSavedViewChange, type NewSavedViewRequest } from './saved-view.validation.js';

export type { SavedViewRow };

/** The person whose views these are. */
function ownerOf(actor: Actor): number {
  if (actor.userId === null) throw new AuthError('UNAUTHENTICATED');
  return actor.userId;
}

/** A view id as a client gave it (ids are `integer`s, as tickets'); anything else is not found. */
function parseViewId(raw: unknown): number {
  const id = parseTicketId(raw);
  if (id === null) throw SavedViewError.notFound();
  return id;
}

function nameTaken(): SavedViewError {
  return new SavedViewError('VALIDATION_FAILED', [{ field: 'name', code: 'TAKEN', message: 'You already have a view with this name.' }]);
}

export function listSavedViews(db: Db, actor: Actor): Promise<SavedViewRow[]> {
  return listSavedViewsOf(db, ownerOf(actor), SAVED_VIEWS_MAX);
}

/** One of the caller's views; null for any other id (another person's view included). */
export async function findSavedView(db: Db, actor: Actor, rawId: unknown): Promise<SavedViewRow | null> {
  const userId = ownerOf(actor);
  const id = parseTicketId(rawId);
  return id === null ? null : ((await findSavedViewOf(db, userId, id)) ?? null);
}

export async function createSavedView(db: Db, actor: Actor, request: NewSavedViewRequest): Promise<SavedViewRow> {
  const userId = ownerOf(actor);
  const { name, query } = validateNewSavedView(request);
  return db.transaction(async (tx) => {
    await lockViewsOf(tx, userId);
    if ((await countSavedViewsOf(tx, userId)) >= SAVED_VIEWS_MAX) {
      throw new SavedViewError('VALIDATION_FAILED', [
        { field: null, code: 'TOO_MANY', message: `You can keep at most ${SAVED_VIEWS_MAX} views: delete one first.` },
      ]);
    }
    if (await nameTakenBy(tx, userId, name)) throw nameTaken();
    return insertSavedView(tx, { userId, name, query });
  });
}

/** Renames a view, or changes its query (see `validateSavedViewChange`). */
export async function updateSavedView(db: Db, actor: Actor, rawId: unknown, request: NewSavedViewRequest): Promise<SavedViewRow> {
  const userId = ownerOf(actor);
  const id = parseViewId(rawId);
  return db.transaction(async (tx) => {
    await lockViewsOf(tx, userId);
    const current = await findSavedViewOf(tx, userId, id);
    if (!current) throw SavedViewError.notFound();
    const patch = validateSavedViewChange(request, current.query);
    if (patch.name !== undefined && (await nameTakenBy(tx, userId, patch.name, id))) throw nameTaken();
    return (await updateSavedViewOf(tx, userId, id, patch))!;
  });
}

/** The id of the view deleted. */
export async function deleteSavedView(db: Db, actor: Actor, rawId: unknown): Promise<number> {
  const userId = ownerOf(actor);
  const id = parseViewId(rawId);
  if (!(await deleteSavedViewOf(db, userId, id))) throw SavedViewError.notFound();
  return id;
}
