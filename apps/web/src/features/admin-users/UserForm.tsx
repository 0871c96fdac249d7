import {
  LIMITS,
  LOCALES,
  type Locale,
  type Team,
  type User,
  userCreateSchema,
  userUpdateSchema,
} from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorPanel } from '../../lib/EditorPanel.tsx';
import { useForm } from '../../lib/useForm.ts';
import type { EditorFormProps } from '../../lib/useListEditor.ts';
import { usePasswordRule } from '../../lib/usePasswordRule.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { DataList } from '../../ui/DataList.tsx';
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

export interface UserFormProps extends EditorFormProps<User> {
  /** The user to edit; absent to create a new one. */
  user?: User;
  teams: Team[];
}

/**
 * Create a user (email, name, language, initial password, memberships) or edit one (name,
 * language, active, memberships). Edits send the version they started from.
 */
export function UserForm({ user, teams, onDone, ...panel }: UserFormProps) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  // Only a new user gets a password here.
  const weakPassword = usePasswordRule(!user);
  const prefix = user ? `user-edit-${user.id}` : 'user-create';

  const [active, setActive] = useState(user?.active ?? true);
  const [rows, setRows] = useState<MembershipRow[]>(
    () => user?.memberships.map((m) => newMembershipRow(m.teamId, m.role)) ?? [],
  );
  const form = useForm<{ email: string; name: string; locale: Locale; password: string }>(
    { email: '', name: user?.name ?? '', locale: user?.locale ?? 'nl', password: '' },
    {
      email: { id: `${prefix}-email`, label: t('users.email') },
      name: { id: `${prefix}-name`, label: t('users.name') },
      locale: { id: `${prefix}-locale`, label: t('users.locale') },
      password: { id: `${prefix}-password`, label: t('users.password') },
      ...membershipFields(prefix, rows, t),
    },
  );

  const onSubmit = form.submit(() => {
    const { email, name, locale, password } = form.values;
    const rowErrors = validateMemberships(rows, t);
    const memberships = rows.map((row) => ({ teamId: row.teamId, role: row.role }));
    const callbacks = { onSuccess: onDone, onError: form.onError };
    if (user) {
      const data = form.validate(
        userUpdateSchema.safeParse({ name, locale, active, memberships, version: user.version }),
        rowErrors,
      );
      if (data) update.mutate({ id: user.id, ...data }, callbacks);
    } else {
      const data = form.validate(
        userCreateSchema.safeParse({ email, name, locale, password, memberships }),
        (found) => {
          Object.assign(found, rowErrors);
          found.password ??= weakPassword(password, { email, name }, t) ?? undefined;
        },
      );
      if (data) create.mutate(data, callbacks);
    }
  });

  return (
    <EditorPanel
      {...panel}
      title={user ? t('users.editTitle', { name: user.name }) : t('users.createTitle')}
      form={form}
      mutation={user ? update : create}
      onSubmit={onSubmit}
      submitLabel={user ? t('common.save') : t('users.createSubmit')}
    >
      {user ? (
        <DataList items={[{ key: 'email', label: t('users.email'), value: user.email }]} />
      ) : (
        <TextField
          {...form.field('email')}
          type="email"
          autoComplete="off"
          maxLength={LIMITS.emailMax}
          required
        />
      )}
      <TextField {...form.field('name')} autoComplete="off" maxLength={LIMITS.nameMax} required />
      <SelectField
        {...form.field('locale')}
        options={LOCALES.map((value) => ({ value, label: t(`language.${value}`), lang: value }))}
      />
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
          {...form.field('password')}
          type="password"
          autoComplete="new-password"
          description={t('users.passwordHint', { min: LIMITS.passwordMin })}
          maxLength={LIMITS.passwordMax}
          required
        />
      )}
      <MembershipsEditor
        idPrefix={prefix}
        rows={rows}
        onChange={setRows}
        teams={teams}
        errors={form.errors}
      />
    </EditorPanel>
  );
}
