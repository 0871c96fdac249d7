import type { Webhook, WebhookDelivery, WebhookDeliveryStatus } from '@voordeur/shared';
import type { DeliveryRow, SubscriptionRow } from './webhooks.queries.ts';

/** A subscription as it leaves the server: never its secret. */
export function presentWebhook(s: SubscriptionRow): Webhook {
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    eventTypes: s.eventTypes,
    active: s.active,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function presentDelivery(d: DeliveryRow): WebhookDelivery {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType,
    caseId: d.caseId,
    status: d.status as WebhookDeliveryStatus,
    attempts: d.attempts,
    responseStatus: d.responseStatus,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    event: d.event as Record<string, unknown>,
  };
}
