import { useQuery } from '@tanstack/react-query';
import type { MapConfig, MappedCase } from '@voordeur/shared';
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
