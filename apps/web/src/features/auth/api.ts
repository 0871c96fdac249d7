import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, resetCsrfToken } from '../../api/client.ts';
import i18n from '../../i18n/index.ts';
import { meQueryKey } from '../../lib/session.ts';

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    // Even if the request fails the user asked to leave: forget everything on this side.
    onSettled: () => {
      resetCsrfToken();
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}

/**
 * The server's sign-in page (a full page load: it is no route of the app), in the language the app speaks, with
 * where to go after signing in and why the person is there: logged out, or the session ended.
 */
export function signInHref(options: { next?: string; reason?: 'loggedOut' | 'expired' } = {}): string {
  const params = new URLSearchParams();
  if (options.next && options.next !== '/') params.set('next', options.next);
  if (i18n.language === 'en') params.set('lang', 'en');
  if (options.reason === 'loggedOut') params.set('uitgelogd', '1');
  if (options.reason === 'expired') params.set('verlopen', '1');
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}
