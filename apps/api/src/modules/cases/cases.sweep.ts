import { auditEvent, caseEvent, caseFile, type Db } from '@voordeur/db';
import { and, asc, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import { localDate } from '../calendar/index.ts';
import { type NotificationInput, queueNotifications } from '../notifications/notifications.queue.ts';
import { type CaseEventType, publishCaseEvents } from '../webhooks/webhooks.publish.ts';
import * as q from './cases.queries.ts';
import { render, STAFF_TEXTS } from './cases.templates.ts';

const SYSTEM = 'Voordeur (systeem)';

/** Map.groupBy arrived in Node 21; we run on 20. */
function groupBy<T, K>(items: T[], key: (t: T) => K) {
  const m = new Map<K, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}
const BATCH = 5_000;

interface Swept {
  id: string;
  organisationId: string;
  reference: string;
  subject: string;
  teamId: string | null;
  due: Date | null;
}

/**
 * One kind of clock event over all organisations: marks the open, running cases whose instant has passed (in
 * batches, rows locked with SKIP LOCKED so several workers share the work and none marks a case twice), and in
 * the same transaction writes the timeline entry, the audit event, the staff digest per team and the CloudEvents.
 */
async function sweep(
  db: Db,
  now: Date,
  k: {
    due: typeof caseFile.dueAt | typeof caseFile.warnAt | typeof caseFile.internalDueAt;
    mark: typeof caseFile.breachedAt | typeof caseFile.warnedAt | typeof caseFile.internalBreachedAt;
    set: 'breachedAt' | 'warnedAt' | 'internalBreachedAt';
    event: 'breached' | 'warned' | 'internal_breached';
    staff?: { texts: (typeof STAFF_TEXTS)[keyof typeof STAFF_TEXTS]; roles: string[] };
    publish?: CaseEventType;
  },
) {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const pending: SQL = and(
        isNull(caseFile.closedAt),
        isNull(k.mark),
        isNull(caseFile.suspendedSince),
        lt(k.due, now),
      )!;
      const ids = tx
        .select({ id: caseFile.id })
        .from(caseFile)
        .where(pending)
        .orderBy(asc(k.due))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      const rows: Swept[] = await tx
        .update(caseFile)
        .set({ [k.set]: now })
        .where(inArray(caseFile.id, ids))
        .returning({
          id: caseFile.id,
          organisationId: caseFile.organisationId,
          reference: caseFile.reference,
          subject: caseFile.subject,
          teamId: caseFile.teamId,
          due: k.due,
        });
      if (!rows.length) return 0;
      await tx.insert(caseEvent).values(
        rows.map((r) => ({
          organisationId: r.organisationId,
          caseId: r.id,
          kind: k.event === 'internal_breached' ? 'breached' : k.event,
          body: '',
          data: { due: r.due?.toISOString() ?? null, internal: k.event !== 'breached' },
          byLabel: SYSTEM,
          at: now,
        })),
      );
      await tx.insert(auditEvent).values(
        rows.map((r) => ({
          organisationId: r.organisationId,
          actorKind: 'system',
          actorLabel: SYSTEM,
          entityType: 'case',
          entityId: r.id,
          action: k.event,
          changes: { [k.set]: { before: null, after: now.toISOString() } },
          occurredAt: now,
        })),
      );
      const byOrg = groupBy(rows, (r) => r.organisationId);
      for (const [organisationId, list] of byOrg) {
        if (k.staff) await queueNotifications(tx, await staffDigests(tx, organisationId, list, k.staff));
        if (k.publish) {
          await publishCaseEvents(
            tx,
            list.map((r) => ({
              organisationId,
              type: k.publish!,
              caseId: r.id,
              reference: r.reference,
              time: now,
              data: { due: r.due?.toISOString() ?? null },
            })),
          );
        }
      }
      return rows.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

/** One message per staff member per team and sweep, listing the cases (not one email per case). */
async function staffDigests(
  tx: Db,
  organisationId: string,
  list: Swept[],
  staff: { texts: (typeof STAFF_TEXTS)[keyof typeof STAFF_TEXTS]; roles: string[] },
): Promise<NotificationInput[]> {
  const byTeam = groupBy(
    list.filter((r) => r.teamId),
    (r) => r.teamId!,
  );
  const people = await q.staffOf(tx, organisationId, [...byTeam.keys()], staff.roles);
  const out: NotificationInput[] = [];
  for (const p of people) {
    const cases = byTeam.get(p.teamId) ?? [];
    const language = p.locale === 'en' ? 'en' : 'nl';
    const t = staff.texts[language];
    const lines = cases
      .slice(0, 200)
      .map((c) => `- ${c.reference} ${c.subject} (${c.due ? localDate(c.due) : ''})`);
    if (cases.length > 200) lines.push(`… +${cases.length - 200}`);
    const values = { count: String(cases.length), list: lines.join('\n') };
    out.push({
      organisationId,
      caseId: cases.length === 1 ? cases[0]!.id : null,
      kind: staff.texts === STAFF_TEXTS.breach ? 'breach' : 'warning',
      audience: 'staff',
      channel: 'email',
      recipient: p.email,
      recipientName: p.name,
      language,
      subject: render(t.subject, values),
      body: render(t.body, values),
    });
  }
  return out;
}

/**
 * The background job of the norm clocks: the team is warned before the internal target, the internal target's
 * breach is recorded, and a breach of the public norm is recorded and reported to the team lead. Idempotent.
 */
export async function sweepClocks(db: Db, now = new Date()) {
  const warned = await sweep(db, now, {
    due: caseFile.warnAt,
    mark: caseFile.warnedAt,
    set: 'warnedAt',
    event: 'warned',
    staff: { texts: STAFF_TEXTS.warning, roles: ['backoffice', 'teamlead'] },
    publish: 'warned',
  });
  const internalBreached = await sweep(db, now, {
    due: caseFile.internalDueAt,
    mark: caseFile.internalBreachedAt,
    set: 'internalBreachedAt',
    event: 'internal_breached',
  });
  const breached = await sweep(db, now, {
    due: caseFile.dueAt,
    mark: caseFile.breachedAt,
    set: 'breachedAt',
    event: 'breached',
    staff: { texts: STAFF_TEXTS.breach, roles: ['teamlead'] },
    publish: 'breached',
  });
  return { warned, internalBreached, breached };
}
