import { randomUUID } from 'node:crypto';
import type { Db } from '@voordeur/db';
import type { FieldError, WebhookCreate, WebhookDeliveryStatus, WebhookUpdate } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { enqueueJobs } from '../../platform/outbox.ts';
import { encryptIdentifier } from '../../platform/personal-data.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { webhookJob } from './webhooks.deliver.ts';
import { webhookErrors } from './webhooks.errors.ts';
import { webhooksPolicy } from './webhooks.policy.ts';
import { CASE_EVENT_TYPES, eventTypeName } from './webhooks.publish.ts';
import * as q from './webhooks.queries.ts';
import { generateWebhookSecret } from './webhooks.signing.ts';

/** The CloudEvent types a subscription may ask for. */
export const SUBSCRIBABLE_EVENT_TYPES: readonly string[] = CASE_EVENT_TYPES.map(eventTypeName);
/** The type of the event `POST /api/webhooks/{id}/test` sends. */
export const TEST_EVENT_TYPE = 'nl.voordeur.webhook.test';

/** Rules the shared schema cannot check: the URL's scheme and shape, and the event types Voordeur knows. */
function validate(input: { url?: string | undefined; eventTypes?: string[] | undefined }) {
  const errs: FieldError[] = [];
  if (input.url !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(input.url);
    } catch {
      errs.push({ field: 'url', message: 'Not a URL', code: 'not_a_url' });
    }
    if (url && url.protocol !== 'http:' && url.protocol !== 'https:')
      errs.push({ field: 'url', message: 'Must be http:// or https://', code: 'url_scheme' });
    else if (url && (url.username || url.password))
      errs.push({ field: 'url', message: 'Must not contain credentials', code: 'url_credentials' });
    else if (url?.hash)
      errs.push({ field: 'url', message: 'Must not contain a #fragment', code: 'url_fragment' });
  }
  input.eventTypes?.forEach((t, i) => {
    if (!SUBSCRIBABLE_EVENT_TYPES.includes(t))
      errs.push({
        field: `eventTypes.${i}`,
        message: `Unknown event type; one of ${SUBSCRIBABLE_EVENT_TYPES.join(', ')}`,
        code: 'unknown_event_type',
      });
  });
  if (errs.length) throw webhookErrors.invalid(errs);
}

/** What the audit trail keeps of a subscription (never the secret). */
const auditable = (s: { name: string; url: string; eventTypes: string[]; active: boolean }) => ({
  name: s.name,
  url: s.url,
  eventTypes: s.eventTypes,
  active: s.active,
});

export async function listWebhooks(db: Db, ctx: Ctx) {
  authorize(ctx.actor, webhooksPolicy.manage);
  return q.listSubscriptions(db, ctx.actor.organisationId);
}

export async function getWebhook(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, webhooksPolicy.manage);
  const found = await q.findSubscription(db, ctx.actor.organisationId, id);
  if (!found) throw errors.notFound('webhook');
  return found;
}

/** Creates a subscription with a new signing secret, which is returned this once and stored encrypted. */
export async function createWebhook(db: Db, ctx: Ctx, input: WebhookCreate) {
  authorize(ctx.actor, webhooksPolicy.manage);
  validate(input);
  const organisationId = ctx.actor.organisationId;
  const secret = generateWebhookSecret();
  const eventTypes = [...new Set(input.eventTypes)];
  return db.transaction(async (tx) => {
    const [row] = await q.insertSubscription(tx, {
      organisationId,
      name: input.name,
      url: input.url,
      eventTypes,
      active: input.active,
      secretEncrypted: encryptIdentifier(secret),
    });
    await recordAudit(tx, ctx, {
      entityType: 'webhook',
      entityId: row!.id,
      action: 'created',
      after: auditable(row!),
    });
    return { ...row!, secret };
  });
}

export async function updateWebhook(db: Db, ctx: Ctx, id: string, input: WebhookUpdate) {
  authorize(ctx.actor, webhooksPolicy.manage);
  validate(input);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const before = await q.findSubscription(tx, organisationId, id);
    if (!before) throw errors.notFound('webhook');
    const { version, ...values } = input;
    const changes = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    if (changes.eventTypes) changes.eventTypes = [...new Set(changes.eventTypes as string[])];
    const after = await q.updateSubscription(tx, organisationId, id, version, changes);
    if (!after) throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'webhook',
      entityId: id,
      action: 'updated',
      before: auditable(before),
      after: auditable(after),
    });
    return after;
  });
}

export async function deleteWebhook(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, webhooksPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  await db.transaction(async (tx) => {
    const before = await q.findSubscription(tx, organisationId, id);
    if (!before) throw errors.notFound('webhook');
    await q.deleteSubscription(tx, organisationId, id);
    await recordAudit(tx, ctx, {
      entityType: 'webhook',
      entityId: id,
      action: 'deleted',
      before: auditable(before),
    });
  });
}

export async function listDeliveries(
  db: Db,
  ctx: Ctx,
  id: string,
  filter: { status?: WebhookDeliveryStatus | undefined; limit: number },
) {
  const sub = await getWebhook(db, ctx, id);
  return q.listDeliveries(db, ctx.actor.organisationId, sub.id, filter);
}

/** Queues a `nl.voordeur.webhook.test` CloudEvent to this subscription only, whatever types it asks for. */
export async function testWebhook(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, webhooksPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const sub = await q.findSubscription(tx, organisationId, id);
    if (!sub) throw errors.notFound('webhook');
    if (!sub.active) throw webhookErrors.inactive();
    const event = {
      specversion: '1.0',
      id: randomUUID(),
      source: `/organisations/${organisationId}/webhooks`,
      type: TEST_EVENT_TYPE,
      subject: sub.id,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data: { webhookId: sub.id, name: sub.name, message: 'A test event from Voordeur.' },
    };
    const [delivery] = await q.insertDelivery(tx, {
      organisationId,
      subscriptionId: sub.id,
      eventId: event.id,
      eventType: TEST_EVENT_TYPE,
      caseId: null,
      event,
    });
    await enqueueJobs(tx, [webhookJob.of(organisationId, { deliveryId: delivery!.id })]);
    await recordAudit(tx, ctx, {
      entityType: 'webhook',
      entityId: sub.id,
      action: 'test_queued',
      after: { deliveryId: delivery!.id },
    });
    return delivery!;
  });
}

/**
 * Sends a failed delivery again: back to 'queued' with a new outbox job (a new round of attempts with backoff),
 * in one transaction with its audit event. Refused for an inactive webhook, which would receive nothing.
 */
export async function retryDelivery(db: Db, ctx: Ctx, id: string, deliveryId: string) {
  authorize(ctx.actor, webhooksPolicy.manage);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const sub = await q.findSubscription(tx, organisationId, id);
    if (!sub) throw errors.notFound('webhook');
    const before = await q.findDelivery(tx, organisationId, deliveryId);
    if (before?.subscriptionId !== sub.id) throw errors.notFound('webhook delivery');
    if (!sub.active) throw webhookErrors.inactive();
    if (!(await q.requeueDelivery(tx, organisationId, sub.id, deliveryId)))
      throw webhookErrors.notRetryable(before.status);
    await enqueueJobs(tx, [webhookJob.of(organisationId, { deliveryId })]);
    await recordAudit(tx, ctx, {
      entityType: 'webhook',
      entityId: sub.id,
      action: 'retry_requested',
      before: { deliveryId, status: before.status, lastError: before.lastError },
      after: { deliveryId, status: 'queued' },
    });
    return (await q.findDelivery(tx, organisationId, deliveryId))!;
  });
}
