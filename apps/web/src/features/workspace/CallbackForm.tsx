import { Button } from '@utrecht/button-react';
import { type Callback, normalisePhone } from '@voordeur/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { ErrorAlert } from '../../lib/ErrorAlert.tsx';
import { type FieldErrors, problemFieldErrors } from '../../lib/fieldErrors.ts';
import { focusLater } from '../../lib/focus.ts';
import { slotText } from '../../lib/format.ts';
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
  const [values, setValues] = useState({ phone, note, teamId: teams[0]?.id ?? '' });
  const [slot, setSlot] = useState({ date: '', from: '', to: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Callback | null>(null);

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

  const fields = {
    phone: { id: PHONE_ID, label: t('workspace.callback.phone') },
    note: { id: NOTE_ID, label: t('workspace.callback.note') },
    teamId: { id: 'callback-team', label: t('workspace.callback.team') },
    'slot.date': { id: 'callback-slot-date', label: t('callbackSlot.date') },
    'slot.from': { id: 'callback-slot-from', label: t('callbackSlot.from') },
    'slot.to': { id: 'callback-slot-to', label: t('callbackSlot.to') },
  };
  const slotGiven = SLOT_FIELDS.some((key) => slot[key]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
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
    setErrors(found);
    setFailure(null);
    if (Object.values(found).some(Boolean)) return;
    setBusy(true);
    try {
      const callback = await onCreate({
        phone: values.phone.trim(),
        note: values.note.trim(),
        ...(itemCode ? { itemCode } : { teamId: values.teamId }),
        ...(slotGiven ? { slot } : {}),
      });
      setCreated(callback);
      focusLater('callback-finish');
    } catch (error) {
      setFailure(error);
      setErrors(problemFieldErrors(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="vd-form vd-stack" noValidate onSubmit={submit} aria-labelledby={HEADING_ID}>
      <Heading level={3} id={HEADING_ID} tabIndex={-1}>
        {t('workspace.callback.title')}
      </Heading>
      <ErrorAlert key={attempt} error={failure ?? undefined} fieldErrors={errors} fields={fields} />
      <TextField
        {...fields.phone}
        type="tel"
        value={values.phone}
        onChange={(event) => setValues({ ...values, phone: event.target.value })}
        error={errors.phone}
        autoComplete="off"
        maxLength={40}
        required
      />
      <TextareaField
        {...fields.note}
        description={t('workspace.callback.noteHint')}
        value={values.note}
        onChange={(event) => setValues({ ...values, note: event.target.value })}
        error={errors.note}
        rows={3}
        maxLength={4000}
        required
      />
      <fieldset className="vd-fieldset" aria-describedby="callback-slot-hint">
        <legend>{t('callbackSlot.legend')}</legend>
        <Paragraph id="callback-slot-hint">{t('callbackSlot.hint')}</Paragraph>
        <TextField
          {...fields['slot.date']}
          type="date"
          className="vd-input-short"
          value={slot.date}
          onChange={(event) => setSlot({ ...slot, date: event.target.value })}
          error={errors['slot.date']}
        />
        <TextField
          {...fields['slot.from']}
          type="time"
          className="vd-input-short"
          value={slot.from}
          onChange={(event) => setSlot({ ...slot, from: event.target.value })}
          error={errors['slot.from']}
        />
        <TextField
          {...fields['slot.to']}
          type="time"
          className="vd-input-short"
          value={slot.to}
          onChange={(event) => setSlot({ ...slot, to: event.target.value })}
          error={errors['slot.to']}
        />
      </fieldset>
      {itemCode ? null : (
        <SelectField
          {...fields.teamId}
          description={t('workspace.callback.teamHint')}
          value={values.teamId}
          onChange={(event) => setValues({ ...values, teamId: event.target.value })}
          error={errors.teamId}
          emptyOption={t('common.choose')}
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
          required
        />
      )}
      <ButtonGroup>
        <SubmitButton busy={busy}>{t('workspace.callback.submit')}</SubmitButton>
        <Button appearance="secondary-action-button" onClick={onCancel}>
          {t('workspace.backToSearch')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
