import type { Db } from '@voordeur/db';
import type { AuditAction } from '@voordeur/shared';
import { sql } from 'drizzle-orm';
import { localDate } from '../calendar/index.ts';
import { type NotificationInput, queueNotifications } from '../notifications/index.ts';
import { type CaseEventType, publishCaseEvents } from '../webhooks/index.ts';
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

/** The marks of the sweep; each is also the action of its audit event. */
type ClockEvent = Extract<AuditAction, 'warned' | 'internal_breached' | 'breached'>;

/** The three instants of a case's clock, each with the column that records that it passed. */
const CLOCK_MARKS: { event: ClockEvent; due: string; mark: string }[] = [
  { event: 'warned', due: 'warn_at', mark: 'warned_at' },
  { event: 'internal_breached', due: 'internal_due_at', mark: 'internal_breached_at' },
  { event: 'breached', due: 'due_at', mark: 'breached_at' },
];

const CLOCK_ORDER = CLOCK_MARKS.map((k) => k.event);

/** Who hears of a mark, and which marks are published as CloudEvents. */
const FOLLOW_UP: Record<
  ClockEvent,
  {
    staff?: { texts: (typeof STAFF_TEXTS)[keyof typeof STAFF_TEXTS]; roles: string[] };
    publish?: CaseEventType;
  }
> = {
  warned: { staff: { texts: STAFF_TEXTS.warning, roles: ['backoffice', 'teamlead'] }, publish: 'warned' },
  internal_breached: {},
  breached: { staff: { texts: STAFF_TEXTS.breach, roles: ['teamlead'] }, publish: 'breached' },
};

/** The marks that become CloudEvents, each numbered in its case's sequence. */
const PUBLISHED_MARKS = CLOCK_MARKS.filter((k) => FOLLOW_UP[k.event].publish);

/**
 * All clock events over all organisations, in one pass: marks the open, running cases whose warning instant,
 * internal target or public norm has passed (in batches, rows locked with SKIP LOCKED so several workers share
 * the work and none marks a case twice) — each case updated once however many of its instants passed, since
 * every update of a case writes a new row version in all of its indexes — and in the same transaction writes a
 * timeline entry per mark, an audit event per case, the staff digest per team and the CloudEvents.
 */
async function sweep(db: Db, now: Date) {
  const passed = (m: (typeof CLOCK_MARKS)[number], alias = '') =>
    sql.raw(`${alias}${m.mark} IS NULL AND ${alias}${m.due} < `);
  const counts: Record<ClockEvent, number> = { warned: 0, internal_breached: 0, breached: 0 };
  for (;;) {
    const n = await db.transaction(async (tx) => {
      // The statement's estimated cost makes PostgreSQL compile it (JIT): measured 55 ms of a 5,000-case batch.
      await tx.execute(sql`SET LOCAL jit = off`);
      // Marks, timeline entries and audit events in one statement per batch (the sweep touches thousands of rows).
      // The locked rows' marks before (s.was_*) tell which marks this statement made.
      const result = await tx.execute(sql`
        WITH m AS (
          UPDATE case_file c SET
            ${sql.join(
              CLOCK_MARKS.map(
                (k) =>
                  sql`${sql.identifier(k.mark)} = CASE WHEN ${passed(k, 'c.')}${now} THEN ${now}::timestamptz ELSE c.${sql.identifier(k.mark)} END`,
              ),
              sql`, `,
            )},
            -- Each published mark takes the case's next CloudEvent number (the sequence attribute).
            event_sequence = c.event_sequence + ${sql.join(
              PUBLISHED_MARKS.map((k) => sql`(CASE WHEN ${passed(k, 'c.')}${now} THEN 1 ELSE 0 END)`),
              sql` + `,
            )}
          FROM (
            SELECT id, ${sql.join(
              CLOCK_MARKS.map((k) => sql`${sql.identifier(k.mark)} AS ${sql.identifier(`was_${k.event}`)}`),
              sql`, `,
            )}
            FROM case_file
            -- Candidates from each instant's partial index, in due order (an OR over the three let the planner
            -- scan the whole table); checked again on the locked row.
            WHERE id IN (${sql.join(
              CLOCK_MARKS.map(
                (k) => sql`(SELECT id FROM case_file
                  WHERE closed_at IS NULL AND suspended_since IS NULL AND ${passed(k)}${now}
                  ORDER BY ${sql.identifier(k.due)} LIMIT ${BATCH})`,
              ),
              sql` UNION `,
            )})
              AND closed_at IS NULL AND suspended_since IS NULL
              AND (${sql.join(
                CLOCK_MARKS.map((k) => sql`(${passed(k)}${now})`),
                sql` OR `,
              )})
            LIMIT ${BATCH} FOR UPDATE SKIP LOCKED) s
          WHERE c.id = s.id
          RETURNING c.id, c.organisation_id, c.reference, c.subject, c.team_id, c.event_sequence,
            ${sql.join(
              CLOCK_MARKS.map(
                (k) =>
                  sql`CASE WHEN s.${sql.identifier(`was_${k.event}`)} IS NULL AND c.${sql.identifier(k.mark)} IS NOT NULL THEN c.${sql.identifier(k.due)} END AS ${sql.identifier(k.event)}`,
              ),
              sql`, `,
            )}
        ), marks AS (
          SELECT m.id, m.organisation_id, m.reference, m.subject, m.team_id, m.event_sequence,
                 x.event, x.due, x.mark, x.severity
          FROM m CROSS JOIN LATERAL (VALUES ${sql.join(
            CLOCK_MARKS.map(
              (k, i) => sql`(${k.event}, m.${sql.identifier(k.event)}, ${k.mark}, ${sql.raw(String(i))})`,
            ),
            sql`, `,
          )}) AS x(event, due, mark, severity)
          WHERE x.due IS NOT NULL
        ), e AS (
          INSERT INTO case_event (organisation_id, case_id, kind, body, data, by_label, created_at)
          SELECT organisation_id, id, event, '',
                 jsonb_build_object('due', to_jsonb(due), 'internal', event <> 'breached'),
                 ${SYSTEM}, ${now} FROM marks
        ), a AS (
          -- One audit event per case, as one update of it: named after its most serious mark, with every column set.
          INSERT INTO audit_event (organisation_id, actor_kind, actor_label, entity_type, entity_id, action, changes, occurred_at)
          SELECT organisation_id, 'system', ${SYSTEM}, 'case', id::text, (array_agg(event ORDER BY severity DESC))[1],
                 jsonb_object_agg(mark, jsonb_build_object('before', null, 'after', ${now.toISOString()}::text)),
                 ${now}
          FROM marks GROUP BY organisation_id, id
        ), batch AS (SELECT count(*) AS n FROM m)
        SELECT marks.*, batch.n FROM batch LEFT JOIN marks ON true`);
      const rows = (
        result as unknown as {
          rows: {
            id: string | null;
            organisation_id: string;
            reference: string;
            subject: string;
            team_id: string | null;
            event_sequence: number | string;
            event: ClockEvent;
            due: Date | string | null;
            n: string | number;
          }[];
        }
      ).rows;
      // The CloudEvent numbers of each case's published marks, in the order of severity (warned before breached):
      // the case's last number counted back.
      const sequences = new Map<string, number>();
      for (const [id, list] of groupBy(
        rows.filter((r) => r.id && FOLLOW_UP[r.event].publish),
        (r) => r.id!,
      )) {
        const last = Number(list[0]!.event_sequence);
        list.sort((a, b) => CLOCK_ORDER.indexOf(a.event) - CLOCK_ORDER.indexOf(b.event));
        for (const [i, r] of list.entries()) sequences.set(`${id}|${r.event}`, last - list.length + 1 + i);
      }
      const marked = rows
        .filter((r) => r.id)
        .map((r) => ({
          event: r.event,
          id: r.id!,
          organisationId: r.organisation_id,
          reference: r.reference,
          subject: r.subject,
          teamId: r.team_id,
          due: r.due ? new Date(r.due) : null,
        }));
      for (const [event, list] of groupBy(marked, (r) => r.event)) {
        counts[event] += list.length;
        const { staff, publish } = FOLLOW_UP[event];
        for (const [organisationId, cases] of groupBy(list, (r) => r.organisationId)) {
          if (staff) await queueNotifications(tx, await staffDigests(tx, organisationId, cases, staff));
          if (publish)
            await publishCaseEvents(
              tx,
              cases.map((r) => ({
                organisationId,
                type: publish,
                caseId: r.id,
                reference: r.reference,
                sequence: sequences.get(`${r.id}|${event}`)!,
                time: now,
                data: { due: r.due?.toISOString() ?? null },
              })),
            );
        }
      }
      return Number(rows[0]?.n ?? 0);
    });
    if (n < BATCH) return counts;
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
  const counts = await sweep(db, now);
  return { warned: counts.warned, internalBreached: counts.internal_breached, breached: counts.breached };
}
