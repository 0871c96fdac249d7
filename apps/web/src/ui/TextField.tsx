import { Textbox, type TextboxProps } from '@utrecht/textbox-react';
import type { ReactNode } from 'react';
import { Field } from './Field.tsx';

export interface TextFieldProps extends Omit<TextboxProps, 'id' | 'invalid'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
}

/** Label + textbox + description + error message, linked for assistive technology. */
export function TextField({ id, label, description, error, className, ...inputProps }: TextFieldProps) {
  return (
    <Field id={id} label={label} description={description} error={error}>
      {(control) => <Textbox {...inputProps} {...control} className={className} />}
    </Field>
  );
}
