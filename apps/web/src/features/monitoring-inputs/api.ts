import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Channel,
  CostToServe,
  MysteryAnswer,
  MysteryCheck,
  MysteryPoint,
  MysterySummaryRow,
  UnitCost,
  WaitingFigure,
  WaitingImport,
  WaitingImportReport,
} from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

export interface Period {
  /** First and last day, YYYY-MM-DD (local dates). */
  from: string;
  to: string;
}

// ---- waiting ----

export function useWaitingFigures(period: Period, by: 'day' | 'queue', enabled: boolean) {
  return useQuery({
    queryKey: ['waiting', 'figures', period.from, period.to, by],
    queryFn: async () =>
      (await api<ListResponse<WaitingFigure>>('/api/waiting/figures', { query: { ...period, by } })).items,
    enabled,
  });
}

export function useWaitingImports() {
  return useQuery({
    queryKey: ['waiting', 'imports'],
    queryFn: async () => (await api<ListResponse<WaitingImport>>('/api/waiting/imports')).items,
  });
}

/** Sends a CSV file as it is; the server checks every line. */
export function useWaitingImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      api<WaitingImportReport>('/api/waiting/import', {
        method: 'POST',
        body: await file.text(),
        contentType: 'text/csv',
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['waiting'] }),
  });
}

// ---- costs ----

export function useUnitCosts() {
  return useQuery({
    queryKey: ['costs', 'unit-costs'],
    queryFn: async () => (await api<ListResponse<UnitCost>>('/api/costs/unit-costs')).items,
  });
}

export function useSaveUnitCosts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: { channel: Channel; cents: number; version: number }[]) =>
      api<ListResponse<UnitCost>>('/api/costs/unit-costs', { method: 'PUT', body: { items } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['costs'] }),
  });
}

export function useCostToServe(period: Period, enabled: boolean) {
  return useQuery({
    queryKey: ['costs', 'cost-to-serve', period.from, period.to],
    queryFn: () => api<CostToServe>('/api/costs/cost-to-serve', { query: { ...period } }),
    enabled,
  });
}

// ---- mystery ----

export function useChecklist() {
  return useQuery({
    queryKey: ['mystery', 'checklist'],
    queryFn: async () => (await api<ListResponse<MysteryPoint>>('/api/mystery/checklist')).items,
  });
}

export function useAddPoint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { channel: Channel; label: { nl: string; en?: string } }) =>
      api<MysteryPoint>('/api/mystery/points', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['mystery'] }),
  });
}

export function useMysteryResults(period: Period, enabled: boolean) {
  return useQuery({
    queryKey: ['mystery', 'results', period.from, period.to],
    queryFn: () =>
      api<{ items: MysteryCheck[]; summary: MysterySummaryRow[] }>('/api/mystery/results', {
        query: { ...period },
      }),
    enabled,
  });
}

export function useRecordCheck() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      date: string;
      channel: Channel;
      answers: Record<string, MysteryAnswer>;
      note: string;
    }) => api<MysteryCheck>('/api/mystery/checks', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['mystery'] }),
  });
}
