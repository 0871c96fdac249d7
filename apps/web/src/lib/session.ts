import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale, Me } from '@voordeur/shared';
import { api, isApiError } from '../api/client.ts';

/**
 * The session as the whole app sees it: who is signed in (the shell's guard, the language switch, the query
 * cache's 401 handling all read it) and why the last session ended.
 */
export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session. */
async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('/api/auth/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

/** Save the interface language in the signed-in user's profile. */
export function useSaveLocale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api<void>('/api/auth/me/locale', { method: 'PATCH', body: { locale } }),
    onMutate: (locale) => {
      queryClient.setQueryData<Me | null>(meQueryKey, (me) => (me ? { ...me, locale } : me));
    },
  });
}

/**
 * Why the last session ended, so the sign-in page can say so (the route guard passes it on). Kept in memory only: a
 * reload forgets it, which is fine for a one-time notice.
 */
let endedBecauseExpired = false;

export function markSessionExpired(): void {
  endedBecauseExpired = true;
}

export function sessionExpired(): boolean {
  return endedBecauseExpired;
}
