import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IdeaDetail, IdeaStage, IdeaSummary } from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

export function useIdeas() {
  return useQuery({
    queryKey: ['ideas'],
    queryFn: async () => (await api<ListResponse<IdeaSummary>>('/api/ideas')).items,
  });
}

export function useIdea(id: string) {
  return useQuery({ queryKey: ['ideas', id], queryFn: () => api<IdeaDetail>(`/api/ideas/${id}`) });
}

export function useCreateIdea() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      title: string;
      description: string;
      ownerId: string;
      proposedByKind: 'staff' | 'resident';
    }) => api<IdeaDetail>('/api/ideas', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['ideas'] }),
  });
}

/** One change of an idea (publish, stage, experiment, measure, decision, moderation); the answer is the idea. */
export function useIdeaChange(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { method: 'POST' | 'PUT' | 'PATCH'; path: string; body: object }) =>
      api<IdeaDetail>(`/api/ideas/${id}${change.path}`, { method: change.method, body: change.body }),
    onSuccess: (idea) => {
      client.setQueryData(['ideas', id], idea);
      return client.invalidateQueries({ queryKey: ['ideas'], exact: true });
    },
  });
}

export type { IdeaDetail, IdeaStage, IdeaSummary };
