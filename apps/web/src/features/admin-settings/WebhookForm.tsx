import {
  CASE_EVENT_TYPES,
  WEBHOOK_LIMITS,
  type Webhook,
  webhookCreateSchema,
  webhookUpdateSchema,
} from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorPanel } from '../../lib/EditorPanel.tsx';
import { useForm } from '../../lib/useForm.ts';
import type { EditorFormProps } from '../../lib/useListEditor.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { type CreatedWebhook, useCreateWebhook, useUpdateWebhook } from './api.ts';
import { settingsFieldErrors } from './reasons.ts';

export const eventTypeName = (type: string) => `nl.voordeur.case.${type}`;
/** An error on one of the event types belongs to the group of checkboxes. */
const collapse = (field: string) => (field.startsWith('eventTypes') ? 'eventTypes' : field);

export interface WebhookFormProps extends EditorFormProps<Webhook> {
  webhook?: Webhook | undefined;
  /** After creating: the new webhook with its secret, shown once. */
  onCreated: (created: CreatedWebhook) => void;
}

/**
 * Create or change a webhook: a name, the address that receives the events, which case events (none ticked: all)
 * and whether it is active. Changes send the version they started from.
 */
export function WebhookForm({ webhook, onDone, onCreated, ...panel }: WebhookFormProps) {
  const { t } = useTranslation();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const prefix = webhook ? `webhook-edit-${webhook.id}` : 'webhook-create';
  const [active, setActive] = useState(webhook?.active ?? true);
  const [types, setTypes] = useState<string[]>(webhook?.eventTypes ?? []);
  const form = useForm<{ name: string; url: string }>(
    { name: webhook?.name ?? '', url: webhook?.url ?? '' },
    {
      name: { id: `${prefix}-name`, label: t('adminSettings.webhooks.name') },
      url: { id: `${prefix}-url`, label: t('adminSettings.webhooks.url') },
      eventTypes: { id: `${prefix}-type-0`, label: t('adminSettings.webhooks.eventTypes') },
    },
  );

  const onSubmit = form.submit(() => {
    const { name, url } = form.values;
    const onError = (error: unknown) => form.report(settingsFieldErrors(error, t, collapse));
    const eventTypes = CASE_EVENT_TYPES.map(eventTypeName).filter((type) => types.includes(type));
    if (webhook) {
      const data = form.validate(
        webhookUpdateSchema.safeParse({ name, url, eventTypes, active, version: webhook.version }),
      );
      if (data) update.mutate({ id: webhook.id, ...data }, { onSuccess: onDone, onError });
    } else {
      const data = form.validate(webhookCreateSchema.safeParse({ name, url, eventTypes, active }));
      if (data) create.mutate(data, { onSuccess: onCreated, onError });
    }
  });

  const toggle = (type: string, on: boolean) =>
    setTypes((current) => (on ? [...current, type] : current.filter((x) => x !== type)));

  return (
    <EditorPanel
      {...panel}
      title={
        webhook
          ? t('adminSettings.webhooks.editTitle', { name: webhook.name })
          : t('adminSettings.webhooks.createTitle')
      }
      form={form}
      mutation={webhook ? update : create}
      onSubmit={onSubmit}
      submitLabel={webhook ? t('common.save') : t('adminSettings.webhooks.createSubmit')}
    >
      <TextField {...form.field('name')} maxLength={WEBHOOK_LIMITS.nameMax} autoComplete="off" required />
      <TextField
        {...form.field('url')}
        type="url"
        inputMode="url"
        spellCheck={false}
        maxLength={WEBHOOK_LIMITS.urlMax}
        autoComplete="off"
        description={t('adminSettings.webhooks.urlHint')}
        required
      />
      <CheckboxField
        id={`${prefix}-active`}
        label={t('adminSettings.webhooks.active')}
        description={t('adminSettings.webhooks.activeHint')}
        checked={active}
        onChange={(event) => setActive(event.target.checked)}
      />
      <fieldset className="vd-fieldset" aria-describedby={`${prefix}-types-hint`}>
        <legend className="utrecht-form-label">{t('adminSettings.webhooks.eventTypes')}</legend>
        <Paragraph id={`${prefix}-types-hint`} className="utrecht-form-field-description">
          {t('adminSettings.webhooks.eventTypesHint')}
        </Paragraph>
        {form.errors.eventTypes ? (
          <Paragraph className="utrecht-form-field-error-message">{form.errors.eventTypes}</Paragraph>
        ) : null}
        <div className="vd-checks">
          {CASE_EVENT_TYPES.map((type, index) => (
            <CheckboxField
              key={type}
              id={`${prefix}-type-${index}`}
              label={t(`adminSettings.webhooks.events.${type}`)}
              checked={types.includes(eventTypeName(type))}
              onChange={(event) => toggle(eventTypeName(type), event.target.checked)}
            />
          ))}
        </div>
      </fieldset>
    </EditorPanel>
  );
}
