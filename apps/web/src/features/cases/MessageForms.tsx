import { CASE_LIMITS, type Case } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ActionForm, type ActionProps, settleForm } from './actionKit.tsx';
import { useCaseAction, useMessageTemplates } from './api.ts';
import { MessagePreview } from './MessagePreview.tsx';

/** "Notitie": an internal note, never shown to the person. */
export function NoteForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const action = useCaseAction(current);
  const form = useForm({ body: '' }, { body: { id: 'case-note-body', label: t('cases.note.body') } });
  const onSubmit = form.submit(() => {
    const body = form.values.body.trim();
    if (!form.report(body ? {} : { body: t('validation.required') })) return;
    action.mutate(
      { kind: 'note', body: { body } },
      settleForm(form, t, { onDone, onConflict }, () => t('cases.note.done')),
    );
  });
  return (
    <ActionForm summary="case-note" form={form} error={action.error} onSubmit={onSubmit}>
      <TextareaField
        {...form.field('body')}
        description={t('cases.note.hint')}
        rows={3}
        maxLength={CASE_LIMITS.textMax}
        required
      />
      <ButtonGroup>
        <SubmitButton busy={action.isPending}>{t('cases.note.submit')}</SubmitButton>
      </ButtonGroup>
    </ActionForm>
  );
}

/**
 * "Bericht aan de persoon": the worker's own words in the organisation's letter (a standard text may frame
 * them), sent by email; "Voorbeeld" shows the whole email first.
 */
export function MessageOutForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const action = useCaseAction(current);
  const templates = useMessageTemplates();
  const form = useForm(
    { templateKey: 'message', subject: '', body: '' },
    {
      templateKey: { id: 'case-message-template', label: t('cases.message.template') },
      subject: { id: 'case-message-subject', label: t('cases.message.subject') },
      body: { id: 'case-message-body', label: t('cases.message.body') },
    },
  );
  const body = form.values.body.trim();
  const subject = form.values.subject.trim();
  const templateKey = form.values.templateKey;
  const onSubmit = form.submit(() => {
    if (!form.report(body ? {} : { body: t('validation.required') })) return;
    action.mutate(
      {
        kind: 'message',
        body: {
          direction: 'out',
          body,
          ...(subject ? { subject } : {}),
          ...(templateKey ? { templateKey } : {}),
        },
      },
      settleForm(form, t, { onDone, onConflict }, (updated: Case) =>
        t('cases.message.done', { told: t(`letters.told.${updated.reach}`) }),
      ),
    );
  });
  return (
    <ActionForm summary="case-message" form={form} error={action.error} onSubmit={onSubmit}>
      <SelectField
        {...form.field('templateKey')}
        description={t('cases.message.templateHint')}
        options={(templates.data ?? []).map((template) => ({ value: template.key, label: template.name }))}
      />
      <TextField
        {...form.field('subject')}
        optional
        description={t('cases.message.subjectHint')}
        maxLength={200}
        autoComplete="off"
      />
      <TextareaField {...form.field('body')} rows={5} maxLength={CASE_LIMITS.messageMax} required />
      <MessagePreview
        id="case-message"
        caseId={current.id}
        request={() =>
          body
            ? {
                kind: 'message',
                body,
                ...(templateKey ? { templateKey } : {}),
                ...(subject ? { subject } : {}),
              }
            : t('cases.preview.writeFirst')
        }
      >
        <SubmitButton busy={action.isPending}>{t('cases.message.submit')}</SubmitButton>
      </MessagePreview>
    </ActionForm>
  );
}

/**
 * "Reactie van de persoon registreren": what the person told us by phone, letter or at the desk. On a closed
 * case the API turns it into a request to reopen.
 */
export function MessageInForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const action = useCaseAction(current);
  const form = useForm(
    { subject: '', body: '' },
    {
      subject: { id: 'case-reply-subject', label: t('cases.reply.subject') },
      body: { id: 'case-reply-body', label: t('cases.reply.body') },
    },
  );
  const onSubmit = form.submit(() => {
    const body = form.values.body.trim();
    const subject = form.values.subject.trim();
    if (!form.report(body ? {} : { body: t('validation.required') })) return;
    action.mutate(
      { kind: 'message', body: { direction: 'in', body, ...(subject ? { subject } : {}) } },
      settleForm(form, t, { onDone, onConflict }, (updated: Case) =>
        t(updated.reopenRequestedAt ? 'cases.reply.doneReopen' : 'cases.reply.done'),
      ),
    );
  });
  return (
    <ActionForm summary="case-reply" form={form} error={action.error} onSubmit={onSubmit}>
      <TextField {...form.field('subject')} optional maxLength={200} autoComplete="off" />
      <TextareaField
        {...form.field('body')}
        description={t('cases.reply.hint')}
        rows={4}
        maxLength={CASE_LIMITS.messageMax}
        required
      />
      <ButtonGroup>
        <SubmitButton busy={action.isPending}>{t('cases.reply.submit')}</SubmitButton>
      </ButtonGroup>
    </ActionForm>
  );
}
