import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type {
  PortalHome,
  PortalItem,
  PortalReportBody,
  PortalReportResult,
  PortalUploadResult,
  SearchHit,
} from '@voordeur/shared';
import { api } from '../../api/client.ts';

const base = (slug: string) => `/api/portal/${encodeURIComponent(slug)}`;

/** The public home's most asked services. */
export function usePortalHome(slug: string) {
  return useQuery({
    queryKey: ['portal', slug, 'home'],
    queryFn: () => api<PortalHome>(`${base(slug)}/home`),
  });
}

/**
 * An item's public page. Not cached across visits: it carries the form token, whose moment starts the time trap
 * of the report form.
 */
export function usePortalItem(slug: string, code: string) {
  return useQuery({
    queryKey: ['portal', slug, 'item', code],
    queryFn: () => api<PortalItem>(`${base(slug)}/items/${encodeURIComponent(code)}`),
    staleTime: 60 * 60_000,
  });
}

/** Shortest text the public search takes. */
export const PUBLIC_SEARCH_MIN = 2;

/** The same search the agents use, over the public catalogue and public articles only. */
export function usePublicSearch(slug: string, q: string) {
  return useQuery({
    queryKey: ['portal', slug, 'search', q],
    queryFn: ({ signal }) =>
      api<{ hits: SearchHit[]; didYouMean: string[] }>(
        `/api/public/organisations/${encodeURIComponent(slug)}/search`,
        { query: { q, limit: 10 }, signal },
      ),
    enabled: q.trim().length >= PUBLIC_SEARCH_MIN,
    placeholderData: keepPreviousData,
  });
}

/** Uploads the files first, one by one, then sends the report naming them. */
export function useSendReport(slug: string) {
  return useMutation({
    mutationFn: async ({
      body,
      files,
    }: {
      body: PortalReportBody;
      files: { field: string; file: File }[];
    }) => {
      const uploads: { field: string; id: string }[] = [];
      for (const { field, file } of files) {
        const form = new FormData();
        form.append('file', file, file.name);
        try {
          const up = await api<PortalUploadResult>(`${base(slug)}/uploads`, { method: 'POST', body: form });
          uploads.push({ field, id: up.id });
        } catch (error) {
          // The upload's problem names `file`; the form names the field the file was chosen in.
          throw Object.assign(error as object, { uploadField: field });
        }
      }
      return api<PortalReportResult>(`${base(slug)}/reports`, {
        method: 'POST',
        body: { ...body, uploads },
      });
    },
  });
}
