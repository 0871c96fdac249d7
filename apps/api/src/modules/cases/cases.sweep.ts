import type { Db } from '@voordeur/db';
import { sql } from 'drizzle-orm';
import { localDate } from '../calendar/index.ts';
import { type NotificationInput, queueNotifications } from '../notifications/notifications.queue.ts';
import { type CaseEventType, publishCaseEvents } from '../webhooks/webhooks.publish.ts';
import * as q from './cases.queries.ts';
import { countCases, render, STAFF_TEXTS } from './cases.templates.ts';

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
    due: 'due_at' | 'warn_at' | 'internal_due_at';
    mark: 'breached_at' | 'warned_at' | 'internal_breached_at';
    event: 'breached' | 'warned' | 'internal_breached';
    staff?: { texts: (typeof STAFF_TEXTS)[keyof typeof STAFF_TEXTS]; roles: string[] };
    publish?: CaseEventType;
  },
) {
  const due = sql.identifier(k.due);
  const mark = sql.identifier(k.mark);
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      // Mark, timeline entry and audit event in one statement per batch (the sweep touches thousands of rows).
      const result = await tx.execute(sql`
        WITH m AS (
          UPDATE case_file SET ${mark} = ${now}
          WHERE id IN (
            SELECT id FROM case_file
            WHERE closed_at IS NULL AND ${mark} IS NULL AND suspended_since IS NULL AND ${due} < ${now}
            ORDER BY ${due} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING id, organisation_id, reference, subject, team_id, ${due} AS due
        ), e AS (
          INSERT INTO case_event (organisation_id, case_id, kind, body, data, by_label, created_at)
          SELECT organisation_id, id, ${k.event}, '',
                 jsonb_build_object('due', to_jsonb(due), 'internal', ${k.event !== 'breached'}::boolean),
                 ${SYSTEM}, ${now} FROM m
        ), a AS (
          INSERT INTO audit_event (organisation_id, actor_kind, actor_label, entity_type, entity_id, action, changes, occurred_at)
          SELECT organisation_id, 'system', ${SYSTEM}, 'case', id::text, ${k.event},
                 jsonb_build_object(${k.mark}::text, jsonb_build_object('before', null, 'after', to_jsonb(${now}::timestamptz))),
                 ${now} FROM m
        )
        SELECT id, organisation_id, reference, subject, team_id, due FROM m`);
      const rows: Swept[] = (
        result as unknown as {
          rows: {
            id: string;
            organisation_id: string;
            reference: string;
            subject: string;
            team_id: string | null;
            due: Date | string | null;
          }[];
        }
      ).rows.map((r) => ({
        id: r.id,
        organisationId: r.organisation_id,
        reference: r.reference,
        subject: r.subject,
        teamId: r.team_id,
        due: r.due ? new Date(r.due) : null,
      }));
      if (!rows.length) return 0;
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
    const values = { cases: countCases(cases.length, language), list: lines.join('\n') };
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
    due: 'warn_at',
    mark: 'warned_at',
    event: 'warned',
    staff: { texts: STAFF_TEXTS.warning, roles: ['backoffice', 'teamlead'] },
    publish: 'warned',
  });
  const internalBreached = await sweep(db, now, {
    due: 'internal_due_at',
    mark: 'internal_breached_at',
    event: 'internal_breached',
  });
  const breached = await sweep(db, now, {
    due: 'due_at',
    mark: 'breached_at',
    event: 'breached',
    staff: { texts: STAFF_TEXTS.breach, roles: ['teamlead'] },
    publish: 'breached',
  });
  return { warned, internalBreached, breached };
}
