import { Button } from '@utrecht/button-react';
import { WAITING_COLUMNS, type WaitingFigure, type WaitingProblem } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { intlLocale } from '../../i18n/format.ts';
import { useCan } from '../../lib/access.ts';
import { Chart } from '../../lib/charts/Chart.tsx';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { RowsRefused } from '../../lib/RowsRefused.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Code } from '../../ui/Code.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/Table.tsx';
import { useWaitingFigures, useWaitingImport, useWaitingImports } from './api.ts';
import './inputs.css';
import { MonitoringNav } from '../monitoring/index.ts';
import { PeriodFields, usePeriod } from './period.tsx';

const ERRORS_ID = 'waiting-errors';
const RESULT_ID = 'waiting-result';

/** Queue figures of the telephony and desk systems: the import (managers) and the figures per day or queue. */
export function WaitingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('inputs.waiting.title'));
  const mayImport = useCan('importWaitingFigures');
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('inputs.waiting.title')} intro={t('inputs.waiting.intro')} />
      <MonitoringNav />
      {mayImport ? <ImportSection /> : null}
      <FiguresSection />
      <ImportsSection />
    </div>
  );
}

function ImportSection() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const importer = useWaitingImport();
  const form = useForm({}, { file: { id: 'waiting-file', label: t('inputs.waiting.file') } });
  const problem = importer.error;
  const rowErrors = isApiError(problem) && problem.code === 'import_invalid' ? problem.errors : [];
  const lines = new Set(rowErrors.map((e) => e.line).filter((l) => l !== undefined)).size;
  const problemText = (code: string | undefined, message: string) =>
    code ? t(`inputs.waiting.problems.${code as WaitingProblem}`, { defaultValue: message }) : message;

  return (
    <>
      <Section headingId="waiting-import-heading" title={t('inputs.waiting.importTitle')} panel>
        <Paragraph>{t('inputs.waiting.importIntro')}</Paragraph>
        <Paragraph>
          <Code>{WAITING_COLUMNS.join(',')}</Code>
        </Paragraph>
        <Paragraph>{t('inputs.waiting.importRules')}</Paragraph>
        <FormErrorAlert
          form={form}
          error={rowErrors.length ? undefined : (problem ?? undefined)}
          id={rowErrors.length ? undefined : ERRORS_ID}
        />
        <form
          className="vd-form"
          noValidate
          onSubmit={form.submit(() => {
            if (!form.report(file ? {} : { file: t('inputs.waiting.fileRequired') }) || !file) {
              focusLater(ERRORS_ID);
              return;
            }
            importer.mutate(file, {
              onSuccess: () => focusLater(RESULT_ID),
              onError: () => focusLater(ERRORS_ID),
            });
          })}
        >
          <Field
            id="waiting-file"
            label={t('inputs.waiting.file')}
            description={t('inputs.waiting.fileHint')}
            error={form.errors.file}
          >
            {(control) => (
              <input
                id={control.id}
                aria-describedby={control['aria-describedby']}
                aria-invalid={control.invalid || undefined}
                type="file"
                accept=".csv,text/csv"
                className="vd-file-input"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  importer.reset();
                }}
              />
            )}
          </Field>
          <ButtonGroup>
            <Button
              type="submit"
              appearance="primary-action-button"
              busy={importer.isPending}
              disabled={importer.isPending}
            >
              {t('inputs.waiting.import')}
            </Button>
          </ButtonGroup>
        </form>
      </Section>

      {rowErrors.length ? (
        <RowsRefused
          id={ERRORS_ID}
          title={t('inputs.waiting.errorsTitle')}
          intro={t('inputs.waiting.errorsIntro', { count: rowErrors.length, lines })}
          caption={t('inputs.waiting.errorsCaption')}
          headers={{
            line: t('inputs.waiting.line'),
            field: t('inputs.waiting.column'),
            problem: t('inputs.waiting.problem'),
          }}
          rows={rowErrors.map((e) => ({
            line: e.line,
            field: e.field,
            problem: problemText(e.code, e.message),
          }))}
        />
      ) : null}

      {importer.data ? (
        <Notice id={RESULT_ID}>
          {t('inputs.waiting.imported', {
            count: importer.data.rows,
            replaced: importer.data.replaced,
            from: importer.data.firstDay,
            to: importer.data.lastDay,
          })}
        </Notice>
      ) : null}
    </>
  );
}

function FiguresSection() {
  const { t, i18n } = useTranslation();
  const period = usePeriod(14);
  const [by, setBy] = useState<'day' | 'queue'>('day');
  const figures = useWaitingFigures(period.period, by, period.valid);
  const locale = intlLocale(i18n.language);
  const percent = (v: number | null) =>
    v === null ? '—' : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v)}%`;
  const duration = (seconds: number | null) =>
    seconds === null
      ? '—'
      : `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const label = (row: WaitingFigure) =>
    by === 'day' ? day.format(new Date(`${row.key}T12:00:00`)) : row.key;

  return (
    <Section headingId="waiting-figures-heading" title={t('inputs.waiting.figuresTitle')}>
      <div className="vd-filters__grid vd-inputs-grid">
        <PeriodFields id="waiting" state={period} />
        <SelectField
          id="waiting-by"
          label={t('inputs.waiting.by')}
          value={by}
          onChange={(event) => setBy(event.target.value as 'day' | 'queue')}
          options={(['day', 'queue'] as const).map((value) => ({
            value,
            label: t(`inputs.waiting.byOption.${value}`),
          }))}
        />
      </div>
      {figures.isError ? <ErrorAlert error={figures.error} /> : null}
      {period.valid && figures.isPending ? <Paragraph role="status">{t('app.loading')}</Paragraph> : null}
      {figures.data && figures.data.length === 0 ? <Paragraph>{t('inputs.waiting.none')}</Paragraph> : null}
      {by === 'day' && figures.data && figures.data.length > 0 ? (
        <InTargetChart rows={figures.data} label={label} />
      ) : null}
      {figures.data && figures.data.length > 0 ? (
        <Table
          caption={t('inputs.waiting.caption', { by: t(`inputs.waiting.byOption.${by}`).toLowerCase() })}
        >
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(`inputs.waiting.byOption.${by}`)}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.channel')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.waiting.offered')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.waiting.answered')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.waiting.inTarget')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.waiting.abandoned')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.waiting.waitMean')}</TableHeaderCell>
              <TableHeaderCell>{t('inputs.waiting.handledMean')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {figures.data.map((row) => (
              <TableRow key={`${row.key}|${row.channel}`}>
                <TableHeaderCell scope="row">{label(row)}</TableHeaderCell>
                <TableCell>{t(`catalogue.channel.${row.channel}`)}</TableCell>
                <TableCell>{row.offered}</TableCell>
                <TableCell>{row.answered}</TableCell>
                <TableCell>
                  <strong>{percent(row.answeredInTargetRate)}</strong>
                </TableCell>
                <TableCell>{percent(row.abandonedRate)}</TableCell>
                <TableCell>{duration(row.waitMeanSeconds)}</TableCell>
                <TableCell>{duration(row.handledMeanSeconds)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Section>
  );
}

function ImportsSection() {
  const { t, i18n } = useTranslation();
  const imports = useWaitingImports();
  const when = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  if (!imports.data?.length) return imports.isError ? <ErrorAlert error={imports.error} /> : null;
  return (
    <Section headingId="waiting-imports-heading" title={t('inputs.waiting.importsTitle')}>
      <Table caption={t('inputs.waiting.importsCaption')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('inputs.waiting.importedAt')}</TableHeaderCell>
            <TableHeaderCell>{t('inputs.waiting.importedBy')}</TableHeaderCell>
            <TableHeaderCell>{t('inputs.waiting.rows')}</TableHeaderCell>
            <TableHeaderCell>{t('inputs.waiting.period')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {imports.data.map((i) => (
            <TableRow key={i.id}>
              <TableCell>{when.format(new Date(i.createdAt))}</TableCell>
              <TableCell>{i.importedBy}</TableCell>
              <TableCell>{i.rows}</TableCell>
              <TableCell>{i.firstDay === i.lastDay ? i.firstDay : `${i.firstDay} – ${i.lastDay}`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

/** Answered in target per day, phone and desk as two lines (percent of those who joined the queue). */
function InTargetChart({ rows, label }: { rows: WaitingFigure[]; label: (row: WaitingFigure) => string }) {
  const { t } = useTranslation();
  const days = [...new Set(rows.map((r) => r.key))].sort();
  const shown = new Map(rows.map((r) => [r.key, label(r)]));
  const series = (['phone', 'desk'] as const)
    .filter((channel) => rows.some((r) => r.channel === channel))
    .map((channel) => ({
      name: t(`catalogue.channel.${channel}`),
      values: days.map(
        (d) => rows.find((r) => r.key === d && r.channel === channel)?.answeredInTargetRate ?? null,
      ),
    }));
  return (
    <Chart
      direction="higher"
      spec={{
        type: 'line',
        title: t('inputs.waiting.chartTitle'),
        categoryLabel: t('inputs.waiting.byOption.day'),
        categories: days.map((d) => shown.get(d) ?? d),
        categoryKeys: days,
        series,
        unit: 'percent',
      }}
    />
  );
}
