import { useMutation, useQuery } from '@tanstack/react-query';
import type { FollowInput, MapConfig, MappedCase, NearbyResult, PlaceAddress } from '@voordeur/shared';
import { api } from '../../api/client.ts';

const portal = (slug: string) => `/api/portal/${encodeURIComponent(slug)}`;

/** The map's tile server, or `map: null`: then there is no map, only address entry. Fixed while the app runs. */
export function useMapConfig() {
  return useQuery({
    queryKey: ['location', 'map'],
    queryFn: ({ signal }) => api<MapConfig>('/api/public/map', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export interface AddressSearch {
  postcode?: string;
  number?: string;
  addition?: string;
  street?: string;
}

/** The organisation's addresses matching a postcode (+ number) or a street (+ number); at most 20. */
export function findAddresses(slug: string, search: AddressSearch) {
  return api<{ items: PlaceAddress[] }>(`${portal(slug)}/addresses`, { query: { ...search } });
}

/** The address nearest to a point picked on the map (refused outside the organisation). */
export function addressAt(slug: string, lat: number, lon: number) {
  return api<PlaceAddress>(`${portal(slug)}/addresses/at`, { query: { lat, lon } });
}

/** Open public reports of the same item near the place, once the place is known. */
export function useNearby(slug: string, item: string, point: { lat: number; lon: number } | null) {
  return useQuery({
    queryKey: ['location', 'nearby', slug, item, point?.lat, point?.lon],
    queryFn: ({ signal }) =>
      api<NearbyResult>(`${portal(slug)}/nearby`, {
        query: { item, lat: point!.lat, lon: point!.lon },
        signal,
      }),
    enabled: Boolean(point && item),
    retry: false,
  });
}

/** Follow an open report: the person hears of its progress by email (no session, so no CSRF token). */
export function useFollow(slug: string) {
  return useMutation({
    mutationFn: ({ reference, ...body }: FollowInput & { reference: string }) =>
      api<{ following: true }>(`${portal(slug)}/cases/${encodeURIComponent(reference)}/followers`, {
        method: 'POST',
        body,
        csrf: false,
      }),
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
