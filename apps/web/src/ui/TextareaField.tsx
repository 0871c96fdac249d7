import type { ReactNode } from 'react';
import { Field } from './Field.tsx';
import { Textarea, type TextareaProps } from './Textarea.tsx';

export interface TextareaFieldProps extends Omit<TextareaProps, 'id' | 'invalid'> {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
}

export function TextareaField({ id, label, description, error, ...textareaProps }: TextareaFieldProps) {
  return (
    <Field id={id} label={label} description={description} error={error}>
      {(control) => <Textarea {...textareaProps} {...control} />}
    </Field>
  );
}
