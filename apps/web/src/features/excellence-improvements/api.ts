import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ImprovementCreate,
  ImprovementDetail,
  ImprovementEffect,
  ImprovementListQuery,
  ImprovementMove,
  ImprovementPublication,
  ImprovementSummary,
  ImprovementUpdate,
} from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

const key = ['improvements'] as const;

const query = (filter: ImprovementListQuery) =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >;

export function useImprovements(filter: ImprovementListQuery) {
  return useQuery({
    queryKey: [...key, 'list', filter],
    queryFn: async () =>
      (await api<ListResponse<ImprovementSummary>>('/api/improvements', { query: query(filter) })).items,
  });
}

export function useImprovement(id: string) {
  return useQuery({
    queryKey: [...key, 'one', id],
    queryFn: () => api<ImprovementDetail>(`/api/improvements/${encodeURIComponent(id)}`),
  });
}

export function useImprovementEffect(id: string, status: string | undefined) {
  return useQuery({
    queryKey: [...key, 'effect', id, status],
    queryFn: () => api<ImprovementEffect>(`/api/improvements/${encodeURIComponent(id)}/effect`),
    enabled: status !== undefined,
  });
}

export function useOwners(enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'owners'],
    queryFn: async () =>
      (await api<ListResponse<{ id: string; name: string }>>('/api/improvements/owners')).items,
    enabled,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: async () => (await api<ListResponse<{ id: string; name: string }>>('/api/teams')).items,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useCreateImprovement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ImprovementCreate) =>
      api<ImprovementDetail>('/api/improvements', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateImprovement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ImprovementUpdate) =>
      api<ImprovementDetail>(`/api/improvements/${encodeURIComponent(id)}`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function useMoveImprovement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ImprovementMove) =>
      api<ImprovementDetail>(`/api/improvements/${encodeURIComponent(id)}/status`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function usePublishImprovement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ImprovementPublication) =>
      api<ImprovementDetail>(`/api/improvements/${encodeURIComponent(id)}/publication`, {
        method: 'PUT',
        body,
      }),
    onSuccess: invalidate,
  });
}
