import { type Db, queryRows, waitingImport, waitingInterval } from '@voordeur/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { WaitingRow } from './waiting.rows.ts';

const BATCH = 1000;

export function insertImport(db: Db, values: typeof waitingImport.$inferInsert) {
  return db
    .insert(waitingImport)
    .values(values)
    .returning()
    .then((r) => r[0]!);
}

/**
 * Removes the stored rows of the other granularity for the queue-days the import holds: a day of a queue has
 * either 15-minute rows or one daily row, never both (they would count twice).
 */
export async function deleteOtherGranularity(db: Db, organisationId: string, rows: WaitingRow[]) {
  const days = new Map<string, WaitingRow>();
  for (const r of rows) days.set(`${r.channel}|${r.queue}|${r.day}`, r);
  const list = [...days.values()];
  for (let i = 0; i < list.length; i += BATCH) {
    const tuples = sql.join(
      list
        .slice(i, i + BATCH)
        .map((r) => sql`(${r.channel}, ${r.queue}, ${r.day}::date, ${r.intervalMinutes}::smallint)`),
      sql`, `,
    );
    await db.execute(sql`DELETE FROM ${waitingInterval} w USING (VALUES ${tuples}) AS v(channel, queue, day, minutes)
      WHERE w.organisation_id = ${organisationId} AND w.channel = v.channel AND w.queue = v.queue
        AND w.day = v.day AND w.interval_minutes <> v.minutes`);
  }
}

/** Inserts the rows, replacing any already held for the same queue and interval; returns how many replaced one. */
export async function upsertIntervals(db: Db, organisationId: string, importId: string, rows: WaitingRow[]) {
  let replaced = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const result = await db
      .insert(waitingInterval)
      .values(
        rows.slice(i, i + BATCH).map((r) => ({
          organisationId,
          importId,
          day: r.day,
          intervalStart: r.intervalStart,
          intervalMinutes: r.intervalMinutes,
          channel: r.channel,
          queue: r.queue,
          offered: r.offered,
          answered: r.answered,
          abandoned: r.abandoned,
          answeredInTarget: r.answeredInTarget,
          targetSeconds: r.targetSeconds,
          waitSeconds: r.waitSeconds,
          handledSeconds: r.handledSeconds,
        })),
      )
      .onConflictDoUpdate({
        target: [
          waitingInterval.organisationId,
          waitingInterval.channel,
          waitingInterval.queue,
          waitingInterval.day,
          waitingInterval.intervalStart,
        ],
        set: {
          importId: sql`excluded.import_id`,
          intervalMinutes: sql`excluded.interval_minutes`,
          offered: sql`excluded.offered`,
          answered: sql`excluded.answered`,
          abandoned: sql`excluded.abandoned`,
          answeredInTarget: sql`excluded.answered_in_target`,
          targetSeconds: sql`excluded.target_seconds`,
          waitSeconds: sql`excluded.wait_seconds`,
          handledSeconds: sql`excluded.handled_seconds`,
        },
      })
      // xmax is 0 for a freshly inserted row and set for one the conflict updated.
      .returning({ updated: sql<boolean>`(xmax <> 0)` });
    replaced += result.filter((r) => r.updated).length;
  }
  return replaced;
}

export function listImports(db: Db, organisationId: string, limit: number) {
  return db
    .select()
    .from(waitingImport)
    .where(eq(waitingImport.organisationId, organisationId))
    .orderBy(desc(waitingImport.createdAt))
    .limit(limit);
}

export interface WaitingSums {
  key: string;
  channel: string;
  offered: number;
  answered: number;
  abandoned: number;
  answeredInTarget: number;
  waitSeconds: number;
  handledSeconds: number;
}

/** The figures of a period summed per day (or queue) and channel. */
export function sums(
  db: Db,
  organisationId: string,
  period: { from: string; to: string; channel?: string | undefined },
  by: 'day' | 'queue',
) {
  const key = by === 'day' ? sql`to_char(day, 'YYYY-MM-DD')` : sql`queue`;
  return queryRows<WaitingSums>(
    db,
    sql`SELECT ${key} AS key, channel,
          sum(offered)::int AS offered, sum(answered)::int AS answered, sum(abandoned)::int AS abandoned,
          sum(answered_in_target)::int AS "answeredInTarget",
          sum(wait_seconds)::float8 AS "waitSeconds", sum(handled_seconds)::float8 AS "handledSeconds"
        FROM ${waitingInterval}
        WHERE organisation_id = ${organisationId} AND day BETWEEN ${period.from}::date AND ${period.to}::date
          ${period.channel ? sql`AND channel = ${period.channel}` : sql``}
        GROUP BY 1, channel ORDER BY 1, channel`,
  );
}

/** Rows held for the organisation (tests and the import page's empty state). */
export function countIntervals(db: Db, organisationId: string) {
  return db
    .select({ n: sql<number>`count(*)::int` })
    .from(waitingInterval)
    .where(and(eq(waitingInterval.organisationId, organisationId)))
    .then((r) => r[0]?.n ?? 0);
}
