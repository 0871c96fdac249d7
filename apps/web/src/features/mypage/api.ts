import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale, MyPage, ResidentChannel, ResidentConsentKind } from '@voordeur/shared';
import { api, isApiError } from '../../api/client.ts';

const base = (slug: string) => `/api/portal/${encodeURIComponent(slug)}/me`;
const key = (slug: string) => ['my-page', slug] as const;

/** My page of the signed-in resident; `null` when nobody is signed in (401). */
export function useMyPage(slug: string) {
  return useQuery({
    queryKey: key(slug),
    queryFn: async () => {
      try {
        return await api<MyPage>(base(slug));
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    retry: false,
  });
}

export function useRequestLink(slug: string) {
  return useMutation({
    mutationFn: (body: { email: string; language: Locale }) =>
      api<{ sent: true; minutes: number }>(`${base(slug)}/sign-in`, { method: 'POST', body, csrf: false }),
  });
}

/** A resident's change carries the resident session's CSRF token (from My page), never the staff one. */
const write = (page: MyPage) => ({ csrf: false, headers: { 'x-csrf-token': page.csrfToken } });

export function useSavePreferences(slug: string, page: MyPage | null | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { channel: ResidentChannel; language: Locale }) =>
      api<void>(`${base(slug)}/preferences`, { method: 'PUT', body, ...write(page!) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(slug) }),
  });
}

export function useSaveConsent(slug: string, page: MyPage | null | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: ResidentConsentKind; granted: boolean }) =>
      api<void>(`${base(slug)}/consents`, { method: 'POST', body, ...write(page!) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(slug) }),
  });
}

export function useSignOut(slug: string, page: MyPage | null | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`${base(slug)}/sign-out`, { method: 'POST', ...write(page!) }),
    onSettled: () => queryClient.setQueryData(key(slug), null),
  });
}

/** Where the JSON download and the readable copy are. */
export const exportJsonUrl = (slug: string) => `${base(slug)}/export`;
export const exportPageUrl = (slug: string, language: Locale) =>
  `/p/${encodeURIComponent(slug)}/mijn/gegevens?lang=${language}`;
