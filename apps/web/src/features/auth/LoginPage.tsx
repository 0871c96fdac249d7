import { useQueryClient } from '@tanstack/react-query';
import { type Locale, loginBodySchema, type Me } from '@voordeur/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { applyLocale } from '../../i18n/index.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { PublicLayout } from '../../lib/PublicLayout.tsx';
import { clearSessionExpired, meQueryKey, sessionExpired, useMe, useSaveLocale } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useForm } from '../../lib/useForm.ts';
import { Heading } from '../../ui/Heading.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useLogin } from './api.ts';

/** Only same-site paths may be a redirect target (no open redirect via ?next=). */
export function safeNext(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/login' || value.startsWith('/login?')) return '/';
  return value;
}

export function LoginPage({ organisation }: { organisation?: string | undefined } = {}) {
  const { t } = useTranslation();
  useDocumentTitle(organisation ? `${t('auth.login.title')} — ${organisation}` : t('auth.login.title'));
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const login = useLogin();
  const saveLocale = useSaveLocale();

  const form = useForm(
    { email: '', password: '' },
    {
      email: { id: 'login-email', label: t('auth.login.email') },
      password: { id: 'login-password', label: t('auth.login.password') },
    },
  );
  // A language picked here, before signing in, wins over the one saved in the profile.
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const [expired] = useState(sessionExpired);
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true;
  const next = safeNext(searchParams.get('next'));

  if (me.data && !login.isSuccess) return <Navigate to={next} replace />;

  const onSubmit = form.submit(() => {
    const data = form.validate(loginBodySchema.safeParse(form.values));
    if (!data) return;
    login.mutate(data, {
      onSuccess: (user) => {
        clearSessionExpired();
        if (chosenLocale && chosenLocale !== user.locale) {
          queryClient.setQueryData<Me>(meQueryKey, { ...user, locale: chosenLocale });
          saveLocale.mutate(chosenLocale);
        } else {
          void applyLocale(user.locale);
        }
        // Issue 14 (public): the periodic report is rendered by the server, so it is loaded, not routed to.
        if (next.startsWith('/rapportage/')) window.location.assign(next);
        else navigate(next, { replace: true });
      },
      onError: form.onError,
    });
  });

  return (
    <PublicLayout onLocaleChange={setChosenLocale} organisation={organisation}>
      <div className="vd-stack">
        <Heading level={1}>{t('auth.login.title')}</Heading>
        <Paragraph>{t('auth.login.intro')}</Paragraph>
        {loggedOut && !login.isError && form.attempt === 0 ? (
          <Notice>{t('auth.login.loggedOut')}</Notice>
        ) : null}
        {expired && !loggedOut && form.attempt === 0 ? (
          <Notice type="warning">{t('auth.login.sessionExpired')}</Notice>
        ) : null}
        <FormErrorAlert form={form} error={login.error} />
        <form className="vd-form" onSubmit={onSubmit} noValidate>
          <TextField {...form.field('email')} name="email" type="email" autoComplete="username" required />
          <TextField
            {...form.field('password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <div>
            <SubmitButton busy={login.isPending}>
              {login.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
            </SubmitButton>
          </div>
        </form>
      </div>
    </PublicLayout>
  );
}
