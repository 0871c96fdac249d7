import { useInfiniteQuery } from '@tanstack/react-query';
import { type AuditEvent, LIMITS } from '@voordeur/shared';
import { api } from '../../api/client.ts';

/** Filters as the API takes them (from/to already ISO datetimes). */
export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
  /** What to call the records the events name, by id: a case's reference, a user's or team's name. */
  labels: Record<string, string>;
}

/** Audit events, newest first, a page at a time ("load more" passes `nextCursor` as `before`). */
export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit-events', filters],
    queryFn: ({ pageParam, signal }) =>
      api<AuditPage>('/api/audit-events', {
        query: { ...filters, limit: LIMITS.pageSizeDefault, before: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
