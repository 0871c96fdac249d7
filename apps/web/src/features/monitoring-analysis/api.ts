import { useQuery } from '@tanstack/react-query';
import type {
  BreachesResponse,
  DriversResponse,
  EqualityDimension,
  EqualityMeasure,
  EqualityResponse,
  MetricFilter,
} from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

/** The filter as query parameters: empty values left out. */
const query = (filter: MetricFilter) =>
  Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >;

/** How the survey grade relates to its possible causes; asked only while the period is valid. */
export function useDrivers(filter: MetricFilter, enabled: boolean) {
  return useQuery({
    queryKey: ['analysis', 'drivers', filter],
    queryFn: () => api<DriversResponse>('/api/analysis/drivers', { query: query(filter) }),
    enabled,
  });
}

/** Breach reasons ranked, and per month. */
export function useBreaches(filter: MetricFilter, enabled: boolean) {
  return useQuery({
    queryKey: ['analysis', 'breaches', filter],
    queryFn: () => api<BreachesResponse>('/api/analysis/breaches', { query: query(filter) }),
    enabled,
  });
}

/** A measure per group, each group tested against the rest. */
export function useEquality(
  filter: MetricFilter & { measure: EqualityMeasure; by: EqualityDimension },
  enabled: boolean,
) {
  return useQuery({
    queryKey: ['analysis', 'equality', filter],
    queryFn: () => api<EqualityResponse>('/api/analysis/equality', { query: query(filter) }),
    enabled,
  });
}

/** The organisation's teams, for the team filter. */
export function useAnalysisTeams(enabled: boolean) {
  return useQuery({
    queryKey: ['analysis', 'teams'],
    queryFn: async () => (await api<ListResponse<{ id: string; name: string }>>('/api/teams')).items,
    enabled,
  });
}
