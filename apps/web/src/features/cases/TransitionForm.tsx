import type { Case } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useForm } from '../../lib/useForm.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { useCatalogueFormat } from '../catalogue/index.ts';
import { type ActionProps, failWith, notConflict } from './actionKit.tsx';
import { useCaseAction, useCaseSettings } from './api.ts';
import { MessagePreview } from './MessagePreview.tsx';

const ID = 'case-transition';

/**
 * "Status wijzigen": only the statuses the workflow reaches from here. A public status tells the person
 * (unless unticked), in the status's standard words or the worker's own, by email or by letter; "Voorbeeld"
 * shows the message and how it goes out first.
 * Closing after the norm asks why, from the organisation's list of reasons, with an explanation.
 */
export function TransitionForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const text = useCatalogueFormat().text;
  const action = useCaseAction(current);
  const settings = useCaseSettings();
  const [notify, setNotify] = useState(true);
  const [askedByServer, setAskedByServer] = useState(false);
  const form = useForm(
    { to: '', message: '', breachReason: '', breachNote: '' },
    {
      to: { id: `${ID}-to`, label: t('cases.transition.to') },
      message: { id: `${ID}-message`, label: t('cases.transition.message') },
      breachReason: { id: `${ID}-breach-reason`, label: t('cases.transition.breachReason') },
      breachNote: { id: `${ID}-breach-note`, label: t('cases.transition.breachNote') },
    },
  );
  // The statuses the API takes this case to now (for this role; a final one only once nothing stands in the way).
  const reachable = current.workflow.filter((status) => current.abilities.transition.includes(status.key));
  const target = current.workflow.find((status) => status.key === form.values.to);
  // Past its norm (as the API judges it: a stopped clock is not late), closing asks why; the API says so too when
  // the norm passed after this page was read.
  const needsReason = Boolean(target?.final && (current.breached || askedByServer));
  const tells = Boolean(target?.public && notify);
  const message = form.values.message.trim();

  if (reachable.length === 0) {
    return <Paragraph className="vd-muted">{t('cases.transition.nothingReachable')}</Paragraph>;
  }

  const onSubmit = form.submit(() => {
    const found: Record<string, string> = {};
    if (!target) found.to = t('validation.choose');
    if (needsReason && !form.values.breachReason) found.breachReason = t('validation.choose');
    if (needsReason && !form.values.breachNote.trim()) found.breachNote = t('validation.required');
    if (!form.report(found) || !target) return;
    action.mutate(
      {
        kind: 'transition',
        body: {
          to: target.key,
          notify: tells,
          ...(tells && message ? { message } : {}),
          ...(needsReason
            ? { breachReason: form.values.breachReason, breachNote: form.values.breachNote.trim() }
            : {}),
        },
      },
      {
        onSuccess: (updated) => {
          form.reset();
          setNotify(true);
          setAskedByServer(false);
          onDone(
            tells
              ? t('cases.transition.doneTold', {
                  status: target.label,
                  told: t(`letters.told.${updated.reach}`),
                })
              : t('cases.transition.done', { status: target.label }),
          );
        },
        onError: (error) =>
          failWith(
            error,
            t,
            (errors) => {
              if (errors.breachReason || errors.breachNote) setAskedByServer(true);
              form.report(errors);
            },
            onConflict,
          ),
      },
    );
  });

  const option = (status: Case['workflow'][number]) =>
    [
      status.label,
      status.final ? t('cases.transition.finalHint') : null,
      status.public ? null : t('cases.transition.internalHint'),
    ]
      .filter(Boolean)
      .join(' ');

  return (
    <form className="vd-form vd-stack" noValidate onSubmit={onSubmit} aria-labelledby={`${ID}-summary`}>
      <FormErrorAlert form={form} error={notConflict(action.error)} />
      <SelectField
        {...form.field('to')}
        emptyOption={t('common.choose')}
        options={reachable.map((status) => ({ value: status.key, label: option(status) }))}
        required
      />
      {target && !target.public ? (
        <Paragraph className="vd-muted">{t('cases.transition.internalNote')}</Paragraph>
      ) : null}
      {target?.public ? (
        <>
          <CheckboxField
            id={`${ID}-notify`}
            label={t('cases.transition.notify')}
            checked={notify}
            onChange={(event) => setNotify(event.target.checked)}
          />
          {notify ? (
            <TextareaField
              {...form.field('message')}
              optional
              description={t('cases.transition.messageHint')}
              rows={4}
              maxLength={8000}
            />
          ) : null}
        </>
      ) : null}
      {needsReason ? (
        <fieldset className="vd-fieldset vd-breach">
          <legend>{t('cases.transition.breachLegend')}</legend>
          <Paragraph>{t('cases.transition.breachIntro')}</Paragraph>
          <SelectField
            {...form.field('breachReason')}
            emptyOption={t('common.choose')}
            options={(settings.data?.breachReasons ?? []).map((reason) => ({
              value: reason.code,
              label: text(reason.label),
            }))}
            required
          />
          <TextareaField {...form.field('breachNote')} rows={3} maxLength={4000} required />
        </fieldset>
      ) : null}
      <MessagePreview
        id={ID}
        caseId={current.id}
        request={() => {
          if (!target) return t('cases.transition.chooseFirst');
          if (!target.public) return t('cases.preview.internal');
          if (!notify) return t('cases.preview.notNotifying');
          return { kind: 'transition', to: target.key, ...(message ? { body: message } : {}) };
        }}
      >
        <SubmitButton busy={action.isPending}>{t('cases.transition.submit')}</SubmitButton>
      </MessagePreview>
    </form>
  );
}
