/**
 * Monitoring history for Gemeente Voorbeeld (issue 14): 90 days of raw contacts, closed cases (some late with a
 * breach reason, complaints decided, a few reopened) and survey answers across teams, agents, districts and
 * channels — reproducible (every choice is a hash of the row number) — and then the rollups computed from them, so a
 * new user sees real dashboards. History rows are anonymous (no customer) and all closed, so queues, customer
 * pages and the demo cases stay as they were; their references start with `VB-H`.
 */
import { type Db, queryRows } from '@voordeur/db';
import { type SQL, sql } from 'drizzle-orm';

/** Days of history, ending yesterday. */
export const HISTORY_DAYS = 90;
const CONTACTS = 1800;
const CASES = 540;

/** A reproducible number 0..mod-1 from a tag and the row number `g.i`. */
const pick = (tag: string, mod: number) =>
  sql.raw(`((('x' || substr(md5('${tag}' || g.i::text), 1, 7))::bit(28)::int) % ${mod})`);

const local = (at: SQL) => sql`((${at}) AT TIME ZONE 'Europe/Amsterdam')::date`;

/** Seeds the history once (nothing when history rows exist). */
export async function seedDemoMetrics(tx: Db, organisationId: string, userIds: Map<string, string>) {
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM case_file WHERE organisation_id = ${organisationId} AND reference LIKE 'VB-H%'`,
  );
  if (n > 0) return;
  const anouk = userIds.get('agent@voorbeeld.nl')!;
  const tessa = userIds.get('teamlead@voorbeeld.nl')!;
  const mehmet = userIds.get('mcc@voorbeeld.nl')!;

  // Contacts: the KCC (Anouk below the 80% first-contact target, Tessa above) and the MCC (internal items).
  await tx.execute(sql`
    INSERT INTO contact (organisation_id, channel, direction, started_at, ended_at, wait_seconds, catalogue_item_id,
                         outcome, closed_automatically, is_repeat, status_inquiry, agent_user_id, team_id, language)
    SELECT ${organisationId}, x.channel, 'inbound', x.started, x.started + (2 + x.r_len) * interval '1 minute',
           CASE WHEN x.channel = 'phone' THEN 15 + x.r_wait END,
           CASE WHEN x.mcc THEN x.int_items[1 + x.r_item % cardinality(x.int_items)]
                ELSE x.ext_items[1 + x.r_item % cardinality(x.ext_items)] END,
           CASE WHEN x.r_out < 3 THEN NULL
                WHEN x.r_out < x.fcr THEN 'answered'
                ELSE (ARRAY['case', 'callback', 'referred', 'not_helped'])[1 + x.r_out % 4] END,
           x.r_out < 3, x.r_rep < 7, x.r_rep BETWEEN 7 AND 12,
           x.agent, x.team, CASE WHEN x.r_lang < 6 THEN 'en' ELSE 'nl' END
    FROM (
      SELECT g.i, g.mcc, g.agent, g.team, g.fcr,
             ((g.day + time '08:30') AT TIME ZONE 'Europe/Amsterdam') + ${pick('t', 480)} * interval '1 minute' AS started,
             -- The channel shift: the phone's share falls over the 90 days.
             CASE WHEN ${pick('c', 100)} < 30 + (g.i % ${HISTORY_DAYS}) / 3 THEN 'phone'
                  ELSE (ARRAY['web', 'email', 'chat', 'desk', 'app', 'web', 'email'])[1 + ${pick('d', 7)}] END AS channel,
             ${pick('l', 10)} AS r_len, ${pick('w', 240)} AS r_wait, ${pick('i', 997)} AS r_item,
             ${pick('o', 100)} AS r_out, ${pick('r', 100)} AS r_rep, ${pick('g', 100)} AS r_lang,
             g.ext_items, g.int_items
      FROM (
        SELECT s.i, current_date - (1 + s.i % ${HISTORY_DAYS}) AS day, s.i % 7 = 0 AS mcc,
               CASE WHEN s.i % 7 = 0 THEN ${mehmet}::uuid WHEN s.i % 3 = 0 THEN ${tessa}::uuid ELSE ${anouk}::uuid END AS agent,
               CASE WHEN s.i % 7 = 0 THEN mcc.id ELSE kcc.id END AS team,
               CASE WHEN s.i % 7 = 0 THEN 84 WHEN s.i % 3 = 0 THEN 87 ELSE 72 END AS fcr,
               items.ext_items, items.int_items
        FROM generate_series(1, ${CONTACTS}) AS s(i)
        CROSS JOIN (SELECT id FROM team WHERE organisation_id = ${organisationId} AND name = 'KCC') kcc
        CROSS JOIN (SELECT id FROM team WHERE organisation_id = ${organisationId} AND name = 'MCC') mcc
        CROSS JOIN (
          SELECT array_agg(id ORDER BY code) FILTER (WHERE audience = 'external') AS ext_items,
                 array_agg(id ORDER BY code) FILTER (WHERE audience = 'internal') AS int_items
          FROM catalogue_item WHERE organisation_id = ${organisationId} AND state = 'published'
        ) items
      ) g
    ) x`);

  // Closed cases of the reports, requests and the complaint item; Openbare ruimte is late more often.
  await tx.execute(sql`
    WITH items AS (
      SELECT row_number() OVER (ORDER BY ci.code) AS n, ci.id, ci.kind, ci.team_id, ci.published_version_id AS vid,
             civ.definition->'name'->>'nl' AS name, t.name AS team_name,
             coalesce((SELECT st->>'key' FROM jsonb_array_elements(civ.definition->'handling'->'statuses') st
                        WHERE (st->>'final')::boolean LIMIT 1), 'afgehandeld') AS final_status
      FROM catalogue_item ci
      JOIN catalogue_item_version civ ON civ.organisation_id = ci.organisation_id AND civ.id = ci.published_version_id
      LEFT JOIN team t ON t.organisation_id = ci.organisation_id AND t.id = ci.team_id
      WHERE ci.organisation_id = ${organisationId} AND ci.state = 'published' AND ci.audience = 'external'
        AND ci.kind IN ('report', 'request', 'complaint')
    ),
    g AS (
      SELECT s.i, current_date - (1 + s.i % ${HISTORY_DAYS}) AS day FROM generate_series(1, ${CASES}) AS s(i)
    ),
    x AS (
      SELECT g.i, it.*,
             ((g.day + time '09:00') AT TIME ZONE 'Europe/Amsterdam') + ${pick('t', 420)} * interval '1 minute' AS created,
             CASE WHEN it.kind = 'complaint' THEN ${pick('d', 48)}
                  WHEN it.team_name = 'Openbare ruimte' THEN ${pick('d', 15)}
                  ELSE ${pick('d', 12)} END AS days,
             (ARRAY['web', 'web', 'web', 'phone', 'phone', 'email', 'app', 'desk'])[1 + ${pick('c', 8)}] AS channel,
             (ARRAY['Centrum', 'Noord', 'Oost', 'Zuid', 'West'])[1 + ${pick('a', 5)}] AS area,
             ${pick('b', 5)} AS r_breach, ${pick('o', 10)} AS r_outcome, ${pick('m', 480)} AS r_min,
             ${pick('g', 100)} AS r_lang
      FROM g JOIN items it ON it.n = 1 + ${pick('i', 997)} % (SELECT count(*) FROM items)
    )
    INSERT INTO case_file (organisation_id, reference, catalogue_item_id, item_version_id, kind, subject, description,
                           area, channel, team_id, status, status_changed_at, due_at, internal_due_at, legal_due_at,
                           closed_at, resolution_minutes, language, breach_reason, breached_at, complaint, created_at, updated_at)
    SELECT ${organisationId}, 'VB-H' || lpad(x.i::text, 5, '0'), x.id, x.vid, x.kind, x.name,
           'Uit de demogeschiedenis van de monitoring.', x.area, x.channel, x.team_id, x.final_status,
           x.created + x.days * interval '1 day',
           x.created + (CASE WHEN x.kind = 'complaint' THEN 42 ELSE 10 END) * interval '1 day',
           x.created + (CASE WHEN x.kind = 'complaint' THEN 30 ELSE 7 END) * interval '1 day',
           CASE WHEN x.kind = 'complaint' THEN x.created + 42 * interval '1 day' END,
           x.created + x.days * interval '1 day' + x.r_min * interval '1 minute',
           (x.days * 5 / 7) * 480 + x.r_min,
           CASE WHEN x.r_lang < 5 THEN 'en' ELSE 'nl' END,
           CASE WHEN x.days > (CASE WHEN x.kind = 'complaint' THEN 42 ELSE 10 END)
                THEN (ARRAY['capacity', 'capacity', 'complex', 'third_party', 'handover'])[1 + x.r_breach] END,
           CASE WHEN x.days > (CASE WHEN x.kind = 'complaint' THEN 42 ELSE 10 END)
                THEN x.created + (CASE WHEN x.kind = 'complaint' THEN 42 ELSE 10 END) * interval '1 day' END,
           CASE WHEN x.kind = 'complaint' THEN jsonb_build_object(
             'advisoryCommittee', false, 'hearing', NULL, 'extension', NULL,
             'decision', jsonb_build_object(
               'outcome', (ARRAY['founded', 'founded', 'partly_founded', 'partly_founded', 'unfounded', 'unfounded',
                                 'unfounded', 'unfounded', 'unfounded', 'withdrawn'])[1 + x.r_outcome],
               'text', 'Demo', 'at', to_char((x.created + x.days * interval '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))) END,
           x.created, x.created + x.days * interval '1 day'
    FROM x
    WHERE x.created + x.days * interval '1 day' + x.r_min * interval '1 minute' < now()`);

  // One in thirty history cases was reopened the day after it closed (and closed again the same day).
  await tx.execute(sql`
    INSERT INTO case_event (organisation_id, case_id, kind, visibility, body, by_label, created_at)
    SELECT c.organisation_id, c.id, 'reopened', 'internal', 'Bewoner gaf aan dat het niet was opgelost.',
           'Demo-inrichting', c.closed_at - interval '2 hours'
    FROM case_file c
    WHERE c.organisation_id = ${organisationId} AND c.reference LIKE 'VB-H%'
      AND ('x' || substr(md5('reopen' || c.reference), 1, 7))::bit(28)::int % 30 = 0`);

  // A third of the history cases was answered in the survey; late cases get lower grades.
  await tx.execute(sql`
    WITH s AS (
      SELECT v.survey_id, v.id AS version_id FROM survey_version v
      JOIN survey su ON su.organisation_id = v.organisation_id AND su.id = v.survey_id AND su.published_version_id = v.id
      WHERE v.organisation_id = ${organisationId} ORDER BY v.created_at LIMIT 1
    )
    INSERT INTO survey_invitation (organisation_id, token_hash, token_encrypted, survey_id, survey_version_id, source,
                                   case_id, email, language, created_at, expires_at, answered_at)
    SELECT c.organisation_id, md5('demo-invitation' || c.reference), '\\x00'::bytea, s.survey_id, s.version_id, 'case',
           c.id, 'enquete@voorbeeld.invalid', c.language, c.closed_at, c.closed_at + interval '30 days',
           c.closed_at + interval '1 day'
    FROM case_file c CROSS JOIN s
    WHERE c.organisation_id = ${organisationId} AND c.reference LIKE 'VB-H%'
      AND ('x' || substr(md5('survey' || c.reference), 1, 7))::bit(28)::int % 3 = 0
      AND c.closed_at + interval '1 day' < now()`);
  await tx.execute(sql`
    INSERT INTO survey_response (organisation_id, invitation_id, survey_version_id, source, case_id, grade, effort,
                                 solved, language, channel, item_code, team_id, area, resolution_seconds, follow_up,
                                 answered_at)
    SELECT x.organisation_id, x.inv, x.version, 'case', x.id, x.grade, x.effort, x.solved, x.language, x.channel,
           x.code, x.team_id, x.area, x.resolution_minutes * 60, x.grade <= 5 OR NOT x.solved, x.answered
    FROM (
      SELECT c.organisation_id, c.id, c.language, c.channel, c.team_id, c.area, c.resolution_minutes,
             i.id AS inv, i.survey_version_id AS version, i.answered_at AS answered, ci.code,
             CASE WHEN c.closed_at > c.due_at THEN 3 + r.v % 6 ELSE 6 + r.v % 5 END AS grade,
             CASE WHEN c.closed_at > c.due_at THEN 1 + r.v % 3 ELSE 3 + r.v % 3 END AS effort,
             (r.v % 10) < (CASE WHEN c.closed_at > c.due_at THEN 5 ELSE 9 END) AS solved
      FROM survey_invitation i
      JOIN case_file c ON c.organisation_id = i.organisation_id AND c.id = i.case_id
      JOIN catalogue_item ci ON ci.organisation_id = c.organisation_id AND ci.id = c.catalogue_item_id
      CROSS JOIN LATERAL (SELECT ('x' || substr(md5('grade' || c.reference), 1, 7))::bit(28)::int AS v) r
      WHERE i.organisation_id = ${organisationId} AND c.reference LIKE 'VB-H%'
    ) x`);

  const to = (
    await queryRows<{ d: string }>(tx, sql`SELECT to_char(current_date - 1, 'YYYY-MM-DD') AS d`)
  )[0]!.d;
  const from = (
    await queryRows<{ d: string }>(
      tx,
      sql`SELECT to_char(current_date - ${HISTORY_DAYS}::int, 'YYYY-MM-DD') AS d`,
    )
  )[0]!.d;
  await rebuildMetricsLocally(tx, organisationId, { from, to });
}

/**
 * STAND-IN FOR THE ROLLUPS PART'S `rebuildMetrics` (modules/metrics, issue 14): recomputes the contact, case,
 * survey and backlog rollups of the organisation's days `from`..`to` from the raw rows. The coordinator replaces
 * this call with `rebuildMetrics(tx, organisationId, { from, to })` at merge and deletes this function.
 */
export async function rebuildMetricsLocally(
  tx: Db,
  organisationId: string,
  { from, to }: { from: string; to: string },
) {
  for (const table of ['metric_contact_day', 'metric_case_day', 'metric_survey_day', 'metric_backlog_day'])
    await tx.execute(
      sql`DELETE FROM ${sql.raw(table)} WHERE organisation_id = ${organisationId} AND day BETWEEN ${from}::date AND ${to}::date`,
    );
  const ageBand = sql`CASE WHEN k.date_of_birth ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN (
      CASE WHEN date_part('year', age(current_date, k.date_of_birth::date)) < 18 THEN '0-17'
           WHEN date_part('year', age(current_date, k.date_of_birth::date)) < 30 THEN '18-29'
           WHEN date_part('year', age(current_date, k.date_of_birth::date)) < 45 THEN '30-44'
           WHEN date_part('year', age(current_date, k.date_of_birth::date)) < 65 THEN '45-64'
           WHEN date_part('year', age(current_date, k.date_of_birth::date)) < 75 THEN '65-74'
           ELSE '75+' END) END`;
  await tx.execute(sql`
    INSERT INTO metric_contact_day (organisation_id, day, channel, team_id, catalogue_item_id, area, customer_kind,
      language, age_band, agent_user_id, contacts, answered, handed_over, callbacks, referred, not_helped, unrecorded,
      repeats, status_inquiries, handling_seconds, waited, wait_seconds)
    SELECT c.organisation_id, ${local(sql`c.started_at`)}, c.channel, c.team_id, c.catalogue_item_id, k.area, k.kind,
           c.language, ${ageBand}, c.agent_user_id, count(*),
           count(*) FILTER (WHERE c.outcome = 'answered'), count(*) FILTER (WHERE c.outcome = 'case'),
           count(*) FILTER (WHERE c.outcome = 'callback'), count(*) FILTER (WHERE c.outcome = 'referred'),
           count(*) FILTER (WHERE c.outcome = 'not_helped'), count(*) FILTER (WHERE c.outcome IS NULL),
           count(*) FILTER (WHERE c.is_repeat), count(*) FILTER (WHERE c.status_inquiry),
           coalesce(sum(extract(epoch FROM c.ended_at - c.started_at)), 0)::bigint,
           count(c.wait_seconds), coalesce(sum(c.wait_seconds), 0)
    FROM contact c
    LEFT JOIN customer k ON k.organisation_id = c.organisation_id AND k.id = c.customer_id
    WHERE c.organisation_id = ${organisationId} AND c.ended_at IS NOT NULL
      AND ${local(sql`c.started_at`)} BETWEEN ${from}::date AND ${to}::date
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`);

  const histogram = sql.join(
    Array.from({ length: 32 }, (_, d) =>
      sql.raw(
        `count(*) FILTER (WHERE f.fact = 'close' AND f.main_case_id IS NULL AND ${d === 31 ? 'f.wdays >= 31' : `f.wdays = ${d}`})::int`,
      ),
    ),
    sql`, `,
  );
  await tx.execute(sql`
    WITH f AS (
      SELECT c.*, 'open' AS fact, ${local(sql`c.created_at`)} AS day, NULL::text AS breach FROM case_file c
      WHERE c.organisation_id = ${organisationId}
      UNION ALL
      SELECT c.*, 'close', ${local(sql`c.closed_at`)},
             CASE WHEN c.closed_at > c.due_at THEN c.breach_reason END FROM case_file c
      WHERE c.organisation_id = ${organisationId} AND c.closed_at IS NOT NULL
      UNION ALL
      SELECT c.*, 'reopen', ${local(sql`e.created_at`)}, NULL FROM case_event e
      JOIN case_file c ON c.organisation_id = e.organisation_id AND c.id = e.case_id
      WHERE e.organisation_id = ${organisationId} AND e.kind = 'reopened'
    ),
    g AS (
      SELECT f.*, floor(coalesce(f.resolution_minutes, 0) / 480.0)::int AS wdays, k.area AS customer_area,
             k.kind AS customer_kind, ${ageBand} AS age_band
      FROM f LEFT JOIN customer k ON k.organisation_id = f.organisation_id AND k.id = f.customer_id
      WHERE f.day BETWEEN ${from}::date AND ${to}::date
    )
    INSERT INTO metric_case_day (organisation_id, day, channel, team_id, catalogue_item_id, area, customer_kind,
      language, age_band, kind, breach_reason, opened, closed, closed_in_norm, closed_in_target, reopened, merged,
      resolution_minutes, resolution_days, complaints_closed, complaints_in_term, complaints_founded,
      complaints_partly_founded, complaints_unfounded, complaints_withdrawn)
    SELECT f.organisation_id, f.day, f.channel, f.team_id, f.catalogue_item_id, coalesce(f.area, f.customer_area),
           f.customer_kind, f.language, f.age_band, f.kind, f.breach,
           count(*) FILTER (WHERE f.fact = 'open'),
           count(*) FILTER (WHERE f.fact = 'close' AND f.main_case_id IS NULL),
           count(*) FILTER (WHERE f.fact = 'close' AND f.main_case_id IS NULL AND f.closed_at <= f.due_at),
           count(*) FILTER (WHERE f.fact = 'close' AND f.main_case_id IS NULL
                            AND f.closed_at <= coalesce(f.internal_due_at, f.due_at)),
           count(*) FILTER (WHERE f.fact = 'reopen'),
           count(*) FILTER (WHERE f.fact = 'close' AND f.main_case_id IS NOT NULL),
           coalesce(sum(f.resolution_minutes) FILTER (WHERE f.fact = 'close' AND f.main_case_id IS NULL), 0),
           ARRAY[${histogram}],
           count(*) FILTER (WHERE f.fact = 'close' AND f.kind = 'complaint' AND f.complaint->'decision' IS NOT NULL
                            AND jsonb_typeof(f.complaint->'decision') = 'object'),
           count(*) FILTER (WHERE f.fact = 'close' AND f.kind = 'complaint'
                            AND jsonb_typeof(f.complaint->'decision') = 'object'
                            AND f.closed_at <= coalesce(f.legal_due_at, f.due_at)),
           count(*) FILTER (WHERE f.fact = 'close' AND f.complaint->'decision'->>'outcome' = 'founded'),
           count(*) FILTER (WHERE f.fact = 'close' AND f.complaint->'decision'->>'outcome' = 'partly_founded'),
           count(*) FILTER (WHERE f.fact = 'close' AND f.complaint->'decision'->>'outcome' = 'unfounded'),
           count(*) FILTER (WHERE f.fact = 'close' AND f.complaint->'decision'->>'outcome' = 'withdrawn')
    FROM g f
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`);

  const grades = sql.join(
    Array.from({ length: 10 }, (_, i) => sql.raw(`count(*) FILTER (WHERE r.grade = ${i + 1})::int`)),
    sql`, `,
  );
  await tx.execute(sql`
    INSERT INTO metric_survey_day (organisation_id, day, channel, team_id, catalogue_item_id, area, customer_kind,
      language, age_band, source, responses, grade_sum, grade_squares, grades, grade_at_least_7, grade_at_most_5,
      effort_sum, effort_answers, solved_yes, solved_answers, follow_ups, compliments)
    SELECT r.organisation_id, ${local(sql`r.answered_at`)}, r.channel, r.team_id, ci.id, r.area, k.kind, r.language,
           ${ageBand}, r.source, count(*), sum(r.grade), sum(r.grade * r.grade), ARRAY[${grades}],
           count(*) FILTER (WHERE r.grade >= 7), count(*) FILTER (WHERE r.grade <= 5),
           coalesce(sum(r.effort), 0), count(r.effort), count(*) FILTER (WHERE r.solved), count(r.solved),
           count(*) FILTER (WHERE r.follow_up), count(*) FILTER (WHERE r.compliment)
    FROM survey_response r
    LEFT JOIN catalogue_item ci ON ci.organisation_id = r.organisation_id AND ci.code = r.item_code
    LEFT JOIN case_file c ON c.organisation_id = r.organisation_id AND c.id = r.case_id
    LEFT JOIN customer k ON k.organisation_id = r.organisation_id AND k.id = c.customer_id
    WHERE r.organisation_id = ${organisationId} AND ${local(sql`r.answered_at`)} BETWEEN ${from}::date AND ${to}::date
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`);

  // The backlog at the end of each day: cases made before midnight and not closed by then.
  await tx.execute(sql`
    INSERT INTO metric_backlog_day (organisation_id, day, channel, team_id, catalogue_item_id, area, customer_kind,
      language, age_band, kind, open, overdue, age_days)
    SELECT c.organisation_id, d.day::date, c.channel, c.team_id, c.catalogue_item_id, coalesce(c.area, k.area), k.kind,
           c.language, ${ageBand}, c.kind, count(*), count(*) FILTER (WHERE c.due_at < d.ends),
           coalesce(sum(floor(extract(epoch FROM d.ends - c.created_at) / 86400)), 0)::bigint
    FROM (SELECT s::date AS day, ((s + interval '1 day') AT TIME ZONE 'Europe/Amsterdam') AS ends
          FROM generate_series(${from}::date, ${to}::date, interval '1 day') AS s) d
    JOIN case_file c ON c.organisation_id = ${organisationId} AND c.created_at < d.ends
                    AND (c.closed_at IS NULL OR c.closed_at >= d.ends)
    LEFT JOIN customer k ON k.organisation_id = c.organisation_id AND k.id = c.customer_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`);
}
