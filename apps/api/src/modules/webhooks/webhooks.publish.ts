import { randomUUID } from 'node:crypto';
import { type Db, webhookDelivery, webhookSubscription } from '@voordeur/db';
import { CASE_EVENT_TYPES } from '@voordeur/shared';
import { and, eq } from 'drizzle-orm';
import { jobsWrite } from '../../platform/outbox.ts';
import { type Write, writeTogether } from '../../platform/writes.ts';
import { webhookJob } from './webhooks.deliver.ts';

export { CASE_EVENT_TYPES };
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];
export const eventTypeName = (t: CaseEventType) => `nl.voordeur.case.${t}`;

export interface CaseEventInput {
  organisationId: string;
  type: CaseEventType;
  caseId: string;
  reference: string;
  /** The event's number among all events of its case (1, 2, …; `case_file.event_sequence`). */
  sequence: number;
  time: Date;
  data: Record<string, unknown>;
}

/**
 * The CloudEvents `sequence` extension attribute: a string, compared as a string (CloudEvents sequence
 * extension), so zero-padded to ten digits — '0000000002' sorts before '0000000010' as 2 before 10.
 */
export const sequenceText = (n: number) => String(n).padStart(10, '0');

export interface ActiveSubscription {
  id: string;
  eventTypes: string[];
}

/** The organisation's active subscriptions: who hears of case changes. */
export function activeSubscriptions(tx: Db, organisationId: string): Promise<ActiveSubscription[]> {
  return tx
    .select({ id: webhookSubscription.id, eventTypes: webhookSubscription.eventTypes })
    .from(webhookSubscription)
    .where(and(eq(webhookSubscription.organisationId, organisationId), eq(webhookSubscription.active, true)));
}

/**
 * Publishes case changes as CloudEvents (spec 1.0, structured JSON) to every active subscription of the
 * organisation that wants the type: one `webhook_delivery` row (the log) and one outbox job per event and
 * subscription, in the caller's transaction. The worker signs and posts them.
 */
export async function publishCaseEvents(tx: Db, events: CaseEventInput[]) {
  if (!events.length) return;
  const subs = await activeSubscriptions(tx, events[0]!.organisationId);
  await writeTogether(tx, caseEventWrites(tx, events, subs));
}

/** The rows of {@link publishCaseEvents} for subscriptions already read, not yet sent: for `writeTogether`. */
export function caseEventWrites(tx: Db, events: CaseEventInput[], subs: ActiveSubscription[]): Write[] {
  if (!events.length || !subs.length) return [];
  const organisationId = events[0]!.organisationId;
  const rows: (typeof webhookDelivery.$inferInsert)[] = [];
  for (const e of events) {
    const type = eventTypeName(e.type);
    const cloudEvent = {
      specversion: '1.0',
      id: randomUUID(),
      source: `/organisations/${e.organisationId}/cases`,
      type,
      subject: e.reference,
      // Orders the events of one case (one subject); events of different cases are not ordered by it.
      sequence: sequenceText(e.sequence),
      time: e.time.toISOString(),
      datacontenttype: 'application/json',
      data: { caseId: e.caseId, reference: e.reference, ...e.data },
    };
    for (const s of subs) {
      if (s.eventTypes.length && !s.eventTypes.includes(type)) continue;
      rows.push({
        id: randomUUID(),
        organisationId,
        subscriptionId: s.id,
        eventId: cloudEvent.id,
        eventType: type,
        caseId: e.caseId,
        event: cloudEvent,
      });
    }
  }
  if (!rows.length) return [];
  const jobs = jobsWrite(
    tx,
    rows.map((r) => webhookJob.of(organisationId, { deliveryId: r.id! })),
  );
  return [tx.insert(webhookDelivery).values(rows), ...(jobs ? [jobs] : [])];
}
