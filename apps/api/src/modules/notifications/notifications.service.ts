import type { Db } from '@voordeur/db';
import type { LetterQuery, Locale, NotificationQuery } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { enqueueJobs } from '../../platform/outbox.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { notificationJob } from './notifications.deliver.ts';
import { notificationErrors } from './notifications.errors.ts';
import { renderLetter } from './notifications.letter-pdf.ts';
import { notificationsPolicy } from './notifications.policy.ts';
import * as q from './notifications.queries.ts';

/** The delivery log of the organisation, newest first, optionally of one case. */
export async function listNotifications(db: Db, ctx: Ctx, query: NotificationQuery) {
  authorize(ctx.actor, notificationsPolicy.read);
  const organisationId = ctx.actor.organisationId;
  if (query.before && !(await q.findNotification(db, organisationId, query.before))) return [];
  return q.listNotifications(db, organisationId, query);
}

export async function getNotification(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, notificationsPolicy.read);
  const found = await q.findNotification(db, ctx.actor.organisationId, id);
  if (!found) throw errors.notFound('notification');
  return found;
}

/**
 * Sends a failed or bounced notification again: back to 'queued' with a new outbox job, in one transaction
 * with its audit event. The Message-ID stays the same.
 */
export async function retryNotification(db: Db, ctx: Ctx, id: string, note?: string) {
  authorize(ctx.actor, notificationsPolicy.retry);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const before = await q.findNotification(tx, organisationId, id);
    if (!before) throw errors.notFound('notification');
    if (!(await q.requeue(tx, organisationId, id))) throw notificationErrors.notRetryable(before.status);
    await enqueueJobs(tx, [notificationJob.of(organisationId, { notificationId: id })]);
    await recordAudit(tx, ctx, {
      entityType: 'notification',
      entityId: id,
      action: 'retry_requested',
      before: { status: before.status, lastError: before.lastError },
      after: { status: 'queued', lastError: before.lastError },
      ...(note ? { changes: { note: { before: null, after: note } } } : {}),
    });
    return (await q.findNotification(tx, organisationId, id))!;
  });
}

/**
 * The dev mailbox: the emails that were kept instead of sent because no mail server is configured. Exists only
 * while SMTP_URL is unset.
 */
export async function mailbox(db: Db, ctx: Ctx, smtpConfigured: boolean, limit: number) {
  authorize(ctx.actor, notificationsPolicy.mailbox);
  if (smtpConfigured) throw notificationErrors.mailboxDisabled();
  return q.listNotificationDetails(db, ctx.actor.organisationId, {
    channel: 'email',
    onlyKeptInMailbox: true,
    limit,
  });
}

// ---- letters ----------------------------------------------------------------------------------------------------

/** The post queue (letters to print and post, oldest first) or the letters sent by post (latest first). */
export async function listLetters(db: Db, ctx: Ctx, query: LetterQuery) {
  authorize(ctx.actor, notificationsPolicy.letters);
  return q.listLetters(db, ctx.actor.organisationId, query.state === 'sent', query.limit);
}

/** A letter as PDF, in the person's language, with its reference for the file name. */
export async function letterPdf(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, notificationsPolicy.letters);
  const l = await q.findLetter(db, ctx.actor.organisationId, id);
  if (!l?.letter) throw errors.notFound('letter');
  const pdf = await renderLetter({
    recipientName: l.recipientName,
    language: (l.language === 'en' ? 'en' : 'nl') as Locale,
    subject: l.subject,
    body: l.body,
    createdAt: l.createdAt,
    letter: l.letter,
  });
  return { pdf, reference: l.letter.reference };
}

/**
 * "Sent by post": records who and when, audited in the same transaction. Idempotent: a letter that was marked
 * already (a second click, a colleague who was first) stays as it was, with its first sender and time, and no
 * second audit event.
 */
export async function markLetterSent(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, notificationsPolicy.letters);
  const organisationId = ctx.actor.organisationId;
  return db.transaction(async (tx) => {
    const before = await q.findLetter(tx, organisationId, id);
    if (!before) throw errors.notFound('letter');
    if (await q.markLetterSent(tx, organisationId, id, { userId: ctx.actor.userId, label: ctx.actor.label }))
      await recordAudit(tx, ctx, {
        entityType: 'notification',
        entityId: id,
        action: 'sent_by_post',
        before: { status: before.status },
        after: { status: 'sent' },
        ...(before.caseId ? { changes: { caseId: { before: null, after: before.caseId } } } : {}),
      });
    return (await q.findLetter(tx, organisationId, id))!;
  });
}
