import { useQuery } from '@tanstack/react-query';
import type { DistrictCentre, MapConfig, MappedCase } from '@voordeur/shared';
import { api } from '../../api/client.ts';

/** The map's tile server, or `map: null`: then the staff pages show lists only. Fixed while the app runs. */
export function useMapConfig() {
  return useQuery({
    queryKey: ['location', 'map'],
    queryFn: ({ signal }) => api<MapConfig>('/api/public/map', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Open cases with a known place (the staff map of open reports). */
export function useCaseMap(teamId: string | undefined) {
  return useQuery({
    queryKey: ['cases', 'map', teamId ?? ''],
    queryFn: ({ signal }) =>
      api<{ items: MappedCase[]; truncated: boolean }>('/api/case-map', { query: { teamId }, signal }),
  });
}

/** The districts at the middle of their addresses (the monitoring's map of districts). */
export function useDistricts(enabled = true) {
  return useQuery({
    queryKey: ['location', 'districts'],
    queryFn: ({ signal }) => api<{ items: DistrictCentre[] }>('/api/case-map/districts', { signal }),
    enabled,
  });
}
