/** @jsxRuntime automatic @jsxImportSource react */
import type { ReactNode } from 'react';

/**
 * The form parts of the server-rendered pages (ADR 0022), as the NL Design System's CSS classes: a labelled field
 * with its description and error message tied to the control, the text box and text area classes, and the submit
 * button. The web app has the same from the design system's React components.
 */
export function Field(props: {
  id: string;
  label: string;
  error?: string | undefined;
  description?: string | undefined;
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const { id, label, error, description } = props;
  const describedBy = [error ? `${id}-error` : null, description ? `${id}-description` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--text vd-field${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {description ? (
        <div
          className="utrecht-form-field__description utrecht-form-field-description"
          id={`${id}-description`}
        >
          {description}
        </div>
      ) : null}
      {error ? (
        <div
          className="utrecht-form-field__error-message utrecht-form-field-error-message"
          id={`${id}-error`}
        >
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        {props.children({
          id,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(error ? { 'aria-invalid': true as const } : {}),
        })}
      </div>
    </div>
  );
}

export const textbox = (invalid: boolean) =>
  `utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}`;
export const textarea = (invalid: boolean) =>
  `utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`;

export function Submit({ children }: { children: ReactNode }) {
  return (
    <div className="utrecht-button-group">
      <button type="submit" className="utrecht-button utrecht-button--primary-action utrecht-button--submit">
        {children}
      </button>
    </div>
  );
}
