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

/** A field's error, by field id, shown under the field and linked from the summary on top. */
export type FieldErrors = Record<string, string>;

/**
 * The errors of a sent form on top of the page (the NL Design System form pattern), each linked to its field;
 * `problem` is an error of the whole form (not of one field), said first and linked nowhere.
 */
export function ErrorSummary({
  title,
  errors,
  problem,
}: {
  title: string;
  errors: FieldErrors;
  problem?: string | undefined;
}) {
  const entries = Object.entries(errors);
  if (!entries.length && !problem) return null;
  return (
    <div
      className="utrecht-alert utrecht-alert--error vd-alert"
      role="alert"
      aria-labelledby="error-summary-title"
      id="error-summary"
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 className="utrecht-heading-2" id="error-summary-title">
            {title}
          </h2>
          {problem ? <p className="utrecht-paragraph">{problem}</p> : null}
          {entries.length ? (
            <ul className="utrecht-unordered-list">
              {entries.map(([field, message]) => (
                <li key={field} className="utrecht-unordered-list__item">
                  <a className="utrecht-link" href={`#${field}`}>
                    {message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/** A short message that something happened (or is so), announced politely. */
export function Notice({ children, type = 'ok' }: { children: ReactNode; type?: 'ok' | 'info' | 'warning' }) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type} vd-alert`} role="status">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <p className="utrecht-paragraph">{children}</p>
        </div>
      </div>
    </div>
  );
}

export const textbox = (invalid: boolean) =>
  `utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}`;
export const textarea = (invalid: boolean) =>
  `utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`;

/** A labelled text box: a `Field` with its input, the common case of the server pages' forms. */
export function TextInput(p: {
  id: string;
  label: string;
  name: string;
  error?: string | undefined;
  description?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'tel';
  autoComplete: string;
  inputMode?: 'numeric' | 'decimal';
  maxLength?: number;
  required?: boolean;
  /** What was typed before (never for a password). */
  value?: string | undefined;
}) {
  return (
    <Field id={p.id} label={p.label} error={p.error} description={p.description}>
      {(control) => (
        <input
          {...control}
          name={p.name}
          type={p.type ?? 'text'}
          autoComplete={p.autoComplete}
          inputMode={p.inputMode}
          spellCheck={p.type === 'password' ? undefined : false}
          required={p.required}
          maxLength={p.maxLength}
          className={textbox(Boolean(p.error))}
          defaultValue={p.type === 'password' ? undefined : (p.value ?? '')}
        />
      )}
    </Field>
  );
}

export function Submit({ children }: { children: ReactNode }) {
  return (
    <div className="utrecht-button-group">
      <button type="submit" className="utrecht-button utrecht-button--primary-action utrecht-button--submit">
        {children}
      </button>
    </div>
  );
}

/**
 * A table with a caption, as the web app's: on a narrow screen it scrolls inside its own focusable, named container
 * (WCAG 2.1.1). `rowHeaders`: each row's first cell names the row (`<th scope="row">`). `numeric`: the columns of
 * figures, aligned right. `columnClass`: a class for a column's cells (a minimum width, say).
 */
export function Table({
  id,
  caption,
  captionHidden = false,
  head,
  rows,
  rowHeaders = false,
  numeric = [],
  columnClass = {},
}: {
  id: string;
  caption: string;
  captionHidden?: boolean;
  head: string[];
  rows: ReactNode[][];
  rowHeaders?: boolean;
  numeric?: number[];
  columnClass?: Record<number, string>;
}) {
  const extra = (i: number) =>
    `${numeric.includes(i) ? ' vd-figure' : ''}${columnClass[i] ? ` ${columnClass[i]}` : ''}`;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    // biome-ignore lint/a11y/useSemanticElements: a named group, not a fieldset: there is no form here.
    <div className="vd-table-container" role="group" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="utrecht-table utrecht-table--html-table" id={id}>
        <caption
          id={`${id}-caption`}
          className={`utrecht-table__caption${captionHidden ? ' vd-visually-hidden' : ''}`}
        >
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {head.map((h, i) => (
              <th key={h} scope="col" className={`utrecht-table__header-cell${extra(i)}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are static
            <tr key={i} className="utrecht-table__row">
              {row.map((cell, j) =>
                rowHeaders && j === 0 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are static
                  <th key={j} scope="row" className={`utrecht-table__header-cell vd-row-header${extra(j)}`}>
                    {cell}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are static
                  <td key={j} className={`utrecht-table__cell${extra(j)}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
