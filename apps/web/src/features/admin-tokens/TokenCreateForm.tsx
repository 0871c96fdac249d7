import { Button } from '@utrecht/button-react';
import { apiTokenCreateSchema, LIMITS, ROLES, type Role } from '@voordeur/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FieldErrors,
  hasErrors,
  issuesToFieldErrors,
  problemFieldErrors,
} from '../../app/fieldErrors.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { type CreatedApiToken, useCreateToken } from './api.ts';

/** Create an API token: name, role, and optionally how many days it stays valid. */
export function TokenCreateForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [days, setDays] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  const fields = {
    name: { id: 'token-name', label: t('tokens.name') },
    role: { id: 'token-role', label: t('tokens.role') },
    expiresInDays: { id: 'token-expires', label: t('tokens.expiresInDays') },
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found: FieldErrors = {};
    let expiresInDays: number | undefined;
    if (days.trim() !== '') {
      const value = Number(days);
      if (!Number.isInteger(value) || value < 1 || value > LIMITS.tokenMaxDays) {
        found.expiresInDays = t('validation.numberRange', { min: 1, max: LIMITS.tokenMaxDays });
      } else {
        expiresInDays = value;
      }
    }
    const parsed = apiTokenCreateSchema.safeParse({ name, role, expiresInDays });
    const all = { ...(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues, t)), ...found };
    setErrors(all);
    if (!parsed.success || hasErrors(all)) return;
    create.mutate(parsed.data, {
      onSuccess: (token) => {
        setName('');
        setRole('');
        setDays('');
        onCreated(token);
      },
      onError: (error) => setErrors(problemFieldErrors(error, t)),
    });
  };

  return (
    <section className="vd-panel vd-stack" aria-labelledby="token-create-heading">
      <Heading level={2} id="token-create-heading">
        {t('tokens.createTitle')}
      </Heading>
      <ErrorAlert key={attempt} error={create.error ?? undefined} fieldErrors={errors} fields={fields} />
      <form className="vd-form" onSubmit={onSubmit} noValidate>
        <TextField
          id={fields.name.id}
          label={fields.name.label}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          maxLength={LIMITS.tokenNameMax}
          autoComplete="off"
          required
        />
        <SelectField
          id={fields.role.id}
          label={fields.role.label}
          value={role}
          onChange={(event) => setRole(event.target.value as Role | '')}
          error={errors.role}
          required
        >
          <option value="" disabled>
            {t('common.choose')}
          </option>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`roles.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id={fields.expiresInDays.id}
          type="number"
          min={1}
          max={LIMITS.tokenMaxDays}
          step={1}
          label={
            <>
              {fields.expiresInDays.label} <span className="vd-muted">{t('common.optional')}</span>
            </>
          }
          description={t('tokens.expiresInDaysHint', { max: LIMITS.tokenMaxDays })}
          value={days}
          onChange={(event) => setDays(event.target.value)}
          error={errors.expiresInDays}
          className="vd-input-short"
        />
        <div>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={create.isPending}
            disabled={create.isPending}
          >
            {t('tokens.createSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
