import { useQuery } from '@tanstack/react-query';
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
import { useRefreshingMutation } from '../../lib/useRefreshingMutation.ts';

// ---- vision and objectives ----

export function useVision() {
  return useQuery({
    queryKey: ['strategy', 'vision'],
    queryFn: () => api<{ current: Vision | null; earlier: Vision[] }>('/api/strategy/vision'),
  });
}

export const useAdoptVision = () =>
  useRefreshingMutation(
    (body: VisionWrite) => api<Vision>('/api/strategy/vision', { method: 'POST', body }),
    ['strategy', 'vision'],
  );

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

export const useCreateObjective = () =>
  useRefreshingMutation(
    (body: ObjectiveInput) => api<Objective>('/api/strategy/objectives', { method: 'POST', body }),
    ['strategy'],
  );

export const useAddTarget = () =>
  useRefreshingMutation(
    ({
      objectiveId,
      ...body
    }: {
      objectiveId: string;
      kpiCode: KpiCode;
      target: number;
      filter: TargetFilter;
    }) => api<ObjectiveTarget>(`/api/strategy/objectives/${objectiveId}/targets`, { method: 'POST', body }),
    ['strategy'],
  );

export const useAddAction = () =>
  useRefreshingMutation(
    ({ objectiveId, ...body }: { objectiveId: string; title: string; ownerId: string; dueOn: string }) =>
      api<ObjectiveAction>(`/api/strategy/objectives/${objectiveId}/actions`, { method: 'POST', body }),
    ['strategy'],
  );

export const useSetActionStatus = () =>
  useRefreshingMutation(
    ({ id, status, version }: { id: string; status: ActionStatus; version: number }) =>
      api<ObjectiveAction>(`/api/strategy/actions/${id}`, { method: 'PATCH', body: { status, version } }),
    ['strategy'],
  );

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

export const useExplain = () =>
  useRefreshingMutation(
    (body: { targetId: string; period: string; text: string }) =>
      api('/api/strategy/review/explanations', { method: 'PUT', body }),
    ['strategy', 'review'],
  );

export const useImproveMiss = () =>
  useRefreshingMutation(
    (body: { targetId: string; period: string; ownerId: string }) =>
      api<{ improvementId: string }>('/api/strategy/review/improvements', { method: 'POST', body }),
    ['strategy', 'review'],
  );

// ---- the integrity register ----

export function useIntegrityRecords() {
  return useQuery({
    queryKey: ['integrity-register'],
    queryFn: async () => (await api<ListResponse<IntegrityRecord>>('/api/integrity/records')).items,
  });
}

export const useRecordIntegrity = () =>
  useRefreshingMutation(
    (body: {
      kind: IntegrityKind;
      occurredOn: string;
      summary: string;
      peopleConcerned: string;
      measures: string;
    }) => api<IntegrityRecord>('/api/integrity/records', { method: 'POST', body }),
    ['integrity-register'],
  );

export const useUpdateIntegrity = () =>
  useRefreshingMutation(
    ({ id, ...body }: { id: string; status: IntegrityStatus; outcome?: string; version: number }) =>
      api<IntegrityRecord>(`/api/integrity/records/${id}`, { method: 'PATCH', body }),
    ['integrity-register'],
  );
