import { type Db, notification, organisation } from '@voordeur/db';
import type { NotificationChannel, NotificationStatus } from '@voordeur/shared';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { LetterContent } from './notifications.letter.ts';

/** The audit action of a notification that was kept in the dev mailbox instead of being sent anywhere. */
export const KEPT_IN_MAILBOX = 'kept_in_mailbox';

// Spelled out: inside the subquery, interpolated columns could be rendered without their table.
const keptInMailbox = sql<boolean>`exists (select 1 from audit_event a
  where a.organisation_id = "notification"."organisation_id"
    and a.entity_type = 'notification'
    and a.entity_id = "notification"."id"::text
    and a.action = ${KEPT_IN_MAILBOX})`.mapWith(Boolean);

const summary = {
  id: notification.id,
  caseId: notification.caseId,
  kind: notification.kind,
  audience: notification.audience,
  channel: notification.channel,
  recipient: notification.recipient,
  recipientName: notification.recipientName,
  language: notification.language,
  subject: notification.subject,
  status: notification.status,
  attempts: notification.attempts,
  lastError: notification.lastError,
  messageId: notification.messageId,
  keptInMailbox,
  sentAt: notification.sentAt,
  createdAt: notification.createdAt,
  updatedAt: notification.updatedAt,
  sentBy: notification.sentByLabel,
};

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];
export type NotificationDetailRow = NonNullable<Awaited<ReturnType<typeof findNotification>>>;

export interface NotificationFilter {
  caseId?: string | undefined;
  status?: NotificationStatus | undefined;
  channel?: NotificationChannel | undefined;
  limit: number;
  /** The id of the last row of the previous page (keyset cursor). */
  before?: string | undefined;
  onlyKeptInMailbox?: boolean;
}

function whereOf(organisationId: string, filter: NotificationFilter) {
  const where: SQL[] = [eq(notification.organisationId, organisationId)];
  if (filter.caseId) where.push(eq(notification.caseId, filter.caseId));
  if (filter.status) where.push(eq(notification.status, filter.status));
  if (filter.channel) where.push(eq(notification.channel, filter.channel));
  if (filter.onlyKeptInMailbox) where.push(keptInMailbox);
  if (filter.before) {
    // The cursor row's own created_at, compared inside the database: PostgreSQL keeps microseconds, a JS Date
    // only milliseconds, so a cursor carried through JS skipped rows created in the same millisecond.
    where.push(sql`("notification"."created_at", "notification"."id") < (select c.created_at, c.id
      from notification c where c.organisation_id = ${organisationId} and c.id = ${filter.before})`);
  }
  return and(...where);
}

export function listNotifications(db: Db, organisationId: string, filter: NotificationFilter) {
  return db
    .select(summary)
    .from(notification)
    .where(whereOf(organisationId, filter))
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(filter.limit);
}

/** The same list with the bodies (the dev mailbox). */
export function listNotificationDetails(db: Db, organisationId: string, filter: NotificationFilter) {
  return db
    .select({ ...summary, body: notification.body })
    .from(notification)
    .where(whereOf(organisationId, filter))
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(filter.limit);
}

export function findNotification(db: Db, organisationId: string, id: string) {
  return db
    .select({ ...summary, body: notification.body })
    .from(notification)
    .where(and(eq(notification.organisationId, organisationId), eq(notification.id, id)))
    .then((r) => r[0]);
}

/** Everything a transport needs, read just before the attempt. */
export function findForDelivery(db: Db, organisationId: string, id: string) {
  return db
    .select({
      id: notification.id,
      channel: notification.channel,
      recipient: notification.recipient,
      recipientName: notification.recipientName,
      language: notification.language,
      subject: notification.subject,
      body: notification.body,
      messageId: notification.messageId,
      status: notification.status,
      // The organisation's own sender, when it has one (else SMTP_FROM).
      from: organisation.mailFrom,
    })
    .from(notification)
    .innerJoin(organisation, eq(organisation.id, notification.organisationId))
    .where(and(eq(notification.organisationId, organisationId), eq(notification.id, id)))
    .then((r) => r[0]);
}

/**
 * Records the outcome of one attempt on a notification that is still queued (so a late or repeated outcome
 * never overwrites an earlier final one). Returns whether it changed the row. `counts: false` when no attempt of
 * ours is behind it (its job was abandoned).
 */
export async function recordAttempt(
  db: Db,
  organisationId: string,
  id: string,
  values: { status: NotificationStatus; lastError: string | null; sent?: boolean; counts?: boolean },
) {
  const rows = await db
    .update(notification)
    .set({
      status: values.status,
      lastError: values.lastError,
      ...(values.counts === false ? {} : { attempts: sql`${notification.attempts} + 1` }),
      updatedAt: sql`now()`,
      ...(values.sent ? { sentAt: sql`now()` } : {}),
    })
    .where(
      and(
        eq(notification.organisationId, organisationId),
        eq(notification.id, id),
        eq(notification.status, 'queued'),
      ),
    )
    .returning({ id: notification.id });
  return rows.length > 0;
}

/** Puts a failed or bounced notification back in the queue; nothing when it is not (any longer) one of those. */
export async function requeue(db: Db, organisationId: string, id: string) {
  const rows = await db
    .update(notification)
    .set({ status: 'queued', updatedAt: sql`now()` })
    .where(
      and(
        eq(notification.organisationId, organisationId),
        eq(notification.id, id),
        inArray(notification.status, ['failed', 'bounced']),
      ),
    )
    .returning({ id: notification.id });
  return rows.length > 0;
}

// ---- letters (channel post) ----------------------------------------------------------------------------------

const letterColumns = {
  id: notification.id,
  caseId: notification.caseId,
  kind: notification.kind,
  recipientName: notification.recipientName,
  language: notification.language,
  subject: notification.subject,
  status: notification.status,
  letter: sql<LetterContent | null>`${notification.letter}`,
  createdAt: notification.createdAt,
  sentAt: notification.sentAt,
  sentBy: notification.sentByLabel,
};
export type LetterRow = Awaited<ReturnType<typeof listLetters>>[number];

/** The post queue (queued letters, oldest first) or the letters sent by post (latest first). */
export function listLetters(db: Db, organisationId: string, sent: boolean, limit: number) {
  return db
    .select(letterColumns)
    .from(notification)
    .where(
      and(
        eq(notification.organisationId, organisationId),
        eq(notification.channel, 'post'),
        eq(notification.status, sent ? 'sent' : 'queued'),
      ),
    )
    .orderBy(
      ...(sent
        ? [desc(notification.sentAt), desc(notification.id)]
        : [asc(notification.createdAt), asc(notification.id)]),
    )
    .limit(limit);
}

/** One letter with its text (for the PDF). */
export function findLetter(db: Db, organisationId: string, id: string) {
  return db
    .select({ ...letterColumns, body: notification.body })
    .from(notification)
    .where(
      and(
        eq(notification.organisationId, organisationId),
        eq(notification.id, id),
        eq(notification.channel, 'post'),
      ),
    )
    .then((r) => r[0]);
}

/** Marks a queued letter as sent by post; nothing (false) when it is not queued (any longer). */
export async function markLetterSent(
  db: Db,
  organisationId: string,
  id: string,
  by: { userId: string | null; label: string },
) {
  const rows = await db
    .update(notification)
    .set({
      status: 'sent',
      sentAt: sql`now()`,
      sentByUserId: by.userId,
      sentByLabel: by.label,
      attempts: sql`${notification.attempts} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(notification.organisationId, organisationId),
        eq(notification.id, id),
        eq(notification.channel, 'post'),
        eq(notification.status, 'queued'),
      ),
    )
    .returning({ id: notification.id });
  return rows.length > 0;
}

// ---- a secret that is no longer needed (My page's sign-in links) --------------------------------------------

/**
 * Replaces the body of notifications of one organisation: a message that carried a one-time secret (a sign-in
 * link) keeps no live secret in the delivery log once the secret is used or expired.
 */
export function replaceBodies(db: Db, organisationId: string, ids: string[], body: string) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .update(notification)
    .set({ body, updatedAt: new Date() })
    .where(and(eq(notification.organisationId, organisationId), inArray(notification.id, ids)))
    .returning({ id: notification.id });
}
