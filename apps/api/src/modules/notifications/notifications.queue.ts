import { randomUUID } from 'node:crypto';
import { type Db, notification } from '@voordeur/db';
import { jobsWrite } from '../../platform/outbox.ts';
import { type Write, writeTogether } from '../../platform/writes.ts';
import { notificationJob } from './notifications.deliver.ts';
import type { LetterContent } from './notifications.letter.ts';

export interface NotificationInput {
  organisationId: string;
  caseId: string | null;
  /** status | message | acknowledgement | extension | suspension | decision | warning | breach | closing */
  kind: string;
  audience: 'person' | 'staff';
  /** post: a printed letter (it gets no outbox job: staff print and post it, and mark it sent). */
  channel: 'email' | 'sms' | 'post';
  recipient: string;
  recipientName?: string | null;
  language: 'nl' | 'en';
  subject: string;
  body: string;
  /** A letter's printed parts besides subject and body (channel post only). */
  letter?: LetterContent | undefined;
}

/**
 * Queues notifications in the caller's transaction: a `notification` row (the delivery log) and an outbox job
 * that delivers it. Nothing is sent unless the transaction commits; the worker sends each one at most once.
 * A letter (channel post) gets no job: it waits in the post queue until someone marks it sent by post.
 */
export async function queueNotifications(tx: Db, items: NotificationInput[]) {
  const { ids, writes } = notificationWrites(tx, items);
  await writeTogether(tx, writes);
  return ids;
}

/** The rows of {@link queueNotifications}, not yet sent: for `writeTogether` with the change that causes them. */
export function notificationWrites(tx: Db, items: NotificationInput[]): { ids: string[]; writes: Write[] } {
  if (!items.length) return { ids: [], writes: [] };
  const rows = items.map((n) => {
    const id = randomUUID();
    return {
      id,
      organisationId: n.organisationId,
      caseId: n.caseId,
      kind: n.kind,
      audience: n.audience,
      channel: n.channel,
      recipient: n.recipient,
      recipientName: n.recipientName ?? null,
      language: n.language,
      subject: n.subject,
      body: n.body,
      messageId: `<${id}@voordeur>`,
      letter: n.channel === 'post' ? (n.letter ?? null) : null,
    };
  });
  const jobs = jobsWrite(
    tx,
    rows
      .filter((r) => r.channel !== 'post')
      .map((r) => notificationJob.of(r.organisationId, { notificationId: r.id })),
  );
  return {
    ids: rows.map((r) => r.id),
    writes: [tx.insert(notification).values(rows), ...(jobs ? [jobs] : [])],
  };
}
