import { LIMITS, passwordChangeBodySchema } from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../lib/CurrentUser.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { usePasswordRule } from '../../lib/usePasswordRule.ts';
import { DataList } from '../../ui/DataList.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Section } from '../../ui/Section.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useChangePassword } from './api.ts';

/** My account: who I am, and changing my password. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  useDocumentTitle(t('account.title'));

  return (
    <div className="vd-stack vd-stack--loose">
      <Heading level={1}>{t('account.title')}</Heading>
      <Section headingId="account-profile" title={t('account.profileTitle')}>
        <DataList
          items={[
            { key: 'name', label: t('account.name'), value: me.name },
            { key: 'email', label: t('account.email'), value: me.email },
            { key: 'organisation', label: t('account.organisation'), value: me.organisation.name },
          ]}
        />
      </Section>
      <PasswordChangeForm email={me.email} name={me.name} />
    </div>
  );
}

function PasswordChangeForm({ email, name }: { email: string; name: string }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const weakPassword = usePasswordRule();
  const form = useForm(
    { currentPassword: '', newPassword: '', repeatPassword: '' },
    {
      currentPassword: { id: 'account-current-password', label: t('account.currentPassword') },
      newPassword: { id: 'account-new-password', label: t('account.newPassword') },
      repeatPassword: { id: 'account-repeat-password', label: t('account.repeatPassword') },
    },
  );

  const onSubmit = form.submit(() => {
    change.reset();
    const { currentPassword, newPassword, repeatPassword } = form.values;
    const data = form.validate(
      passwordChangeBodySchema.safeParse({ currentPassword, newPassword }),
      (found) => {
        if (!found.newPassword && newPassword && newPassword === currentPassword) {
          found.newPassword = t('validation.samePassword');
        }
        found.newPassword ??= weakPassword(newPassword, { email, name }, t) ?? undefined;
        if (!repeatPassword) found.repeatPassword = t('validation.required');
        else if (repeatPassword !== newPassword) found.repeatPassword = t('validation.passwordMismatch');
      },
    );
    if (data) change.mutate(data, { onSuccess: () => form.reset(), onError: form.onError });
  });

  return (
    <Section headingId="account-password" title={t('account.passwordTitle')}>
      {change.isSuccess ? <Notice>{t('account.changed')}</Notice> : null}
      <FormErrorAlert form={form} error={change.error} />
      <form className="vd-form" onSubmit={onSubmit} noValidate>
        {/* Lets password managers know whose password this is. */}
        <input type="text" name="username" autoComplete="username" value={email} hidden readOnly />
        <TextField
          {...form.field('currentPassword')}
          type="password"
          autoComplete="current-password"
          required
        />
        <TextField
          {...form.field('newPassword')}
          type="password"
          autoComplete="new-password"
          description={t('account.newPasswordHint', { min: LIMITS.passwordMin })}
          required
        />
        <TextField {...form.field('repeatPassword')} type="password" autoComplete="new-password" required />
        <div>
          <SubmitButton busy={change.isPending}>{t('account.submit')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}
