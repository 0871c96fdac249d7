import { useQuery } from '@tanstack/react-query';
import type {
  SignalCluster,
  SignalClusterDetail,
  SignalKind,
  SignalProposeBody,
  StaffSuggestionBody,
  User,
} from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';
import { useRefreshingMutation } from '../../lib/useRefreshingMutation.ts';

const key = ['signals'] as const;

export interface ClusterFilters {
  kind?: SignalKind | '';
  teamId?: string;
  itemId?: string;
  status?: 'open' | 'dismissed' | 'proposed';
}

/** The inbox: clusters of signals, largest and newest first. */
export function useClusters(filters: ClusterFilters) {
  return useQuery({
    queryKey: [...key, 'clusters', filters],
    queryFn: async () =>
      (await api<ListResponse<SignalCluster>>('/api/signals/clusters', { query: { ...filters } })).items,
  });
}

export function useCluster(id: string | null) {
  return useQuery({
    queryKey: [...key, 'cluster', id],
    queryFn: () => api<SignalClusterDetail>(`/api/signals/clusters/${id}`),
    enabled: id !== null,
  });
}

/** After a triage action every list and cluster is read again. */
const useTriage = <V, R>(request: (variables: V) => Promise<R>) => useRefreshingMutation(request, key);

export const useMoveSignal = () =>
  useTriage((v: { id: string; clusterId: string | null; version: number }) =>
    api<{ clusterId: string }>(`/api/signals/signal/${v.id}/move`, {
      method: 'POST',
      body: { clusterId: v.clusterId, version: v.version },
    }),
  );

export const useDismissSignal = () =>
  useTriage((v: { id: string; reason: string; version: number }) =>
    api<{ id: string }>(`/api/signals/signal/${v.id}/dismiss`, {
      method: 'POST',
      body: { reason: v.reason, version: v.version },
    }),
  );

export const useDismissCluster = () =>
  useTriage((v: { id: string; reason: string; version: number }) =>
    api<SignalClusterDetail>(`/api/signals/clusters/${v.id}/dismiss`, {
      method: 'POST',
      body: { reason: v.reason, version: v.version },
    }),
  );

/** A staff suggestion from any screen. */
export const useSuggest = () =>
  useRefreshingMutation(
    (body: StaffSuggestionBody) => api<{ id: string }>('/api/signals/suggestions', { method: 'POST', body }),
    key,
  );

/** Who may own a proposal: the organisation's active employees. */
export function useOwners(enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'owners'],
    queryFn: async () => (await api<ListResponse<User>>('/api/users')).items.filter((u) => u.active),
    enabled,
  });
}

export const useProposeCluster = () =>
  useTriage((v: SignalProposeBody & { id: string }) => {
    const { id, ...body } = v;
    return api<{ improvementId: string; cluster: SignalClusterDetail }>(
      `/api/signals/clusters/${id}/propose`,
      {
        method: 'POST',
        body,
      },
    );
  });
