import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { FormField } from '@utrecht/form-field-react';
import { FormLabel } from '@utrecht/form-label-react';
import type { ReactNode } from 'react';

/** What a form control needs to be wired to its label, description and error message. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  invalid: boolean;
}

export interface FieldProps {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

/**
 * One labelled form field (`utrecht-form-field`): the label points at the control, and the
 * description and error message are linked to it with `aria-describedby`.
 */
export function Field({ id, label, description, error, children }: FieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <FormField
      invalid={Boolean(error)}
      className="vd-field"
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      description={
        description ? (
          <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>
        ) : undefined
      }
      input={children({ id, 'aria-describedby': describedBy, invalid: Boolean(error) })}
      errorMessage={error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : undefined}
    />
  );
}
