import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FieldErrors,
  hasErrors,
  type IssueLike,
  issuesToFieldErrors,
  problemFieldErrors,
} from './fieldErrors.ts';

/** Control id and label of a field: what the error summary links to. */
export interface FieldMeta {
  id: string;
  label: string;
}

/** What a form's error alert needs to know (see FormErrorAlert). */
export interface FormStatus {
  attempt: number;
  errors: FieldErrors;
  fields: Record<string, FieldMeta>;
}

/** A zod `safeParse` result (structurally; zod's own type fits). */
export type ParseResult<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: readonly IssueLike[] } };

/**
 * State and plumbing of a form with text-like fields: the values, the field errors, and the
 * submit attempt (the key of the form's ErrorAlert, so every failed submit is announced again).
 *
 * `fields` names the id and label of every field (and may list more, such as generated rows),
 * for the error summary; `field(key)` gives the props that wire a TextField/SelectField to it.
 */
export function useForm<V extends { [K in keyof V]: string }>(
  initial: V,
  fields: { [K in keyof V]: FieldMeta } & Record<string, FieldMeta>,
) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  /** Show `found`; true when there is nothing to show. */
  const report = (found: FieldErrors) => {
    setErrors(found);
    return !hasErrors(found);
  };

  return {
    values,
    errors,
    attempt,
    fields,

    /** id, label, value, change handler and error message of one field. */
    field: <K extends keyof V & string>(key: K) => ({
      id: fields[key].id,
      label: fields[key].label,
      value: values[key],
      onChange: (event: { target: { value: string } }) =>
        setValues((current) => ({ ...current, [key]: event.target.value })),
      error: errors[key],
    }),

    /** A submit handler: the browser does not submit or validate itself; `handle` does the rest. */
    submit: (handle: () => void) => (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      setAttempt((n) => n + 1);
      handle();
    },

    report,

    /**
     * Show the schema's issues, with `extra` errors added (or changed) after them; the parsed
     * data when there are no errors at all.
     */
    validate: <T>(result: ParseResult<T>, extra?: FieldErrors | ((found: FieldErrors) => void)) => {
      const found = result.success ? {} : issuesToFieldErrors(result.error.issues, t);
      if (typeof extra === 'function') extra(found);
      else Object.assign(found, extra);
      return report(found) && result.success ? result.data : undefined;
    },

    /** For a mutation's `onError`: the field errors the API returned. */
    onError: (error: unknown) => setErrors(problemFieldErrors(error, t)),

    /** Start over: the values given (the initial ones by default), no errors. */
    reset: (next: V = initial) => {
      setValues(next);
      setErrors({});
    },
  };
}
