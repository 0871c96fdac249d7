import { useMutation } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react';
import { type Callback, normalisePhone } from '@voordeur/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import type { FieldErrors } from '../../lib/fieldErrors.ts';
import { focusLater } from '../../lib/focus.ts';
import { slotText } from '../../lib/format.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextareaField } from '../../ui/TextareaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import type { CallbackBody } from './api.ts';

const HEADING_ID = 'callback-form-heading';
const PHONE_ID = 'callback-phone';
const NOTE_ID = 'callback-note';
const SLOT_FIELDS = ['date', 'from', 'to'] as const;

/** The slot's parts are keyed as the API names them (`slot.date`), so its errors land on them. */
type Values = {
  phone: string;
  note: string;
  teamId: string;
  'slot.date': string;
  'slot.from': string;
  'slot.to': string;
};

export interface CallbackFormProps {
  /** The customer's phone number, in the national notation. */
  phone: string;
  note: string;
  itemCode: string | null;
  /** Teams that can call back, when there is no item whose team does (the agent's own teams). */
  teams: { id: string; name: string }[];
  onCreate: (body: CallbackBody) => Promise<Callback>;
  onFinish: () => void;
  onCancel: () => void;
}

/** A callback request for the team that knows the answer; says by when the person will be called back. */
export function CallbackForm({
  phone,
  note,
  itemCode,
  teams,
  onCreate,
  onFinish,
  onCancel,
}: CallbackFormProps) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const fields = {
    phone: { id: PHONE_ID, label: t('workspace.callback.phone') },
    note: { id: NOTE_ID, label: t('workspace.callback.note') },
    teamId: { id: 'callback-team', label: t('workspace.callback.team') },
    'slot.date': { id: 'callback-slot-date', label: t('callbackSlot.date') },
    'slot.from': { id: 'callback-slot-from', label: t('callbackSlot.from') },
    'slot.to': { id: 'callback-slot-to', label: t('callbackSlot.to') },
  };
  const form = useForm<Values>(
    { phone, note, teamId: teams[0]?.id ?? '', 'slot.date': '', 'slot.from': '', 'slot.to': '' },
    fields,
  );
  const create = useMutation({ mutationFn: onCreate });
  const values = form.values;
  const created = create.data;

  useEffect(() => focusLater(phone ? NOTE_ID : PHONE_ID), [phone]);

  if (created) {
    return (
      <div className="vd-stack">
        <Heading level={3} id="callback-created" tabIndex={-1}>
          {t('workspace.callback.createdTitle')}
        </Heading>
        <Notice>
          {t('workspace.callback.created', { phone: values.phone })}{' '}
          <strong>
            {created.slot ? (
              <time dateTime={created.slot.start}>
                {t('callbackSlot.tell', { slot: slotText(created.slot, i18n.language) })}
              </time>
            ) : (
              <time dateTime={created.dueAt}>
                {t('workspace.callback.tellDue', { date: f.dateTime(created.dueAt) })}
              </time>
            )}
          </strong>
        </Notice>
        <ButtonGroup>
          <Button appearance="primary-action-button" id="callback-finish" onClick={onFinish}>
            {t('workspace.finishContact')}
          </Button>
        </ButtonGroup>
      </div>
    );
  }

  const slot = { date: values['slot.date'], from: values['slot.from'], to: values['slot.to'] };
  const slotGiven = SLOT_FIELDS.some((key) => slot[key]);

  const onSubmit = form.submit(() => {
    // A new attempt: the last request's problem is no longer shown.
    create.reset();
    const found: FieldErrors = {};
    if (!values.phone.trim()) found.phone = t('validation.required');
    else if (!normalisePhone(values.phone)) found.phone = t('workspace.newCustomer.phoneInvalid');
    if (!values.note.trim()) found.note = t('validation.required');
    if (!itemCode && !values.teamId) found.teamId = t('validation.choose');
    // A slot is all three or nothing; the API checks that it can be (in the future, within opening hours).
    if (slotGiven)
      for (const key of SLOT_FIELDS) if (!slot[key]) found[`slot.${key}`] = t('callbackSlot.incomplete');
    if (slotGiven && slot.from && slot.to && slot.to <= slot.from)
      found['slot.to'] = t('cases.refusals.slot_order');
    if (!form.report(found)) return;
    create.mutate(
      {
        phone: values.phone.trim(),
        note: values.note.trim(),
        ...(itemCode ? { itemCode } : { teamId: values.teamId }),
        ...(slotGiven ? { slot } : {}),
      },
      { onSuccess: () => focusLater('callback-finish'), onError: form.onError },
    );
  });

  return (
    <form className="vd-form vd-stack" noValidate onSubmit={onSubmit} aria-labelledby={HEADING_ID}>
      <Heading level={3} id={HEADING_ID} tabIndex={-1}>
        {t('workspace.callback.title')}
      </Heading>
      <FormErrorAlert form={form} error={create.error} />
      <TextField {...form.field('phone')} type="tel" autoComplete="off" maxLength={40} required />
      <TextareaField
        {...form.field('note')}
        description={t('workspace.callback.noteHint')}
        rows={3}
        maxLength={4000}
        required
      />
      <fieldset className="vd-fieldset" aria-describedby="callback-slot-hint">
        <legend>{t('callbackSlot.legend')}</legend>
        <Paragraph id="callback-slot-hint">{t('callbackSlot.hint')}</Paragraph>
        <TextField {...form.field('slot.date')} type="date" className="vd-input-short" />
        <TextField {...form.field('slot.from')} type="time" className="vd-input-short" />
        <TextField {...form.field('slot.to')} type="time" className="vd-input-short" />
      </fieldset>
      {itemCode ? null : (
        <SelectField
          {...form.field('teamId')}
          description={t('workspace.callback.teamHint')}
          emptyOption={t('common.choose')}
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
          required
        />
      )}
      <ButtonGroup>
        <SubmitButton busy={create.isPending}>{t('workspace.callback.submit')}</SubmitButton>
        <Button appearance="secondary-action-button" onClick={onCancel}>
          {t('workspace.backToSearch')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
