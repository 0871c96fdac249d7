import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Letter, LetterState } from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

const lettersKey = ['letters'] as const;

/** The PDF of a letter: a plain link (the session cookie goes along), downloaded by the browser. */
export const letterPdfUrl = (id: string) => `/api/letters/${encodeURIComponent(id)}.pdf`;

/** The post queue (to_send, oldest first) or the letters sent by post (latest first). */
export function useLetters(state: LetterState) {
  return useQuery({
    queryKey: [...lettersKey, state],
    queryFn: async () => (await api<ListResponse<Letter>>('/api/letters', { query: { state } })).items,
  });
}

/** "Verstuurd per post": records who and when; a letter marked already stays as it was. */
export function useMarkLetterSent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<Letter>(`/api/letters/${encodeURIComponent(id)}/sent`, { method: 'POST', body: {} }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: lettersKey });
      // The case pages' delivery logs show the letter's state too.
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
