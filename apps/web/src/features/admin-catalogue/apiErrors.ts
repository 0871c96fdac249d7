import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client.ts';
import { type FieldErrors, problemFieldErrors } from '../../lib/fieldErrors.ts';
import { ruleMessage } from './definitionForm.ts';

const DEFINITION_CODES = new Set(['invalid_definition', 'validation_failed', 'code_taken']);

/** The API's field errors on the definition's own paths (`handling.statuses.3.key`), in the interface language. */
export function apiErrors(error: unknown, t: TFunction): FieldErrors {
  if (!isApiError(error) || !DEFINITION_CODES.has(error.code)) return problemFieldErrors(error, t);
  const errors: FieldErrors = {};
  for (const { field, message } of error.errors) {
    const key = field.replace(/^definition\./, '');
    if (key !== 'version' && !errors[key]) errors[key] = ruleMessage(message, t);
  }
  return errors;
}
