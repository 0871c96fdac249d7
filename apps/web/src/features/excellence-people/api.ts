import { useQuery } from '@tanstack/react-query';
import type {
  ImprovementSummary,
  PulseAnswerInput,
  PulseCurrent,
  PulsePeriod,
  PulseRound,
  PulseRoundResult,
  TeamPage,
  TeamPages,
} from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';
import { useRefreshingMutation } from '../../lib/useRefreshingMutation.ts';

export function usePulseCurrent() {
  return useQuery({ queryKey: ['pulse', 'current'], queryFn: () => api<PulseCurrent>('/api/pulse/current') });
}

export function usePulseResults(enabled: boolean) {
  return useQuery({
    queryKey: ['pulse', 'results'],
    queryFn: () => api<ListResponse<PulseRoundResult>>('/api/pulse/results'),
    enabled,
  });
}

export const useAnswerPulse = () =>
  useRefreshingMutation(
    ({ roundId, body }: { roundId: string; body: PulseAnswerInput }) =>
      api<void>(`/api/pulse/rounds/${roundId}/answers`, { method: 'POST', body }),
    ['pulse'],
  );

export const useCreateRound = () =>
  useRefreshingMutation(
    (body: { period: PulsePeriod; startsOn: string }) =>
      api<PulseRound>('/api/pulse/rounds', { method: 'POST', body }),
    ['pulse'],
  );

export const useCloseRound = () =>
  useRefreshingMutation(
    (roundId: string) => api<PulseRound>(`/api/pulse/rounds/${roundId}/close`, { method: 'POST', body: {} }),
    ['pulse'],
  );

export function useTeamPages() {
  return useQuery({ queryKey: ['team-pages'], queryFn: () => api<TeamPages>('/api/team-pages') });
}

export function useTeamPage(teamId: string) {
  return useQuery({
    queryKey: ['team-pages', teamId],
    queryFn: () =>
      api<TeamPage & { improvements: ImprovementSummary[] }>(`/api/team-pages/${encodeURIComponent(teamId)}`),
  });
}
