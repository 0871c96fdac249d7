import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client.ts';
import i18n from '../i18n/index.ts';
import { markSessionExpired, meQueryKey } from '../lib/session.ts';

/**
 * A 401 on any call while we believed we were signed in means the session ended (expired,
 * revoked, logged out elsewhere): drop the user so the route guard sends them to the login page.
 */
function onApiError(error: unknown): void {
  if (!isApiError(error) || error.status !== 401) return;
  if (queryClient.getQueryData(meQueryKey)) {
    markSessionExpired();
    queryClient.setQueryData(meQueryKey, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying a 4xx does not help; network trouble and 5xx get two more tries.
      retry: (failures, error) =>
        !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
});

// The API words some texts in the caller's language (Accept-Language: statuses, workflow steps, item names):
// after a switch, what is on screen is fetched again in the new one. (i18n sets <html lang> first.)
i18n.on('languageChanged', () => {
  void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
});
