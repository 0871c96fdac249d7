import { apiTokenCreateSchema, LIMITS, type Role } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { roleOptions } from '../../lib/options.ts';
import { useForm } from '../../lib/useForm.ts';
import { Section } from '../../ui/Section.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { type CreatedApiToken, useCreateToken } from './api.ts';

/** Create an API token: name, role, and optionally how many days it stays valid. */
export function TokenCreateForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const form = useForm<{ name: string; role: Role | ''; expiresInDays: string }>(
    { name: '', role: '', expiresInDays: '' },
    {
      name: { id: 'token-name', label: t('tokens.name') },
      role: { id: 'token-role', label: t('tokens.role') },
      expiresInDays: { id: 'token-expires', label: t('tokens.expiresInDays') },
    },
  );

  const onSubmit = form.submit(() => {
    const { name, role, expiresInDays: days } = form.values;
    let expiresInDays: number | undefined;
    let daysError: string | undefined;
    if (days.trim() !== '') {
      const value = Number(days);
      if (!Number.isInteger(value) || value < 1 || value > LIMITS.tokenMaxDays) {
        daysError = t('validation.numberRange', { min: 1, max: LIMITS.tokenMaxDays });
      } else {
        expiresInDays = value;
      }
    }
    const data = form.validate(
      apiTokenCreateSchema.safeParse({ name, role, expiresInDays }),
      daysError ? { expiresInDays: daysError } : {},
    );
    if (!data) return;
    create.mutate(data, {
      onSuccess: (token) => {
        form.reset();
        onCreated(token);
      },
      onError: form.onError,
    });
  });

  return (
    <Section headingId="token-create-heading" title={t('tokens.createTitle')} panel>
      <FormErrorAlert form={form} error={create.error} />
      <form className="vd-form" onSubmit={onSubmit} noValidate>
        <TextField {...form.field('name')} maxLength={LIMITS.tokenNameMax} autoComplete="off" required />
        <SelectField
          {...form.field('role')}
          emptyOption={t('common.choose')}
          options={roleOptions(t)}
          required
        />
        <TextField
          {...form.field('expiresInDays')}
          type="number"
          min={1}
          max={LIMITS.tokenMaxDays}
          step={1}
          optional
          description={t('tokens.expiresInDaysHint', { max: LIMITS.tokenMaxDays })}
          className="vd-input-short"
        />
        <div>
          <SubmitButton busy={create.isPending}>{t('tokens.createSubmit')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}
