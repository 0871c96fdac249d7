import { useQuery } from '@tanstack/react-query';
import type { ContactStatRow, STAT_DIMENSIONS } from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

export interface ContactStatsQuery {
  /** First and last day of the period, YYYY-MM-DD (local dates). */
  from: string;
  to: string;
  /** What the figures are grouped by. */
  by: (typeof STAT_DIMENSIONS)[number];
}

/** First-contact resolution figures over a period, one row per group; asked only while the period is valid. */
export function useContactStats({ from, to, by }: ContactStatsQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['contacts', 'stats', from, to, by],
    queryFn: async () =>
      (await api<ListResponse<ContactStatRow>>('/api/contacts/stats', { query: { from, to, by } })).items,
    enabled,
  });
}
