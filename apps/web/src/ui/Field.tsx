import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormFieldErrorMessage } from '@utrecht/form-field-error-message-react';
import { FormField } from '@utrecht/form-field-react';
import { FormLabel } from '@utrecht/form-label-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a form control needs to be wired to its label, description and error message. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  invalid: boolean;
}

/** The props every field wrapper (TextField, SelectField, TextareaField) shares. */
export interface FieldLabelProps {
  id: string;
  label: ReactNode;
  /** Marks the label "(optional)". */
  optional?: boolean | undefined;
  description?: ReactNode;
  error?: string | undefined;
}

/** Split a field wrapper's props into the field's own and the control's. */
export function splitFieldProps<P extends FieldLabelProps>({
  id,
  label,
  optional,
  description,
  error,
  ...control
}: P) {
  return [{ id, label, optional, description, error }, control] as const;
}

export interface FieldProps extends FieldLabelProps {
  children: (control: ControlProps) => ReactNode;
}

/**
 * One labelled form field (`utrecht-form-field`): the label points at the control, and the
 * description and error message are linked to it with `aria-describedby`.
 */
export function Field({ id, label, optional, description, error, children }: FieldProps) {
  const { t } = useTranslation();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <FormField
      invalid={Boolean(error)}
      className="vd-field"
      label={
        <FormLabel htmlFor={id}>
          {optional ? (
            <>
              {label} <span className="vd-muted">{t('common.optional')}</span>
            </>
          ) : (
            label
          )}
        </FormLabel>
      }
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
