import { Button } from '@utrecht/button-react';
import { CASE_LIMITS, type Case, COMPLAINT_OUTCOMES } from '@voordeur/shared';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { DataList, type DataListItem } from '../../ui/DataList.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { StatusBadge } from '../../ui/StatusBadge.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ActionForm, type ActionProps, Disclosure, failWith, notConflict, settleForm } from './actionKit.tsx';
import { useCaseAction } from './api.ts';
import { CaseTime } from './CaseTime.tsx';
import { useCaseFormat } from './format.ts';
import { MessagePreview } from './MessagePreview.tsx';

type Complaint = NonNullable<Case['complaint']>;
type Step = 'acknowledge' | 'hearing' | 'committee' | 'extend' | 'decide';

/**
 * Complaint handling under the Awb: acknowledge receipt within the term (9:6), hear the person or record that
 * they waived it (9:10), an advisory committee (9:14), postpone the decision once by at most four weeks
 * (9:11), and decide, with the National Ombudsman's details in the letter (9:12). The dates are the API's.
 */
export function ComplaintPanel({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const complaint = current.complaint as Complaint;
  const [open, setOpen] = useState<Step | null>(complaint.acknowledgedAt ? null : 'acknowledge');
  // The steps the API takes now (for this role, in this state of the complaint).
  const steps = new Set(current.abilities.complaint);
  const props = {
    current,
    onConflict,
    onDone: (message: string) => {
      setOpen(null);
      onDone(message);
    },
  };
  const disclosure = (step: Step, title: string, content: ReactNode) => (
    <Disclosure
      id={`case-complaint-${step}`}
      title={title}
      open={open === step}
      onToggle={(isOpen) => setOpen(isOpen ? step : open === step ? null : open)}
    >
      {content}
    </Disclosure>
  );

  return (
    <Section headingId="case-complaint" title={t('cases.complaint.title')} panel>
      <ComplaintFacts current={current} complaint={complaint} />
      {steps.size > 0 ? (
        <div className="vd-disclosures">
          {steps.has('acknowledge')
            ? disclosure('acknowledge', t('cases.complaint.acknowledge'), <AcknowledgeForm {...props} />)
            : null}
          {steps.has('hearing')
            ? disclosure('hearing', t('cases.complaint.hearing'), <HearingForm {...props} />)
            : null}
          {steps.has('advisory_committee')
            ? disclosure('committee', t('cases.complaint.committee'), <CommitteeForm {...props} />)
            : null}
          {steps.has('extend')
            ? disclosure('extend', t('cases.complaint.extend'), <ComplaintExtendForm {...props} />)
            : null}
          {steps.has('decide')
            ? disclosure('decide', t('cases.complaint.decide'), <DecideForm {...props} />)
            : null}
        </div>
      ) : null}
    </Section>
  );
}

function ComplaintFacts({ current, complaint }: { current: Case; complaint: Complaint }) {
  const { t } = useTranslation();
  const f = useCaseFormat();
  const now = new Date();
  const items: DataListItem[] = [
    {
      key: 'received',
      label: t('cases.complaint.received'),
      value: <CaseTime iso={current.createdAt} long />,
    },
    {
      key: 'acknowledgeDue',
      label: t('cases.complaint.acknowledgeDue'),
      value: complaint.acknowledgeDueAt ? (
        <span id="case-acknowledge-due">
          <CaseTime iso={complaint.acknowledgeDueAt} long />
          {!complaint.acknowledgedAt && new Date(complaint.acknowledgeDueAt) < now ? (
            <>
              {' '}
              <StatusBadge status="warning">{t('cases.badge.overdue')}</StatusBadge>
            </>
          ) : null}
        </span>
      ) : (
        '—'
      ),
    },
    {
      key: 'acknowledged',
      label: t('cases.complaint.acknowledged'),
      value: complaint.acknowledgedAt ? (
        <CaseTime iso={complaint.acknowledgedAt} />
      ) : (
        <span className="vd-muted">{t('cases.complaint.notYet')}</span>
      ),
    },
    {
      key: 'decisionDue',
      label: t('cases.complaint.decisionDue'),
      value: complaint.decisionDueAt ? (
        <span id="case-decision-due">
          <CaseTime iso={complaint.decisionDueAt} long />
        </span>
      ) : (
        '—'
      ),
    },
    {
      key: 'hearing',
      label: t('cases.complaint.hearingLabel'),
      value: complaint.hearing
        ? complaint.hearing.held
          ? t('cases.complaint.hearingHeld', {
              date: complaint.hearing.at ? f.localDate(complaint.hearing.at) : '—',
            })
          : t('cases.complaint.hearingWaived')
        : t('cases.complaint.notYet'),
    },
    {
      key: 'committee',
      label: t('cases.complaint.committeeLabel'),
      value: complaint.advisoryCommittee ? t('common.yes') : t('common.no'),
    },
  ];
  if (complaint.extension)
    items.push({
      key: 'extension',
      label: t('cases.complaint.extensionLabel'),
      value: t('cases.complaint.extended', {
        count: complaint.extension.weeks,
        reason: complaint.extension.reason,
      }),
    });
  if (complaint.decision)
    items.push({
      key: 'decision',
      label: t('cases.complaint.decisionLabel'),
      value: (
        <>
          <strong>{t(`cases.complaint.outcome.${complaint.decision.outcome}`)}</strong> (
          <CaseTime iso={complaint.decision.at} />)
          <span className="vd-block vd-pre">{complaint.decision.text}</span>
        </>
      ),
    });
  return <DataList items={items} />;
}

function AcknowledgeForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const action = useCaseAction(current);
  const form = useForm(
    { message: '' },
    { message: { id: 'case-ack-message', label: t('cases.complaint.ackMessage') } },
  );
  const message = form.values.message.trim();
  const onSubmit = form.submit(() =>
    action.mutate(
      { kind: 'complaint', body: { action: 'acknowledge', ...(message ? { message } : {}) } },
      settleForm(form, t, { onDone, onConflict }, (updated: Case) =>
        t('cases.complaint.ackDone', { told: t(`letters.told.${updated.reach}`) }),
      ),
    ),
  );
  return (
    <ActionForm summary="case-complaint-acknowledge" form={form} error={action.error} onSubmit={onSubmit}>
      <Paragraph className="vd-muted">{t('cases.complaint.ackIntro')}</Paragraph>
      <TextareaField
        {...form.field('message')}
        optional
        description={t('cases.complaint.ackMessageHint')}
        rows={3}
        maxLength={CASE_LIMITS.messageMax}
      />
      <MessagePreview
        id="case-ack"
        caseId={current.id}
        request={() => ({ kind: 'acknowledge', ...(message ? { body: message } : {}) })}
      >
        <SubmitButton busy={action.isPending}>{t('cases.complaint.ackSubmit')}</SubmitButton>
      </MessagePreview>
    </ActionForm>
  );
}

function HearingForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const action = useCaseAction(current);
  const form = useForm(
    { held: '', date: '', note: '' },
    {
      held: { id: 'case-hearing-held', label: t('cases.complaint.hearingHeldLabel') },
      date: { id: 'case-hearing-date', label: t('cases.complaint.hearingDate') },
      note: { id: 'case-hearing-note', label: t('cases.complaint.hearingNote') },
    },
  );
  const held = form.values.held === 'yes';
  const onSubmit = form.submit(() => {
    const found: Record<string, string> = {};
    if (!form.values.held) found.held = t('validation.choose');
    if (held && !/^\d{4}-\d{2}-\d{2}$/.test(form.values.date)) found.date = t('cases.complaint.dateRequired');
    if (!form.report(found)) return;
    action.mutate(
      {
        kind: 'complaint',
        body: {
          action: 'hearing',
          held,
          ...(held ? { date: form.values.date } : {}),
          note: form.values.note.trim(),
        },
      },
      settleForm(form, t, { onDone, onConflict }, () =>
        t(held ? 'cases.complaint.hearingDoneHeld' : 'cases.complaint.hearingDoneWaived'),
      ),
    );
  });
  return (
    <ActionForm summary="case-complaint-hearing" form={form} error={action.error} onSubmit={onSubmit}>
      <SelectField
        {...form.field('held')}
        emptyOption={t('common.choose')}
        options={[
          { value: 'yes', label: t('cases.complaint.heldYes') },
          { value: 'no', label: t('cases.complaint.heldNo') },
        ]}
        required
      />
      {held ? <TextField {...form.field('date')} type="date" className="vd-input-short" required /> : null}
      <TextareaField {...form.field('note')} optional rows={3} maxLength={CASE_LIMITS.textMax} />
      <ButtonGroup>
        <SubmitButton busy={action.isPending}>{t('cases.complaint.hearingSubmit')}</SubmitButton>
      </ButtonGroup>
    </ActionForm>
  );
}

function CommitteeForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const f = useCaseFormat();
  const action = useCaseAction(current);
  return (
    <div className="vd-stack">
      <Paragraph>{t('cases.complaint.committeeIntro')}</Paragraph>
      {notConflict(action.error) ? <ErrorAlert error={notConflict(action.error)} /> : null}
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          busy={action.isPending}
          disabled={action.isPending}
          onClick={() =>
            action.mutate(
              { kind: 'complaint', body: { action: 'advisory_committee' } },
              {
                onSuccess: (updated) =>
                  onDone(
                    t('cases.complaint.committeeDone', {
                      date: updated.complaint?.decisionDueAt
                        ? f.longDate(updated.complaint.decisionDueAt)
                        : '—',
                    }),
                  ),
                onError: (error) => failWith(error, t, () => undefined, onConflict),
              },
            )
          }
        >
          {t('cases.complaint.committeeSubmit')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

function ComplaintExtendForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const f = useCaseFormat();
  const action = useCaseAction(current);
  const form = useForm(
    { weeks: '', reason: '' },
    {
      weeks: { id: 'case-complaint-weeks', label: t('cases.complaint.weeks') },
      reason: { id: 'case-complaint-reason', label: t('cases.complaint.extendReason') },
    },
  );
  const reason = form.values.reason.trim();
  const onSubmit = form.submit(() => {
    const found: Record<string, string> = {};
    if (!form.values.weeks) found.weeks = t('validation.choose');
    if (!reason) found.reason = t('validation.required');
    if (!form.report(found)) return;
    action.mutate(
      { kind: 'complaint', body: { action: 'extend', weeks: Number(form.values.weeks), reason } },
      settleForm(form, t, { onDone, onConflict }, (updated: Case) =>
        t('cases.complaint.extendDone', {
          date: updated.complaint?.decisionDueAt ? f.longDate(updated.complaint.decisionDueAt) : '—',
        }),
      ),
    );
  });
  return (
    <ActionForm summary="case-complaint-extend" form={form} error={action.error} onSubmit={onSubmit}>
      <Paragraph className="vd-muted">{t('cases.complaint.extendIntro')}</Paragraph>
      <SelectField
        {...form.field('weeks')}
        emptyOption={t('common.choose')}
        options={[1, 2, 3, 4].map((n) => ({
          value: String(n),
          label: t('cases.complaint.weeksOption', { count: n }),
        }))}
        required
      />
      <TextareaField {...form.field('reason')} rows={3} maxLength={1000} required />
      <MessagePreview
        id="case-complaint-extend"
        caseId={current.id}
        request={() =>
          !form.values.weeks
            ? t('cases.complaint.weeksFirst')
            : reason
              ? { kind: 'complaint_extend', body: reason, weeks: Number(form.values.weeks) }
              : t('cases.extend.reasonFirst')
        }
      >
        <SubmitButton busy={action.isPending}>{t('cases.complaint.extendSubmit')}</SubmitButton>
      </MessagePreview>
    </ActionForm>
  );
}

function DecideForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const action = useCaseAction(current);
  const form = useForm(
    { outcome: '', text: '' },
    {
      outcome: { id: 'case-decide-outcome', label: t('cases.complaint.outcomeLabel') },
      text: { id: 'case-decide-text', label: t('cases.complaint.decisionText') },
    },
  );
  const text = form.values.text.trim();
  const onSubmit = form.submit(() => {
    const found: Record<string, string> = {};
    if (!form.values.outcome) found.outcome = t('validation.choose');
    if (!text) found.text = t('validation.required');
    if (!form.report(found)) return;
    action.mutate(
      {
        kind: 'complaint',
        body: {
          action: 'decide',
          outcome: form.values.outcome as (typeof COMPLAINT_OUTCOMES)[number],
          text,
        },
      },
      settleForm(form, t, { onDone, onConflict }, (updated: Case) =>
        t('cases.complaint.decideDone', { told: t(`letters.told.${updated.reach}`) }),
      ),
    );
  });
  return (
    <ActionForm summary="case-complaint-decide" form={form} error={action.error} onSubmit={onSubmit}>
      <SelectField
        {...form.field('outcome')}
        emptyOption={t('common.choose')}
        options={COMPLAINT_OUTCOMES.map((outcome) => ({
          value: outcome,
          label: t(`cases.complaint.outcome.${outcome}`),
        }))}
        required
      />
      <TextareaField
        {...form.field('text')}
        description={t('cases.complaint.decisionHint')}
        rows={6}
        maxLength={CASE_LIMITS.messageMax}
        required
      />
      <MessagePreview
        id="case-decide"
        caseId={current.id}
        request={() => (text ? { kind: 'decide', body: text } : t('cases.preview.writeFirst'))}
      >
        <SubmitButton busy={action.isPending}>{t('cases.complaint.decideSubmit')}</SubmitButton>
      </MessagePreview>
    </ActionForm>
  );
}
