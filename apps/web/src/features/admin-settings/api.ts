import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseSettings,
  FrontOfficeSettings,
  MessageTemplate,
  Webhook,
  WebhookCreate,
  WebhookDelivery,
  WebhookUpdate,
} from '@voordeur/shared';
import { api, type ListResponse } from '../../api/client.ts';

// The same keys the case page and the queue read these by, so a change here shows there at once.
const caseSettingsKey = ['case-settings'] as const;
const templatesKey = ['message-templates'] as const;
const frontOfficeKey = ['front-office-settings'] as const;
const webhooksKey = ['webhooks'] as const;
const deliveriesKey = (id: string) => ['webhooks', id, 'deliveries'] as const;

// ---- webhooks --------------------------------------------------------------------------------------------

/** A new webhook with its signing secret; the API shows the secret only in this answer. */
export type CreatedWebhook = Webhook & { secret: string };

export function useWebhooks() {
  return useQuery({
    queryKey: webhooksKey,
    queryFn: async () => (await api<ListResponse<Webhook>>('/api/webhooks')).items,
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookCreate) => api<CreatedWebhook>('/api/webhooks', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: WebhookUpdate & { id: string }) =>
      api<Webhook>(`/api/webhooks/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

/** The delivery log of one webhook, newest first. */
export function useDeliveries(id: string) {
  return useQuery({
    queryKey: deliveriesKey(id),
    queryFn: async () =>
      (
        await api<ListResponse<WebhookDelivery>>(
          `/api/webhooks/${encodeURIComponent(id)}/deliveries?limit=50`,
        )
      ).items,
    // What waits in the queue is sent in the background: look again until it is settled.
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === 'queued') ? 2_000 : false),
  });
}

/** Queue a test event to the webhook; it shows in the delivery log. */
export function useTestWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<WebhookDelivery>(`/api/webhooks/${encodeURIComponent(id)}/test`, { method: 'POST', body: {} }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: deliveriesKey(id) }),
  });
}

/** Send a failed delivery again. */
export function useRetryDelivery(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      api<WebhookDelivery>(
        `/api/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/retry`,
        { method: 'POST', body: {} },
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: deliveriesKey(id) }),
  });
}

// ---- message templates -----------------------------------------------------------------------------------

export function useTemplates() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: () => api<MessageTemplate[]>('/api/message-templates'),
  });
}

export interface TemplateInput {
  key: string;
  name: string;
  subject: { nl: string; en: string };
  body: { nl: string; en: string };
  version?: number | undefined;
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, ...body }: TemplateInput) =>
      api<MessageTemplate>(`/api/message-templates/${encodeURIComponent(key)}`, { method: 'PUT', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: templatesKey }),
  });
}

// ---- case settings and front-office settings -------------------------------------------------------------

export function useCaseSettingsAdmin() {
  return useQuery({
    queryKey: caseSettingsKey,
    queryFn: () => api<CaseSettings>('/api/case-settings'),
  });
}

export function useSaveCaseSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseSettings) => api<CaseSettings>('/api/case-settings', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(caseSettingsKey, saved),
  });
}

export function useFrontOfficeSettings() {
  return useQuery({
    queryKey: frontOfficeKey,
    queryFn: () => api<FrontOfficeSettings>('/api/front-office/settings'),
  });
}

export function useSaveFrontOfficeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FrontOfficeSettings) =>
      api<FrontOfficeSettings>('/api/front-office/settings', { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(frontOfficeKey, saved);
      // Customers' areas are derived again from the new postcode ranges.
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
