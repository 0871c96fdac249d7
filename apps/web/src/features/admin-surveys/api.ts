import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Survey, SurveyDefinition, SurveySettings } from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

const surveysKey = ['surveys'] as const;
const settingsKey = ['survey-settings'] as const;

export function useSurveys() {
  return useQuery({
    queryKey: surveysKey,
    queryFn: async () => (await api<ListResponse<Survey>>('/api/surveys')).items,
  });
}

/** Creates a survey (no `version`) or saves the draft of an existing one. */
export function useSaveSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ definition, version }: { definition: SurveyDefinition; version?: number | undefined }) =>
      version === undefined
        ? api<Survey>('/api/surveys', { method: 'POST', body: { definition } })
        : api<Survey>(`/api/surveys/${encodeURIComponent(definition.code)}/draft`, {
            method: 'PUT',
            body: { definition, version },
          }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveysKey }),
  });
}

export function usePublishSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, version }: { code: string; version: number }) =>
      api<Survey>(`/api/surveys/${encodeURIComponent(code)}/publish`, { method: 'POST', body: { version } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surveysKey }),
  });
}

export interface SettingsReply {
  settings: SurveySettings;
  version: number;
}

export function useSurveySettings() {
  return useQuery({ queryKey: settingsKey, queryFn: () => api<SettingsReply>('/api/survey-settings') });
}

export function useSaveSurveySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsReply) => api<SettingsReply>('/api/survey-settings', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}
