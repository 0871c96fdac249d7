import { type Db, webhookDelivery, webhookSubscription } from '@voordeur/db';
import type { WebhookDeliveryStatus } from '@voordeur/shared';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';

/** Every column but the secret, which leaves this module only to sign a request. */
const subscription = {
  id: webhookSubscription.id,
  name: webhookSubscription.name,
  url: webhookSubscription.url,
  eventTypes: webhookSubscription.eventTypes,
  active: webhookSubscription.active,
  version: webhookSubscription.version,
  createdAt: webhookSubscription.createdAt,
  updatedAt: webhookSubscription.updatedAt,
};

export type SubscriptionRow = NonNullable<Awaited<ReturnType<typeof findSubscription>>>;

export function listSubscriptions(db: Db, organisationId: string) {
  return db
    .select(subscription)
    .from(webhookSubscription)
    .where(eq(webhookSubscription.organisationId, organisationId))
    .orderBy(webhookSubscription.name, webhookSubscription.id);
}

export function findSubscription(db: Db, organisationId: string, id: string) {
  return db
    .select(subscription)
    .from(webhookSubscription)
    .where(and(eq(webhookSubscription.organisationId, organisationId), eq(webhookSubscription.id, id)))
    .then((r) => r[0]);
}

/** The subscription with its encrypted secret, for signing a delivery. */
export function findSubscriptionForDelivery(db: Db, organisationId: string, id: string) {
  return db
    .select({
      id: webhookSubscription.id,
      url: webhookSubscription.url,
      active: webhookSubscription.active,
      secretEncrypted: webhookSubscription.secretEncrypted,
    })
    .from(webhookSubscription)
    .where(and(eq(webhookSubscription.organisationId, organisationId), eq(webhookSubscription.id, id)))
    .then((r) => r[0]);
}

export function insertSubscription(db: Db, values: typeof webhookSubscription.$inferInsert) {
  return db.insert(webhookSubscription).values(values).returning(subscription);
}

/** Updates only when the version still matches (optimistic locking); returns the updated row or nothing. */
export function updateSubscription(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  values: Partial<Pick<typeof webhookSubscription.$inferInsert, 'name' | 'url' | 'eventTypes' | 'active'>>,
) {
  return db
    .update(webhookSubscription)
    .set({ ...values, version: sql`${webhookSubscription.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(webhookSubscription.organisationId, organisationId),
        eq(webhookSubscription.id, id),
        eq(webhookSubscription.version, version),
      ),
    )
    .returning(subscription)
    .then((r) => r[0]);
}

/** Removes the subscription and (by the foreign key) its delivery log; queued jobs then find nothing to do. */
export function deleteSubscription(db: Db, organisationId: string, id: string) {
  return db
    .delete(webhookSubscription)
    .where(and(eq(webhookSubscription.organisationId, organisationId), eq(webhookSubscription.id, id)))
    .returning({ id: webhookSubscription.id })
    .then((r) => r[0]);
}

const delivery = {
  id: webhookDelivery.id,
  subscriptionId: webhookDelivery.subscriptionId,
  eventId: webhookDelivery.eventId,
  eventType: webhookDelivery.eventType,
  caseId: webhookDelivery.caseId,
  event: webhookDelivery.event,
  status: webhookDelivery.status,
  attempts: webhookDelivery.attempts,
  responseStatus: webhookDelivery.responseStatus,
  lastError: webhookDelivery.lastError,
  deliveredAt: webhookDelivery.deliveredAt,
  createdAt: webhookDelivery.createdAt,
  updatedAt: webhookDelivery.updatedAt,
};

export type DeliveryRow = NonNullable<Awaited<ReturnType<typeof findDelivery>>>;

export function listDeliveries(
  db: Db,
  organisationId: string,
  subscriptionId: string,
  filter: { status?: WebhookDeliveryStatus | undefined; limit: number },
) {
  const where: SQL[] = [
    eq(webhookDelivery.organisationId, organisationId),
    eq(webhookDelivery.subscriptionId, subscriptionId),
  ];
  if (filter.status) where.push(eq(webhookDelivery.status, filter.status));
  return db
    .select(delivery)
    .from(webhookDelivery)
    .where(and(...where))
    .orderBy(desc(webhookDelivery.createdAt), desc(webhookDelivery.id))
    .limit(filter.limit);
}

export function findDelivery(db: Db, organisationId: string, id: string) {
  return db
    .select(delivery)
    .from(webhookDelivery)
    .where(and(eq(webhookDelivery.organisationId, organisationId), eq(webhookDelivery.id, id)))
    .then((r) => r[0]);
}

export function insertDelivery(db: Db, values: typeof webhookDelivery.$inferInsert) {
  return db.insert(webhookDelivery).values(values).returning(delivery);
}

/** Records one attempt on a delivery that is still queued; returns whether it changed the row. */
export async function recordAttempt(
  db: Db,
  organisationId: string,
  id: string,
  values: {
    status: WebhookDeliveryStatus;
    responseStatus: number | null;
    lastError: string | null;
    counts?: boolean;
  },
) {
  const rows = await db
    .update(webhookDelivery)
    .set({
      status: values.status,
      responseStatus: values.responseStatus,
      lastError: values.lastError,
      updatedAt: sql`now()`,
      ...(values.counts === false ? {} : { attempts: sql`${webhookDelivery.attempts} + 1` }),
      ...(values.status === 'delivered' ? { deliveredAt: sql`now()` } : {}),
    })
    .where(
      and(
        eq(webhookDelivery.organisationId, organisationId),
        eq(webhookDelivery.id, id),
        eq(webhookDelivery.status, 'queued'),
      ),
    )
    .returning({ id: webhookDelivery.id });
  return rows.length > 0;
}

/**
 * Puts a failed delivery back in the queue for a new round of attempts; returns whether it did (only a failed
 * one of this subscription). Its id, and so the webhook-id header a receiver drops repeats by, stays the same.
 */
export async function requeueDelivery(db: Db, organisationId: string, subscriptionId: string, id: string) {
  const rows = await db
    .update(webhookDelivery)
    .set({ status: 'queued', updatedAt: sql`now()` })
    .where(
      and(
        eq(webhookDelivery.organisationId, organisationId),
        eq(webhookDelivery.subscriptionId, subscriptionId),
        eq(webhookDelivery.id, id),
        eq(webhookDelivery.status, 'failed'),
      ),
    )
    .returning({ id: webhookDelivery.id });
  return rows.length > 0;
}
