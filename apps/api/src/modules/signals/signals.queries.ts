/**
 * The improvement inbox's SQL: collecting signals from the sources (each source record at most once: the unique
 * key `signal_source_uq`, so every collector is `INSERT … ON CONFLICT DO NOTHING`), clustering, and triage.
 */
import { type Db, signal, signalCluster, signalSuggestionThrottle } from '@voordeur/db';
import type { SignalKind, SignalStatus } from '@voordeur/shared';
import { and, eq, sql } from 'drizzle-orm';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const countOf = (result: unknown) =>
  (result as { affectedRows?: number; rowCount?: number | null }).affectedRows ??
  (result as { rowCount?: number | null }).rowCount ??
  0;

/** A survey answer at or below this grade is an unhappy one (as is "not solved" and a follow-up flag). */
export const UNHAPPY_GRADE_MAX = 5;
/** Two texts at least this similar (pg_trgm) belong together when they share an item, team or reason. */
export const SIMILAR_TEXT = 0.3;
/** Signals that share nothing but their text need more of it in common. */
export const SIMILAR_TEXT_ALONE = 0.5;

export async function organisationIds(db: Db): Promise<string[]> {
  return rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM organisation ORDER BY id`)).map(
    (r) => r.id,
  );
}

// ---- collectors: one statement per source, limited to what happened since `since` ----

/** Unhappy survey answers: a low grade, "not solved", or flagged for follow-up. */
export async function collectSurveyAnswers(db: Db, organisationId: string, since: Date) {
  return countOf(
    await db.execute(sql`
      INSERT INTO signal (organisation_id, kind, source_key, case_id, catalogue_item_id, team_id, area, channel,
        grade, text, occurred_at)
      SELECT r.organisation_id, 'survey', r.id::text, r.case_id, ci.id, r.team_id, r.area, r.channel, r.grade,
        r.comment, r.answered_at
      FROM survey_response r
      LEFT JOIN catalogue_item ci ON ci.organisation_id = r.organisation_id AND ci.code = r.item_code
      WHERE r.organisation_id = ${organisationId} AND r.answered_at >= ${since}
        AND (r.grade <= ${UNHAPPY_GRADE_MAX} OR r.solved = false OR r.follow_up)
      ON CONFLICT (organisation_id, kind, source_key) DO NOTHING`),
  );
}

/**
 * Complaints (not merged duplicates), about the item and team of the case they are about when there is one.
 * An upheld (founded or partly founded) complaint weighs 2; its weight follows a later decision.
 */
export async function collectComplaints(db: Db, organisationId: string, since: Date) {
  return countOf(
    await db.execute(sql`
      INSERT INTO signal (organisation_id, kind, source_key, case_id, catalogue_item_id, team_id, area, channel,
        weight, text, occurred_at)
      SELECT c.organisation_id, 'complaint', c.id::text, c.id,
        coalesce(a.catalogue_item_id, c.catalogue_item_id), coalesce(a.team_id, c.team_id), c.area, c.channel,
        CASE WHEN c.complaint->'decision'->>'outcome' IN ('founded', 'partly_founded') THEN 2 ELSE 1 END,
        left(c.description, 2000), c.created_at
      FROM case_file c
      LEFT JOIN case_file a ON a.organisation_id = c.organisation_id AND a.id = c.about_case_id
      WHERE c.organisation_id = ${organisationId} AND c.kind = 'complaint' AND c.main_case_id IS NULL
        AND (c.created_at >= ${since} OR c.closed_at >= ${since})
      ON CONFLICT (organisation_id, kind, source_key)
        DO UPDATE SET weight = excluded.weight, updated_at = now()
        WHERE signal.weight <> excluded.weight`),
  );
}

/** Cases closed after their public norm, with the breach reason and its note. */
export async function collectNormBreaches(db: Db, organisationId: string, since: Date) {
  return countOf(
    await db.execute(sql`
      INSERT INTO signal (organisation_id, kind, source_key, case_id, catalogue_item_id, team_id, area, channel,
        breach_reason, text, occurred_at)
      SELECT c.organisation_id, 'norm_breach', c.id::text, c.id, c.catalogue_item_id, c.team_id, c.area, c.channel,
        c.breach_reason, coalesce(c.breach_note, ''), c.closed_at
      FROM case_file c
      WHERE c.organisation_id = ${organisationId} AND c.closed_at >= ${since} AND c.breached_at IS NOT NULL
        AND c.main_case_id IS NULL
      ON CONFLICT (organisation_id, kind, source_key) DO NOTHING`),
  );
}

/** Contacts marked as a repeat of an earlier one (the person came back about the same thing). */
export async function collectRepeatContacts(db: Db, organisationId: string, since: Date) {
  return countOf(
    await db.execute(sql`
      INSERT INTO signal (organisation_id, kind, source_key, catalogue_item_id, team_id, channel, text, occurred_at)
      SELECT k.organisation_id, 'repeat_contact', k.id::text, k.catalogue_item_id, k.team_id, k.channel,
        left(k.question, 2000), k.started_at
      FROM contact k
      WHERE k.organisation_id = ${organisationId} AND k.started_at >= ${since} AND k.is_repeat
      ON CONFLICT (organisation_id, kind, source_key) DO NOTHING`),
  );
}

/** A KPI off its target for a month (the organisation's, or a team's): one signal per KPI, team and month. */
export async function insertKpiDeviation(
  db: Db,
  organisationId: string,
  d: { code: string; teamId: string | null; month: string; occurredAt: Date },
) {
  const rows = await db
    .insert(signal)
    .values({
      organisationId,
      kind: 'kpi_deviation',
      sourceKey: `${d.code}:${d.teamId ?? 'all'}:${d.month}`,
      kpiCode: d.code,
      teamId: d.teamId,
      text: '',
      occurredAt: d.occurredAt,
    })
    .onConflictDoNothing()
    .returning({ id: signal.id });
  return rows.length;
}

/** A suggestion (staff or resident): a new source record of its own. */
export async function insertSuggestion(
  db: Db,
  organisationId: string,
  s: {
    kind: 'staff_suggestion' | 'resident_suggestion';
    text: string;
    page?: string | null;
    createdBy?: string | null;
    teamId?: string | null;
  },
) {
  const [row] = await db
    .insert(signal)
    .values({
      organisationId,
      kind: s.kind,
      sourceKey: crypto.randomUUID(),
      text: s.text,
      page: s.page ?? null,
      createdBy: s.createdBy ?? null,
      teamId: s.teamId ?? null,
      occurredAt: new Date(),
    })
    .returning({ id: signal.id });
  return row!.id;
}

/** The employee's team (the first of their memberships, by name), for a staff suggestion. */
export async function teamOfUser(db: Db, organisationId: string, userId: string) {
  const [row] = rowsOf<{ team_id: string | null }>(
    await db.execute(sql`
      SELECT m.team_id FROM membership m JOIN team t ON t.organisation_id = m.organisation_id AND t.id = m.team_id
      WHERE m.organisation_id = ${organisationId} AND m.user_id = ${userId}
      ORDER BY t.name LIMIT 1`),
  );
  return row?.team_id ?? null;
}

// ---- clustering ----

export interface Unclustered {
  id: string;
  kind: SignalKind;
  catalogue_item_id: string | null;
  team_id: string | null;
  breach_reason: string | null;
  text: string;
}

/** Open signals in no cluster yet, oldest first. */
export async function unclustered(db: Db, organisationId: string, limit: number) {
  return rowsOf<Unclustered>(
    await db.execute(sql`
      SELECT id, kind, catalogue_item_id, team_id, breach_reason, text FROM signal
      WHERE organisation_id = ${organisationId} AND status = 'open' AND cluster_id IS NULL
      ORDER BY occurred_at, id LIMIT ${limit}`),
  );
}

/**
 * The open cluster a signal fits best. Its open signals are compared on the most specific thing the new one names:
 * the same item; else the same breach reason; else the same team; a signal that names none of these is compared
 * with others that name none (suggestions), on text alone and stricter. Texts must be similar (pg_trgm); two
 * signals without text (a KPI off target, an answer without comment) match on their kind. Null when none fits.
 */
export async function bestCluster(db: Db, organisationId: string, s: Unclustered): Promise<string | null> {
  const key = s.catalogue_item_id
    ? sql`m.catalogue_item_id = ${s.catalogue_item_id}`
    : s.breach_reason
      ? sql`m.breach_reason = ${s.breach_reason}`
      : s.team_id
        ? sql`m.team_id = ${s.team_id}`
        : sql`m.catalogue_item_id IS NULL AND m.breach_reason IS NULL AND m.team_id IS NULL`;
  const threshold = s.catalogue_item_id || s.breach_reason || s.team_id ? SIMILAR_TEXT : SIMILAR_TEXT_ALONE;
  const text = s.text;
  const [row] = rowsOf<{ cluster_id: string }>(
    await db.execute(sql`
      SELECT cluster_id, max(sim) AS sim, count(*) AS n FROM (
        SELECT m.cluster_id,
          CASE WHEN ${text} = '' THEN (CASE WHEN m.text = '' AND m.kind = ${s.kind} THEN 1 ELSE 0 END)
               WHEN m.text = '' THEN 0
               ELSE similarity(m.text, ${text}) END AS sim
        FROM signal m
        JOIN signal_cluster c ON c.organisation_id = m.organisation_id AND c.id = m.cluster_id AND c.status = 'open'
        WHERE m.organisation_id = ${organisationId} AND m.status = 'open' AND m.id <> ${s.id} AND ${key}
      ) x
      WHERE sim >= ${threshold}
      GROUP BY cluster_id
      ORDER BY sim DESC, n DESC, cluster_id
      LIMIT 1`),
  );
  return row?.cluster_id ?? null;
}

export async function insertCluster(db: Db, organisationId: string) {
  const [row] = await db.insert(signalCluster).values({ organisationId }).returning({ id: signalCluster.id });
  return row!.id;
}

export async function setCluster(db: Db, organisationId: string, signalId: string, clusterId: string) {
  await db
    .update(signal)
    .set({ clusterId, updatedAt: new Date() })
    .where(and(eq(signal.organisationId, organisationId), eq(signal.id, signalId)));
}

/** Open clusters left with no open signal (all moved away) are closed quietly: nothing is left in them. */
export async function dropEmptyClusters(db: Db, organisationId: string) {
  await db.execute(sql`
    DELETE FROM signal_cluster c
    WHERE c.organisation_id = ${organisationId} AND c.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM signal s WHERE s.organisation_id = c.organisation_id AND s.cluster_id = c.id)`);
}

// ---- reading ----

const itemName = (alias: string) =>
  sql.raw(`(SELECT coalesce(v.definition->'name'->>'nl', ci.code) FROM catalogue_item ci
    LEFT JOIN catalogue_item_version v ON v.organisation_id = ci.organisation_id
      AND v.id = coalesce(ci.published_version_id, ci.draft_version_id)
    WHERE ci.organisation_id = ${alias}.organisation_id AND ci.id = ${alias}.catalogue_item_id)`);
const teamName = (alias: string) =>
  sql.raw(
    `(SELECT t.name FROM team t WHERE t.organisation_id = ${alias}.organisation_id AND t.id = ${alias}.team_id)`,
  );

export interface ClusterRow {
  id: string;
  status: SignalStatus;
  dismiss_reason: string | null;
  improvement_id: string | null;
  version: number;
  count: number;
  weight: number;
  kinds: SignalKind[];
  first_at: string | Date | null;
  last_at: string | Date | null;
  item_id: string | null;
  item_name: string | null;
  team_id: string | null;
  team_name: string | null;
  breach_reason: string | null;
  examples: { id: string; kind: SignalKind; text: string }[] | null;
}

/**
 * Clusters with their figures: the signals of their status (open clusters: the open ones), what they share
 * most (item, team, reason: the most frequent), and the three newest texts. Largest (by weight) and newest first.
 */
export async function listClusters(
  db: Db,
  organisationId: string,
  f: {
    status: SignalStatus;
    kind?: string | undefined;
    teamId?: string | undefined;
    itemId?: string | undefined;
    id?: string;
  },
) {
  const rows = rowsOf<ClusterRow>(
    await db.execute(sql`
      WITH members AS (
        SELECT s.* FROM signal s
        JOIN signal_cluster c ON c.organisation_id = s.organisation_id AND c.id = s.cluster_id
        WHERE s.organisation_id = ${organisationId} AND c.status = ${f.status}
          AND (s.status = c.status OR c.status = 'dismissed')
          ${f.id ? sql`AND c.id = ${f.id}` : sql``}
      ),
      picked AS (
        SELECT DISTINCT cluster_id FROM members
        WHERE (${f.kind ?? null}::text IS NULL OR kind = ${f.kind ?? null})
          AND (${f.teamId ?? null}::uuid IS NULL OR team_id = ${f.teamId ?? null})
          AND (${f.itemId ?? null}::uuid IS NULL OR catalogue_item_id = ${f.itemId ?? null})
      )
      SELECT c.id, c.status, c.dismiss_reason, c.improvement_id, c.version,
        count(m.id)::int AS count, coalesce(sum(m.weight), 0)::int AS weight,
        array_agg(DISTINCT m.kind) AS kinds, min(m.occurred_at) AS first_at, max(m.occurred_at) AS last_at,
        mode() WITHIN GROUP (ORDER BY m.catalogue_item_id) AS item_id,
        mode() WITHIN GROUP (ORDER BY m.team_id) AS team_id,
        mode() WITHIN GROUP (ORDER BY m.breach_reason) AS breach_reason,
        (SELECT json_agg(json_build_object('id', e.id, 'kind', e.kind, 'text', e.text))
          FROM (SELECT id, kind, text FROM members e WHERE e.cluster_id = c.id AND e.text <> ''
                ORDER BY e.occurred_at DESC LIMIT 3) e) AS examples
      FROM signal_cluster c
      JOIN picked p ON p.cluster_id = c.id
      JOIN members m ON m.cluster_id = c.id
      WHERE c.organisation_id = ${organisationId}
      GROUP BY c.id, c.organisation_id
      ORDER BY weight DESC, last_at DESC, c.id
      LIMIT 200`),
  );
  if (!rows.length) return rows;
  const names = rowsOf<{
    item_id: string | null;
    item_name: string | null;
    team_id: string | null;
    team_name: string | null;
  }>(
    await db.execute(sql`
      SELECT x.catalogue_item_id AS item_id, ${itemName('x')} AS item_name, x.team_id, ${teamName('x')} AS team_name
      FROM (SELECT DISTINCT ${organisationId}::uuid AS organisation_id, u.catalogue_item_id, u.team_id
            FROM (VALUES ${sql.join(
              rows.map((r) => sql`(${r.item_id}::uuid, ${r.team_id}::uuid)`),
              sql`, `,
            )}) AS u(catalogue_item_id, team_id)) x`),
  );
  const item = new Map(names.filter((n) => n.item_id).map((n) => [n.item_id, n.item_name]));
  const team = new Map(names.filter((n) => n.team_id).map((n) => [n.team_id, n.team_name]));
  return rows.map((r) => ({
    ...r,
    item_name: r.item_id ? (item.get(r.item_id) ?? null) : null,
    team_name: r.team_id ? (team.get(r.team_id) ?? null) : null,
  }));
}

export interface SignalRow {
  id: string;
  kind: SignalKind;
  status: SignalStatus;
  cluster_id: string | null;
  weight: number;
  catalogue_item_id: string | null;
  item_name: string | null;
  team_id: string | null;
  team_name: string | null;
  area: string | null;
  channel: string | null;
  breach_reason: string | null;
  grade: number | null;
  kpi_code: string | null;
  text: string;
  page: string | null;
  case_id: string | null;
  case_reference: string | null;
  dismiss_reason: string | null;
  occurred_at: string | Date;
  version: number;
}

export async function signalsOfCluster(db: Db, organisationId: string, clusterId: string) {
  return rowsOf<SignalRow>(
    await db.execute(sql`
      SELECT s.id, s.kind, s.status, s.cluster_id, s.weight, s.catalogue_item_id, ${itemName('s')} AS item_name,
        s.team_id, ${teamName('s')} AS team_name, s.area, s.channel, s.breach_reason, s.grade, s.kpi_code, s.text,
        s.page, s.case_id,
        (SELECT cf.reference FROM case_file cf WHERE cf.organisation_id = s.organisation_id AND cf.id = s.case_id)
          AS case_reference,
        s.dismiss_reason, s.occurred_at, s.version
      FROM signal s
      WHERE s.organisation_id = ${organisationId} AND s.cluster_id = ${clusterId}
      ORDER BY s.occurred_at DESC, s.id
      LIMIT 500`),
  );
}

export async function findCluster(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(signalCluster)
    .where(and(eq(signalCluster.organisationId, organisationId), eq(signalCluster.id, id)));
  return row;
}

export async function findSignal(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(signal)
    .where(and(eq(signal.organisationId, organisationId), eq(signal.id, id)));
  return row;
}

// ---- triage ----

/** Moves an open signal (at this version) into a cluster; false when its version is stale. */
export async function moveSignal(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  clusterId: string,
) {
  const rows = await db
    .update(signal)
    .set({ clusterId, version: sql`${signal.version} + 1`, updatedAt: new Date() })
    .where(and(eq(signal.organisationId, organisationId), eq(signal.id, id), eq(signal.version, version)))
    .returning({ id: signal.id });
  return rows.length > 0;
}

export async function dismissSignal(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  reason: string,
) {
  const rows = await db
    .update(signal)
    .set({
      status: 'dismissed',
      dismissReason: reason,
      version: sql`${signal.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(signal.organisationId, organisationId), eq(signal.id, id), eq(signal.version, version)))
    .returning({ id: signal.id });
  return rows.length > 0;
}

/** Closes an open cluster (dismissed or proposed) at this version, and its open signals with it. */
export async function closeCluster(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  to: { status: 'dismissed'; reason: string } | { status: 'proposed'; improvementId: string },
) {
  const rows = await db
    .update(signalCluster)
    .set({
      status: to.status,
      dismissReason: to.status === 'dismissed' ? to.reason : null,
      improvementId: to.status === 'proposed' ? to.improvementId : null,
      version: sql`${signalCluster.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(signalCluster.organisationId, organisationId),
        eq(signalCluster.id, id),
        eq(signalCluster.version, version),
        eq(signalCluster.status, 'open'),
      ),
    )
    .returning({ id: signalCluster.id });
  if (!rows.length) return false;
  await db
    .update(signal)
    .set({
      status: to.status,
      dismissReason: to.status === 'dismissed' ? to.reason : null,
      version: sql`${signal.version} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(eq(signal.organisationId, organisationId), eq(signal.clusterId, id), eq(signal.status, 'open')),
    );
  return true;
}

/** The open signals of a cluster (their ids: what a proposal links to). */
export async function openSignalIds(db: Db, organisationId: string, clusterId: string) {
  const rows = await db
    .select({ id: signal.id })
    .from(signal)
    .where(
      and(
        eq(signal.organisationId, organisationId),
        eq(signal.clusterId, clusterId),
        eq(signal.status, 'open'),
      ),
    );
  return rows.map((r) => r.id);
}

// ---- resident suggestions: counted per IP address (hashed) and hour ----

/** Counts one post and answers the count so far in this hour's window. */
export async function countSuggestion(db: Db, organisationId: string, keyHash: string, windowStart: Date) {
  const [row] = await db
    .insert(signalSuggestionThrottle)
    .values({ organisationId, keyHash, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [
        signalSuggestionThrottle.organisationId,
        signalSuggestionThrottle.keyHash,
        signalSuggestionThrottle.windowStart,
      ],
      set: { count: sql`${signalSuggestionThrottle.count} + 1` },
    })
    .returning({ count: signalSuggestionThrottle.count });
  return row!.count;
}

export async function pruneThrottle(db: Db, organisationId: string, before: Date) {
  await db.execute(
    sql`DELETE FROM signal_suggestion_throttle WHERE organisation_id = ${organisationId} AND window_start < ${before}`,
  );
}
