import { Checkbox, type CheckboxProps } from '@utrecht/checkbox-react';
import { FormFieldDescription } from '@utrecht/form-field-description-react';
import { FormField } from '@utrecht/form-field-react';
import { FormLabel } from '@utrecht/form-label-react';
import type { ReactNode } from 'react';

export interface CheckboxFieldProps extends Omit<CheckboxProps, 'id'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
}

/** A checkbox with its label after it and an optional description. */
export function CheckboxField({ id, label, description, ...checkboxProps }: CheckboxFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    <FormField className="vd-field vd-field--checkbox">
      <div className="vd-checkbox">
        <Checkbox {...checkboxProps} id={id} aria-describedby={descriptionId} />
        <FormLabel htmlFor={id} type="checkbox" checked={Boolean(checkboxProps.checked)}>
          {label}
        </FormLabel>
      </div>
      {description ? (
        <FormFieldDescription id={descriptionId} className="vd-checkbox__description">
          {description}
        </FormFieldDescription>
      ) : null}
    </FormField>
  );
}
