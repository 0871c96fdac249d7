import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, Me } from '@voordeur/shared';
import { api, resetCsrfToken } from '../../api/client.ts';
import { meQueryKey } from '../../lib/session.ts';

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
