import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Callback, CallbackResult } from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';
import { callbacksKey } from '../workspace/index.ts';

export interface CallbackFilters {
  teamId?: string;
  overdue?: 'true' | '';
}

/** Open callback requests, oldest due first (the API's order). */
export function useCallbacks(filters: CallbackFilters) {
  return useQuery({
    queryKey: [...callbacksKey, filters],
    queryFn: async () =>
      (await api<ListResponse<Callback>>('/api/callbacks', { query: { state: 'open', ...filters } })).items,
  });
}

export function useCallbackAttempt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; result: CallbackResult; note?: string }) =>
      api<Callback>(`/api/callbacks/${encodeURIComponent(id)}/attempts`, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: callbacksKey }),
  });
}
