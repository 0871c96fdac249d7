/**
 * What leaves Voordeur by itself: notifications (email, SMS) and CloudEvents over signed webhooks
 * (ADR 0005). The delivery log, the dev mailbox and the webhook subscriptions; shared by API and web app.
 */
import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { LOCALES } from './roles.ts';

/** post: a printed letter, for a person without an email address (see the letters below). */
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'post'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * How a message to a person goes out: by email when an address is known (unless they asked for letters), else as
 * a printed letter when a postal address is known; with neither, nobody is told.
 */
export const PERSON_CHANNELS = ['email', 'post'] as const;
export type PersonChannel = (typeof PERSON_CHANNELS)[number];
export const PERSON_REACH = [...PERSON_CHANNELS, 'none'] as const;
export type PersonReach = (typeof PERSON_REACH)[number];

/** queued: waiting for (another) attempt; sent; failed: given up; bounced: the mail server refused it for good. */
export const NOTIFICATION_STATUSES = ['queued', 'sent', 'failed', 'bounced'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['queued', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * CloudEvent types of case changes, sent to subscriptions that ask for them: the `type` attribute is
 * `nl.voordeur.case.<type>`.
 */
export const CASE_EVENT_TYPES = [
  'created',
  'status_changed',
  'assigned',
  'note_added',
  'message_sent',
  'message_received',
  'suspended',
  'resumed',
  'extended',
  'breached',
  'warned',
  'closed',
  'reopen_requested',
  'linked',
  'attachment_added',
  'complaint_updated',
] as const;

export const WEBHOOK_LIMITS = {
  nameMax: 100,
  urlMax: 2000,
  eventTypesMax: 32,
  eventTypeMax: 100,
} as const;

const limit = z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault);

// ---- notifications ------------------------------------------------------------------------------------------

export const notificationSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid().nullable(),
    kind: z.string().meta({ description: 'status, message, acknowledgement, decision, warning, breach, …' }),
    audience: z.enum(['person', 'staff']),
    channel: z.enum(NOTIFICATION_CHANNELS),
    recipient: z.string(),
    recipientName: z.string().nullable(),
    language: z.enum(LOCALES),
    subject: z.string(),
    status: z.enum(NOTIFICATION_STATUSES),
    attempts: z.number().int().meta({ description: 'Delivery attempts made so far.' }),
    lastError: z.string().nullable().meta({ description: 'Why the last attempt failed, if it did.' }),
    messageId: z.string().meta({
      description: 'The Message-ID header; the same on every attempt, so a receiver can drop a repeat.',
    }),
    keptInMailbox: z.boolean().meta({
      description:
        'Sent to the dev mailbox only: no mail server was configured (SMTP_URL), so the message never left Voordeur.',
    }),
    sentAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    sentBy: z
      .string()
      .nullable()
      .meta({ description: 'A letter (channel post): who marked it as sent by post; sentAt says when.' }),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;

export const notificationDetailSchema = notificationSchema
  .extend({ body: z.string() })
  .meta({ id: 'NotificationDetail' });
export type NotificationDetail = z.infer<typeof notificationDetailSchema>;

export const notificationQuerySchema = z.strictObject({
  caseId: z.uuid().optional(),
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  channel: z.enum(NOTIFICATION_CHANNELS).optional(),
  limit,
  before: z.uuid().optional().meta({ description: 'Cursor: notifications created before this one.' }),
});
export type NotificationQuery = z.infer<typeof notificationQuerySchema>;

/** The body of a retry (`{}` when there is nothing to say). */
export const notificationRetrySchema = z.strictObject({
  note: z.string().trim().max(500).optional().meta({
    description: 'Why it is sent again (e.g. "address checked by phone"); kept in the audit trail.',
  }),
});

export const mailboxQuerySchema = z.strictObject({ limit });

// ---- letters --------------------------------------------------------------------------------------------------

/** to_send: printed and posted by nobody yet; sent: a staff member marked it as sent by post. */
export const LETTER_STATES = ['to_send', 'sent'] as const;
export type LetterState = (typeof LETTER_STATES)[number];

export const letterSchema = z
  .object({
    id: z.uuid().meta({ description: 'The notification (channel post) that is this letter.' }),
    caseId: z.uuid().nullable(),
    reference: z.string().meta({ description: 'The person’s case reference, printed on the letter.' }),
    kind: z.string().meta({ description: 'acknowledgement, status, message, decision, …' }),
    recipientName: z.string().nullable(),
    address: z.array(z.string()).meta({ description: 'The postal address as printed, line by line.' }),
    language: z.enum(LOCALES),
    subject: z.string(),
    state: z.enum(LETTER_STATES),
    senderAddressMissing: z.boolean().meta({
      description:
        'The organisation had no postal address in its case settings (letterhead) when the letter was written: it is printed without a return address.',
    }),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    sentBy: z.string().nullable().meta({ description: 'Who marked it as sent by post.' }),
  })
  .meta({ id: 'Letter' });
export type Letter = z.infer<typeof letterSchema>;

export const letterQuerySchema = z.strictObject({
  state: z
    .enum(LETTER_STATES)
    .default('to_send')
    .meta({ description: 'to_send: oldest first (the post queue); sent: most recently sent first.' }),
  limit,
});
export type LetterQuery = z.infer<typeof letterQuerySchema>;

/** The body of "sent by post": `{}`. Marking a letter that is already sent changes nothing (idempotent). */
export const letterSentSchema = z.strictObject({});

// ---- webhooks -----------------------------------------------------------------------------------------------

const webhookName = z.string().trim().min(1).max(WEBHOOK_LIMITS.nameMax);
const webhookUrl = z
  .string()
  .trim()
  .min(1)
  .max(WEBHOOK_LIMITS.urlMax)
  .meta({ description: 'http:// or https:// address that receives the events (POST).' });
const eventTypes = z
  .array(z.string().trim().min(1).max(WEBHOOK_LIMITS.eventTypeMax))
  .max(WEBHOOK_LIMITS.eventTypesMax)
  .meta({ description: 'CloudEvent types to send, e.g. "nl.voordeur.case.created"; empty: all.' });

export const webhookSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    active: z.boolean(),
    version: z.number().int().meta({ description: 'Send back on update (optimistic locking).' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookCreatedSchema = webhookSchema
  .extend({
    secret: z.string().meta({
      description:
        'The signing secret ("whsec_" + base64); shown once, never again. Verify webhook-signature with it.',
    }),
  })
  .meta({ id: 'WebhookCreated' });

export const webhookCreateSchema = z.strictObject({
  name: webhookName,
  url: webhookUrl,
  eventTypes: eventTypes.default([]),
  active: z.boolean().default(true),
});
export type WebhookCreate = z.infer<typeof webhookCreateSchema>;

export const webhookUpdateSchema = z.strictObject({
  name: webhookName.optional(),
  url: webhookUrl.optional(),
  eventTypes: eventTypes.optional(),
  active: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type WebhookUpdate = z.infer<typeof webhookUpdateSchema>;

/** The body of a test request: `{}` (no fields yet). */
export const webhookTestSchema = z.strictObject({});

/** One delivery of one webhook. */
export const webhookDeliveryParamsSchema = z.strictObject({ id: z.uuid(), deliveryId: z.uuid() });

/** The body of a retry: `{}` (no fields yet). */
export const webhookRetrySchema = z.strictObject({});

export const webhookDeliverySchema = z
  .object({
    id: z.uuid().meta({ description: 'Sent as the webhook-id header; the same on every attempt.' }),
    eventId: z.string(),
    eventType: z.string(),
    caseId: z.uuid().nullable(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.number().int(),
    responseStatus: z.number().int().nullable().meta({ description: 'HTTP status of the last attempt.' }),
    lastError: z.string().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    event: z.record(z.string(), z.unknown()).meta({ description: 'The CloudEvent as it is sent.' }),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryQuerySchema = z.strictObject({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  limit,
});
