import { Button } from '@utrecht/button-react';
import {
  LIMITS,
  LOCALES,
  type Locale,
  type Team,
  type User,
  userCreateSchema,
  userUpdateSchema,
} from '@voordeur/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import {
  type FieldErrors,
  hasErrors,
  issuesToFieldErrors,
  problemFieldErrors,
} from '../../app/fieldErrors.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { DataList } from '../../ui/DataList.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCreateUser, useUpdateUser } from './api.ts';
import {
  type MembershipRow,
  MembershipsEditor,
  membershipFields,
  newMembershipRow,
  validateMemberships,
} from './MembershipsEditor.tsx';

export interface UserFormProps {
  /** The user to edit; absent to create a new one. */
  user?: User;
  teams: Team[];
  headingId: string;
  onDone: (user: User) => void;
  onCancel: () => void;
  onReload: () => void;
}

/**
 * Create a user (email, name, language, initial password, memberships) or edit one (name,
 * language, active, memberships). Edits send the version they started from.
 */
export function UserForm({ user, teams, headingId, onDone, onCancel, onReload }: UserFormProps) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const prefix = user ? `user-edit-${user.id}` : 'user-create';

  const [email, setEmail] = useState('');
  const [name, setName] = useState(user?.name ?? '');
  const [locale, setLocale] = useState<Locale>(user?.locale ?? 'nl');
  const [password, setPassword] = useState('');
  const [active, setActive] = useState(user?.active ?? true);
  const [rows, setRows] = useState<MembershipRow[]>(
    () => user?.memberships.map((m) => newMembershipRow(m.teamId, m.role)) ?? [],
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  const fields: Record<string, { id: string; label: string }> = {
    email: { id: `${prefix}-email`, label: t('users.email') },
    name: { id: `${prefix}-name`, label: t('users.name') },
    locale: { id: `${prefix}-locale`, label: t('users.locale') },
    password: { id: `${prefix}-password`, label: t('users.password') },
    ...membershipFields(prefix, rows, t),
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const rowErrors = validateMemberships(rows, t);
    const memberships = rows.map((row) => ({ teamId: row.teamId, role: row.role }));
    const onError = (error: unknown) => setErrors(problemFieldErrors(error, t));
    if (user) {
      const parsed = userUpdateSchema.safeParse({ name, locale, active, memberships, version: user.version });
      const found = { ...(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues, t)), ...rowErrors };
      setErrors(found);
      if (!parsed.success || hasErrors(found)) return;
      update.mutate({ id: user.id, ...parsed.data }, { onSuccess: onDone, onError });
    } else {
      const parsed = userCreateSchema.safeParse({ email, name, locale, password, memberships });
      const found = { ...(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues, t)), ...rowErrors };
      setErrors(found);
      if (!parsed.success || hasErrors(found)) return;
      create.mutate(parsed.data, { onSuccess: onDone, onError });
    }
  };

  const conflict = isApiError(mutation.error) && mutation.error.code === 'version_conflict';

  return (
    <section className="vd-panel vd-stack" aria-labelledby={headingId}>
      <Heading level={2} id={headingId} tabIndex={-1}>
        {user ? t('users.editTitle', { name: user.name }) : t('users.createTitle')}
      </Heading>
      <ErrorAlert key={attempt} error={mutation.error ?? undefined} fieldErrors={errors} fields={fields} />
      {conflict ? (
        <div>
          <Button appearance="secondary-action-button" onClick={onReload}>
            {t('common.reload')}
          </Button>
        </div>
      ) : null}
      <form className="vd-form" onSubmit={onSubmit} noValidate>
        {user ? (
          <DataList items={[{ key: 'email', label: t('users.email'), value: user.email }]} />
        ) : (
          <TextField
            id={fields.email!.id}
            type="email"
            autoComplete="off"
            label={t('users.email')}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={errors.email}
            maxLength={LIMITS.emailMax}
            required
          />
        )}
        <TextField
          id={fields.name!.id}
          autoComplete="off"
          label={t('users.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
          maxLength={LIMITS.nameMax}
          required
        />
        <SelectField
          id={fields.locale!.id}
          label={t('users.locale')}
          value={locale}
          onChange={(event) => setLocale(event.target.value as Locale)}
          error={errors.locale}
        >
          {LOCALES.map((value) => (
            <option key={value} value={value} lang={value}>
              {t(`language.${value}`)}
            </option>
          ))}
        </SelectField>
        {user ? (
          <CheckboxField
            id={`${prefix}-active`}
            label={t('users.activeLabel')}
            description={t('users.activeHint')}
            checked={active}
            onChange={(event) => setActive(event.target.checked)}
          />
        ) : (
          <TextField
            id={fields.password!.id}
            type="password"
            autoComplete="new-password"
            label={t('users.password')}
            description={t('users.passwordHint', { min: LIMITS.passwordMin })}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={errors.password}
            maxLength={LIMITS.passwordMax}
            required
          />
        )}
        <MembershipsEditor idPrefix={prefix} rows={rows} onChange={setRows} teams={teams} errors={errors} />
        <ButtonGroup>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={mutation.isPending}
            disabled={mutation.isPending}
          >
            {user ? t('common.save') : t('users.createSubmit')}
          </Button>
          <Button appearance="secondary-action-button" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
