import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { signInHref } from '../features/auth/index.ts';
import { applyLocale } from '../i18n/index.ts';
import { CurrentUserProvider } from '../lib/CurrentUser.tsx';
import { ErrorAlert } from '../lib/ErrorAlert.tsx';
import { PublicLayout } from '../lib/PublicLayout.tsx';
import { StatusContent } from '../lib/StatusContent.tsx';
import { sessionExpired, useMe } from '../lib/session.ts';
import { AppShell } from './AppShell.tsx';
import { PageLoading } from './PageLoading.tsx';

/**
 * Route guard for the signed-in app: unauthenticated visitors go to the server's sign-in page, /login?next=<where
 * they were going> (and why, when their session ended); signed-in users get the app shell, in the language of their
 * profile.
 */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  const userId = me.data?.id;
  const profileLocale = me.data?.locale;

  // Speak the user's language once per sign-in (not on every refetch of /me). Its words may first have to load
  // (i18n/index.ts): the shell shows once they are in place, so it never flashes in the other language.
  const [speaking, setSpeaking] = useState<string>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: deliberately keyed on the user only.
  useEffect(() => {
    if (!userId) return;
    let current = true;
    const done = () => {
      if (current) setSpeaking(userId);
    };
    if (profileLocale) applyLocale(profileLocale).then(done, done);
    else done();
    return () => {
      current = false;
    };
  }, [userId]);

  if (me.isPending || (userId && speaking !== userId)) return <PageLoading />;
  if (me.isError) {
    return (
      <PublicLayout>
        <StatusContent kind="crash" showHomeLink={false} />
        <ErrorAlert error={me.error} />
      </PublicLayout>
    );
  }
  if (!me.data) return <SignInFirst next={`${location.pathname}${location.search}`} />;
  return (
    <CurrentUserProvider me={me.data}>
      <AppShell />
    </CurrentUserProvider>
  );
}

/** On to the sign-in page: a page of the server (ADR 0022), so a full load, which also leaves no history entry. */
function SignInFirst({ next }: { next: string }) {
  useEffect(() => {
    window.location.replace(
      signInHref({ next, ...(sessionExpired() ? { reason: 'expired' as const } : {}) }),
    );
  }, [next]);
  return <PageLoading />;
}
