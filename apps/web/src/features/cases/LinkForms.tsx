import { CASE_LIMITS, type Case } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../lib/useDebouncedValue.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useTeams } from '../admin-teams/index.ts';
import { ActionForm, type ActionProps, failWith, settleForm } from './actionKit.tsx';
import { useCaseAction, useCaseReferenceSearch, useCreateChild } from './api.ts';

/** "Deeltaak voor ander team": a child case for work another team does; the person follows the main case. */
export function ChildForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const teams = useTeams();
  const create = useCreateChild(current);
  const form = useForm(
    { teamId: '', description: '' },
    {
      teamId: { id: 'case-child-team', label: t('cases.child.team') },
      description: { id: 'case-child-description', label: t('cases.child.description') },
    },
  );
  const onSubmit = form.submit(() => {
    const description = form.values.description.trim();
    const found: Record<string, string> = {};
    if (!form.values.teamId) found.teamId = t('validation.choose');
    if (!description) found.description = t('validation.required');
    if (!form.report(found)) return;
    create.mutate(
      { teamId: form.values.teamId, description },
      settleForm(form, t, { onDone, onConflict }, (child: Case) =>
        t('cases.child.done', { reference: child.reference, team: child.team?.name ?? '' }),
      ),
    );
  });
  return (
    <ActionForm summary="case-child" form={form} error={create.error} onSubmit={onSubmit}>
      <SelectField
        {...form.field('teamId')}
        emptyOption={t('common.choose')}
        options={(teams.data ?? [])
          .filter((team) => team.id !== current.team?.id)
          .map((team) => ({ value: team.id, label: team.name }))}
        required
      />
      <TextareaField
        {...form.field('description')}
        description={t('cases.child.hint')}
        rows={3}
        maxLength={CASE_LIMITS.textMax}
        required
      />
      <ButtonGroup>
        <SubmitButton busy={create.isPending}>{t('cases.child.submit')}</SubmitButton>
      </ButtonGroup>
    </ActionForm>
  );
}

/**
 * "Samenvoegen met…": this case is a duplicate of another report; find the main case by its reference. The
 * duplicate closes and its person follows the main case.
 */
export function MergeForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const action = useCaseAction(current);
  const [reference, setReference] = useState('');
  const typed = useDebouncedValue(reference.trim().toUpperCase(), 250);
  const found = useCaseReferenceSearch(typed);
  const form = useForm(
    { mainCaseId: '' },
    { mainCaseId: { id: 'case-merge-main', label: t('cases.merge.main') } },
  );
  // Not itself, and not a child task: those are refused as main cases.
  const candidates = (found.data?.items ?? []).filter((c) => c.id !== current.id && c.parentId === null);
  const onSubmit = form.submit(() => {
    const main = candidates.find((c) => c.id === form.values.mainCaseId);
    if (!form.report(main ? {} : { mainCaseId: t('cases.merge.chooseMain') }) || !main) return;
    action.mutate(
      { kind: 'merge', body: { mainCaseId: main.id } },
      {
        onSuccess: () => {
          form.reset();
          setReference('');
          onDone(t('cases.merge.done', { reference: main.reference }));
        },
        onError: (error) => failWith(error, t, form.report, onConflict),
      },
    );
  });
  return (
    <ActionForm summary="case-merge" form={form} error={action.error} onSubmit={onSubmit}>
      <Paragraph className="vd-muted">{t('cases.merge.intro')}</Paragraph>
      <TextField
        id="case-merge-reference"
        label={t('cases.merge.reference')}
        description={t('cases.merge.referenceHint')}
        value={reference}
        onChange={(event) => setReference(event.target.value)}
        type="search"
        autoComplete="off"
        className="vd-input-medium"
      />
      <p className="vd-visually-hidden" role="status">
        {typed.length >= 3 && found.data ? t('cases.merge.found', { count: candidates.length }) : ''}
      </p>
      <SelectField
        {...form.field('mainCaseId')}
        emptyOption={
          typed.length >= 3 ? t('cases.merge.pick', { count: candidates.length }) : t('cases.merge.typeFirst')
        }
        options={candidates.map((c) => ({
          value: c.id,
          label: `${c.reference} — ${c.subject} (${c.status.label})`,
        }))}
        required
      />
      <ButtonGroup>
        <SubmitButton busy={action.isPending}>{t('cases.merge.submit')}</SubmitButton>
      </ButtonGroup>
    </ActionForm>
  );
}

/** "Heropenen": a closed case (or one whose person asked for it) goes back to work, with the reason. */
export function ReopenForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const action = useCaseAction(current);
  const form = useForm(
    { reason: '' },
    { reason: { id: 'case-reopen-reason', label: t('cases.reopen.reason') } },
  );
  const onSubmit = form.submit(() => {
    const reason = form.values.reason.trim();
    if (!form.report(reason ? {} : { reason: t('validation.required') })) return;
    action.mutate(
      { kind: 'reopen', body: { reason } },
      settleForm(form, t, { onDone, onConflict }, (updated: Case) =>
        t('cases.reopen.done', { status: updated.status.label }),
      ),
    );
  });
  return (
    <ActionForm summary="case-reopen" form={form} error={action.error} onSubmit={onSubmit}>
      <TextareaField {...form.field('reason')} rows={3} maxLength={1000} required />
      <ButtonGroup>
        <SubmitButton busy={action.isPending}>{t('cases.reopen.submit')}</SubmitButton>
      </ButtonGroup>
    </ActionForm>
  );
}

/** "Heropenen weigeren": the person asked to reopen; staff say no, with the reason the person is told. */
export function RefuseReopenForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const action = useCaseAction(current);
  const form = useForm(
    { reason: '' },
    { reason: { id: 'case-refuse-reopen-reason', label: t('cases.refuseReopen.reason') } },
  );
  const onSubmit = form.submit(() => {
    const reason = form.values.reason.trim();
    if (!form.report(reason ? {} : { reason: t('validation.required') })) return;
    action.mutate(
      { kind: 'refuseReopen', body: { reason } },
      settleForm(form, t, { onDone, onConflict }, () => t('cases.refuseReopen.done')),
    );
  });
  return (
    <ActionForm summary="case-refuse-reopen" form={form} error={action.error} onSubmit={onSubmit}>
      <Paragraph>{t('cases.refuseReopen.intro')}</Paragraph>
      <TextareaField {...form.field('reason')} rows={3} maxLength={1000} required />
      <ButtonGroup>
        <SubmitButton busy={action.isPending}>{t('cases.refuseReopen.submit')}</SubmitButton>
      </ButtonGroup>
    </ActionForm>
  );
}
