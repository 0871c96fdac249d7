import { IDEA_LIMITS } from '@voordeur/shared';
import type { CommentErrors } from './ideas.public.ts';
import { type Language, WORDS } from './ideas.words.ts';

/**
 * The public idea pages, rendered on the server (no JavaScript; ADR 0022): the list of published ideas, one idea
 * with its approved comments and the comment form (error summary on top linking to the fields, the NL Design
 * System form pattern), and the message pages.
 */

const dateOf = (d: Date, l: Language) =>
  d.toLocaleDateString(l === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });

export function IdeaList(props: {
  language: Language;
  base: string;
  ideas: { id: string; title: string; description: string; stage: string; comments: number }[];
}) {
  const l = props.language;
  const w = WORDS[l];
  const suffix = l === 'en' ? '?lang=en' : '';
  return (
    <>
      <h1 className="utrecht-heading-1">{w.listTitle}</h1>
      <p className="utrecht-paragraph">{w.listIntro}</p>
      {props.ideas.length === 0 ? (
        <p className="utrecht-paragraph">{w.none}</p>
      ) : (
        <ul className="vd-stack" style={{ listStyle: 'none', padding: 0 }}>
          {props.ideas.map((i) => (
            <li key={i.id} className="vd-idea-card">
              <h2 className="utrecht-heading-2">
                <a className="utrecht-link" href={`${props.base}/${i.id}${suffix}`}>
                  {i.title}
                </a>
              </h2>
              <p className="utrecht-paragraph">{firstParagraph(i.description)}</p>
              <p className="utrecht-paragraph utrecht-paragraph--small">
                {w.stageLabel}: {w.stage[i.stage] ?? i.stage} · {w.comments(i.comments)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const firstParagraph = (text: string) => {
  const first = text.split(/\n\s*\n/)[0] ?? '';
  return first.length > 300 ? `${first.slice(0, 297)}…` : first;
};

export function IdeaPage(props: {
  language: Language;
  base: string;
  action: string;
  idea: { id: string; title: string; description: string; stage: string; open: boolean };
  comments: { id: string; body: string; displayName: string; at: Date }[];
  token: string;
  values: { body?: string | undefined; displayName?: string | undefined };
  errors: CommentErrors;
  sent: boolean;
}) {
  const l = props.language;
  const w = WORDS[l];
  const { idea, errors } = props;
  const message = (k: keyof CommentErrors) => {
    const e = errors[k];
    if (!e) return undefined;
    if (e === 'required') return w.required;
    if (e === 'tooFast') return w.tooFast;
    if (e === 'expired') return w.expired;
    return k === 'displayName'
      ? w.nameTooLong(IDEA_LIMITS.displayNameMax)
      : w.tooLong(IDEA_LIMITS.commentMax);
  };
  const summary = (['form', 'body', 'displayName'] as const).filter((k) => errors[k]);
  const target = { form: 'comment-body', body: 'comment-body', displayName: 'comment-name' } as const;
  return (
    <>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={`${props.base}${l === 'en' ? '?lang=en' : ''}`}>
          {w.back}
        </a>
      </p>
      <h1 className="utrecht-heading-1">{idea.title}</h1>
      <p className="utrecht-paragraph">
        <strong>{w.stageLabel}:</strong> {w.stage[idea.stage] ?? idea.stage}
      </p>
      {idea.description.split(/\n\s*\n/).map((para, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one fixed text
        <p key={i} className="utrecht-paragraph" style={{ whiteSpace: 'pre-line' }}>
          {para}
        </p>
      ))}
      {props.sent ? (
        <div className="utrecht-alert utrecht-alert--ok" role="status" id="sent">
          <div className="utrecht-alert__content">
            <h2 className="utrecht-heading-2">{w.sentTitle}</h2>
            <p className="utrecht-paragraph">{w.sent}</p>
          </div>
        </div>
      ) : null}
      <h2 className="utrecht-heading-2">{w.reactions}</h2>
      {props.comments.length === 0 ? (
        <p className="utrecht-paragraph">{w.noReactions}</p>
      ) : (
        <ul className="vd-stack" style={{ listStyle: 'none', padding: 0 }}>
          {props.comments.map((c) => (
            <li key={c.id} className="vd-idea-comment">
              <p className="utrecht-paragraph" style={{ whiteSpace: 'pre-line' }}>
                {c.body}
              </p>
              <p className="utrecht-paragraph utrecht-paragraph--small">
                {c.displayName || w.resident} · {dateOf(c.at, l)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {idea.open ? (
        <>
          <h2 className="utrecht-heading-2" id="form-title">
            {w.formTitle}
          </h2>
          {summary.length ? (
            <div className="utrecht-alert utrecht-alert--error" role="alert" id="error-summary">
              <div className="utrecht-alert__content">
                <h3 className="utrecht-heading-3">{w.errorTitle}</h3>
                <p className="utrecht-paragraph">{w.errorIntro}</p>
                <ul className="utrecht-unordered-list">
                  {summary.map((k) => (
                    <li key={k} className="utrecht-unordered-list__item">
                      <a className="utrecht-link" href={`#${target[k]}`}>
                        {message(k)}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          ) : null}
          <p className="utrecht-paragraph">{w.formIntro}</p>
          <form
            method="post"
            action={props.action}
            noValidate
            className="vd-stack"
            aria-labelledby="form-title"
          >
            <input type="hidden" name="lang" value={l} />
            <input type="hidden" name="token" value={props.token} />
            <TextField
              id="comment-body"
              name="body"
              label={w.comment}
              hint={w.commentHint(IDEA_LIMITS.commentMax)}
              error={message('body')}
              value={props.values.body}
              multiline
            />
            <TextField
              id="comment-name"
              name="displayName"
              label={w.name}
              hint={w.nameHint}
              error={message('displayName')}
              value={props.values.displayName}
            />
            {/* The honeypot: people do not see it and leave it empty; a program filling every field does not. */}
            <div className="vd-honeypot" aria-hidden="true">
              <label htmlFor="comment-website">{w.honeypot}</label>
              <input id="comment-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
            </div>
            <div>
              <button type="submit" className="utrecht-button utrecht-button--primary-action">
                {w.send}
              </button>
            </div>
          </form>
        </>
      ) : (
        <p className="utrecht-paragraph">{w.closed}</p>
      )}
    </>
  );
}

function TextField(props: {
  id: string;
  name: string;
  label: string;
  hint: string;
  error: string | undefined;
  value: string | undefined;
  multiline?: boolean;
}) {
  const describedBy = props.error ? `${props.id}-hint ${props.id}-error` : `${props.id}-hint`;
  const common = {
    id: props.id,
    name: props.name,
    'aria-describedby': describedBy,
    'aria-invalid': props.error ? true : undefined,
    defaultValue: props.value ?? '',
  };
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--text${props.error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={props.id}>
          {props.label}
        </label>
      </div>
      <p id={`${props.id}-hint`} className="utrecht-form-field-description">
        {props.hint}
      </p>
      {props.error ? (
        <p id={`${props.id}-error`} className="utrecht-form-field-error-message">
          {props.error}
        </p>
      ) : null}
      <div className="utrecht-form-field__input">
        {props.multiline ? (
          <textarea className="utrecht-textarea utrecht-textarea--html-textarea" rows={6} {...common} />
        ) : (
          <input
            className="utrecht-textbox utrecht-textbox--html-input"
            type="text"
            autoComplete="off"
            {...common}
          />
        )}
      </div>
    </div>
  );
}

export function Message(props: { title: string; lines: string[]; back?: { href: string; label: string } }) {
  return (
    <>
      <h1 className="utrecht-heading-1">{props.title}</h1>
      {props.lines.map((line) => (
        <p key={line} className="utrecht-paragraph">
          {line}
        </p>
      ))}
      {props.back ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={props.back.href}>
            {props.back.label}
          </a>
        </p>
      ) : null}
    </>
  );
}
