import { Button } from '@utrecht/button-react';
import { CASE_LIMITS, type Case, NORM_UNITS, type NormUnit } from '@voordeur/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { ActionForm, type ActionProps, failWith, notConflict, settleForm } from './actionKit.tsx';
import { useCaseAction } from './api.ts';
import { useCaseFormat } from './format.ts';
import { MessagePreview } from './MessagePreview.tsx';

/**
 * "Termijn opschorten": the clock stops while we wait for the person; what we ask them is sent with it.
 * While it stands still, "Hervatten" starts it again.
 */
export function SuspendForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const f = useCaseFormat();
  const action = useCaseAction(current);
  const form = useForm(
    { reason: '', message: '' },
    {
      reason: { id: 'case-suspend-reason', label: t('cases.suspend.reason') },
      message: { id: 'case-suspend-message', label: t('cases.suspend.message') },
    },
  );
  const suspended = current.clock.suspended;
  if (suspended) {
    return (
      <div className="vd-stack">
        <Paragraph>
          {t('cases.clock.suspendedSince', { date: f.dateTime(suspended.since), reason: suspended.reason })}
        </Paragraph>
        {notConflict(action.error) ? <ErrorAlert error={notConflict(action.error)} /> : null}
        <ButtonGroup>
          <Button
            appearance="primary-action-button"
            busy={action.isPending}
            disabled={action.isPending}
            onClick={() =>
              action.mutate(
                { kind: 'resume', body: {} },
                {
                  onSuccess: (updated) =>
                    onDone(t('cases.suspend.resumed', { date: f.longDateTime(updated.clock.dueAt) })),
                  onError: (error) => failWith(error, t, () => undefined, onConflict),
                },
              )
            }
          >
            {t('cases.suspend.resume')}
          </Button>
        </ButtonGroup>
      </div>
    );
  }
  const message = form.values.message.trim();
  const onSubmit = form.submit(() => {
    const reason = form.values.reason.trim();
    if (!form.report(reason ? {} : { reason: t('validation.required') })) return;
    action.mutate(
      { kind: 'suspend', body: { reason, ...(message ? { message } : {}) } },
      settleForm(form, t, { onDone, onConflict }, () => t('cases.suspend.done')),
    );
  });
  return (
    <ActionForm summary="case-clock" form={form} error={action.error} onSubmit={onSubmit}>
      <TextField
        {...form.field('reason')}
        description={t('cases.suspend.reasonHint')}
        maxLength={500}
        autoComplete="off"
        required
      />
      <TextareaField
        {...form.field('message')}
        optional
        description={t('cases.suspend.messageHint')}
        rows={4}
        maxLength={CASE_LIMITS.messageMax}
      />
      <MessagePreview
        id="case-suspend"
        caseId={current.id}
        request={() => (message ? { kind: 'suspend', body: message } : t('cases.suspend.nothingToSend'))}
      >
        <SubmitButton busy={action.isPending}>{t('cases.suspend.submit')}</SubmitButton>
      </MessagePreview>
    </ActionForm>
  );
}

/** "Termijn verlengen": once per case, with the reason; the person is told the new date. */
export function ExtendForm({ current, onDone, onConflict }: ActionProps) {
  const { t } = useTranslation();
  const f = useCaseFormat();
  const action = useCaseAction(current);
  const form = useForm(
    { amount: '', unit: 'working_days', reason: '' },
    {
      amount: { id: 'case-extend-amount', label: t('cases.extend.amount') },
      unit: { id: 'case-extend-unit', label: t('cases.extend.unit') },
      reason: { id: 'case-extend-reason', label: t('cases.extend.reason') },
    },
  );
  const reason = form.values.reason.trim();
  const amount = Number(form.values.amount.replace(',', '.'));
  const amountValid = form.values.amount.trim() !== '' && Number.isInteger(amount) && amount >= 1;
  const onSubmit = form.submit(() => {
    const found: Record<string, string> = {};
    if (!amountValid) found['extension.amount'] = t('cases.extend.amountInvalid');
    if (!reason) found.reason = t('validation.required');
    if (!form.report(found)) return;
    action.mutate(
      { kind: 'extend', body: { extension: { amount, unit: form.values.unit }, reason } },
      settleForm(form, t, { onDone, onConflict }, (updated: Case) =>
        t('cases.extend.done', { date: f.longDateTime(updated.clock.dueAt) }),
      ),
    );
  });
  const amountField = form.field('amount');
  const unitField = form.field('unit');
  return (
    <form className="vd-form vd-stack" noValidate onSubmit={onSubmit} aria-labelledby="case-extend-summary">
      <FormErrorAlert
        form={{
          ...form,
          fields: {
            ...form.fields,
            'extension.amount': form.fields.amount,
            'extension.unit': form.fields.unit,
          },
        }}
        error={notConflict(action.error)}
      />
      <Paragraph className="vd-muted">{t('cases.extend.intro')}</Paragraph>
      <div className="vd-inline-fields">
        <TextField
          {...amountField}
          error={form.errors['extension.amount']}
          inputMode="numeric"
          className="vd-input-short"
          autoComplete="off"
          required
        />
        <SelectField
          {...unitField}
          error={form.errors['extension.unit']}
          options={NORM_UNITS.map((unit) => ({ value: unit, label: unitLabel(t, unit) }))}
        />
      </div>
      <TextareaField {...form.field('reason')} rows={3} maxLength={1000} required />
      <MessagePreview
        id="case-extend"
        caseId={current.id}
        request={() =>
          // The email names the new date, so the preview needs the extension as well as the reason.
          !amountValid
            ? t('cases.extend.amountFirst')
            : reason
              ? { kind: 'extend', body: reason, extension: { amount, unit: form.values.unit as NormUnit } }
              : t('cases.extend.reasonFirst')
        }
      >
        <SubmitButton busy={action.isPending}>{t('cases.extend.submit')}</SubmitButton>
      </MessagePreview>
    </form>
  );
}

/** "werkdagen", "weken": the catalogue's words for a duration's unit. */
export function unitLabel(t: TFunction, unit: string): string {
  return (NORM_UNITS as readonly string[]).includes(unit) ? t(`catalogue.unit.${unit as NormUnit}`) : unit;
}
