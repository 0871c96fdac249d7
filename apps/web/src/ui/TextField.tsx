import { Textbox, type TextboxProps } from '@utrecht/textbox-react';
import { Field, type FieldLabelProps, splitFieldProps } from './Field.tsx';

export interface TextFieldProps extends Omit<TextboxProps, 'id' | 'invalid'>, FieldLabelProps {}

/** Label + textbox + description + error message, linked for assistive technology. */
export function TextField(props: TextFieldProps) {
  const [field, inputProps] = splitFieldProps(props);
  return <Field {...field}>{(control) => <Textbox {...inputProps} {...control} />}</Field>;
}
