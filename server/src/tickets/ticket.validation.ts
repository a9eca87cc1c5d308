// The rules for ticket input, written once and used by every adapter (GraphQL and
// REST). Each function collects issues instead of throwing, so that every failing
// field is reported at once.
import {
  TICKET_ID_MAX,
  ClassificationSource,
  TICKET_CATEGORIES,
  TICKET_DESCRIPTION_MAX,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TITLE_MAX,
  type TicketCategory,
  type TicketPriority,
  type TicketStatus,
  CLASSIFICATION_SOURCES,
} from './ticket.enums.js';
import { TicketError, type TicketIssue } from './ticket.errors.js';
import { codePointLength, hasLoneSurrogate, isBlankText } from './ticket-text.js';

export const MESSAGES = {
  required: 'This field is required.',
  null: 'This field may not be null.',
  blank: 'This field may not be blank.',
  notString: 'Not a valid string.',
  notInteger: 'A valid integer is required.',
  nullCharacters: 'Null characters are not allowed.',
  loneSurrogate: 'Unpaired surrogate characters are not allowed: send well-formed Unicode text.',
  invalidUtf8: 'Not valid UTF-8: the request body holds bytes that are not text in this field.',
  invalidUtf8Query: 'Not valid UTF-8: the query string holds bytes that are not text in this parameter.',
  tooLong: (max: number) => `Ensure this field has no more than ${max} characters.`,
  notSuggestionId: 'Not a suggestion id: send the id a classify answer carried, unchanged.',
  invalidChoice: (value: unknown) => `"${pythonStr(value)}" is not a valid choice.`,
  invalidDate: 'Enter a valid date/time.',
  dateOutOfRange: 'Ensure this date/time is between the years 1 and 9999.',
} as const;

/**
 * A value as Python's `str()` prints it, so that messages quoting the client's value
 * read as DRF's do (`"['billing']" is not a valid choice.`, `"True" …`).
 */
export function pythonStr(value: unknown, nested = false): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return nested ? pythonRepr(value) : value;
  if (Array.isArray(value)) return `[${value.map((v) => pythonStr(v, true)).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${pythonStr(k, true)}: ${pythonStr(v, true)}`)
      .join(', ')}}`;
  }
  return String(value);
}

const PYTHON_TYPE_NAMES: Record<string, string> = { string: 'str', number: 'float', boolean: 'bool' };

/** The Python type a JSON value would be, as DRF names it in "Expected a dictionary, but got list." */
export function pythonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number' && Number.isInteger(value)) return 'int';
  return PYTHON_TYPE_NAMES[typeof value] ?? typeof value;
}

/** Python's `repr()` of a string: single quotes unless the text holds one and no double quote. */
function pythonRepr(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\');
  if (text.includes("'") && !text.includes('"')) return `"${escaped}"`;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}

/** The instants both PostgreSQL and a cursor can hold: years 1 to 9999, as Python's datetime. */
export const EARLIEST_DATE = new Date('0001-01-01T00:00:00.000Z');
export const LATEST_DATE = new Date('9999-12-31T23:59:59.999Z');

export function isStorableDate(date: Date): boolean {
  const time = date.getTime();
  return !Number.isNaN(time) && time >= EARLIEST_DATE.getTime() && time <= LATEST_DATE.getTime();
}

type Issues = TicketIssue[];

/** The codes the shared field rules below report. */
type FieldRuleCode = 'REQUIRED' | 'NULL' | 'INVALID_TYPE' | 'INVALID' | 'BLANK' | 'TOO_LONG' | 'INVALID_CHOICE';
interface FieldRuleIssue {
  field: string;
  code: FieldRuleCode;
  message: string;
}
/** Where the shared field rules report: any feature's issue list whose codes include theirs (auth uses them too). */
export interface IssueSink {
  push(...issues: FieldRuleIssue[]): number;
}

/**
 * Text a field cannot hold: NUL, which PostgreSQL text refuses (and DRF's CharField
 * too), and lone surrogates, which no UTF-8 store can hold and which would otherwise
 * become U+FFFD on the way to the database.
 */
function textProblem(field: string, text: string): FieldRuleIssue | null {
  if (text.includes('\u0000')) return { field, code: 'INVALID', message: MESSAGES.nullCharacters };
  if (hasLoneSurrogate(text)) return { field, code: 'INVALID', message: MESSAGES.loneSurrogate };
  return null;
}

/** A required or optional free-text field: trimmed, well-formed, not blank (isBlankText), bounded. */
export function validateText(
  issues: IssueSink,
  field: string,
  value: unknown,
  opts: { required: boolean; max: number },
): string | undefined {
  if (value === undefined) {
    if (opts.required) issues.push({ field, code: 'REQUIRED', message: MESSAGES.required });
    return undefined;
  }
  if (value === null) {
    issues.push({ field, code: 'NULL', message: MESSAGES.null });
    return undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    issues.push({ field, code: 'INVALID_TYPE', message: MESSAGES.notString });
    return undefined;
  }
  const text = String(value).trim();
  const problem = textProblem(field, text);
  if (problem) {
    issues.push(problem);
    return undefined;
  }
  if (isBlankText(text)) {
    issues.push({ field, code: 'BLANK', message: MESSAGES.blank });
    return undefined;
  }
  if (codePointLength(text) > opts.max) {
    issues.push({ field, code: 'TOO_LONG', message: MESSAGES.tooLong(opts.max) });
    return undefined;
  }
  return text;
}

/** One value of a closed vocabulary. `undefined` stays undefined (not given). */
export function validateChoice<T extends string>(issues: IssueSink, field: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (value === null) {
    issues.push({ field, code: 'NULL', message: MESSAGES.null });
    return undefined;
  }
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  issues.push({ field, code: 'INVALID_CHOICE', message: MESSAGES.invalidChoice(value) });
  return undefined;
}

/**
 * How classify's ids look (the column's uuid, in either case). A string of another shape
 * was never issued, so it is refused as a mistake rather than ignored like an unknown,
 * expired or used id, and it never reaches a uuid comparison.
 */
const SUGGESTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isSuggestionId(id: string): boolean {
  return SUGGESTION_ID.test(id);
}

function validateSuggestionId(issues: Issues, id: unknown): string | undefined {
  const field = 'suggestionId';
  if (typeof id !== 'string') issues.push({ field, code: 'INVALID_TYPE', message: MESSAGES.notString });
  else if (id === '') issues.push({ field, code: 'BLANK', message: MESSAGES.blank });
  else if (!isSuggestionId(id)) issues.push({ field, code: 'INVALID', message: MESSAGES.notSuggestionId });
  else return id;
  return undefined;
}

function throwIfAny(issues: Issues): void {
  if (issues.length > 0) throw new TicketError('VALIDATION_FAILED', issues);
}

/**
 * Which classify answer was shown: its `id` (GraphQL `suggestionId`, REST
 * `suggestion_id`), or, as clients of the original REST API send it, the values it
 * answered. Either is only a claim: the service records what the server itself
 * issued for the description, or nothing.
 */
export interface SuggestionRequest {
  id?: unknown;
  category?: unknown;
  priority?: unknown;
  source?: unknown;
}

export interface CreateTicketRequest {
  title?: unknown;
  description?: unknown;
  category?: unknown;
  priority?: unknown;
  status?: unknown;
  /** The classify answer shown when the agent filled the form, if any. */
  suggestion?: SuggestionRequest | null;
  /** A user id; null or omitted: nobody. */
  assigneeId?: unknown;
}

export interface UpdateTicketRequest {
  title?: unknown;
  description?: unknown;
  category?: unknown;
  priority?: unknown;
  status?: unknown;
  /** A user id; null unassigns; omitted keeps the assignee. */
  assigneeId?: unknown;
}

export interface ValidCreateTicket {
  title: string;
  description: string;
  category: TicketCategory | undefined;
  priority: TicketPriority | undefined;
  status: TicketStatus | undefined;
  suggestion: SuggestionClaim | null;
  /** Well-formed only: whether the user may be assigned is the service's to check (a lookup). */
  assigneeUserId: number | null;
}

/** A reference to a classify answer: its id, or (original REST API) the values it answered. */
export type SuggestionClaim = { id: string } | { category: TicketCategory; priority: TicketPriority; source: ClassificationSource };

export type ValidUpdateTicket = Partial<{
  title: string;
  description: string;
  category: TicketCategory;
  priority: TicketPriority;
  status: TicketStatus;
  assigneeUserId: number | null;
}>;

/** The input field naming the assignee (REST: `assignee`). */
export const ASSIGNEE_FIELD = 'assigneeId';

/** Refused for any id that names nobody who can be assigned, as DRF's PrimaryKeyRelatedField words it. */
export function invalidAssignee(value: unknown): TicketIssue {
  return { field: ASSIGNEE_FIELD, code: 'INVALID_ASSIGNEE', message: `Invalid pk "${pythonStr(value)}" - object does not exist.` };
}

/** A user id as a client gives it (GraphQL ID, REST number or string): a positive integer of the column's range, or null. */
export function parseUserId(raw: unknown): number | null {
  return parseTicketId(raw);
}

/**
 * The assignee of a create or update: undefined when not given, null for nobody, or a
 * well-formed user id (which the service then looks up).
 */
function validateAssigneeId(issues: Issues, value: unknown): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string' && typeof value !== 'number') {
    issues.push({ field: ASSIGNEE_FIELD, code: 'INVALID_TYPE', message: `Incorrect type. Expected pk value, received ${typeof value}.` });
    return undefined;
  }
  const id = parseUserId(value);
  if (id === null) issues.push(invalidAssignee(value));
  return id ?? undefined;
}

export function validateDescription(issues: Issues, field: string, value: unknown, required = true): string | undefined {
  return validateText(issues, field, value, { required, max: TICKET_DESCRIPTION_MAX });
}

export function validateCreateTicket(input: CreateTicketRequest): ValidCreateTicket {
  const issues: Issues = [];
  const title = validateText(issues, 'title', input.title, { required: true, max: TICKET_TITLE_MAX });
  const description = validateDescription(issues, 'description', input.description);
  const category = validateChoice(issues, 'category', input.category, TICKET_CATEGORIES);
  const priority = validateChoice(issues, 'priority', input.priority, TICKET_PRIORITIES);
  const status = validateChoice(issues, 'status', input.status, TICKET_STATUSES);
  let suggestion: ValidCreateTicket['suggestion'] = null;
  const s = input.suggestion;
  if (s?.id != null) {
    const id = validateSuggestionId(issues, s.id);
    if (id !== undefined) suggestion = { id };
  }
  if (s != null && (s.category != null || s.priority != null || s.source != null)) {
    // A suggestion is all three or nothing: a partial one cannot be measured.
    const sc = validateChoice(issues, 'suggestedCategory', s.category, TICKET_CATEGORIES);
    const sp = validateChoice(issues, 'suggestedPriority', s.priority, TICKET_PRIORITIES);
    const ss = validateChoice(issues, 'classificationSource', s.source, CLASSIFICATION_SOURCES);
    for (const [field, value] of [
      ['suggestedCategory', sc],
      ['suggestedPriority', sp],
      ['classificationSource', ss],
    ] as const) {
      if (value === undefined && !issues.some((i) => i.field === field)) {
        issues.push({ field, code: 'REQUIRED', message: MESSAGES.required });
      }
    }
    // An id, when given, is what counts; the values are still checked as DRF would.
    if (sc && sp && ss && !suggestion) suggestion = { category: sc, priority: sp, source: ss };
  }
  const assigneeUserId = validateAssigneeId(issues, input.assigneeId);
  throwIfAny(issues);
  return { title: title!, description: description!, category, priority, status, suggestion, assigneeUserId: assigneeUserId ?? null };
}

/**
 * The version(s) an update is based on: a positive integer, or a list of them (REST's
 * `If-Match` may name several). Undefined when none was given (last write wins).
 */
export function validateExpectedVersion(issues: Issues, field: string, value: unknown): readonly number[] | undefined {
  if (value == null) return undefined;
  const list: readonly unknown[] = Array.isArray(value) ? value : [value];
  if (list.some((v) => typeof v !== 'number' || !Number.isInteger(v))) {
    issues.push({ field, code: 'INVALID_TYPE', message: MESSAGES.notInteger });
    return undefined;
  }
  // Versions are `integer`s, as ids are.
  if (list.some((v) => (v as number) < 1 || (v as number) > TICKET_ID_MAX)) {
    issues.push({ field, code: 'OUT_OF_RANGE', message: `Ensure this value is between 1 and ${TICKET_ID_MAX}.` });
    return undefined;
  }
  return list as readonly number[];
}

export function validateUpdateTicket(input: UpdateTicketRequest): ValidUpdateTicket {
  const issues: Issues = [];
  const patch: ValidUpdateTicket = {};
  const title = validateText(issues, 'title', input.title, { required: false, max: TICKET_TITLE_MAX });
  const description = validateDescription(issues, 'description', input.description, false);
  const category = validateChoice(issues, 'category', input.category, TICKET_CATEGORIES);
  const priority = validateChoice(issues, 'priority', input.priority, TICKET_PRIORITIES);
  const status = validateChoice(issues, 'status', input.status, TICKET_STATUSES);
  const assigneeUserId = validateAssigneeId(issues, input.assigneeId);
  throwIfAny(issues);
  if (title !== undefined) patch.title = title;
  if (description !== undefined) patch.description = description;
  if (category !== undefined) patch.category = category;
  if (priority !== undefined) patch.priority = priority;
  if (status !== undefined) patch.status = status;
  if (assigneeUserId !== undefined) patch.assigneeUserId = assigneeUserId;
  return patch;
}

/**
 * A ticket id as given by a client (GraphQL ID, REST path segment). Anything that
 * cannot be a stored id (not digits, beyond the integer column's range) is
 * "not found" rather than an error, as Django's URL routing answers 404.
 */
export function parseTicketId(raw: unknown): number | null {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d{1,10}$/.test(text)) return null;
  const id = Number(text);
  return id >= 1 && id <= TICKET_ID_MAX ? id : null;
}
