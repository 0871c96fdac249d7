import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Open311Client, Open311ClientCreate, Open311ClientCreated } from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

export const open311ClientsQueryKey = ['open311-clients'] as const;

export function useOpen311Clients() {
  return useQuery({
    queryKey: open311ClientsQueryKey,
    queryFn: async () => (await api<ListResponse<Open311Client>>('/api/open311/clients')).items,
  });
}

export function useCreateOpen311Client() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Open311ClientCreate) =>
      api<Open311ClientCreated>('/api/open311/clients', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: open311ClientsQueryKey });
    },
  });
}

export function useRevokeOpen311Client() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<void>(`/api/open311/clients/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: open311ClientsQueryKey });
    },
  });
}
