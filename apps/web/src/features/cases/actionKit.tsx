import type { Case } from '@voordeur/shared';
import type { TFunction } from 'i18next';
import type { FormEventHandler, ReactNode } from 'react';
import { isApiError } from '../../api/client.ts';
import { FormErrorAlert, type FormErrorAlertProps } from '../../lib/FormErrorAlert.tsx';
import { type FieldErrors, problemFieldErrors } from '../../lib/fieldErrors.ts';

/** What every action form on the case page gets. */
export interface ActionProps {
  current: Case;
  /** After success: what happened, in one sentence (announced, and focused). */
  onDone: (message: string) => void;
  /** After a 409: the page reads the case again and says why. */
  onConflict: () => void;
}

export const isConflict = (error: unknown) => isApiError(error) && error.code === 'version_conflict';

/** A form's own error, unless it is a conflict: the page says that once, above everything. */
export const notConflict = (error: unknown) => (isConflict(error) ? undefined : error);

/**
 * Field errors of a failed case action, next to their fields. Beyond the app's usual mapping: a `body` field
 * is a form field here (the text of a note or message), and the breach reason the API asks for when closing
 * late gets our own words.
 */
export function caseFieldErrors(error: unknown, t: TFunction): FieldErrors {
  const found = problemFieldErrors(error, t);
  if (!isApiError(error)) return found;
  for (const { field, message } of error.errors) {
    if (error.code === 'breach_reason_required') {
      if (field === 'breachReason') found.breachReason = t('cases.transition.breachReasonRequired');
      else if (field === 'breachNote') found.breachNote = t('cases.transition.breachNoteRequired');
      else found[field] ??= message;
    } else if (field === 'body' && error.code !== 'invalid_json' && error.code !== 'body_too_large') {
      found.body ??= message;
    }
  }
  // A refusal about the case as a whole (`id`) is the alert's own sentence; no need to list it again.
  if (error.code === 'case_invalid_action' || error.code === 'case_closed') delete found.id;
  return found;
}

/** Handle a failed action: a conflict reloads the case; field errors go next to their fields. */
export function failWith(
  error: unknown,
  t: TFunction,
  report: (errors: FieldErrors) => unknown,
  onConflict: () => void,
) {
  if (isConflict(error)) onConflict();
  report(caseFieldErrors(error, t));
}

/**
 * What an action form does when the API answers: on success it empties and the page announces `done(result)`;
 * on failure, see {@link failWith}. Pass it as the options of the mutation.
 */
export function settleForm<T>(
  form: { reset: () => void; report: (errors: FieldErrors) => unknown },
  t: TFunction,
  { onDone, onConflict }: Pick<ActionProps, 'onDone' | 'onConflict'>,
  done: (result: T) => string,
) {
  return {
    onSuccess: (result: T) => {
      form.reset();
      onDone(done(result));
    },
    onError: (error: unknown) => failWith(error, t, form.report, onConflict),
  };
}

/** The form inside an action's disclosure: named by its summary, with the form's errors (not a conflict) on top. */
export function ActionForm({
  summary,
  form,
  error,
  onSubmit,
  children,
}: {
  /** The disclosure's id. */
  summary: string;
  form: FormErrorAlertProps['form'];
  error: unknown;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}) {
  return (
    <form className="vd-form vd-stack" noValidate onSubmit={onSubmit} aria-labelledby={summaryId(summary)}>
      <FormErrorAlert form={form} error={notConflict(error)} />
      {children}
    </form>
  );
}

export interface DisclosureProps {
  /** The action's name; the summary's id is `<id>-summary` ({@link summaryId}). */
  id: string;
  title: ReactNode;
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ReactNode;
}

/**
 * One action of the case page as a disclosure (`details`/`summary`): the browser makes it keyboard-operable
 * and tells screen readers whether it is open. The form inside is named by the summary.
 */
export function Disclosure({ id, title, open, onToggle, children }: DisclosureProps) {
  return (
    // No id on the details element: the action's name is also the id of a section or field (case-clock,
    // case-extend); only the summary carries it, suffixed, to name the form.
    <details className="vd-disclosure" open={open} onToggle={(event) => onToggle(event.currentTarget.open)}>
      <summary id={`${id}-summary`} className="vd-disclosure__summary">
        {title}
      </summary>
      <div className="vd-disclosure__body">{children}</div>
    </details>
  );
}

export const summaryId = (id: string) => `${id}-summary`;
