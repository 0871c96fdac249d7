import { useMutation, useQuery } from '@tanstack/react-query';
import type { PortalItem, PortalReportBody, PortalReportResult, PortalUploadResult } from '@voordeur/shared';
import { api } from '../../api/client.ts';

const base = (slug: string) => `/api/portal/${encodeURIComponent(slug)}`;

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
