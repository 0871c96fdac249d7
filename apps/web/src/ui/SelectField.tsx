import { Field, type FieldLabelProps, splitFieldProps } from './Field.tsx';
import { Select, type SelectProps } from './Select.tsx';

export interface SelectOption {
  value: string;
  label: string;
  lang?: string;
}

export interface SelectFieldProps extends Omit<SelectProps, 'id' | 'invalid'>, FieldLabelProps {
  /**
   * Label of a first option for "nothing chosen" (value ""). In a required select it is a prompt
   * that cannot be chosen ("Choose…"); otherwise a choice of its own ("All").
   */
  emptyOption?: string;
  /** The options; `children` still come after them, for anything special. */
  options?: readonly SelectOption[];
}

export function SelectField(props: SelectFieldProps) {
  const [field, { emptyOption, options, children, ...selectProps }] = splitFieldProps(props);
  return (
    <Field {...field}>
      {(control) => (
        <Select {...selectProps} {...control}>
          {emptyOption === undefined ? null : (
            <option value="" disabled={selectProps.required}>
              {emptyOption}
            </option>
          )}
          {options?.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
          {children}
        </Select>
      )}
    </Field>
  );
}
