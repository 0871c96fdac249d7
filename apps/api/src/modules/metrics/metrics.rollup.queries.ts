/**
 * The rollups' SQL (ADR "metric rollups"): a range of local days of one fact deleted and recomputed whole from the
 * raw rows (`DELETE` + `INSERT … SELECT … GROUP BY`), the dirty-day queue, the backlog snapshot and the resolution
 * time backfill. Every statement takes the organisation id; days are local dates in Europe/Amsterdam
 * (`voordeur_local_day`, migration `metrics_triggers`), read by instant range so the raw tables' indexes apply.
 */
import type { Db } from '@voordeur/db';
import { type SQL, sql } from 'drizzle-orm';

/** The facts a day is recomputed for (`metric_dirty.fact`). */
export const METRIC_FACTS = ['contact', 'case', 'survey', 'callback'] as const;
export type MetricFact = (typeof METRIC_FACTS)[number];

/** The last bucket of `metric_case_day.resolution_days`: 31 or more working days. */
export const RESOLUTION_BUCKETS = 32;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The first instant of a local day, and of the day after a range. */
const startOf = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
const endOf = (day: string) => sql`((${day}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
const within = (column: SQL, from: string, to: string) =>
  sql`${column} >= ${startOf(from)} AND ${column} < ${endOf(to)}`;

const ROLLUP_TABLE: Record<MetricFact, string> = {
  contact: 'metric_contact_day',
  case: 'metric_case_day',
  survey: 'metric_survey_day',
  callback: 'metric_callback_day',
};

/** The dimension columns every rollup shares, in their insert order. */
const DIMENSIONS = sql.raw(
  'organisation_id, day, channel, team_id, catalogue_item_id, area, customer_kind, language, age_band',
);

/**
 * Contacts by the local day they started. `contacts` counts every contact (also still open); the outcomes count
 * the closed ones by outcome, `unrecorded` those closed without one (closed automatically); `status_inquiries`
 * those that only asked where a case stands and are not repeats (with `repeats`, each avoidable contact once);
 * `handling_seconds`
 * sums ended − started of the closed ones; `waited`/`wait_seconds` the contacts with a measured wait.
 */
function contactInsert(organisationId: string, from: string, to: string) {
  return sql`
    INSERT INTO metric_contact_day (${DIMENSIONS}, agent_user_id, contacts, answered, handed_over, callbacks,
      referred, not_helped, unrecorded, repeats, status_inquiries, handling_seconds, waited, wait_seconds)
    SELECT c.organisation_id, d.day, c.channel, c.team_id, c.catalogue_item_id, cu.area, cu.kind, c.language,
      voordeur_age_band(cu.date_of_birth, d.day), c.agent_user_id,
      count(*),
      count(*) FILTER (WHERE c.outcome = 'answered'),
      count(*) FILTER (WHERE c.outcome = 'case'),
      count(*) FILTER (WHERE c.outcome = 'callback'),
      count(*) FILTER (WHERE c.outcome = 'referred'),
      count(*) FILTER (WHERE c.outcome = 'not_helped'),
      count(*) FILTER (WHERE c.ended_at IS NOT NULL AND c.outcome IS NULL),
      count(*) FILTER (WHERE c.is_repeat),
      count(*) FILTER (WHERE c.status_inquiry AND NOT c.is_repeat),
      coalesce(sum(greatest(0, floor(extract(epoch FROM c.ended_at - c.started_at))))::bigint, 0),
      count(c.wait_seconds),
      coalesce(sum(c.wait_seconds), 0)
    FROM contact c
    CROSS JOIN LATERAL (SELECT voordeur_local_day(c.started_at) AS day) d
    LEFT JOIN customer cu ON cu.organisation_id = c.organisation_id AND cu.id = c.customer_id
    WHERE c.organisation_id = ${organisationId} AND ${within(sql`c.started_at`, from, to)}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
}

/** The columns a case contributes to each of its facts (its dimensions as they are now). */
const caseDimensions = (day: SQL) => sql`cf.organisation_id, ${day} AS day, cf.channel, cf.team_id,
  cf.catalogue_item_id, coalesce(cf.area, cu.area) AS area, cu.kind AS customer_kind, cf.language,
  voordeur_age_band(cu.date_of_birth, ${day}) AS age_band, cf.kind`;
const caseJoin = sql`case_file cf
  LEFT JOIN customer cu ON cu.organisation_id = cf.organisation_id AND cu.id = cf.customer_id`;

/**
 * Cases (not child tasks: the person sees only the parent): `opened` on the day it was made; on the day it closed
 * either `merged` (a duplicate merged into a main case, nothing else) or `closed` with `closed_in_norm`
 * (closed_at ≤ due_at), `closed_in_target` (closed_at ≤ internal_due_at, else due_at), the breach reason when
 * closed after due_at, `resolution_minutes` and its whole working days bucketed (÷ the calendar's working minutes
 * per day, 31+ in the last bucket), and for complaints the decision within the Awb term (decision, else closure,
 * ≤ legal_due_at, else due_at) and its outcome; `reopened` on the day of each reopen event.
 */
function caseInsert(organisationId: string, from: string, to: string, minutesPerDay: number) {
  const outcome = sql`cf.complaint->'decision'->>'outcome'`;
  const closed = sql`cf.main_case_id IS NULL`;
  const complaint = sql`(cf.main_case_id IS NULL AND cf.kind = 'complaint')`;
  const decidedAt = sql`coalesce((cf.complaint->'decision'->>'at')::timestamptz, cf.closed_at)`;
  const closeDay = sql`voordeur_local_day(cf.closed_at)`;
  const buckets = Array.from(
    { length: RESOLUTION_BUCKETS },
    (_, i) => sql`count(*) FILTER (WHERE f.bucket = ${sql.raw(String(i))})`,
  );
  return sql`
    INSERT INTO metric_case_day (${DIMENSIONS}, kind, breach_reason, opened, closed, closed_in_norm,
      closed_in_target, reopened, merged, resolution_minutes, resolution_days, complaints_closed, complaints_in_term,
      complaints_founded, complaints_partly_founded, complaints_unfounded, complaints_withdrawn)
    SELECT f.organisation_id, f.day, f.channel, f.team_id, f.catalogue_item_id, f.area, f.customer_kind, f.language,
      f.age_band, f.kind, f.breach_reason,
      count(*) FILTER (WHERE f.what = 'opened'),
      count(*) FILTER (WHERE f.what = 'closed'),
      count(*) FILTER (WHERE f.what = 'closed' AND f.in_norm),
      count(*) FILTER (WHERE f.what = 'closed' AND f.in_target),
      count(*) FILTER (WHERE f.what = 'reopened'),
      count(*) FILTER (WHERE f.what = 'merged'),
      coalesce(sum(f.minutes), 0),
      ARRAY[${sql.join(buckets, sql`, `)}]::integer[],
      count(*) FILTER (WHERE f.complaint),
      count(*) FILTER (WHERE f.complaint AND f.in_term),
      count(*) FILTER (WHERE f.complaint AND f.outcome = 'founded'),
      count(*) FILTER (WHERE f.complaint AND f.outcome = 'partly_founded'),
      count(*) FILTER (WHERE f.complaint AND f.outcome = 'unfounded'),
      count(*) FILTER (WHERE f.complaint AND f.outcome = 'withdrawn')
    FROM (
      SELECT ${caseDimensions(sql`voordeur_local_day(cf.created_at)`)}, NULL::text AS breach_reason,
        'opened' AS what, false AS in_norm, false AS in_target, NULL::bigint AS minutes, NULL::int AS bucket,
        false AS complaint, false AS in_term, NULL::text AS outcome
      FROM ${caseJoin}
      WHERE cf.organisation_id = ${organisationId} AND cf.parent_case_id IS NULL
        AND ${within(sql`cf.created_at`, from, to)}
      UNION ALL
      SELECT ${caseDimensions(closeDay)},
        CASE WHEN ${closed} AND cf.closed_at > cf.due_at THEN cf.breach_reason END,
        CASE WHEN ${closed} THEN 'closed' ELSE 'merged' END,
        ${closed} AND cf.closed_at <= cf.due_at,
        ${closed} AND cf.closed_at <= coalesce(cf.internal_due_at, cf.due_at),
        CASE WHEN ${closed} THEN cf.resolution_minutes END,
        -- LEAST skips nulls: a case without its resolution time is in no bucket, not in the last.
        CASE WHEN ${closed} AND cf.resolution_minutes IS NOT NULL
          THEN least(${RESOLUTION_BUCKETS - 1}, cf.resolution_minutes / ${minutesPerDay}::int) END,
        ${complaint},
        ${complaint} AND ${decidedAt} <= coalesce(cf.legal_due_at, cf.due_at),
        CASE WHEN ${complaint} THEN ${outcome} END
      FROM ${caseJoin}
      WHERE cf.organisation_id = ${organisationId} AND cf.parent_case_id IS NULL AND cf.closed_at IS NOT NULL
        AND ${within(sql`cf.closed_at`, from, to)}
      UNION ALL
      SELECT ${caseDimensions(sql`voordeur_local_day(e.created_at)`)}, NULL, 'reopened', false, false, NULL, NULL,
        false, false, NULL
      FROM case_event e
      JOIN ${caseJoin} ON cf.organisation_id = e.organisation_id AND cf.id = e.case_id
      WHERE e.organisation_id = ${organisationId} AND cf.parent_case_id IS NULL
        AND (e.kind = 'reopened' OR (e.kind = 'survey' AND e.data->>'reopened' = 'true'))
        AND ${within(sql`e.created_at`, from, to)}
    ) f
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`;
}

/**
 * Survey answers by the local day they were given, with the dimensions stored on the answer (channel, team, area,
 * language, the item by its code) and the customer of the invitation (kind, age band). `grades[i]` counts grade
 * i + 1; effort and "solved" count only the answers that gave one.
 */
function surveyInsert(organisationId: string, from: string, to: string) {
  const grades = Array.from(
    { length: 10 },
    (_, i) => sql`count(*) FILTER (WHERE r.grade = ${sql.raw(String(i + 1))})`,
  );
  return sql`
    INSERT INTO metric_survey_day (${DIMENSIONS}, source, responses, grade_sum, grade_squares, grades,
      grade_at_least_7, grade_at_most_5, effort_sum, effort_answers, solved_yes, solved_answers, follow_ups,
      compliments)
    SELECT r.organisation_id, d.day, r.channel, r.team_id, ci.id, r.area, cu.kind, r.language,
      voordeur_age_band(cu.date_of_birth, d.day), r.source,
      count(*), coalesce(sum(r.grade), 0), coalesce(sum(r.grade * r.grade), 0),
      ARRAY[${sql.join(grades, sql`, `)}]::integer[],
      count(*) FILTER (WHERE r.grade >= 7),
      count(*) FILTER (WHERE r.grade <= 5),
      coalesce(sum(r.effort), 0),
      count(r.effort),
      count(*) FILTER (WHERE r.solved),
      count(r.solved),
      count(*) FILTER (WHERE r.follow_up),
      count(*) FILTER (WHERE r.compliment)
    FROM survey_response r
    CROSS JOIN LATERAL (SELECT voordeur_local_day(r.answered_at) AS day) d
    LEFT JOIN survey_invitation i ON i.organisation_id = r.organisation_id AND i.id = r.invitation_id
    LEFT JOIN customer cu ON cu.organisation_id = r.organisation_id AND cu.id = i.customer_id
    LEFT JOIN catalogue_item ci ON ci.organisation_id = r.organisation_id AND ci.code = r.item_code
    WHERE r.organisation_id = ${organisationId} AND ${within(sql`r.answered_at`, from, to)}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;
}

/**
 * Callbacks by the local day they were due, on their contact's channel and language: `done_in_time` (done at or
 * before due_at), `done_late`, and `overdue`: still open and due before `now` (the recompute's moment; the
 * catch-up recomputes the days of open callbacks that fell due since the day before).
 */
function callbackInsert(organisationId: string, from: string, to: string, now: Date) {
  return sql`
    INSERT INTO metric_callback_day (${DIMENSIONS}, due, done_in_time, done_late, overdue)
    SELECT cb.organisation_id, d.day, ct.channel, cb.team_id, cb.catalogue_item_id, cu.area, cu.kind, ct.language,
      voordeur_age_band(cu.date_of_birth, d.day),
      count(*),
      count(*) FILTER (WHERE cb.state = 'done' AND cb.done_at <= cb.due_at),
      count(*) FILTER (WHERE cb.state = 'done' AND (cb.done_at IS NULL OR cb.done_at > cb.due_at)),
      count(*) FILTER (WHERE cb.state <> 'done' AND cb.due_at < ${now})
    FROM callback cb
    CROSS JOIN LATERAL (SELECT voordeur_local_day(cb.due_at) AS day) d
    JOIN contact ct ON ct.organisation_id = cb.organisation_id AND ct.id = cb.contact_id
    LEFT JOIN customer cu ON cu.organisation_id = cb.organisation_id AND cu.id = cb.customer_id
    WHERE cb.organisation_id = ${organisationId} AND ${within(sql`cb.due_at`, from, to)}
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`;
}

export interface RecomputeOptions {
  /** The organisation's working minutes per working day (the resolution histogram's day). */
  minutesPerDay: number;
  /** The moment callbacks count as overdue against. */
  now: Date;
}

/**
 * The rollups the dashboards read (ADR 0030, addendum): a row per day (or month) × channel × team, day × channel ×
 * item, day × channel × one attribute of the person or place, or (contacts) day × channel × agent.
 */
export const SMALL_ROLLUPS = [
  ...METRIC_FACTS.flatMap((fact) => [
    `metric_${fact}_team_day`,
    `metric_${fact}_team_month`,
    `metric_${fact}_item_day`,
    `metric_${fact}_profile_day`,
  ]),
  'metric_contact_agent_day',
];

/**
 * Rewrites the team, item and profile rollups without the row versions a rebuild left behind (MVCC: every recomputed row
 * leaves its old version, so a rebuild over a full table doubles its size, and every dashboard read with it).
 * `VACUUM FULL` locks them while it runs: seconds at a city's size, as they hold days × teams, items or attributes.
 */
export async function compactSmallRollups(db: Db) {
  await db.execute(sql.raw(`VACUUM (FULL, ANALYZE) ${SMALL_ROLLUPS.join(', ')}`));
}

/** Deletes the rollup rows of one fact for the local days `from`..`to` and inserts them again from the raw rows. */
export async function recomputeRange(
  db: Db,
  organisationId: string,
  fact: MetricFact,
  from: string,
  to: string,
  o: RecomputeOptions,
) {
  // The small rollups' triggers stand aside for the delete and the insert (migration metric_recompute_once); their
  // days are recomputed once below, also a day that has no rows left.
  await db.execute(sql`SELECT set_config('voordeur.metric_recompute', 'on', true)`);
  await db.execute(
    sql`DELETE FROM ${sql.raw(ROLLUP_TABLE[fact])}
        WHERE organisation_id = ${organisationId} AND day BETWEEN ${from}::date AND ${to}::date`,
  );
  const insert =
    fact === 'contact'
      ? contactInsert(organisationId, from, to)
      : fact === 'case'
        ? caseInsert(organisationId, from, to, Math.max(1, Math.round(o.minutesPerDay)))
        : fact === 'survey'
          ? surveyInsert(organisationId, from, to)
          : callbackInsert(organisationId, from, to, o.now);
  await db.execute(insert);
  await db.execute(sql`SELECT set_config('voordeur.metric_recompute', 'off', true)`);
  const days = sql`(SELECT array_agg(${organisationId}::uuid), array_agg(g::date)
    FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS g)`;
  await db.execute(sql`SELECT ${sql.raw(`voordeur_metric_${fact}_team_days`)}(x.orgs, x.days),
      ${sql.raw(`voordeur_metric_${fact}_item_days`)}(x.orgs, x.days),
      ${sql.raw(`voordeur_metric_${fact}_profile_days`)}(x.orgs, x.days)
      ${fact === 'contact' ? sql`, voordeur_metric_contact_agent_days(x.orgs, x.days)` : sql``}
    FROM ${days} AS x(orgs, days)`);
}

export interface DirtyDay {
  organisationId: string;
  fact: MetricFact;
  day: string;
}

/**
 * The oldest dirty days of one fact, locked for this transaction; days another catch-up (or a writer still marking them) holds
 * are skipped.
 */
export async function claimDirty(db: Db, limit: number, fact: MetricFact): Promise<DirtyDay[]> {
  const result = await db.execute(sql`
    SELECT organisation_id AS "organisationId", fact, day::text AS day FROM metric_dirty
    WHERE fact = ${fact}
    ORDER BY marked_at, organisation_id, day
    LIMIT ${limit} FOR UPDATE SKIP LOCKED`);
  return rowsOf<DirtyDay>(result);
}

/**
 * The dirty days of one organisation and fact within a range, locked for this transaction (a rebuild of the range
 * satisfies them); days another transaction holds are left for the catch-up.
 */
export async function claimDirtyRange(
  db: Db,
  organisationId: string,
  fact: MetricFact,
  from: string,
  to: string,
): Promise<DirtyDay[]> {
  const result = await db.execute(sql`
    SELECT organisation_id AS "organisationId", fact, day::text AS day FROM metric_dirty
    WHERE organisation_id = ${organisationId} AND fact = ${fact} AND day BETWEEN ${from}::date AND ${to}::date
    FOR UPDATE SKIP LOCKED`);
  return rowsOf<DirtyDay>(result);
}

export async function clearDirty(db: Db, days: DirtyDay[]) {
  if (!days.length) return;
  await db.execute(sql`
    DELETE FROM metric_dirty m USING (VALUES ${sql.join(
      days.map((d) => sql`(${d.organisationId}::uuid, ${d.fact}, ${d.day}::date)`),
      sql`, `,
    )}) AS x(organisation_id, fact, day)
    WHERE m.organisation_id = x.organisation_id AND m.fact = x.fact AND m.day = x.day`);
}

/** Marks the days of callbacks still open that fell due between `since` and `now` (their `overdue` changed). */
export async function markFallenDueCallbacks(db: Db, since: Date, now: Date) {
  await db.execute(sql`
    INSERT INTO metric_dirty (organisation_id, fact, day)
    SELECT DISTINCT organisation_id, 'callback', voordeur_local_day(due_at) FROM callback
    WHERE state <> 'done' AND due_at >= ${since} AND due_at < ${now}
    ON CONFLICT (organisation_id, fact, day) DO NOTHING`);
}

/** Marks every day of a range dirty for one organisation (all facts). */
export async function markRangeDirty(db: Db, organisationId: string, from: string, to: string) {
  await db.execute(sql`
    INSERT INTO metric_dirty (organisation_id, fact, day)
    SELECT ${organisationId}, f.fact, g.day::date
    FROM unnest(${sql.raw(`ARRAY['${METRIC_FACTS.join("','")}']`)}::text[]) AS f(fact)
    CROSS JOIN generate_series(${from}::date, ${to}::date, interval '1 day') AS g(day)
    ON CONFLICT (organisation_id, fact, day) DO NOTHING`);
}

/** The organisations without a backlog snapshot of the day. */
export async function organisationsWithoutBacklog(db: Db, day: string): Promise<string[]> {
  const result = await db.execute(sql`
    SELECT o.id FROM organisation o
    WHERE NOT EXISTS (SELECT 1 FROM metric_backlog_day b WHERE b.organisation_id = o.id AND b.day = ${day}::date)
    ORDER BY o.id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** Takes the organisation's snapshot lock for this transaction (false when another catch-up holds it). */
export async function lockBacklog(db: Db, organisationId: string) {
  const result = await db.execute(
    sql`SELECT pg_try_advisory_xact_lock(hashtext('metric_backlog:' || ${organisationId})) AS locked`,
  );
  return rowsOf<{ locked: boolean }>(result)[0]?.locked === true;
}

/**
 * The backlog at the end of a local day (or of each day `from`..`to`): the cases (not child tasks) made before its end and not closed by then,
 * `overdue` those past due_at at its end, `age_days` their ages in calendar days. Read from the cases as they are
 * now, so it is exact only when taken soon after the day (a case closed then and reopened later reads as open).
 * Written only for a day that has no snapshot yet.
 */
export async function snapshotBacklog(db: Db, organisationId: string, from: string, to = from) {
  await db.execute(sql`
    INSERT INTO metric_backlog_day (${DIMENSIONS}, kind, open, overdue, age_days)
    SELECT cf.organisation_id, d.day, cf.channel, cf.team_id, cf.catalogue_item_id,
      coalesce(cf.area, cu.area), cu.kind, cf.language, voordeur_age_band(cu.date_of_birth, d.day), cf.kind,
      count(*),
      count(*) FILTER (WHERE cf.due_at < d.day_end),
      coalesce(sum(d.day - voordeur_local_day(cf.created_at)), 0)
    FROM (SELECT g::date AS day, ((g::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') AS day_end
          FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS g) d
    JOIN case_file cf ON cf.organisation_id = ${organisationId} AND cf.parent_case_id IS NULL
      AND cf.created_at < d.day_end
      -- The open cases (partial index) and those closed since (case_closed_idx), not the whole history.
      AND ((cf.closed_at IS NULL) OR (cf.closed_at >= d.day_end))
    LEFT JOIN customer cu ON cu.organisation_id = cf.organisation_id AND cu.id = cf.customer_id
    WHERE NOT EXISTS (SELECT 1 FROM metric_backlog_day b
                      WHERE b.organisation_id = ${organisationId} AND b.day = d.day)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`);
}

export interface UnmeasuredCase {
  id: string;
  createdAt: Date;
  closedAt: Date;
  suspensions: unknown;
  suspendedSince: Date | null;
}

/** Closed cases without their resolution time (closed before it was kept), a batch at a time. */
export async function closedWithoutResolution(
  db: Db,
  organisationId: string,
  from: string,
  to: string,
  limit: number,
): Promise<UnmeasuredCase[]> {
  const result = await db.execute(sql`
    SELECT id, created_at AS "createdAt", closed_at AS "closedAt", suspensions, suspended_since AS "suspendedSince"
    FROM case_file
    WHERE organisation_id = ${organisationId} AND closed_at IS NOT NULL AND resolution_minutes IS NULL
      AND ${within(sql`closed_at`, from, to)}
    ORDER BY closed_at, id LIMIT ${limit}`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    id: r.id as string,
    createdAt: new Date(r.createdAt as string),
    closedAt: new Date(r.closedAt as string),
    suspensions: typeof r.suspensions === 'string' ? JSON.parse(r.suspensions) : r.suspensions,
    suspendedSince: r.suspendedSince ? new Date(r.suspendedSince as string) : null,
  }));
}

/** Stores resolution times: one statement for a batch. */
export async function setResolutionMinutes(
  db: Db,
  organisationId: string,
  values: { id: string; minutes: number }[],
) {
  if (!values.length) return;
  await db.execute(sql`
    UPDATE case_file c SET resolution_minutes = x.minutes
    FROM (VALUES ${sql.join(
      values.map((v) => sql`(${v.id}::uuid, ${v.minutes}::int)`),
      sql`, `,
    )}) AS x(id, minutes)
    WHERE c.organisation_id = ${organisationId} AND c.id = x.id AND c.resolution_minutes IS NULL`);
}

/** An organisation's id by its slug (the rebuild command). */
export async function organisationIdBySlug(db: Db, slug: string) {
  const result = await db.execute(sql`SELECT id FROM organisation WHERE slug = ${slug}`);
  return rowsOf<{ id: string }>(result)[0]?.id ?? null;
}

/** Every organisation's id (the rebuild of all). */
export async function organisationIds(db: Db) {
  const result = await db.execute(sql`SELECT id FROM organisation ORDER BY slug`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** The earliest raw fact of an organisation (the rebuild's default start), as a local date. */
export async function firstFactDay(db: Db, organisationId: string) {
  const result = await db.execute(sql`
    SELECT least(
      (SELECT min(started_at) FROM contact WHERE organisation_id = ${organisationId}),
      (SELECT min(created_at) FROM case_file WHERE organisation_id = ${organisationId}),
      (SELECT min(due_at) FROM callback WHERE organisation_id = ${organisationId}),
      (SELECT min(answered_at) FROM survey_response WHERE organisation_id = ${organisationId})
    ) AS first`);
  const first = rowsOf<{ first: string | Date | null }>(result)[0]?.first;
  return first ? new Date(first) : null;
}
