import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Where the organisation's map opens (the middle of its addresses); only asked when there is a map. */
export function usePortalCentre(slug: string, enabled: boolean) {
  return (
    useQuery({
      queryKey: ['location', 'centre', slug],
      queryFn: ({ signal }) =>
        api<{ centre: { lat: number; lon: number } | null }>(
          `/api/portal/${encodeURIComponent(slug)}/addresses/centre`,
          { signal },
        ),
      enabled,
      staleTime: 60 * 60_000,
    }).data?.centre ?? null
  );
}
