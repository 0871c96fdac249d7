import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User, UserCreate, UserUpdate } from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';
import { teamsQueryKey } from '../admin-teams/index.ts';

export const usersQueryKey = ['users'] as const;

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: usersQueryKey,
    queryFn: async () => (await api<ListResponse<User>>('/api/users')).items,
    enabled,
  });
}

/**
 * Refetch in the background, without waiting: the caller's own onSuccess (close the form, say
 * "saved") should not wait for the list, nor be lost when the list re-renders the form.
 */
function refreshAfterChange(queryClient: ReturnType<typeof useQueryClient>): void {
  void queryClient.invalidateQueries({ queryKey: usersQueryKey });
  // Team rows show member counts.
  void queryClient.invalidateQueries({ queryKey: teamsQueryKey });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => api<User>('/api/users', { method: 'POST', body }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UserUpdate & { id: string }) =>
      api<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}
