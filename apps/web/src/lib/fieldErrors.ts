import type { TFunction } from 'i18next';
import { isApiError } from '../api/client.ts';
import { isPasswordProblem, passwordProblemText } from './usePasswordRule.ts';

/** Error message per field, keyed by the dotted field path (`memberships.0.role`). */
export type FieldErrors = Partial<Record<string, string>>;

/** The parts of a zod issue this module reads; zod's own issue type fits this shape. */
export interface IssueLike {
  code: string;
  path: PropertyKey[];
  origin?: string;
  format?: string;
  minimum?: unknown;
  maximum?: unknown;
  input?: unknown;
}

const pathKey = (path: PropertyKey[]) => path.map(String).join('.');

function issueMessage(issue: IssueLike, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.tooShort', { min: Number(issue.minimum) });
      }
      return t('validation.invalid');
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { max: Number(issue.maximum) })
        : t('validation.invalid');
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'uuid') return t('validation.uuid');
      return t('validation.invalid');
    case 'invalid_value':
      return t('validation.choose');
    case 'invalid_type':
      return issue.input === undefined ? t('validation.required') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/**
 * Translate the issues of a shared zod schema into field errors, so the browser checks the
 * same limits as the API but speaks the interface language. The first issue per field wins.
 */
export function issuesToFieldErrors(issues: readonly IssueLike[], t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    if (!errors[key]) errors[key] = issueMessage(issue, t);
  }
  return errors;
}

/** Server messages we know, in the interface language. */
const KNOWN_MESSAGES: Record<string, 'validation.samePassword' | 'validation.unknownTeam'> = {
  'Must differ from the current password': 'validation.samePassword',
  'Unknown team': 'validation.unknownTeam',
};

/** Entries of `errors` that are about the request, not about a field the person filled in. */
const NOT_FORM_FIELDS = new Set([
  'version',
  'body',
  'query',
  'header',
  'x-csrf-token',
  'authorization',
  'content-type',
]);

/**
 * Field errors the API returned in `errors` of a problem document. For the problems we know,
 * the message is our own translated one; the API's (English) text is the fallback.
 */
export function problemFieldErrors(error: unknown, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  if (!isApiError(error)) return errors;
  switch (error.code) {
    case 'invalid_credentials':
      // Said once, in the alert: which of the two was wrong is deliberately not told.
      return errors;
    case 'wrong_password':
      return { currentPassword: t('errors.wrongPassword') };
    case 'email_taken':
      return { email: t('errors.emailTaken') };
    case 'team_name_taken':
      return { name: t('errors.teamNameTaken') };
    case 'last_admin':
      return errors;
    case 'extension_ends_in_past':
      return { 'extension.amount': t('validation.extendByMore') };
  }
  for (const { field, message, code } of error.errors) {
    if (NOT_FORM_FIELDS.has(field) || errors[field]) continue;
    const known = KNOWN_MESSAGES[message];
    errors[field] = known
      ? t(known)
      : isPasswordProblem(code)
        ? passwordProblemText(code, t)
        : refusal(code, message, t);
  }
  return errors;
}

/**
 * A refused case action in the interface's words, by the reason code the API gives (`errors[].code`); the API's
 * English message when the code is unknown here.
 */
export function refusal(code: string | undefined, message: string, t: TFunction): string {
  return code ? t(`cases.refusals.${code}` as 'cases.refusals.closed', { defaultValue: message }) : message;
}

export const hasErrors = (errors: FieldErrors) => Object.values(errors).some(Boolean);
