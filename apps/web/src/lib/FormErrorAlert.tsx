import { ErrorAlert } from './ErrorAlert.tsx';
import type { FormStatus } from './useForm.ts';

export interface FormErrorAlertProps {
  /** The form's state (from useForm). */
  form: FormStatus;
  /** The failed request, if any. */
  error?: unknown;
  /** Makes the alert focusable (see ErrorAlert). */
  id?: string | undefined;
}

/**
 * The error alert of a form: the request's problem and the field errors, linked to their fields.
 * It starts afresh on every submit attempt, so the alert is announced again.
 */
export function FormErrorAlert({ form, error, id }: FormErrorAlertProps) {
  return (
    <ErrorAlert
      key={form.attempt}
      id={id}
      error={error ?? undefined}
      fieldErrors={form.errors}
      fields={form.fields}
    />
  );
}
