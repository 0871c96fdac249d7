import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client.ts';
import { type FieldErrors, problemFieldErrors } from '../../lib/fieldErrors.ts';
import type { ParseResult } from '../../lib/useForm.ts';

/**
 * The field errors of a refused settings change, in the interface language: the API names each field and, where
 * there is one, its reason code (`errors[].code`: unknown_placeholder, duplicate_code, range_overlap, …), which is
 * worded here; anything else as the other forms word it. `collapse` maps an error's path to the control that
 * shows it (`eventTypes.3` → `eventTypes`).
 */
export function settingsFieldErrors(
  error: unknown,
  t: TFunction,
  collapse: (field: string) => string = (field) => field,
): FieldErrors {
  const found: FieldErrors = {};
  const generic = problemFieldErrors(error, t);
  if (!isApiError(error)) return found;
  for (const { field, message, code } of error.errors) {
    const key = collapse(field);
    if (found[key] || !generic[field]) continue;
    found[key] = code
      ? t(`adminSettings.codes.${code}` as 'adminSettings.codes.duplicate_code', {
          defaultValue: message,
          // With its braces: i18next does not read a value's own {{…}} again.
          placeholder: message.match(/\{\{\s*\w+\s*\}\}/)?.[0] ?? '',
          area: message.replace(/^Overlaps with /, ''),
        })
      : (generic[field] as string);
  }
  return found;
}

/**
 * The settings parsed with their shared schema, each issue's path mapped to the control that shows it (as
 * `settingsFieldErrors` does for the API's refusals), ready for `useForm`'s validate.
 */
export function parseOntoControls<T>(
  schema: { safeParse: (value: unknown) => ParseResult<T> },
  value: unknown,
  control: (field: string) => string,
): ParseResult<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed;
  return {
    success: false as const,
    error: {
      issues: parsed.error.issues.map((i) => ({
        ...i,
        path: control(i.path.map(String).join('.')).split('.'),
      })),
    },
  };
}
