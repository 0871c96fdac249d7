import { Button } from '@utrecht/button-react';
import {
  INTEGRITY_KINDS,
  INTEGRITY_STATUSES,
  type IntegrityKind,
  type IntegrityRecord,
  type IntegrityStatus,
} from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { focusLater } from '../../lib/focus.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { DataList } from '../../ui/DataList.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageIntro } from '../../ui/PageIntro.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ExcellenceNav } from '../excellence/index.ts';
import { useIntegrityRecords, useRecordIntegrity, useUpdateIntegrity } from './api.ts';
import { today, useStrategyFormat } from './format.ts';
import './strategy.css';

/** The integrity register (element 5): for the integrity officer alone; every visit is recorded in the audit trail. */
export function IntegrityPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('strategy.integrity.title'));
  const records = useIntegrityRecords();
  return (
    <div className="vd-stack vd-stack--loose">
      <PageIntro title={t('strategy.integrity.title')} intro={t('strategy.integrity.intro')} />
      <ExcellenceNav />
      <NewRecord />
      <Section headingId="integrity-list-heading" title={t('strategy.integrity.listTitle')}>
        {records.isError ? <ErrorAlert error={records.error} /> : null}
        {records.data?.length === 0 ? <Paragraph>{t('strategy.integrity.none')}</Paragraph> : null}
        {records.data?.map((r) => (
          <RecordCard key={r.id} record={r} />
        ))}
      </Section>
    </div>
  );
}

const NEW_ERRORS = 'integrity-errors';
const NEW_DONE = 'integrity-done';

function NewRecord() {
  const { t } = useTranslation();
  const record = useRecordIntegrity();
  const [done, setDone] = useState(false);
  const form = useForm(
    { kind: 'report', occurredOn: today(), summary: '', peopleConcerned: '', measures: '' },
    {
      kind: { id: 'integrity-kind', label: t('strategy.integrity.kind') },
      occurredOn: { id: 'integrity-date', label: t('strategy.integrity.occurredOn') },
      summary: { id: 'integrity-summary', label: t('strategy.integrity.summary') },
      peopleConcerned: { id: 'integrity-people', label: t('strategy.integrity.people') },
      measures: { id: 'integrity-measures', label: t('strategy.integrity.measures') },
    },
  );
  return (
    <Section headingId="integrity-new-heading" title={t('strategy.integrity.newTitle')} panel>
      <FormErrorAlert form={form} error={record.error ?? undefined} id={NEW_ERRORS} />
      {done ? <Notice id={NEW_DONE}>{t('strategy.integrity.recorded')}</Notice> : null}
      <form
        className="vd-form"
        noValidate
        onSubmit={form.submit(() => {
          setDone(false);
          const v = form.values;
          const errors: Record<string, string> = {};
          if (!v.summary.trim()) errors.summary = t('validation.required');
          if (!v.occurredOn) errors.occurredOn = t('validation.required');
          if (!form.report(errors)) {
            focusLater(NEW_ERRORS);
            return;
          }
          record.mutate(
            {
              kind: v.kind as IntegrityKind,
              occurredOn: v.occurredOn,
              summary: v.summary.trim(),
              peopleConcerned: v.peopleConcerned.trim(),
              measures: v.measures.trim(),
            },
            {
              onSuccess: () => {
                setDone(true);
                form.reset();
                focusLater(NEW_DONE);
              },
              onError: (error) => {
                form.onError(error);
                focusLater(NEW_ERRORS);
              },
            },
          );
        })}
      >
        <div className="vd-filters__grid">
          <SelectField
            {...form.field('kind')}
            options={INTEGRITY_KINDS.map((k) => ({ value: k, label: t(`strategy.integrity.kinds.${k}`) }))}
          />
          <TextField {...form.field('occurredOn')} type="date" />
        </div>
        <TextareaField {...form.field('summary')} rows={3} />
        <TextField {...form.field('peopleConcerned')} />
        <TextareaField {...form.field('measures')} rows={2} optional />
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={record.isPending}
            disabled={record.isPending}
          >
            {t('strategy.integrity.record')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

function RecordCard({ record: r }: { record: IntegrityRecord }) {
  const { t } = useTranslation();
  const f = useStrategyFormat();
  const update = useUpdateIntegrity();
  const errorsId = `integrity-status-errors-${r.id}`;
  const form = useForm(
    { status: r.status as string, outcome: r.outcome ?? '' },
    {
      status: { id: `integrity-status-${r.id}`, label: t('strategy.integrity.status') },
      outcome: { id: `integrity-outcome-${r.id}`, label: t('strategy.integrity.outcome') },
    },
  );
  const headingId = `integrity-${r.id}`;
  return (
    <section aria-labelledby={headingId} className="vd-panel vd-stack">
      <Heading level={3} id={headingId}>
        {t(`strategy.integrity.kinds.${r.kind}`)} — {f.day(r.occurredOn)}{' '}
        <StatusBadge status={r.status === 'closed' ? 'inactive' : 'warning'}>
          {t(`strategy.integrity.statuses.${r.status}`)}
        </StatusBadge>
      </Heading>
      <DataList
        items={[
          { key: 'summary', label: t('strategy.integrity.summary'), value: r.summary },
          { key: 'people', label: t('strategy.integrity.people'), value: r.peopleConcerned || '—' },
          { key: 'measures', label: t('strategy.integrity.measures'), value: r.measures || '—' },
          ...(r.outcome
            ? [{ key: 'outcome', label: t('strategy.integrity.outcome'), value: r.outcome }]
            : []),
        ]}
      />
      <details className="vd-strategy-details">
        <summary>{t('strategy.integrity.change')}</summary>
        <FormErrorAlert form={form} error={update.error ?? undefined} id={errorsId} />
        <form
          className="vd-form"
          noValidate
          onSubmit={form.submit(() => {
            const errors: Record<string, string> = {};
            if (form.values.status === 'closed' && !form.values.outcome.trim())
              errors.outcome = t('strategy.integrity.outcomeRequired');
            if (!form.report(errors)) {
              focusLater(errorsId);
              return;
            }
            update.mutate(
              {
                id: r.id,
                status: form.values.status as IntegrityStatus,
                ...(form.values.outcome.trim() ? { outcome: form.values.outcome.trim() } : {}),
                version: r.version,
              },
              {
                onError: (error) => {
                  form.onError(error);
                  focusLater(errorsId);
                },
              },
            );
          })}
        >
          <SelectField
            {...form.field('status')}
            options={INTEGRITY_STATUSES.map((s) => ({
              value: s,
              label: t(`strategy.integrity.statuses.${s}`),
            }))}
          />
          <TextareaField
            {...form.field('outcome')}
            rows={2}
            description={t('strategy.integrity.outcomeHelp')}
          />
          <ButtonGroup>
            <Button
              type="submit"
              appearance="secondary-action-button"
              busy={update.isPending}
              disabled={update.isPending}
            >
              {t('strategy.integrity.save')}
            </Button>
          </ButtonGroup>
        </form>
      </details>
    </section>
  );
}
