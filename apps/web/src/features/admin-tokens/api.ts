import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken, ApiTokenCreate } from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

export const tokensQueryKey = ['api-tokens'] as const;

/** The created token, with its secret; the API shows the secret only in this answer. */
export type CreatedApiToken = ApiToken & { token: string };

export function useTokens() {
  return useQuery({
    queryKey: tokensQueryKey,
    queryFn: async () => (await api<ListResponse<ApiToken>>('/api/auth/tokens')).items,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiTokenCreate) => api<CreatedApiToken>('/api/auth/tokens', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tokensQueryKey });
    },
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/auth/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tokensQueryKey });
    },
  });
}
