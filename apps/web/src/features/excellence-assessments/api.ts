import { useQuery } from '@tanstack/react-query';
import type {
  AssessmentConsensusRow,
  AssessmentDetail,
  AssessmentModelSummary,
  AssessmentResults,
  AssessmentSummary,
} from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';
import { useRefreshingMutation } from '../../lib/useRefreshingMutation.ts';

const KEY = ['assessments'];

export const useAssessments = () =>
  useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: async () => (await api<ListResponse<AssessmentSummary>>('/api/assessments')).items,
  });

export const useModels = () =>
  useQuery({
    queryKey: [...KEY, 'models'],
    queryFn: async () => (await api<ListResponse<AssessmentModelSummary>>('/api/assessments/models')).items,
  });

export const usePeople = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'people'],
    queryFn: async () =>
      (await api<ListResponse<{ id: string; name: string }>>('/api/assessments/people')).items,
    enabled,
  });

export const useAssessment = (id: string) =>
  useQuery({ queryKey: [...KEY, id], queryFn: () => api<AssessmentDetail>(`/api/assessments/${id}`) });

export const useConsensus = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, id, 'consensus'],
    queryFn: async () =>
      (await api<ListResponse<AssessmentConsensusRow>>(`/api/assessments/${id}/consensus`)).items,
    enabled,
  });

export const useResults = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, id, 'results'],
    queryFn: () => api<AssessmentResults>(`/api/assessments/${id}/results`),
    enabled,
  });

/** Every change to an assessment refreshes everything of it (small documents). */
const useChange = <I, O>(fn: (input: I) => Promise<O>) => useRefreshingMutation(fn, KEY);

export const useStart = () =>
  useChange((body: { title: string; modelCode: string; referenceDate: string; raterIds: string[] }) =>
    api<{ id: string }>('/api/assessments', { method: 'POST', body }),
  );

export interface ScoreInput {
  elementCode: string;
  level: number | null;
  evidence: { text: string; kpis: string[]; documents: string[]; improvements: string[] };
}
export const useScore = (id: string) =>
  useChange(({ elementCode, ...body }: ScoreInput) =>
    api(`/api/assessments/${id}/scores/${elementCode}`, { method: 'PUT', body }),
  );

export const useSubmit = (id: string) =>
  useChange(() => api(`/api/assessments/${id}/submit`, { method: 'POST', body: {} }));

export const useStartConsensus = (id: string) =>
  useChange((version: number) =>
    api(`/api/assessments/${id}/consensus`, { method: 'POST', body: { version } }),
  );

export const useAgree = (id: string) =>
  useChange(
    ({ elementCode, ...body }: { elementCode: string; level: number; note: string; version: number }) =>
      api(`/api/assessments/${id}/consensus/${elementCode}`, { method: 'PUT', body }),
  );

export const useClose = (id: string) =>
  useChange((version: number) => api(`/api/assessments/${id}/close`, { method: 'POST', body: { version } }));

export const useCreateAction = (id: string) =>
  useChange((body: { elementCode: string; ownerId: string }) =>
    api<{ elementCode: string; improvementId: string }>(`/api/assessments/${id}/actions`, {
      method: 'POST',
      body,
    }),
  );
