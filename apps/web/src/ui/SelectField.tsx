import type { ReactNode } from 'react';
import { Field } from './Field.tsx';
import { Select, type SelectProps } from './Select.tsx';

export interface SelectFieldProps extends Omit<SelectProps, 'id' | 'invalid'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
}

export function SelectField({ id, label, description, error, children, ...selectProps }: SelectFieldProps) {
  return (
    <Field id={id} label={label} description={description} error={error}>
      {(control) => (
        <Select {...selectProps} {...control}>
          {children}
        </Select>
      )}
    </Field>
  );
}
