import { PULSE_COMMENT_MAX, type PulseCurrent, type PulseRoundResult } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../lib/access.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import { useAnswerPulse, useCloseRound, useCreateRound, usePulseCurrent, usePulseResults } from './api.ts';
import { Muted, PulseTable, useDay } from './parts.tsx';
import './people.css';

const ID = 'pulse';
const SCALE = ['1', '2', '3', '4', '5'] as const;

/**
 * The team pulse (`/excellence/pulse`): every employee answers the open round once, anonymously; who may read the
 * pulse sees the results of the last rounds (groups of at least the minimum only); who manages it opens and closes
 * rounds.
 */
export function PulsePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('people.pulse.title'));
  const current = usePulseCurrent();
  const mayRead = useCan('readPulse');
  const mayManage = useCan('managePulse');
  const min = current.data?.minGroup ?? 5;
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('people.pulse.title')} intro={t('people.pulse.intro')} />
      <ExcellenceNav />
      <Paragraph>{t('people.pulse.privacy', { min })}</Paragraph>
      <section className="vd-stack" aria-labelledby="pulse-current">
        <Heading level={2} id="pulse-current">
          {t('people.pulse.current')}
        </Heading>
        {current.isError ? <ErrorAlert error={current.error} /> : null}
        {current.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
        {current.data ? <Current data={current.data} /> : null}
      </section>
      {mayRead ? <Results /> : null}
      {mayManage ? <Manage /> : null}
      <Paragraph>
        <Link className="utrecht-link" to="/excellence/team">
          {t('people.pulse.teamPages')}
        </Link>
      </Paragraph>
    </div>
  );
}

function Current({ data }: { data: PulseCurrent }) {
  const { t, i18n } = useTranslation();
  const day = useDay();
  const answer = useAnswerPulse();
  const [sent, setSent] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const statements = data.round?.questions.statements ?? [];
  const initial = { q0: '', q1: '', q2: '', q3: '', q4: '', q5: '', teamId: '', comment: '' };
  const form = useForm(initial, {
    q0: { id: `${ID}-q0-1`, label: statements[0]?.[lang] ?? '' },
    q1: { id: `${ID}-q1-1`, label: statements[1]?.[lang] ?? '' },
    q2: { id: `${ID}-q2-1`, label: statements[2]?.[lang] ?? '' },
    q3: { id: `${ID}-q3-1`, label: statements[3]?.[lang] ?? '' },
    q4: { id: `${ID}-q4-1`, label: statements[4]?.[lang] ?? '' },
    q5: { id: `${ID}-q5-1`, label: statements[5]?.[lang] ?? '' },
    teamId: { id: `${ID}-team`, label: t('people.pulse.team') },
    comment: { id: `${ID}-comment`, label: data.round?.questions.openQuestion[lang] ?? '' },
  });
  if (!data.round) return <Muted>{t('people.pulse.none')}</Muted>;
  const round = data.round;
  const period = t('people.pulse.period', { from: day(round.startsOn), to: day(round.endsOn) });
  if (sent) return <Notice>{t('people.pulse.sent')}</Notice>;
  if (data.answered)
    return (
      <>
        <Paragraph>{period}</Paragraph>
        <Notice>{t('people.pulse.answered')}</Notice>
      </>
    );
  const keys = statements.map((_, i) => `q${i}` as 'q0');
  const onSubmit = form.submit(() => {
    const found: Record<string, string> = {};
    for (const k of keys) if (!form.values[k]) found[k] = t('people.pulse.chooseEach');
    if (!form.report(found)) return;
    answer.mutate(
      {
        roundId: round.id,
        body: {
          scores: keys.map((k) => Number(form.values[k])),
          comment: form.values.comment.trim(),
          ...(data.teams.length > 1 ? { teamId: form.values.teamId || null } : {}),
        },
      },
      { onSuccess: () => setSent(true), onError: form.onError },
    );
  });
  return (
    <form className="vd-form vd-stack" noValidate onSubmit={onSubmit} aria-labelledby="pulse-current">
      <Paragraph>{period}</Paragraph>
      <FormErrorAlert form={form} error={answer.error} />
      {statements.map((s, i) => {
        const key = `q${i}` as 'q0';
        const error = form.errors[key];
        return (
          <fieldset
            key={s.nl}
            className="vd-people-statement utrecht-form-fieldset"
            aria-describedby={error ? `${ID}-q${i}-error` : undefined}
          >
            <legend>
              {s[lang]} <span className="vd-visually-hidden">{t('people.pulse.scaleLegend')}</span>
            </legend>
            {error ? (
              <p id={`${ID}-q${i}-error`} className="utrecht-form-field-error-message">
                {error}
              </p>
            ) : null}
            <div className="vd-people-scale">
              {SCALE.map((v) => (
                <div key={v} className="vd-radio">
                  <input
                    type="radio"
                    id={`${ID}-q${i}-${v}`}
                    name={`${ID}-q${i}`}
                    value={v}
                    checked={form.values[key] === v}
                    onChange={() => form.field(key).onChange({ target: { value: v } })}
                  />
                  <label htmlFor={`${ID}-q${i}-${v}`}>{t(`people.pulse.scale.${v}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
        );
      })}
      {data.teams.length > 1 ? (
        <SelectField
          {...form.field('teamId')}
          emptyOption={t('people.pulse.teamNone')}
          options={data.teams.map((x) => ({ value: x.id, label: x.name }))}
        />
      ) : null}
      <TextareaField
        {...form.field('comment')}
        optional
        description={t('people.pulse.commentHint', { min: data.minGroup })}
        rows={3}
        maxLength={PULSE_COMMENT_MAX}
      />
      <div>
        <SubmitButton busy={answer.isPending}>{t('people.pulse.submit')}</SubmitButton>
      </div>
    </form>
  );
}

function Results() {
  const { t } = useTranslation();
  const results = usePulseResults(true);
  return (
    <section className="vd-stack" aria-labelledby="pulse-results">
      <Heading level={2} id="pulse-results">
        {t('people.pulse.results')}
      </Heading>
      {results.isError ? <ErrorAlert error={results.error} /> : null}
      {results.data && results.data.items.length === 0 ? <Muted>{t('people.pulse.noResults')}</Muted> : null}
      {results.data?.items.map((r) => (
        <RoundResult key={r.round.id} r={r} />
      ))}
    </section>
  );
}

function RoundResult({ r }: { r: PulseRoundResult }) {
  const { t } = useTranslation();
  const day = useDay();
  const mayManage = useCan('managePulse');
  const close = useCloseRound();
  const heading = t('people.pulse.period', { from: day(r.round.startsOn), to: day(r.round.endsOn) });
  const hidden = r.teams.filter((x) => x.result === null).map((x) => x.name);
  return (
    <div className="vd-stack">
      <Heading level={3}>{heading}</Heading>
      {!r.round.closed ? (
        <>
          <Paragraph>{t('people.pulse.roundOpen', { count: r.round.respondents })}</Paragraph>
          {mayManage ? (
            <div>
              {close.isError ? <ErrorAlert error={close.error} /> : null}
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                disabled={close.isPending}
                onClick={() => close.mutate(r.round.id)}
              >
                {t('people.pulse.close')}
              </button>
            </div>
          ) : null}
        </>
      ) : r.organisation === null ? (
        <Muted>{t('people.pulse.tooFew', { count: r.round.respondents, min: 5 })}</Muted>
      ) : (
        <>
          <PulseTable
            caption={t('people.pulse.caption', { from: day(r.round.startsOn), to: day(r.round.endsOn) })}
            questions={r.round.questions}
            groups={[
              { name: t('people.pulse.organisation'), result: r.organisation },
              ...r.teams.flatMap((x) => (x.result ? [{ name: x.name, result: x.result }] : [])),
            ]}
          />
          {hidden.length ? <Muted>{t('people.pulse.hidden', { teams: hidden.join(', ') })}</Muted> : null}
          {r.comments.length ? (
            <>
              <Heading level={4}>{t('people.pulse.comments')}</Heading>
              <ul className="utrecht-unordered-list">
                {r.comments.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: equal comments are possible; the list never reorders.
                  <li key={i} className="utrecht-unordered-list__item">
                    {c}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </div>
  );
}

function Manage() {
  const { t } = useTranslation();
  const create = useCreateRound();
  const [done, setDone] = useState(false);
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });
  const form = useForm(
    { period: 'week', startsOn: today },
    {
      period: { id: `${ID}-period`, label: t('people.pulse.roundPeriod') },
      startsOn: { id: `${ID}-starts`, label: t('people.pulse.startsOn') },
    },
  );
  const onSubmit = form.submit(() => {
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.values.startsOn)) found.startsOn = t('validation.required');
    if (!form.report(found)) return;
    setDone(false);
    create.mutate(
      { period: form.values.period === 'month' ? 'month' : 'week', startsOn: form.values.startsOn },
      { onSuccess: () => setDone(true), onError: form.onError },
    );
  });
  return (
    <section className="vd-stack" aria-labelledby="pulse-manage">
      <Heading level={2} id="pulse-manage">
        {t('people.pulse.manage')}
      </Heading>
      <form className="vd-form vd-stack" noValidate onSubmit={onSubmit} aria-labelledby="pulse-new">
        <Heading level={3} id="pulse-new">
          {t('people.pulse.newRound')}
        </Heading>
        <FormErrorAlert form={form} error={create.error} />
        {done ? <Notice>{t('people.pulse.created')}</Notice> : null}
        <SelectField
          {...form.field('period')}
          options={[
            { value: 'week', label: t('people.pulse.week') },
            { value: 'month', label: t('people.pulse.month') },
          ]}
        />
        <TextField {...form.field('startsOn')} type="date" required />
        <div>
          <SubmitButton busy={create.isPending}>{t('people.pulse.create')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
