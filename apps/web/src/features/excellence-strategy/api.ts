import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionStatus,
  IntegrityKind,
  IntegrityRecord,
  IntegrityStatus,
  KpiCode,
  Objective,
  ObjectiveAction,
  ObjectiveTarget,
  StrategyReview,
  TargetFilter,
  Team,
  User,
  Vision,
  VisionWrite,
} from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

// ---- vision and objectives ----

export function useVision() {
  return useQuery({
    queryKey: ['strategy', 'vision'],
    queryFn: () => api<{ current: Vision | null; earlier: Vision[] }>('/api/strategy/vision'),
  });
}

export function useAdoptVision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VisionWrite) => api<Vision>('/api/strategy/vision', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['strategy', 'vision'] }),
  });
}

export function useObjectives() {
  return useQuery({
    queryKey: ['strategy', 'objectives'],
    queryFn: async () => (await api<ListResponse<Objective>>('/api/strategy/objectives')).items,
  });
}

export interface ObjectiveInput {
  title: string;
  description: string;
  ownerId: string;
  teamId: string | null;
  parentId: string | null;
  periodFrom: string;
  periodTo: string;
}

export function useCreateObjective() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ObjectiveInput) =>
      api<Objective>('/api/strategy/objectives', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['strategy'] }),
  });
}

export function useAddTarget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      objectiveId,
      ...body
    }: {
      objectiveId: string;
      kpiCode: KpiCode;
      target: number;
      filter: TargetFilter;
    }) => api<ObjectiveTarget>(`/api/strategy/objectives/${objectiveId}/targets`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['strategy'] }),
  });
}

export function useAddAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      objectiveId,
      ...body
    }: {
      objectiveId: string;
      title: string;
      ownerId: string;
      dueOn: string;
    }) => api<ObjectiveAction>(`/api/strategy/objectives/${objectiveId}/actions`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['strategy'] }),
  });
}

export function useSetActionStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status, version }: { id: string; status: ActionStatus; version: number }) =>
      api<ObjectiveAction>(`/api/strategy/actions/${id}`, { method: 'PATCH', body: { status, version } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['strategy'] }),
  });
}

/** The people who may own an objective or action: the user list where the reader may see it, else only oneself. */
export function useOwners(enabled: boolean) {
  return useQuery({
    queryKey: ['users'],
    queryFn: async () => (await api<ListResponse<User>>('/api/users')).items,
    select: (users) => users.filter((u) => u.active),
    enabled,
  });
}

export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: async () => (await api<ListResponse<Team>>('/api/teams')).items,
  });
}

// ---- the review ----

export function useReview(period: string | undefined) {
  return useQuery({
    queryKey: ['strategy', 'review', period ?? 'last'],
    queryFn: () => api<StrategyReview>('/api/strategy/review', { query: period ? { period } : {} }),
  });
}

export function useExplain() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { targetId: string; period: string; text: string }) =>
      api('/api/strategy/review/explanations', { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['strategy', 'review'] }),
  });
}

export function useImproveMiss() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { targetId: string; period: string; ownerId: string }) =>
      api<{ improvementId: string }>('/api/strategy/review/improvements', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['strategy', 'review'] }),
  });
}

// ---- the integrity register ----

export function useIntegrityRecords() {
  return useQuery({
    queryKey: ['integrity-register'],
    queryFn: async () => (await api<ListResponse<IntegrityRecord>>('/api/integrity/records')).items,
  });
}

export function useRecordIntegrity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      kind: IntegrityKind;
      occurredOn: string;
      summary: string;
      peopleConcerned: string;
      measures: string;
    }) => api<IntegrityRecord>('/api/integrity/records', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['integrity-register'] }),
  });
}

export function useUpdateIntegrity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      status: IntegrityStatus;
      outcome?: string;
      version: number;
    }) => api<IntegrityRecord>(`/api/integrity/records/${id}`, { method: 'PATCH', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['integrity-register'] }),
  });
}
