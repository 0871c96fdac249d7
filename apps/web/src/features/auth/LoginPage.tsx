import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@utrecht/button-react';
import { type Locale, loginBodySchema, type Me } from '@voordeur/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { type FieldErrors, issuesToFieldErrors, problemFieldErrors } from '../../app/fieldErrors.ts';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { useDocumentTitle } from '../../app/useDocumentTitle.ts';
import { applyLocale } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Heading } from '../../ui/Heading.tsx';
import { Paragraph } from '../../ui/Paragraph.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { meQueryKey, useLogin, useMe, useSaveLocale } from './api.ts';
import { clearSessionExpired, sessionExpired } from './session.ts';

/** Only same-site paths may be a redirect target (no open redirect via ?next=). */
export function safeNext(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/login' || value.startsWith('/login?')) return '/';
  return value;
}

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.login.title'));
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const login = useLogin();
  const saveLocale = useSaveLocale();

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  // A language picked here, before signing in, wins over the one saved in the profile.
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const [expired] = useState(sessionExpired);
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true;
  const next = safeNext(searchParams.get('next'));

  if (me.data && !login.isSuccess) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const parsed = loginBodySchema.safeParse({ email, password });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    login.mutate(parsed.data, {
      onSuccess: (user) => {
        clearSessionExpired();
        if (chosenLocale && chosenLocale !== user.locale) {
          queryClient.setQueryData<Me>(meQueryKey, { ...user, locale: chosenLocale });
          saveLocale.mutate(chosenLocale);
        } else {
          applyLocale(user.locale);
        }
        navigate(next, { replace: true });
      },
      onError: (error) => setErrors(problemFieldErrors(error, t)),
    });
  };

  const fields = {
    email: { id: 'login-email', label: t('auth.login.email') },
    password: { id: 'login-password', label: t('auth.login.password') },
  };

  return (
    <PublicLayout onLocaleChange={setChosenLocale}>
      <div className="vd-stack">
        <Heading level={1}>{t('auth.login.title')}</Heading>
        <Paragraph>{t('auth.login.intro')}</Paragraph>
        {loggedOut && !login.isError && attempt === 0 ? (
          <Alert type="ok" role="status">
            <Paragraph>{t('auth.login.loggedOut')}</Paragraph>
          </Alert>
        ) : null}
        {expired && !loggedOut && attempt === 0 ? (
          <Alert type="warning" role="status">
            <Paragraph>{t('auth.login.sessionExpired')}</Paragraph>
          </Alert>
        ) : null}
        <ErrorAlert key={attempt} error={login.error ?? undefined} fieldErrors={errors} fields={fields} />
        <form className="vd-form" onSubmit={onSubmit} noValidate>
          <TextField
            id={fields.email.id}
            name="email"
            type="email"
            autoComplete="username"
            label={fields.email.label}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={errors.email}
            required
          />
          <TextField
            id={fields.password.id}
            name="password"
            type="password"
            autoComplete="current-password"
            label={fields.password.label}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={errors.password}
            required
          />
          <div>
            <Button
              type="submit"
              appearance="primary-action-button"
              busy={login.isPending}
              disabled={login.isPending}
            >
              {login.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
            </Button>
          </div>
        </form>
      </div>
    </PublicLayout>
  );
}
