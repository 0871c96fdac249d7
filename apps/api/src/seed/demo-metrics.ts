/**
 * Monitoring history for Gemeente Voorbeeld (issue 14): 90 days of raw contacts, closed cases (some late with a
 * breach reason, complaints decided, a few reopened) and survey answers across teams, agents, districts and
 * channels — reproducible (every choice is a hash of the row number) — and then the rollups computed from them, so a
 * new user sees real dashboards. History rows are anonymous (no customer) and all closed, so queues, customer
 * pages and the demo cases stay as they were; their references start with `VB-H`.
 */
import { type Db, queryRows } from '@voordeur/db';
import { sql } from 'drizzle-orm';
import { rebuildMetrics, snapshotBacklogDay } from '../modules/metrics/index.ts';

/** Days of history, ending yesterday. */
export const HISTORY_DAYS = 90;
const CONTACTS = 1800;
const CASES = 540;

/** A reproducible number 0..mod-1 from a tag and the row number `g.i`. */
const pick = (tag: string, mod: number) =>
  sql.raw(`((('x' || substr(md5('${tag}' || g.i::text), 1, 7))::bit(28)::int) % ${mod})`);

/**
 * What the people of the history wrote (the improvement inbox quotes them): eight complaints and eight remarks
 * with a report or request, written for the demo.
 */
const COMPLAINTS = [
  'Ik heb drie keer gebeld en niemand belt terug.',
  'Mijn melding is gesloten, maar er is niets gedaan.',
  'De medewerker aan de telefoon was onvriendelijk.',
  'Ik wacht al weken op een antwoord op mijn vraag.',
  'Ik kreeg van twee medewerkers twee verschillende antwoorden.',
  'De brief die ik kreeg was voor mij niet te begrijpen.',
  'Ik moest mijn verhaal steeds opnieuw vertellen.',
  'Mijn afspraak werd afgezegd zonder dat iemand het mij liet weten.',
];
const DESCRIPTIONS = [
  'Graag snel oplossen, het is hier onveilig.',
  'Al eerder gemeld en nog steeds niet in orde.',
  'Bij de ingang van het park.',
  'Op de hoek bij de supermarkt.',
  'De buren hebben het ook gezien.',
  'Graag een bericht als het klaar is.',
  'Dit is de derde keer dit jaar.',
  'Bij de bushalte aan de kant van de school.',
];

const texts = (list: readonly string[]) =>
  sql.join(
    list.map((text) => sql`${text}`),
    sql`, `,
  );

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
             ${pick('g', 100)} AS r_lang, ${pick('s', 8)} AS r_text
      FROM g JOIN items it ON it.n = 1 + ${pick('i', 997)} % (SELECT count(*) FROM items)
    )
    INSERT INTO case_file (organisation_id, reference, catalogue_item_id, item_version_id, kind, subject, description,
                           area, channel, team_id, status, status_changed_at, due_at, internal_due_at, legal_due_at,
                           closed_at, resolution_minutes, language, breach_reason, breached_at, complaint, created_at, updated_at)
    SELECT ${organisationId}, 'VB-H' || lpad(x.i::text, 5, '0'), x.id, x.vid, x.kind, x.name,
           CASE WHEN x.kind = 'complaint'
                THEN (ARRAY[${texts(COMPLAINTS)}])[(1 + x.n % ${COMPLAINTS.length})::int]
                  || (ARRAY['', ' Graag een reactie.', ' Dit is niet de eerste keer.'])[1 + x.r_text % 3]
                ELSE (ARRAY[${texts(DESCRIPTIONS)}])[1 + x.r_text] END, x.area, x.channel, x.team_id, x.final_status,
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
  await rebuildMetrics(tx, organisationId, { from, to });
  // The work in stock at the end of each past day, as the day-end task would have counted it.
  await snapshotBacklogDay(tx, organisationId, from, to);
}
