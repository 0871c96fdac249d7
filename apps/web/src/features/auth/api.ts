import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale, LoginBody, Me } from '@voordeur/shared';
import { api, isApiError, resetCsrfToken } from '../../api/client.ts';

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

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api<Me>('/api/auth/login', { method: 'POST', body, csrf: false }),
    onSuccess: (me) => {
      // A new session needs a new CSRF token, and nothing cached may leak from a previous user.
      resetCsrfToken();
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

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
