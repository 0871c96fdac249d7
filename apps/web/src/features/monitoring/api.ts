import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  KpiBreakdownRow,
  KpiCode,
  KpiDefinition,
  KpiSeriesPoint,
  KpiValue,
  MetricDimension,
  MetricFilter,
  MetricGrain,
} from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

/** Words in both languages, as the API gives them. */
export interface Words {
  nl: string;
  en: string;
}

/** A KPI of the catalogue with its definition (`GET /api/metrics/kpis`), as the API's schema gives it. */
export type { KpiDefinition } from '@voordeur/shared';

export interface Overview {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  items: KpiValue[];
}

export interface Series {
  kpi: KpiCode;
  grain: MetricGrain;
  target: number | null;
  points: KpiSeriesPoint[];
}

export interface Breakdown {
  kpi: KpiCode;
  by: MetricDimension;
  rows: KpiBreakdownRow[];
}

/** A case or contact behind a number; no personal data. */
export interface DrillItem {
  id: string;
  reference?: string | null;
  subject: string;
  channel: string | null;
  team: string | null;
  item: string | null;
  openedAt: string;
  closedAt?: string | null;
  dueAt?: string | null;
  breachReason?: string | null;
  outcome?: string | null;
  /** A survey answer about a case: that case. */
  caseId?: string;
  grade?: number;
  effort?: number;
  solved?: boolean;
  /** A callback: still open, or done late. */
  state?: 'open' | 'done';
}

/** What a drill-down lists: cases, contacts, survey answers or callbacks. */
export type DrillKind = 'cases' | 'contacts' | 'responses' | 'callbacks';

export interface Drill {
  kind: DrillKind;
  items: DrillItem[];
  nextCursor: string | null;
}

export interface TopItem {
  itemId: string;
  code: string;
  name: string;
  count: number;
}

/** A segment's rule: every named key must match, any value within a key. */
export interface SegmentRule {
  customerKind?: string[];
  language?: string[];
  ageBand?: string[];
  area?: string[];
  channel?: string[];
}

export interface Segment {
  id: string;
  code: string;
  name: Words;
  rule: SegmentRule;
  version?: number;
}

/** The filter as query parameters: empty values left out. */
const query = (filter: MetricFilter, extra: Record<string, string | number | undefined> = {}) => {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...filter, ...extra }))
    if (value !== undefined && value !== '') out[key] = String(value);
  return out;
};

export function useKpis(enabled = true) {
  return useQuery({
    queryKey: ['metrics', 'kpis'],
    queryFn: async () => (await api<ListResponse<KpiDefinition>>('/api/metrics/kpis')).items,
    enabled,
    staleTime: 60_000,
  });
}

export function useOverview(filter: MetricFilter, codes: readonly KpiCode[] | undefined, enabled = true) {
  return useQuery({
    queryKey: ['metrics', 'overview', filter, codes],
    queryFn: () =>
      api<Overview>('/api/metrics/overview', { query: query(filter, { codes: codes?.join(',') }) }),
    enabled,
  });
}

export function useSeries(filter: MetricFilter, kpi: KpiCode, grain: MetricGrain, enabled = true) {
  return useQuery({
    queryKey: ['metrics', 'series', filter, kpi, grain],
    queryFn: () => api<Series>('/api/metrics/series', { query: query(filter, { kpi, grain }) }),
    enabled,
  });
}

export function useBreakdown(filter: MetricFilter, kpi: KpiCode, by: MetricDimension, enabled = true) {
  return useQuery({
    queryKey: ['metrics', 'breakdown', filter, kpi, by],
    queryFn: () => api<Breakdown>('/api/metrics/breakdown', { query: query(filter, { kpi, by }) }),
    enabled,
  });
}

export function useDrill(filter: MetricFilter, kpi: KpiCode, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['metrics', 'drill', filter, kpi],
    queryFn: ({ pageParam }) =>
      api<Drill>('/api/metrics/drill', { query: query(filter, { kpi, limit: 50, cursor: pageParam }) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** The address of the whole list as CSV (the server streams it; the browser downloads it). */
export const drillCsvHref = (filter: MetricFilter, kpi: KpiCode) =>
  `/api/metrics/drill/csv?${new URLSearchParams(query(filter, { kpi })).toString()}`;

export function useTop(filter: MetricFilter, kind: 'questions' | 'reports', enabled = true) {
  return useQuery({
    queryKey: ['metrics', 'top', filter, kind],
    queryFn: async () =>
      (await api<ListResponse<TopItem>>('/api/metrics/top', { query: query(filter, { kind, limit: 10 }) }))
        .items,
    enabled,
  });
}

export function useSegments(enabled = true) {
  return useQuery({
    queryKey: ['segments'],
    queryFn: async () => (await api<ListResponse<Segment>>('/api/segments')).items,
    enabled,
    staleTime: 60_000,
  });
}

export function useSetTarget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, target, version }: { code: KpiCode; target: number; version: number }) =>
      api<KpiDefinition>(`/api/metrics/targets/${encodeURIComponent(code)}`, {
        method: 'PUT',
        body: { target, version },
      }),
    onSuccess: (saved) => {
      // The new target and its version at once: a second change right after the first sends the version it needs.
      client.setQueryData<KpiDefinition[]>(['metrics', 'kpis'], (list) =>
        list?.map((k) => (k.code === saved.code ? saved : k)),
      );
      return client.invalidateQueries({ queryKey: ['metrics'] });
    },
  });
}

export interface SegmentInput {
  code: string;
  name: Words;
  rule: SegmentRule;
}

export function useSaveSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SegmentInput & { id?: string }) =>
      id
        ? api<Segment>(`/api/segments/${encodeURIComponent(id)}`, { method: 'PUT', body })
        : api<Segment>('/api/segments', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['segments'] }),
  });
}

export function useDeleteSegment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<unknown>(`/api/segments/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['segments'] }),
  });
}
