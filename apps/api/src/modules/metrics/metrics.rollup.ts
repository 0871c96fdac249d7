/**
 * The monitoring rollups (ADR "metric rollups"): a day of one fact (contacts, cases, survey answers, callbacks) is
 * recomputed whole from the raw rows whenever anything of that day changed — exact by construction, also for late
 * events, reopened cases and merged duplicates. Triggers on the raw tables mark the days (`metric_dirty`); the
 * periodic catch-up recomputes them; `rebuildMetrics` recomputes a whole period (the CLI's
 * `voordeur metrics rebuild`). What each column counts is written at its query (`metrics.rollup.queries.ts`).
 */
import type { Db } from '@voordeur/db';
import type { TaskSummary } from '../../platform/jobs.ts';
import { calendarOf, localDate, minutesPerWorkingDay } from '../calendar/index.ts';
import { resolutionMinutes } from '../cases/index.ts';
import * as q from './metrics.rollup.queries.ts';

export { METRIC_FACTS, type MetricFact } from './metrics.rollup.queries.ts';

const DAY_MS = 86_400_000;
/** Dirty days recomputed per transaction, and at most per fact and catch-up run (the next run takes the rest). */
const BATCH = 25;
const MAX_PER_RUN = 2_000;
/** Days recomputed per statement by a rebuild. */
const REBUILD_CHUNK_DAYS = 31;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
const isDay = (day: string) =>
  ISO_DAY.test(day) &&
  !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) &&
  new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;

async function options(db: Db, organisationId: string, now: Date): Promise<q.RecomputeOptions> {
  const { definition } = await calendarOf(db, organisationId);
  return { minutesPerDay: minutesPerWorkingDay(definition), now };
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Recomputes one local day of one fact from the raw rows, in one transaction (or the caller's). */
export async function recomputeDay(
  db: Db,
  organisationId: string,
  fact: q.MetricFact,
  day: string,
  now = new Date(),
) {
  if (!isDay(day)) throw new RangeError(`Not a day: ${day}`);
  await db.transaction(async (tx) => {
    await q.recomputeRange(tx, organisationId, fact, day, day, await options(tx, organisationId, now));
  });
}

/**
 * Fills in the working time to resolve of closed cases that lack it (closed before it was kept): from the
 * calendar's working time net of suspensions, as the cases module sets it at closure.
 */
async function backfillResolution(db: Db, organisationId: string, from: string, to: string) {
  const { definition } = await calendarOf(db, organisationId);
  let filled = 0;
  for (;;) {
    const batch = await q.closedWithoutResolution(db, organisationId, from, to, 500);
    if (!batch.length) return filled;
    await q.setResolutionMinutes(
      db,
      organisationId,
      batch.map((c) => ({ id: c.id, minutes: resolutionMinutes(definition, c, c.closedAt) })),
    );
    filled += batch.length;
  }
}

export interface RebuildProgress {
  /** Days recomputed so far, of `total` (all facts together). */
  done: number;
  total: number;
}

/**
 * Recomputes every rollup of an organisation for the local days `from`..`to` (default: from its first fact up to
 * today) from the raw rows, a month of one fact per transaction, and takes away those days' dirty marks; first
 * fills in missing resolution times. The backlog snapshots are left alone: they cannot be rebuilt from the cases
 * as they are now (ADR).
 */
export async function rebuildMetrics(
  db: Db,
  organisationId: string,
  period: { from?: string | undefined; to?: string | undefined } = {},
  onProgress?: (p: RebuildProgress) => void,
) {
  const now = new Date();
  const first = await q.firstFactDay(db, organisationId);
  const from = period.from ?? (first ? localDate(first) : localDate(now));
  const to = period.to ?? localDate(now);
  for (const day of [from, to]) if (!isDay(day)) throw new RangeError(`Not a day: ${day}`);
  if (from > to) return { from, to, days: 0, resolutionFilled: 0 };
  const resolutionFilled = await backfillResolution(db, organisationId, from, to);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
  const total = days * q.METRIC_FACTS.length;
  let done = 0;
  onProgress?.({ done, total });
  const o = await options(db, organisationId, now);
  for (const fact of q.METRIC_FACTS) {
    for (let start = from; start <= to; start = addDays(start, REBUILD_CHUNK_DAYS)) {
      const end = addDays(start, REBUILD_CHUNK_DAYS - 1) < to ? addDays(start, REBUILD_CHUNK_DAYS - 1) : to;
      await db.transaction(async (tx) => {
        // The days' marks (from the resolution times just filled in, or from earlier changes) are satisfied by
        // this recompute: claimed first, so a writer marking meanwhile keeps its mark for the catch-up.
        const claimed = await q.claimDirtyRange(tx, organisationId, fact, start, end);
        await q.recomputeRange(tx, organisationId, fact, start, end, o);
        await q.clearDirty(tx, claimed);
      });
      done += Math.round((Date.parse(end) - Date.parse(start)) / DAY_MS) + 1;
      onProgress?.({ done, total });
    }
  }
  return { from, to, days, resolutionFilled };
}

/**
 * Rebuilds one organisation (by slug) or all of them, then compacts the team and item rollups; the CLI's
 * `voordeur metrics rebuild`. Not in a transaction (the compaction cannot run in one).
 */
export async function rebuildAllMetrics(
  db: Db,
  o: { organisation?: string | undefined; from?: string | undefined; to?: string | undefined },
  onProgress?: (p: RebuildProgress & { organisation: number; organisations: number }) => void,
) {
  let ids: string[];
  if (o.organisation) {
    const id = await q.organisationIdBySlug(db, o.organisation);
    if (!id) throw new Error(`No organisation with slug "${o.organisation}".`);
    ids = [id];
  } else ids = await q.organisationIds(db);
  let days = 0;
  let resolutionFilled = 0;
  for (const [i, id] of ids.entries()) {
    const r = await rebuildMetrics(db, id, { from: o.from, to: o.to }, (p) =>
      onProgress?.({ ...p, organisation: i + 1, organisations: ids.length }),
    );
    days += r.days;
    resolutionFilled += r.resolutionFilled;
  }
  // The rebuild rewrote every row of the rollups the dashboards read: without their old versions they are half the
  // size, and so is every read (the daily rollups, read only with a filter, are left to autovacuum).
  await q.compactSmallRollups(db);
  return { organisations: ids.length, days, resolutionFilled };
}

/**
 * The catch-up (periodic task `metrics.catch-up`): marks the days of callbacks that fell due since yesterday (their
 * `overdue` changed with time alone), then recomputes the dirty days, oldest first, `BATCH` per transaction with
 * the dirty rows locked `FOR UPDATE SKIP LOCKED` (two catch-ups never take the same day; a day a writer is still
 * marking waits for the next run), and deletes them in the same transaction. One lane per fact, side by side: each
 * fact's rollups are tables of their own, so the lanes never write the same rows, and on PostgreSQL each has a
 * connection (and a core) of its own; PGlite, one connection, runs their transactions in turn. Then takes
 * yesterday's backlog snapshot for each organisation that has none.
 */
export async function catchUpMetrics(db: Db, now = new Date()): Promise<TaskSummary> {
  await q.markFallenDueCallbacks(db, new Date(now.getTime() - 26 * 3_600_000), now);
  const cache = new Map<string, Promise<q.RecomputeOptions>>();
  const optionsOf = (tx: Db, organisationId: string) => {
    let o = cache.get(organisationId);
    if (!o) {
      o = options(tx, organisationId, now);
      cache.set(organisationId, o);
    }
    return o;
  };
  const lane = async (fact: q.MetricFact) => {
    let days = 0;
    while (days < MAX_PER_RUN) {
      const n = await db.transaction(async (tx) => {
        const claimed = await q.claimDirty(tx, BATCH, fact);
        for (const d of claimed)
          await q.recomputeRange(
            tx,
            d.organisationId,
            fact,
            d.day,
            d.day,
            await optionsOf(tx, d.organisationId),
          );
        await q.clearDirty(tx, claimed);
        return claimed.length;
      });
      days += n;
      if (n < BATCH) break;
    }
    return days;
  };
  const days = (await Promise.all(q.METRIC_FACTS.map(lane))).reduce((a, b) => a + b, 0);
  const yesterday = addDays(localDate(now), -1);
  let backlog = 0;
  for (const organisationId of await q.organisationsWithoutBacklog(db, yesterday)) {
    await db.transaction(async (tx) => {
      if (await q.lockBacklog(tx, organisationId)) {
        await q.snapshotBacklog(tx, organisationId, yesterday);
        backlog++;
      }
    });
  }
  return { days, backlog };
}

// ---- the backlog snapshots of past days (a history written at once) ----
/**
 * Takes the backlog snapshots at the end of past local days `day`..`to`, as the catch-up does for yesterday, for
 * each day that has none: for a history written at once (the bench, the demo), the snapshots the day-end task
 * would have taken. Exact for cases that were not reopened since (a snapshot reads when a case closed, not when
 * it was open before).
 */
export async function snapshotBacklogDay(
  db: Db,
  organisationId: string,
  day: string,
  to = day,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (await q.lockBacklog(tx, organisationId)) await q.snapshotBacklog(tx, organisationId, day, to);
  });
}
