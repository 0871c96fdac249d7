import { CASE_LIMITS } from '@voordeur/shared';
import type { ReactNode } from 'react';
import {
  ErrorSummary,
  Field,
  type FieldErrors,
  Notice,
  Submit,
  TextInput,
  textarea,
  textbox,
} from '../../plugins/page-parts.tsx';
import type { TrackingView } from './tracking.service.ts';
import type { TrackingWords } from './tracking.words.ts';

/**
 * The case page and its access pages, rendered on the server (ADR 0022): plain HTML forms, NL Design System
 * class names, no script. Every text comes from `tracking.words.ts` in the page's language.
 */

const formats = new Map<string, Intl.DateTimeFormat>();
/** "8 april 2026" / "8 April 2026", in Dutch time. */
export function dateText(instant: Date, language: 'nl' | 'en') {
  let f = formats.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
      timeZone: 'Europe/Amsterdam',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    formats.set(language, f);
  }
  return f.format(instant);
}

export interface CasePageProps {
  words: TrackingWords;
  view: TrackingView;
  organisation: string;
  /** The page's own address (forms post to paths under it). */
  self: string;
  notice?: 'replied' | 'reopen_asked' | undefined;
  /**
   * Just sent from the report form (`?klaar=ontvangen`): the confirmation — how the person hears from us, what
   * happens next, the page's own link to keep; at the end, related services (`related`, rendered by the portal).
   */
  received?: { via: string; link: string; related: ReactNode } | undefined;
  errors?: FieldErrors | undefined;
  /** What the person typed, shown again after an error. */
  values?: { body?: string; reason?: string } | undefined;
  /** The case's open survey, when there is one (module surveys; wired at merge). */
  survey?: { url: string; text: string } | null | undefined;
}

export function CasePage(p: CasePageProps) {
  const { words: w, view: v } = p;
  const lang = w.lang as 'nl' | 'en';
  const errors = p.errors ?? {};
  const date = (d: Date) => dateText(d, lang);
  return (
    <>
      <ErrorSummary title={w.errorSummary} errors={errors} />
      {p.notice === 'replied' ? <Notice>{w.replied}</Notice> : null}
      {p.notice === 'reopen_asked' ? <Notice>{w.reopenAsked}</Notice> : null}
      {p.received && !p.errors ? <Notice>{w.received.title(v.reference)}</Notice> : null}
      <h1 className="utrecht-heading-1">{w.yourCase(v.kind, v.reference)}</h1>
      {p.received && !p.errors ? (
        <section aria-labelledby="received-heading" className="vd-stack">
          <h2 className="utrecht-heading-2" id="received-heading">
            {w.received.nextTitle}
          </h2>
          {w.received.via[p.received.via] ? (
            <p className="utrecht-paragraph">{w.received.via[p.received.via]}</p>
          ) : null}
          <p className="utrecht-paragraph">{w.received.next}</p>
          <p className="utrecht-paragraph">
            {w.received.keep}{' '}
            <a className="utrecht-link utrecht-link--html-a vd-secret" href={p.received.link}>
              {p.received.link}
            </a>
          </p>
        </section>
      ) : null}
      <dl className="utrecht-data-list vd-data-list">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{w.about}</dt>
          <dd className="utrecht-data-list__item-value">{v.subject}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{w.reference}</dt>
          <dd className="utrecht-data-list__item-value">{v.reference}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{w.receivedOn}</dt>
          <dd className="utrecht-data-list__item-value">{date(v.receivedAt)}</dd>
        </div>
      </dl>

      <section aria-labelledby="status-heading" className="vd-stack">
        <h2 className="utrecht-heading-2" id="status-heading">
          {w.statusHeading}: {v.status.label}
        </h2>
        <p className="utrecht-paragraph">{v.status.text}</p>
        {v.mergedInto ? <p className="utrecht-paragraph">{w.mergedInto(v.mergedInto)}</p> : null}
      </section>

      <section aria-labelledby="date-heading" className="vd-stack">
        <h2 className="utrecht-heading-2" id="date-heading">
          {w.dateHeading}
        </h2>
        {v.closedAt ? (
          <p className="utrecht-paragraph">{w.closedOn(date(v.closedAt))}</p>
        ) : v.waiting ? (
          <p className="utrecht-paragraph">{w.dueWaiting(date(v.dueAt))}</p>
        ) : (
          <p className="utrecht-paragraph">{w.dueBy(date(v.dueAt))}</p>
        )}
        {v.extendedBecause ? <p className="utrecht-paragraph">{w.extended(v.extendedBecause)}</p> : null}
        {v.late ? <p className="utrecht-paragraph">{w.late}</p> : null}
      </section>

      {v.waiting ? (
        <section aria-labelledby="reply-heading" className="vd-stack">
          <h2 className="utrecht-heading-2" id="reply-heading">
            {w.replyHeading}
          </h2>
          <p className="utrecht-paragraph">{w.replyIntro}</p>
          {v.messages
            .filter((m) => m.kind === 'question')
            .slice(-1)
            .map((m) => (
              <blockquote key={m.id} className="vd-quote">
                <p className="utrecht-paragraph vd-pre">{m.body}</p>
              </blockquote>
            ))}
          <form
            method="post"
            action={`${p.self}/antwoord`}
            encType="multipart/form-data"
            className="vd-form"
            noValidate
          >
            <Field id="body" label={w.replyLabel} error={errors.body}>
              {(control) => (
                <textarea
                  {...control}
                  name="body"
                  rows={6}
                  maxLength={CASE_LIMITS.messageMax}
                  className={textarea(Boolean(errors.body))}
                  defaultValue={p.values?.body ?? ''}
                />
              )}
            </Field>
            <Field
              id="files"
              label={w.filesLabel}
              error={errors.files}
              description={w.filesHint(3, Math.round(CASE_LIMITS.attachmentMaxBytes / 1048576))}
            >
              {(control) => (
                <input
                  {...control}
                  type="file"
                  name="files"
                  multiple
                  accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
                  className={textbox(Boolean(errors.files))}
                />
              )}
            </Field>
            <Submit>{w.replySubmit}</Submit>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="messages-heading" className="vd-stack">
        <h2 className="utrecht-heading-2" id="messages-heading">
          {w.messagesHeading}
        </h2>
        {v.messages.length ? (
          <ol className="vd-plain-list vd-stack">
            {v.messages.map((m) => (
              <li key={m.id}>
                <p className="utrecht-paragraph vd-small vd-muted">
                  <strong>{w.messageKinds[m.kind]}</strong> ·{' '}
                  {m.from === 'person' ? w.fromYou : w.fromOrganisation(p.organisation)} ·{' '}
                  <time dateTime={m.at.toISOString()}>{date(m.at)}</time>
                </p>
                <p className="utrecht-paragraph vd-pre">{m.body}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="utrecht-paragraph">{w.noMessages}</p>
        )}
      </section>

      <section aria-labelledby="history-heading" className="vd-stack">
        <h2 className="utrecht-heading-2" id="history-heading">
          {w.historyHeading}
        </h2>
        <ol className="vd-plain-list">
          {v.history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at.toISOString()}>{date(h.at)}</time>: {h.label}
            </li>
          ))}
        </ol>
      </section>

      {/* SURVEY: the case's open survey invitation (module surveys' index), wired in by the coordinator at merge. */}
      {p.survey ? (
        <section aria-labelledby="survey-heading" className="vd-stack">
          <h2 className="utrecht-heading-2" id="survey-heading">
            {w.surveyHeading}
          </h2>
          <p className="utrecht-paragraph">
            <a className="utrecht-link" href={p.survey.url}>
              {p.survey.text}
            </a>
          </p>
        </section>
      ) : null}

      {v.reopen === 'requested' ? (
        <Notice type="info">{w.reopenRequested}</Notice>
      ) : v.reopen === 'refused' ? (
        <Notice type="info">{w.reopenRefused}</Notice>
      ) : v.reopen === 'possible' ? (
        <section aria-labelledby="reopen-heading" className="vd-stack">
          <h2 className="utrecht-heading-2" id="reopen-heading">
            {w.reopenHeading}
          </h2>
          <p className="utrecht-paragraph">{w.reopenIntro}</p>
          <form method="post" action={`${p.self}/niet-opgelost`} className="vd-form" noValidate>
            <Field id="reason" label={w.reopenLabel} error={errors.reason}>
              {(control) => (
                <textarea
                  {...control}
                  name="reason"
                  rows={4}
                  maxLength={CASE_LIMITS.textMax}
                  className={textarea(Boolean(errors.reason))}
                  defaultValue={p.values?.reason ?? ''}
                />
              )}
            </Field>
            <Submit>{w.reopenSubmit}</Submit>
          </form>
        </section>
      ) : null}
      {p.received && !p.errors ? p.received.related : null}
    </>
  );
}

/** A page that only says something (not found, expired, limited), with where to go next. */
export function MessagePage(p: { title: string; lines: string[]; link?: { href: string; text: string } }) {
  return (
    <>
      <h1 className="utrecht-heading-1">{p.title}</h1>
      {p.lines.map((line) => (
        <p key={line} className="utrecht-paragraph">
          {line}
        </p>
      ))}
      {p.link ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={p.link.href}>
            {p.link.text}
          </a>
        </p>
      ) : null}
    </>
  );
}

/** Reference + email address → a one-time code. */
export function FindPage(p: {
  words: TrackingWords;
  action: string;
  errors?: FieldErrors | undefined;
  values?: { reference?: string; email?: string } | undefined;
}) {
  const { words: w } = p;
  const errors = p.errors ?? {};
  return (
    <>
      <ErrorSummary title={w.errorSummary} errors={errors} />
      <h1 className="utrecht-heading-1">{w.findTitle}</h1>
      <p className="utrecht-paragraph">{w.findIntro}</p>
      <form method="post" action={p.action} className="vd-form" noValidate>
        <TextInput
          id="reference"
          label={w.referenceLabel}
          name="reference"
          autoComplete="off"
          maxLength={40}
          error={errors.reference}
          value={p.values?.reference}
        />
        <TextInput
          id="email"
          label={w.emailLabel}
          name="email"
          type="email"
          autoComplete="email"
          maxLength={320}
          error={errors.email}
          value={p.values?.email}
        />
        <Submit>{w.findSubmit}</Submit>
      </form>
    </>
  );
}

/** The one-time code. */
export function CodePage(p: {
  words: TrackingWords;
  action: string;
  minutes: number;
  error?: string | undefined;
}) {
  const { words: w } = p;
  return (
    <>
      <ErrorSummary title={w.errorSummary} errors={p.error ? { code: p.error } : {}} />
      <h1 className="utrecht-heading-1">{w.codeTitle}</h1>
      <p className="utrecht-paragraph">{w.codeIntro(p.minutes)}</p>
      <form method="post" action={p.action} className="vd-form" noValidate>
        <Field id="code" label={w.codeLabel} error={p.error}>
          {(control) => (
            <input
              {...control}
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              className={`${textbox(Boolean(p.error))} vd-code-input`}
            />
          )}
        </Field>
        <Submit>{w.codeSubmit}</Submit>
      </form>
    </>
  );
}
