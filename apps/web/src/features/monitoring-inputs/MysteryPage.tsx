import { Button } from '@utrecht/button-react';
import {
  CHANNELS,
  type Channel,
  MYSTERY_ANSWERS,
  type MysteryAnswer,
  type MysteryPoint,
} from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/format.ts';
import { useCan } from '../../lib/access.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useAddPoint, useChecklist, useMysteryResults, useRecordCheck } from './api.ts';
import './inputs.css';
import { MonitoringNav } from '../monitoring/index.ts';
import { isoDate, PeriodFields, usePeriod } from './period.tsx';

/** Mystery shopping and calling: test contacts scored against a checklist per channel, next to measured KPIs. */
export function MysteryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('inputs.mystery.title'));
  const mayRecord = useCan('recordMysteryChecks');
  const checklist = useChecklist();
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('inputs.mystery.title')} intro={t('inputs.mystery.intro')} />
      <MonitoringNav />
      <ResultsSection />
      {checklist.isError ? <ErrorAlert error={checklist.error} /> : null}
      {mayRecord && checklist.data ? <RecordSection points={checklist.data} /> : null}
      {mayRecord ? <AddPointSection /> : null}
    </div>
  );
}

const usePointLabel = () => {
  const { t, i18n } = useTranslation();
  return (p: MysteryPoint) =>
    p.label
      ? ((i18n.language === 'en' ? p.label.en : undefined) ?? p.label.nl)
      : t(`inputs.mystery.points.${p.key as 'courtesy'}`);
};

function ResultsSection() {
  const { t, i18n } = useTranslation();
  const period = usePeriod(90, true);
  const results = useMysteryResults(period.period, period.valid);
  const locale = intlLocale(i18n.language);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const pct = (v: number | null) => (v === null ? '—' : `${number.format(v)}%`);
  const num = (v: number | null) => (v === null ? '—' : number.format(v));
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const data = results.data;
  return (
    <Section headingId="mystery-results-heading" title={t('inputs.mystery.resultsTitle')}>
      <div className="vd-filters__grid vd-inputs-grid">
        <PeriodFields id="mystery" state={period} />
      </div>
      {results.isError ? <ErrorAlert error={results.error} /> : null}
      {period.valid && results.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {data && data.items.length === 0 ? <Paragraph>{t('inputs.mystery.none')}</Paragraph> : null}
      {data && data.summary.length > 0 ? (
        <Table caption={t('inputs.mystery.summaryCaption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('inputs.channel')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.mystery.checks')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.mystery.score')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.mystery.inTargetScore')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.mystery.measuredInTarget')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.mystery.fcr')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.mystery.gradeMean')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.summary.map((row) => (
              <TableRow key={row.channel}>
                <TableHeaderCell scope="row">{t(`catalogue.channel.${row.channel}`)}</TableHeaderCell>
                <TableCell>{row.checks}</TableCell>
                <TableCell>
                  <strong>{pct(row.score)}</strong>
                </TableCell>
                <TableCell>{pct(row.inTargetScore)}</TableCell>
                <TableCell>
                  {row.channel === 'phone'
                    ? pct(row.phoneAnsweredInTarget)
                    : row.channel === 'desk' && row.deskWaitMean !== null
                      ? t('inputs.mystery.waitMinutes', { minutes: number.format(row.deskWaitMean) })
                      : '—'}
                </TableCell>
                <TableCell>
                  {pct(row.fcr)}{' '}
                  <span className="vd-muted">
                    ({t('inputs.mystery.ofContacts', { count: row.contacts })})
                  </span>
                </TableCell>
                <TableCell>
                  {num(row.gradeMean)}{' '}
                  <span className="vd-muted">
                    ({t('inputs.mystery.ofAnswers', { count: row.responses })})
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {data && data.items.length > 0 ? (
        <Table caption={t('inputs.mystery.checksCaption')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('inputs.mystery.date')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.channel')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.mystery.score')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.mystery.note')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.mystery.recordedBy')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.items.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{day.format(new Date(`${c.date}T12:00:00`))}</TableCell>
                <TableCell>{t(`catalogue.channel.${c.channel}`)}</TableCell>
                <TableCell>{pct(c.score)}</TableCell>
                <TableCell>{c.note || '—'}</TableCell>
                <TableCell>{c.recordedBy}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Section>
  );
}

const RECORD_ERRORS = 'mystery-record-errors';
const RECORDED = 'mystery-recorded';

function RecordSection({ points }: { points: MysteryPoint[] }) {
  const { t } = useTranslation();
  const label = usePointLabel();
  const record = useRecordCheck();
  const [done, setDone] = useState(false);
  const [channel, setChannel] = useState<Channel>('phone');
  const [answers, setAnswers] = useState<Record<string, MysteryAnswer | ''>>({});
  const form = useForm(
    { date: isoDate(new Date()), note: '' },
    {
      date: { id: 'mystery-date', label: t('inputs.mystery.date') },
      note: { id: 'mystery-note', label: t('inputs.mystery.note') },
      ...Object.fromEntries(
        points.map((p) => [`answers.${p.key}`, { id: `mystery-point-${p.key}`, label: label(p) }]),
      ),
    },
  );
  const list = points.filter((p) => p.channel === null || p.channel === channel);

  return (
    <Section headingId="mystery-record-heading" title={t('inputs.mystery.recordTitle')} panel>
      <Paragraph>{t('inputs.mystery.recordIntro')}</Paragraph>
      <FormErrorAlert form={form} error={record.error ?? undefined} id={RECORD_ERRORS} />
      {done ? <Notice id={RECORDED}>{t('inputs.mystery.recorded')}</Notice> : null}
      <form
        className="vd-form"
        noValidate
        onSubmit={form.submit(() => {
          setDone(false);
          const errors: Record<string, string> = {};
          if (!/^\d{4}-\d{2}-\d{2}$/.test(form.values.date)) errors.date = t('validation.required');
          for (const p of list)
            if (!answers[p.key]) errors[`answers.${p.key}`] = t('inputs.mystery.answerRequired');
          if (!form.report(errors)) {
            focusLater(RECORD_ERRORS);
            return;
          }
          record.mutate(
            {
              date: form.values.date,
              channel,
              note: form.values.note,
              answers: Object.fromEntries(list.map((p) => [p.key, answers[p.key] as MysteryAnswer])),
            },
            {
              onSuccess: () => {
                setDone(true);
                setAnswers({});
                form.reset({ date: form.values.date, note: '' });
                focusLater(RECORDED);
              },
              onError: (error) => {
                form.onError(error);
                focusLater(RECORD_ERRORS);
              },
            },
          );
        })}
      >
        <div className="vd-filters__grid vd-inputs-grid">
          <TextField {...form.field('date')} type="date" />
          <SelectField
            id="mystery-channel"
            label={t('inputs.channel')}
            value={channel}
            onChange={(event) => setChannel(event.target.value as Channel)}
            options={CHANNELS.map((value) => ({ value, label: t(`catalogue.channel.${value}`) }))}
          />
        </div>
        <div className="vd-filters__grid vd-inputs-grid">
          {list.map((p) => (
            <SelectField
              key={p.key}
              id={`mystery-point-${p.key}`}
              label={label(p)}
              value={answers[p.key] ?? ''}
              error={form.errors[`answers.${p.key}`]}
              onChange={(event) =>
                setAnswers((a) => ({ ...a, [p.key]: event.target.value as MysteryAnswer }))
              }
              options={[
                { value: '', label: t('validation.choose') },
                ...MYSTERY_ANSWERS.map((value) => ({ value, label: t(`inputs.mystery.answers.${value}`) })),
              ]}
            />
          ))}
        </div>
        <TextareaField {...form.field('note')} rows={3} />
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={record.isPending}
            disabled={record.isPending}
          >
            {t('inputs.mystery.record')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

const POINT_ERRORS = 'mystery-point-errors';
const POINT_ADDED = 'mystery-point-added';

function AddPointSection() {
  const { t } = useTranslation();
  const add = useAddPoint();
  const [done, setDone] = useState(false);
  const [channel, setChannel] = useState<Channel>('phone');
  const form = useForm(
    { nl: '', en: '' },
    {
      nl: { id: 'point-nl', label: t('inputs.mystery.pointNl') },
      en: { id: 'point-en', label: t('inputs.mystery.pointEn') },
      'label.nl': { id: 'point-nl', label: t('inputs.mystery.pointNl') },
    },
  );
  return (
    <Section headingId="mystery-point-heading" title={t('inputs.mystery.pointTitle')} panel>
      <Paragraph>{t('inputs.mystery.pointIntro')}</Paragraph>
      <FormErrorAlert form={form} error={add.error ?? undefined} id={POINT_ERRORS} />
      {done ? <Notice id={POINT_ADDED}>{t('inputs.mystery.pointAdded')}</Notice> : null}
      <form
        className="vd-form"
        noValidate
        onSubmit={form.submit(() => {
          setDone(false);
          if (!form.report(form.values.nl.trim() ? {} : { nl: t('validation.required') })) {
            focusLater(POINT_ERRORS);
            return;
          }
          add.mutate(
            {
              channel,
              label: {
                nl: form.values.nl.trim(),
                ...(form.values.en.trim() ? { en: form.values.en.trim() } : {}),
              },
            },
            {
              onSuccess: () => {
                setDone(true);
                form.reset();
                focusLater(POINT_ADDED);
              },
              onError: (error) => {
                form.onError(error);
                focusLater(POINT_ERRORS);
              },
            },
          );
        })}
      >
        <SelectField
          id="point-channel"
          label={t('inputs.channel')}
          value={channel}
          onChange={(event) => setChannel(event.target.value as Channel)}
          options={CHANNELS.map((value) => ({ value, label: t(`catalogue.channel.${value}`) }))}
        />
        <TextField {...form.field('nl')} />
        <TextField {...form.field('en')} optional />
        <ButtonGroup>
          <Button
            type="submit"
            appearance="secondary-action-button"
            busy={add.isPending}
            disabled={add.isPending}
          >
            {t('inputs.mystery.addPoint')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}
