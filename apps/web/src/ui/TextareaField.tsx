import { Field, type FieldLabelProps, splitFieldProps } from './Field.tsx';
import { Textarea, type TextareaProps } from './Textarea.tsx';

export interface TextareaFieldProps extends Omit<TextareaProps, 'id' | 'invalid'>, FieldLabelProps {}

export function TextareaField(props: TextareaFieldProps) {
  const [field, textareaProps] = splitFieldProps(props);
  return <Field {...field}>{(control) => <Textarea {...textareaProps} {...control} />}</Field>;
}
