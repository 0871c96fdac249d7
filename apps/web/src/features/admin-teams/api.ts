import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Team, TeamKind } from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

export const teamsQueryKey = ['teams'] as const;

export function useTeams(enabled = true) {
  return useQuery({
    queryKey: teamsQueryKey,
    queryFn: async () => (await api<ListResponse<Team>>('/api/teams')).items,
    enabled,
  });
}

export interface TeamInput {
  name: string;
  kind: TeamKind;
  description: string;
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TeamInput) => api<Team>('/api/teams', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamsQueryKey });
    },
  });
}

export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<TeamInput> & { id: string; version: number }) =>
      api<Team>(`/api/teams/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    // Not awaited: the form's own onSuccess should not wait for (or be lost in) the refetch.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamsQueryKey });
      // User rows show team names.
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}
