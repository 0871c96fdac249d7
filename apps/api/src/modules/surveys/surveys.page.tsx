import type { SurveyDefinition } from '@voordeur/shared';
import { WORDS } from './surveys.words.ts';

/**
 * The survey pages, rendered on the server (no JavaScript; ADR 0022): the form with its four questions as
 * fieldsets with legends, the error summary on top linking to the first option of each question in error (the
 * NL Design System form pattern), the thank-you page and the pages for an answered, expired or unknown link.
 */

type Language = 'nl' | 'en';
export type Answers = { grade?: string; effort?: string; solved?: string; comment?: string };
export type AnswerErrors = Partial<Record<'grade' | 'effort' | 'solved' | 'comment', string>>;

const say = (t: { nl: string; en?: string | undefined }, l: Language) =>
  l === 'en' && t.en?.trim() ? t.en : t.nl;

/** Where each question's error links to: its first option (or the text box). */
const FIRST = { grade: 'grade-1', effort: 'effort-1', solved: 'solved-yes', comment: 'comment' } as const;

function Radios(props: {
  name: 'grade' | 'effort' | 'solved';
  legend: string;
  hint?: string | undefined;
  options: { value: string; label: string; id: string }[];
  checked: string | undefined;
  error: string | undefined;
  required: boolean;
  language: Language;
}) {
  const w = WORDS[props.language];
  const hintId = `${props.name}-hint`;
  const errorId = `${props.name}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(' ');
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset vd-survey__question${props.error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy || undefined}
      aria-invalid={props.error ? true : undefined}
    >
      <legend
        className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend"
        style={{ fontWeight: 'bold' }}
      >
        {props.legend}
        {props.required ? '' : ` (${w.optional})`}
      </legend>
      {props.hint ? (
        <p id={hintId} className="utrecht-form-field-description">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={errorId} className="utrecht-form-field-error-message">
          {props.error}
        </p>
      ) : null}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1.5rem' }}>
        {props.options.map((o) => (
          <div key={o.value} className="utrecht-form-field utrecht-form-field--radio" style={{ margin: 0 }}>
            <input
              className="utrecht-radio-button utrecht-radio-button--html-input"
              type="radio"
              id={o.id}
              name={props.name}
              value={o.value}
              defaultChecked={props.checked === o.value}
              required={props.required && o === props.options[0]}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={o.id}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function SurveyForm(props: {
  definition: SurveyDefinition;
  language: Language;
  action: string;
  /** The page in the other language. */
  subject: string;
  values: Answers;
  errors: AnswerErrors;
}) {
  const { definition: d, language: l, values, errors } = props;
  const w = WORDS[l];
  const errorList = (Object.keys(FIRST) as (keyof typeof FIRST)[]).filter((k) => errors[k]);
  return (
    <>
      <h1 className="utrecht-heading-1">{say(d.title, l)}</h1>
      {errorList.length ? (
        <div className="utrecht-alert utrecht-alert--error" role="alert" id="error-summary">
          <div className="utrecht-alert__content">
            <h2 className="utrecht-heading-2">{w.errorTitle}</h2>
            <p className="utrecht-paragraph">{w.errorIntro}</p>
            <ul className="utrecht-unordered-list">
              {errorList.map((k) => (
                <li key={k} className="utrecht-unordered-list__item">
                  <a className="utrecht-link" href={`#${FIRST[k]}`}>
                    {errors[k]}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <p className="utrecht-paragraph">{say(d.intro, l)}</p>
      <p className="utrecht-paragraph">{w.about(props.subject)}</p>
      <form method="post" action={props.action} noValidate className="vd-stack">
        <input type="hidden" name="lang" value={l} />
        <Radios
          name="grade"
          legend={say(d.grade, l)}
          hint={`${w.gradeLow}, ${w.gradeHigh}`}
          options={Array.from({ length: 10 }, (_, i) => ({
            value: String(i + 1),
            label: String(i + 1),
            id: `grade-${i + 1}`,
          }))}
          checked={values.grade}
          error={errors.grade}
          required
          language={l}
        />
        <Radios
          name="effort"
          legend={say(d.effort, l)}
          options={w.effortScale.map((label, i) => ({ value: String(i + 1), label, id: `effort-${i + 1}` }))}
          checked={values.effort}
          error={errors.effort}
          required={false}
          language={l}
        />
        <Radios
          name="solved"
          legend={say(d.solved, l)}
          options={[
            { value: 'yes', label: w.yes, id: 'solved-yes' },
            { value: 'no', label: w.no, id: 'solved-no' },
          ]}
          checked={values.solved}
          error={errors.solved}
          required={false}
          language={l}
        />
        <div
          className={`utrecht-form-field utrecht-form-field--text${errors.comment ? ' utrecht-form-field--invalid' : ''}`}
        >
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="comment">
              {say(d.comment, l)} ({w.optional})
            </label>
          </div>
          <p id="comment-hint" className="utrecht-form-field-description">
            {w.privacy}
          </p>
          {errors.comment ? (
            <p id="comment-error" className="utrecht-form-field-error-message">
              {errors.comment}
            </p>
          ) : null}
          <div className="utrecht-form-field__input">
            <textarea
              className="utrecht-textarea utrecht-textarea--html-textarea"
              id="comment"
              name="comment"
              rows={5}
              aria-describedby={errors.comment ? 'comment-hint comment-error' : 'comment-hint'}
              aria-invalid={errors.comment ? true : undefined}
              defaultValue={values.comment ?? ''}
            />
          </div>
        </div>
        <div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {w.send}
          </button>
        </div>
      </form>
    </>
  );
}

/** A page with a heading and a few paragraphs: thanks, already answered, closed, unknown. */
export function Message(props: { title: string; lines: string[] }) {
  return (
    <>
      <h1 className="utrecht-heading-1">{props.title}</h1>
      {props.lines.map((line) => (
        <p key={line} className="utrecht-paragraph">
          {line}
        </p>
      ))}
    </>
  );
}
