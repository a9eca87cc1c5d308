// The rules for identity input (emails, names, passwords, scopes, expiry), written
// once for GraphQL and REST. Each collects issues, so every failing field is
// reported at once.
import { validateChoice, validateText } from '../tickets/ticket.validation.js';
import { API_TOKEN_SCOPES, USER_ROLES, type ApiTokenScope, type UserRole } from './auth.enums.js';
import { AuthError, type AuthIssue } from './auth.errors.js';
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.js';

export const EMAIL_MAX_LENGTH = 254;
export const DISPLAY_NAME_MAX_LENGTH = 100;
export const TOKEN_NAME_MAX_LENGTH = 100;
/** The longest a token may be issued for; longer-lived access should be a reviewed decision, not a default. */
export const TOKEN_EXPIRY_MAX_DAYS = 3650;

// One `@`, something on each side, no whitespace: what every mail system agrees on.
// Deliverability is proved by the invitation, not by a pattern.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

type Issues = AuthIssue[];

export function throwIfAny(issues: Issues): void {
  if (issues.length > 0) throw new AuthError('VALIDATION_FAILED', issues);
}

/** The email as it is stored (trimmed) and compared (lower case, by the unique index). */
export function validateEmail(issues: Issues, field: string, value: unknown): string | undefined {
  const email = validateText(issues, field, value, { required: true, max: EMAIL_MAX_LENGTH });
  if (email === undefined) return undefined;
  if (!EMAIL_SHAPE.test(email)) {
    issues.push({ field, code: 'INVALID', message: 'Enter a valid email address.' });
    return undefined;
  }
  return email;
}

export function validateDisplayName(issues: Issues, field: string, value: unknown, required = true): string | undefined {
  return validateText(issues, field, value, { required, max: DISPLAY_NAME_MAX_LENGTH });
}

/** A password as given: a non-empty string, never trimmed (spaces may be part of it). */
function passwordText(issues: Issues, field: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') {
    issues.push({ field, code: 'REQUIRED', message: 'This field is required.' });
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.push({ field, code: 'INVALID_TYPE', message: 'Not a valid string.' });
    return undefined;
  }
  return value;
}

/** A new password: long enough, not a common one. */
export function validateNewPassword(issues: Issues, field: string, given: unknown): string | undefined {
  const value = passwordText(issues, field, given);
  if (value === undefined) return undefined;
  const length = [...value].length;
  if (length < PASSWORD_MIN_LENGTH) {
    issues.push({
      field,
      code: 'TOO_SHORT',
      message: `This password is too short. It must contain at least ${PASSWORD_MIN_LENGTH} characters.`,
    });
    return undefined;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    issues.push({ field, code: 'TOO_LONG', message: `Ensure this field has no more than ${PASSWORD_MAX_LENGTH} characters.` });
    return undefined;
  }
  if (value.includes('\u0000')) {
    issues.push({ field, code: 'INVALID', message: 'Null characters are not allowed.' });
    return undefined;
  }
  if (isCommonPassword(value)) {
    issues.push({ field, code: 'TOO_COMMON', message: 'This password is too common.' });
    return undefined;
  }
  return value;
}

/** A password given to prove who one is: any string (it is only compared), bounded. */
export function validateGivenPassword(issues: Issues, field: string, given: unknown): string | undefined {
  const value = passwordText(issues, field, given);
  if (value === undefined) return undefined;
  // Longer than any password that can be set: cannot match, and is not hashed.
  if ([...value].length > PASSWORD_MAX_LENGTH) {
    issues.push({ field, code: 'TOO_LONG', message: `Ensure this field has no more than ${PASSWORD_MAX_LENGTH} characters.` });
    return undefined;
  }
  return value;
}

export function validateRole(issues: Issues, field: string, value: unknown, required = true): UserRole | undefined {
  if (value === undefined && required) {
    issues.push({ field, code: 'REQUIRED', message: 'This field is required.' });
    return undefined;
  }
  return validateChoice(issues, field, value, USER_ROLES);
}

/**
 * Scopes asked for a token: known ones, at least one, and none beyond what the user's
 * role allows (`allowed`). Duplicates are folded.
 */
export function validateScopes(
  issues: Issues,
  field: string,
  value: unknown,
  allowed: readonly ApiTokenScope[],
): ApiTokenScope[] | undefined {
  if (value === undefined || value === null) {
    issues.push({ field, code: 'REQUIRED', message: 'This field is required.' });
    return undefined;
  }
  if (!Array.isArray(value)) {
    issues.push({ field, code: 'INVALID_TYPE', message: `Expected a list of items but got type "${typeof value}".` });
    return undefined;
  }
  if (value.length === 0) {
    issues.push({ field, code: 'REQUIRED', message: 'This list may not be empty.' });
    return undefined;
  }
  const scopes = new Set<ApiTokenScope>();
  for (const item of value) {
    const scope = validateChoice(issues, field, item, API_TOKEN_SCOPES);
    if (scope === undefined) return undefined;
    if (!allowed.includes(scope)) {
      issues.push({ field, code: 'NOT_ALLOWED', message: `Your role does not allow the scope "${scope}".` });
      return undefined;
    }
    scopes.add(scope);
  }
  // In the vocabulary's order, so equal sets read the same.
  return API_TOKEN_SCOPES.filter((s) => scopes.has(s));
}

/** An optional expiry: a valid instant in the future, at most TOKEN_EXPIRY_MAX_DAYS ahead. */
export function validateExpiry(issues: Issues, field: string, value: unknown, now = new Date()): Date | null | undefined {
  if (value === undefined || value === null) return null;
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    issues.push({ field, code: 'INVALID', message: 'Datetime has wrong format. Use ISO 8601, e.g. 2030-01-31T00:00:00Z.' });
    return undefined;
  }
  if (date.getTime() <= now.getTime()) {
    issues.push({ field, code: 'OUT_OF_RANGE', message: 'The expiry must be in the future.' });
    return undefined;
  }
  if (date.getTime() > now.getTime() + TOKEN_EXPIRY_MAX_DAYS * 86_400_000) {
    issues.push({ field, code: 'OUT_OF_RANGE', message: `The expiry may be at most ${TOKEN_EXPIRY_MAX_DAYS} days ahead.` });
    return undefined;
  }
  return date;
}

export function validateTokenName(issues: Issues, field: string, value: unknown): string | undefined {
  return validateText(issues, field, value, { required: true, max: TOKEN_NAME_MAX_LENGTH });
}
