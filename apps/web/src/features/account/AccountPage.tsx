import { Button } from '@utrecht/button-react';
import { LIMITS, passwordChangeBodySchema } from '@voordeur/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FieldErrors,
  hasErrors,
  issuesToFieldErrors,
  problemFieldErrors,
} from '../../app/fieldErrors.ts';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { Alert } from '../../ui/Alert.tsx';
import { DataList } from '../../ui/DataList.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCurrentUser } from '../auth/CurrentUser.tsx';
import { useChangePassword } from './api.ts';

/** My account: who I am, and changing my password. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  useDocumentTitle(t('account.title'));

  return (
    <div className="vd-stack vd-stack--loose">
      <Heading level={1}>{t('account.title')}</Heading>
      <section className="vd-stack" aria-labelledby="account-profile">
        <Heading level={2} id="account-profile">
          {t('account.profileTitle')}
        </Heading>
        <DataList
          items={[
            { key: 'name', label: t('account.name'), value: me.name },
            { key: 'email', label: t('account.email'), value: me.email },
            { key: 'organisation', label: t('account.organisation'), value: me.organisation.name },
          ]}
        />
      </section>
      <PasswordChangeForm email={me.email} />
    </div>
  );
}

function PasswordChangeForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeatPassword, setRepeatPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  const fields = {
    currentPassword: { id: 'account-current-password', label: t('account.currentPassword') },
    newPassword: { id: 'account-new-password', label: t('account.newPassword') },
    repeatPassword: { id: 'account-repeat-password', label: t('account.repeatPassword') },
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    change.reset();
    const parsed = passwordChangeBodySchema.safeParse({ currentPassword, newPassword });
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues, t);
    if (!found.newPassword && newPassword && newPassword === currentPassword) {
      found.newPassword = t('validation.samePassword');
    }
    if (!repeatPassword) found.repeatPassword = t('validation.required');
    else if (repeatPassword !== newPassword) found.repeatPassword = t('validation.passwordMismatch');
    setErrors(found);
    if (!parsed.success || hasErrors(found)) return;
    change.mutate(parsed.data, {
      onSuccess: () => {
        setCurrentPassword('');
        setNewPassword('');
        setRepeatPassword('');
      },
      onError: (error) => setErrors(problemFieldErrors(error, t)),
    });
  };

  return (
    <section className="vd-stack" aria-labelledby="account-password">
      <Heading level={2} id="account-password">
        {t('account.passwordTitle')}
      </Heading>
      {change.isSuccess ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('account.changed')}</Paragraph>
        </Alert>
      ) : null}
      <ErrorAlert key={attempt} error={change.error ?? undefined} fieldErrors={errors} fields={fields} />
      <form className="vd-form" onSubmit={onSubmit} noValidate>
        {/* Lets password managers know whose password this is. */}
        <input type="text" name="username" autoComplete="username" value={email} hidden readOnly />
        <TextField
          id={fields.currentPassword.id}
          type="password"
          autoComplete="current-password"
          label={fields.currentPassword.label}
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={errors.currentPassword}
          required
        />
        <TextField
          id={fields.newPassword.id}
          type="password"
          autoComplete="new-password"
          label={fields.newPassword.label}
          description={t('account.newPasswordHint', { min: LIMITS.passwordMin })}
          value={newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
          error={errors.newPassword}
          required
        />
        <TextField
          id={fields.repeatPassword.id}
          type="password"
          autoComplete="new-password"
          label={fields.repeatPassword.label}
          value={repeatPassword}
          onChange={(event) => setRepeatPassword(event.target.value)}
          error={errors.repeatPassword}
          required
        />
        <div>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={change.isPending}
            disabled={change.isPending}
          >
            {t('account.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
