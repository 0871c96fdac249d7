/**
 * The monitoring rollups (issue 14, item 2), on the real database: random workloads of raw rows — contacts (also
 * dated days back and moved to another day), cases closed in and out of norm, reopened (by staff and by a survey
 * answer), merged as duplicates, child tasks, complaints decided, survey answers, callbacks done in time, late or
 * still open — then the catch-up; every rollup table is compared with a reference aggregate written here
 * independently over the raw rows. Also: a rebuild gives the same rows as the increments; the rebuild the CLI runs;
 * the backlog snapshot; the working time a real case closure stores; and, on PostgreSQL, two catch-ups at once
 * recompute each dirty day once.
 */
import type { Db } from '@voordeur/db';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import { dbKind, makeOrg, type Session, signIn, type TestOrg, useTestApp } from '../../test/harness.ts';
import { localDate } from '../calendar/index.ts';
import { catchUpMetrics, compactSmallRollups, rebuildAllMetrics, rebuildMetrics } from './index.ts';
import { resolutionHistogram, rollupSums } from './metrics.queries.ts';
import { SMALL_ROLLUPS } from './metrics.rollup.queries.ts';

// Its own database: it measures the rollups' size after a rebuild (useTestApp, `ownDatabase`).
const t = useTestApp({}, { ownDatabase: true });
let org: TestOrg;
let db: Db;
let items: { id: string; versionId: string; code: string }[];
let customers: string[];
let surveyVersion: { surveyId: string; versionId: string };
const NOW = Date.now();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const rows = async <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** An instant `daysBack` days and `minute` minutes before an hour ago (never in the last hour). */
const past = (daysBack: number, minute: number) => new Date(NOW - HOUR - daysBack * DAY - minute * 60_000);
const clip = (d: Date) => new Date(Math.min(d.getTime(), NOW - HOUR));

let serial = 0;
const next = () => ++serial;

beforeAll(async () => {
  db = t.database.db;
  org = await makeOrg(t.database);
  await publishContent(db, org.id, {
    items: [itemDef('lamp'), itemDef('afval', { kind: 'question' }), itemDef('klacht')],
  });
  items = await rows(sql`
    SELECT i.id, v.id AS "versionId", i.code FROM catalogue_item i
    JOIN catalogue_item_version v ON v.organisation_id = i.organisation_id AND v.item_id = i.id
    WHERE i.organisation_id = ${org.id} ORDER BY i.code`);
  const people: [string, string | null, string | null][] = [
    ['resident', '1950-03-01', 'Centrum'],
    ['resident', '2010-12-31', 'Noord'],
    ['resident', null, null],
    ['business', null, 'Zuid'],
    ['resident', '1990-06-15', 'Noord'],
  ];
  customers = [];
  for (const [kind, birth, area] of people) {
    const [c] = await rows<{ id: string }>(sql`
      INSERT INTO customer (organisation_id, kind, name, name_search, date_of_birth, area)
      VALUES (${org.id}, ${kind}, 'Klant', 'klant', ${birth}, ${area}) RETURNING id`);
    customers.push(c!.id);
  }
  const [s] = await rows<{ id: string }>(sql`
    INSERT INTO survey (organisation_id, code, state) VALUES (${org.id}, 'kto', 'published') RETURNING id`);
  const [v] = await rows<{ id: string }>(sql`
    INSERT INTO survey_version (organisation_id, survey_id, number, definition, state)
    VALUES (${org.id}, ${s!.id}, 1, '{}'::jsonb, 'published') RETURNING id`);
  surveyVersion = { surveyId: s!.id, versionId: v!.id };
  // What happened before this test file: a clean queue, so each run's catch-up sees only its own days.
  await catchUpMetrics(db);
});

// ---------------------------------------------------------------------------------------------------------------
// The workload

const CHANNELS = ['phone', 'web', 'desk', 'email'] as const;
const pickOf = <T>(list: readonly T[], n: number) => list[n % list.length]!;
const maybeCustomer = (n: number | null) => (n === null ? null : pickOf(customers, n));

const contactOp = fc.record({
  op: fc.constant('contact' as const),
  daysBack: fc.integer({ min: 0, max: 60 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  channel: fc.constantFrom(...CHANNELS),
  outcome: fc.constantFrom(null, 'answered', 'case', 'callback', 'referred', 'not_helped', 'open'),
  customer: fc.option(fc.nat(), { nil: null }),
  item: fc.option(fc.nat(), { nil: null }),
  agent: fc.boolean(),
  team: fc.boolean(),
  repeat: fc.boolean(),
  statusInquiry: fc.boolean(),
  wait: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
  seconds: fc.integer({ min: 0, max: 3000 }),
  language: fc.constantFrom('nl', 'en'),
});
const moveContactOp = fc.record({
  op: fc.constant('moveContact' as const),
  pick: fc.nat(),
  daysBack: fc.integer({ min: 0, max: 60 }),
});
const caseOp = fc.record({
  op: fc.constant('case' as const),
  daysBack: fc.integer({ min: 0, max: 60 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  channel: fc.constantFrom(...CHANNELS),
  item: fc.nat(),
  customer: fc.option(fc.nat(), { nil: null }),
  area: fc.option(fc.constantFrom('Centrum', 'Oost'), { nil: null }),
  kind: fc.constantFrom('report', 'question', 'complaint'),
  dueHours: fc.integer({ min: 1, max: 400 }),
  internalHours: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
  closeHours: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
  breachReason: fc.option(fc.constantFrom('capaciteit', 'weer'), { nil: null }),
  minutes: fc.option(fc.integer({ min: 0, max: 40_000 }), { nil: null }),
  decision: fc.option(
    fc.record({
      outcome: fc.constantFrom('founded', 'partly_founded', 'unfounded', 'withdrawn'),
      hours: fc.integer({ min: 0, max: 500 }),
    }),
    { nil: null },
  ),
  legalHours: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
  child: fc.boolean(),
});
const reopenOp = fc.record({
  op: fc.constant('reopen' as const),
  pick: fc.nat(),
  afterHours: fc.integer({ min: 0, max: 200 }),
  bySurvey: fc.boolean(),
});
const closeOp = fc.record({
  op: fc.constant('close' as const),
  pick: fc.nat(),
  afterHours: fc.integer({ min: 0, max: 300 }),
  minutes: fc.option(fc.integer({ min: 0, max: 40_000 }), { nil: null }),
});
const mergeOp = fc.record({ op: fc.constant('merge' as const), pick: fc.nat(), into: fc.nat() });
const surveyOp = fc.record({
  op: fc.constant('survey' as const),
  daysBack: fc.integer({ min: 0, max: 60 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  source: fc.constantFrom('case', 'contact'),
  channel: fc.constantFrom(...CHANNELS),
  grade: fc.integer({ min: 1, max: 10 }),
  effort: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  solved: fc.option(fc.boolean(), { nil: null }),
  customer: fc.option(fc.nat(), { nil: null }),
  item: fc.option(fc.nat(), { nil: null }),
  area: fc.option(fc.constantFrom('Centrum', 'West'), { nil: null }),
  team: fc.boolean(),
  followUp: fc.boolean(),
  compliment: fc.boolean(),
});
const callbackOp = fc.record({
  op: fc.constant('callback' as const),
  // Open callbacks are due at least two days back or a day ahead: none falls due while the test compares.
  daysBack: fc.integer({ min: -5, max: 60 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  done: fc.option(fc.integer({ min: -600, max: 3000 }), { nil: null }),
  customer: fc.option(fc.nat(), { nil: null }),
  item: fc.option(fc.nat(), { nil: null }),
});
const workload = fc.array(
  fc.oneof(
    contactOp,
    contactOp,
    moveContactOp,
    caseOp,
    caseOp,
    reopenOp,
    closeOp,
    mergeOp,
    surveyOp,
    callbackOp,
  ),
  { minLength: 1, maxLength: 14 },
);
type Op = typeof workload extends fc.Arbitrary<(infer O)[]> ? O : never;

async function apply(op: Op) {
  switch (op.op) {
    case 'contact': {
      const started = past(op.daysBack, op.minute);
      const open = op.outcome === 'open';
      const ended = open ? null : clip(new Date(started.getTime() + op.seconds * 1000));
      await db.execute(sql`
        INSERT INTO contact (organisation_id, channel, direction, started_at, ended_at, wait_seconds, customer_id,
          catalogue_item_id, outcome, closed_automatically, is_repeat, status_inquiry, agent_user_id, team_id, language)
        VALUES (${org.id}, ${op.channel}, 'in', ${started}, ${ended}, ${op.wait}, ${maybeCustomer(op.customer)},
          ${op.item === null ? null : pickOf(items, op.item).id}, ${open ? null : op.outcome},
          ${!open && op.outcome === null}, ${op.repeat}, ${op.statusInquiry},
          ${op.agent ? org.users.agent.id : null}, ${op.team ? org.teams.front : null}, ${op.language})`);
      return;
    }
    case 'moveContact': {
      // A late correction: the contact's start moves to another day (both days change).
      const [c] = await rows<{ id: string }>(sql`
        SELECT id FROM contact WHERE organisation_id = ${org.id} ORDER BY id OFFSET ${op.pick % 50} LIMIT 1`);
      if (!c) return;
      const started = past(op.daysBack, 30);
      await db.execute(sql`
        UPDATE contact SET started_at = ${started},
          ended_at = CASE WHEN ended_at IS NULL THEN NULL ELSE ${clip(new Date(started.getTime() + 60_000))}::timestamptz END
        WHERE organisation_id = ${org.id} AND id = ${c.id}`);
      return;
    }
    case 'case': {
      const created = past(op.daysBack, op.minute);
      const item = pickOf(items, op.item);
      const kind = op.kind;
      const closed = op.closeHours === null ? null : clip(new Date(created.getTime() + op.closeHours * HOUR));
      const due = new Date(created.getTime() + op.dueHours * HOUR);
      const [parent] = op.child
        ? await rows<{ id: string }>(sql`
            SELECT id FROM case_file WHERE organisation_id = ${org.id} AND parent_case_id IS NULL LIMIT 1`)
        : [];
      const complaint =
        kind === 'complaint'
          ? {
              advisoryCommittee: false,
              hearing: null,
              extension: null,
              decision: op.decision
                ? {
                    outcome: op.decision.outcome,
                    text: 'Besluit',
                    at: clip(new Date(created.getTime() + op.decision.hours * HOUR)).toISOString(),
                  }
                : null,
            }
          : null;
      const n = next();
      await db.execute(sql`
        INSERT INTO case_file (organisation_id, reference, catalogue_item_id, item_version_id, kind, subject,
          description, area, customer_id, channel, team_id, status, due_at, internal_due_at, legal_due_at, closed_at,
          resolution_minutes, breach_reason, complaint, parent_case_id, created_at)
        VALUES (${org.id}, ${`T-${n}`}, ${item.id}, ${item.versionId}, ${kind}, 'Onderwerp', 'Omschrijving',
          ${op.area}, ${maybeCustomer(op.customer)}, ${op.channel}, ${org.teams.back},
          ${closed ? 'afgehandeld' : 'ontvangen'}, ${due},
          ${op.internalHours === null ? null : new Date(created.getTime() + op.internalHours * HOUR)},
          ${op.legalHours === null ? null : new Date(created.getTime() + op.legalHours * HOUR)},
          ${closed}, ${closed ? op.minutes : null}, ${closed ? op.breachReason : null},
          ${complaint ? JSON.stringify(complaint) : null}::jsonb, ${parent?.id ?? null}, ${created})`);
      return;
    }
    case 'reopen': {
      const [c] = await rows<{ id: string; closed_at: string }>(sql`
        SELECT id, closed_at FROM case_file WHERE organisation_id = ${org.id} AND closed_at IS NOT NULL
          AND main_case_id IS NULL ORDER BY id OFFSET ${op.pick % 20} LIMIT 1`);
      if (!c) return;
      const at = clip(new Date(new Date(c.closed_at).getTime() + op.afterHours * HOUR));
      await db.transaction(async (tx) => {
        await tx.execute(sql`
          UPDATE case_file SET closed_at = NULL, resolution_minutes = NULL, status = 'in_behandeling'
          WHERE organisation_id = ${org.id} AND id = ${c.id}`);
        await tx.execute(sql`
          INSERT INTO case_event (organisation_id, case_id, kind, data, by_label, created_at)
          VALUES (${org.id}, ${c.id}, ${op.bySurvey ? 'survey' : 'reopened'},
            ${JSON.stringify(op.bySurvey ? { grade: 3, reopened: true } : {})}::jsonb, 'test', ${at})`);
      });
      return;
    }
    case 'close': {
      const [c] = await rows<{ id: string; created_at: string }>(sql`
        SELECT id, created_at FROM case_file WHERE organisation_id = ${org.id} AND closed_at IS NULL
        ORDER BY id OFFSET ${op.pick % 20} LIMIT 1`);
      if (!c) return;
      const at = clip(new Date(new Date(c.created_at).getTime() + op.afterHours * HOUR));
      await db.execute(sql`
        UPDATE case_file SET closed_at = ${at}, resolution_minutes = ${op.minutes}, status = 'afgehandeld'
        WHERE organisation_id = ${org.id} AND id = ${c.id}`);
      return;
    }
    case 'merge': {
      const open = await rows<{ id: string; created_at: string }>(sql`
        SELECT id, created_at FROM case_file WHERE organisation_id = ${org.id} AND closed_at IS NULL
          AND parent_case_id IS NULL ORDER BY id LIMIT 20`);
      if (open.length < 2) return;
      const dup = pickOf(open, op.pick);
      const main = open.find((o) => o.id !== pickOf(open, op.into).id && o.id !== dup.id) ?? open[0]!;
      if (main.id === dup.id) return;
      await db.execute(sql`
        UPDATE case_file SET main_case_id = ${main.id}, closed_at = ${clip(new Date(new Date(dup.created_at).getTime() + HOUR))}
        WHERE organisation_id = ${org.id} AND id = ${dup.id}`);
      return;
    }
    case 'survey': {
      const n = next();
      const customer = maybeCustomer(op.customer);
      const [inv] = await rows<{ id: string }>(sql`
        INSERT INTO survey_invitation (organisation_id, token_hash, token_encrypted, survey_id, survey_version_id,
          source, customer_id, email, expires_at)
        VALUES (${org.id}, ${`hash-${n}`}, '\\x00'::bytea, ${surveyVersion.surveyId}, ${surveyVersion.versionId},
          ${op.source}, ${customer}, 'kto@example.nl', ${new Date(NOW + 30 * DAY)}) RETURNING id`);
      await db.execute(sql`
        INSERT INTO survey_response (organisation_id, invitation_id, survey_version_id, source, grade, effort, solved,
          language, channel, item_code, team_id, area, follow_up, compliment, answered_at)
        VALUES (${org.id}, ${inv!.id}, ${surveyVersion.versionId}, ${op.source}, ${op.grade}, ${op.effort},
          ${op.solved}, 'nl', ${op.channel}, ${op.item === null ? null : pickOf(items, op.item).code},
          ${op.team ? org.teams.back : null}, ${op.area}, ${op.followUp}, ${op.compliment},
          ${past(op.daysBack, op.minute)})`);
      return;
    }
    case 'callback': {
      const [contact] = await rows<{ id: string }>(sql`
        SELECT id FROM contact WHERE organisation_id = ${org.id} ORDER BY id LIMIT 1`);
      if (!contact) return;
      // Due days back, or (negative) days ahead; an open one never within the last or next day.
      const open = op.done === null;
      const daysBack = open && op.daysBack >= 0 && op.daysBack < 2 ? op.daysBack + 2 : op.daysBack;
      const due =
        daysBack < 0 ? new Date(NOW + -daysBack * DAY + op.minute * 60_000) : past(daysBack, op.minute);
      const doneAt = open ? null : clip(new Date(due.getTime() + op.done! * 60_000));
      await db.execute(sql`
        INSERT INTO callback (organisation_id, contact_id, customer_id, team_id, catalogue_item_id, phone, note, due_at,
          state, done_at)
        VALUES (${org.id}, ${contact.id}, ${maybeCustomer(op.customer)}, ${org.teams.front},
          ${op.item === null ? null : pickOf(items, op.item).id}, '+31201234567', 'Terugbellen', ${due},
          ${open ? 'open' : 'done'}, ${doneAt})`);
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The reference: direct aggregates over the raw rows, written without the rollup's query (to_char days, the age
// band from a table of bands, SUM(CASE) instead of FILTER, the case facts counted apart and added here).

const localDay = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`);
const bandText = (birth: string, day: string) =>
  `(SELECT ab.label FROM (VALUES (0, 18, '0-17'), (18, 30, '18-29'), (30, 45, '30-44'), (45, 65, '45-64'),
    (65, 75, '65-74'), (75, 1000, '75+')) AS ab(lo, hi, label)
    WHERE ${birth} IS NOT NULL
      AND extract(year FROM age(${day}::date, ${birth}::date)) >= ab.lo
      AND extract(year FROM age(${day}::date, ${birth}::date)) < ab.hi)`;
const band = (birth: string, day: string) => sql.raw(bandText(birth, day));
const yes = (cond: string) => sql.raw(`sum(CASE WHEN ${cond} THEN 1 ELSE 0 END)`);

type Table = Map<string, number[]>;
function add(table: Table, key: unknown[], values: (number | string | null)[]) {
  const k = JSON.stringify(key.map((v) => (v === undefined ? null : v)));
  const have = table.get(k) ?? values.map(() => 0);
  table.set(
    k,
    have.map((h, i) => h + Number(values[i] ?? 0)),
  );
}
/** Array columns (histograms) flattened into numbers, so tables compare by value. */
const flat = (r: Record<string, unknown>, names: string[]) =>
  names.flatMap((n) => {
    const v = r[n];
    if (Array.isArray(v)) return v.map(Number);
    if (typeof v === 'string' && v.startsWith('{'))
      return v.slice(1, -1).split(',').filter(Boolean).map(Number);
    return [Number(v ?? 0)];
  });

async function table(
  query: ReturnType<typeof sql>,
  dims: string[],
  measures: string[],
  into: Table = new Map(),
) {
  for (const r of await rows(query))
    add(
      into,
      dims.map((d) => r[d] ?? null),
      flat(r, measures),
    );
  return into;
}

const DIMS = ['day', 'channel', 'team', 'item', 'area', 'kind', 'language', 'age'];
/** The team rollups' dimensions: the first three of DIMS. */
const TEAM_DIMS = DIMS.slice(0, 3);
const teamDims = sql.raw('day::text AS day, channel, team_id AS team');

/** The item rollups' dimensions (cases also by their kind, after DIMS). */
const ITEM_DIMS = ['day', 'channel', 'item'];
const itemDims = sql.raw('day::text AS day, channel, catalogue_item_id AS item');

/** A reference table summed over some of its dimensions (by position): what a team or item rollup must hold. */
function project(reference: Table, positions: number[]): Table {
  const out: Table = new Map();
  for (const [key, values] of reference) {
    const dims = JSON.parse(key) as unknown[];
    add(
      out,
      positions.map((i) => dims[i]),
      values,
    );
  }
  return out;
}
const rollupDims = sql.raw(`day::text AS day, channel, team_id AS team, catalogue_item_id AS item, area,
  customer_kind AS kind, language, age_band AS age`);

async function contactTables() {
  const measures = [
    'contacts',
    'answered',
    'handed',
    'callbacks',
    'referred',
    'not_helped',
    'unrecorded',
    'repeats',
    'status',
    'handling',
    'waited',
    'wait',
  ];
  const reference = await table(
    sql`SELECT ${localDay('c.started_at')} AS day, c.channel, c.team_id AS team, c.catalogue_item_id AS item,
        cu.area, cu.kind, c.language, ${band('cu.date_of_birth', `to_char(c.started_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`)} AS age,
        c.agent_user_id AS agent, count(*) AS contacts, ${yes("c.outcome = 'answered'")} AS answered,
        ${yes("c.outcome = 'case'")} AS handed, ${yes("c.outcome = 'callback'")} AS callbacks,
        ${yes("c.outcome = 'referred'")} AS referred, ${yes("c.outcome = 'not_helped'")} AS not_helped,
        ${yes('c.outcome IS NULL AND c.ended_at IS NOT NULL')} AS unrecorded, ${yes('c.is_repeat')} AS repeats,
        ${yes('c.status_inquiry AND NOT c.is_repeat')} AS status,
        sum(CASE WHEN c.ended_at IS NULL THEN 0 ELSE floor(extract(epoch FROM c.ended_at) - extract(epoch FROM c.started_at)) END) AS handling,
        ${yes('c.wait_seconds IS NOT NULL')} AS waited, sum(coalesce(c.wait_seconds, 0)) AS wait
      FROM contact c LEFT JOIN customer cu ON cu.id = c.customer_id
      WHERE c.organisation_id = ${org.id}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
    [...DIMS, 'agent'],
    measures,
  );
  const rollup = await table(
    sql`SELECT ${rollupDims}, agent_user_id AS agent, contacts, answered, handed_over AS handed, callbacks, referred,
        not_helped, unrecorded, repeats, status_inquiries AS status, handling_seconds AS handling, waited,
        wait_seconds AS wait
      FROM metric_contact_day WHERE organisation_id = ${org.id}`,
    [...DIMS, 'agent'],
    measures,
  );
  const small =
    sql.raw(`contacts, answered, handed_over AS handed, callbacks, referred, not_helped, unrecorded,
    repeats, status_inquiries AS status, handling_seconds AS handling, waited, wait_seconds AS wait`);
  const teamOf = (per: 'day' | 'month') =>
    table(
      sql`SELECT ${teamDims}, ${small}
      FROM ${sql.raw(`metric_contact_team_${per}`)} WHERE organisation_id = ${org.id}`,
      TEAM_DIMS,
      measures,
    );
  const team = await teamOf('day');
  const month = await teamOf('month');
  const item = await table(
    sql`SELECT ${itemDims}, ${small}
      FROM metric_contact_item_day WHERE organisation_id = ${org.id}`,
    ITEM_DIMS,
    measures,
  );
  return { reference, rollup, team, month, item, itemPositions: [0, 1, 3], small, measures };
}

async function caseTables() {
  const keyDims = [...DIMS, 'case_kind', 'breach'];
  // opened, closed, in norm, in target, reopened, merged, minutes, 32 buckets, complaints ×6
  const width = 7 + 32 + 6;
  const zeros = () => Array.from({ length: width }, () => 0);
  const reference: Table = new Map();
  const caseDims = (day: string) =>
    sql.raw(`${day} AS day, c.channel, c.team_id AS team, c.catalogue_item_id AS item,
      coalesce(c.area, cu.area) AS area, cu.kind, c.language,
      ${bandText('cu.date_of_birth', day)} AS age,
      c.kind AS case_kind`);
  const from = sql.raw('case_file c LEFT JOIN customer cu ON cu.id = c.customer_id');
  for (const r of await rows(sql`
    SELECT ${caseDims(`to_char(c.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`)}, NULL AS breach,
      count(*) AS n
    FROM ${from} WHERE c.organisation_id = ${org.id} AND c.parent_case_id IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`)) {
    const v = zeros();
    v[0] = Number(r.n);
    add(
      reference,
      keyDims.map((d) => r[d] ?? null),
      v,
    );
  }
  for (const r of await rows(sql`
    SELECT ${caseDims(`to_char(c.closed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`)},
      c.closed_at > c.due_at AS late, c.breach_reason, c.main_case_id IS NOT NULL AS merged,
      c.closed_at <= c.due_at AS in_norm, c.closed_at <= coalesce(c.internal_due_at, c.due_at) AS in_target,
      c.resolution_minutes AS minutes, c.complaint->'decision'->>'outcome' AS outcome,
      coalesce((c.complaint->'decision'->>'at')::timestamptz, c.closed_at) <= coalesce(c.legal_due_at, c.due_at) AS in_term
    FROM ${from} WHERE c.organisation_id = ${org.id} AND c.parent_case_id IS NULL AND c.closed_at IS NOT NULL`)) {
    const v = zeros();
    const merged = r.merged === true;
    if (merged) v[5] = 1;
    else {
      v[1] = 1;
      v[2] = r.in_norm ? 1 : 0;
      v[3] = r.in_target ? 1 : 0;
      v[6] = Number(r.minutes ?? 0);
      if (r.minutes !== null) v[7 + Math.min(31, Math.floor(Number(r.minutes) / 510))] = 1;
      if (r.case_kind === 'complaint') {
        v[39] = 1;
        v[40] = r.in_term ? 1 : 0;
        const o = ['founded', 'partly_founded', 'unfounded', 'withdrawn'].indexOf(r.outcome as string);
        if (o >= 0) v[41 + o] = 1;
      }
    }
    const breach = !merged && r.late ? (r.breach_reason ?? null) : null;
    add(
      reference,
      keyDims.map((d) => (d === 'breach' ? breach : (r[d] ?? null))),
      v,
    );
  }
  for (const r of await rows(sql`
    SELECT ${caseDims(`to_char(e.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`)}, NULL AS breach
    FROM case_event e JOIN ${from} ON c.id = e.case_id
    WHERE e.organisation_id = ${org.id} AND c.parent_case_id IS NULL
      AND (e.kind = 'reopened' OR (e.kind = 'survey' AND (e.data->'reopened')::boolean))`)) {
    const v = zeros();
    v[4] = 1;
    add(
      reference,
      keyDims.map((d) => r[d] ?? null),
      v,
    );
  }
  const rollup = await table(
    sql`SELECT ${rollupDims}, kind AS case_kind, breach_reason AS breach, opened, closed, closed_in_norm,
        closed_in_target, reopened, merged, resolution_minutes, resolution_days, complaints_closed, complaints_in_term,
        complaints_founded, complaints_partly_founded, complaints_unfounded, complaints_withdrawn
      FROM metric_case_day WHERE organisation_id = ${org.id}`,
    keyDims,
    CASE_MEASURES,
  );
  const small = sql.raw(CASE_MEASURES.join(', '));
  const teamOf = (per: 'day' | 'month') =>
    table(
      sql`SELECT ${teamDims}, ${small}
      FROM ${sql.raw(`metric_case_team_${per}`)} WHERE organisation_id = ${org.id}`,
      TEAM_DIMS,
      CASE_MEASURES,
    );
  const team = await teamOf('day');
  const month = await teamOf('month');
  const item = await table(
    sql`SELECT ${itemDims}, kind AS case_kind, ${small}
      FROM metric_case_item_day WHERE organisation_id = ${org.id}`,
    [...ITEM_DIMS, 'case_kind'],
    CASE_MEASURES,
  );
  return {
    reference,
    rollup,
    team,
    month,
    item,
    itemPositions: [0, 1, 3, 8],
    small,
    measures: CASE_MEASURES,
  };
}

const CASE_MEASURES = [
  'opened',
  'closed',
  'closed_in_norm',
  'closed_in_target',
  'reopened',
  'merged',
  'resolution_minutes',
  'resolution_days',
  'complaints_closed',
  'complaints_in_term',
  'complaints_founded',
  'complaints_partly_founded',
  'complaints_unfounded',
  'complaints_withdrawn',
];

async function surveyTables() {
  const measures = [
    'responses',
    'grade_sum',
    'squares',
    ...Array.from({ length: 10 }, (_, i) => `g${i + 1}`),
    'seven',
    'five',
    'effort_sum',
    'efforts',
    'solved',
    'solveds',
    'follow',
    'compliments',
  ];
  const day = `to_char(r.answered_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`;
  const reference = await table(
    sql`SELECT ${sql.raw(day)} AS day, r.channel, r.team_id AS team,
        (SELECT ci.id FROM catalogue_item ci WHERE ci.organisation_id = r.organisation_id AND ci.code = r.item_code) AS item,
        r.area, cu.kind, r.language, ${band('cu.date_of_birth', day)} AS age, r.source,
        count(*) AS responses, sum(r.grade) AS grade_sum, sum(r.grade * r.grade) AS squares,
        ${sql.join(
          Array.from({ length: 10 }, (_, i) => sql`${yes(`r.grade = ${i + 1}`)} AS ${sql.raw(`g${i + 1}`)}`),
          sql`, `,
        )},
        ${yes('r.grade >= 7')} AS seven, ${yes('r.grade <= 5')} AS five, sum(coalesce(r.effort, 0)) AS effort_sum,
        ${yes('r.effort IS NOT NULL')} AS efforts, ${yes('r.solved IS TRUE')} AS solved,
        ${yes('r.solved IS NOT NULL')} AS solveds, ${yes('r.follow_up')} AS follow, ${yes('r.compliment')} AS compliments
      FROM survey_response r
      JOIN survey_invitation i ON i.id = r.invitation_id
      LEFT JOIN customer cu ON cu.id = i.customer_id
      WHERE r.organisation_id = ${org.id}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
    [...DIMS, 'source'],
    measures,
  );
  const rollup = await table(
    sql`SELECT ${rollupDims}, source, responses, grade_sum, grade_squares AS squares, grades, grade_at_least_7 AS seven,
        grade_at_most_5 AS five, effort_sum, effort_answers AS efforts, solved_yes AS solved,
        solved_answers AS solveds, follow_ups AS follow, compliments
      FROM metric_survey_day WHERE organisation_id = ${org.id}`,
    [...DIMS, 'source'],
    SURVEY_MEASURES,
  );
  const small = sql.raw(`responses, grade_sum, grade_squares AS squares, grades, grade_at_least_7 AS seven,
    grade_at_most_5 AS five, effort_sum, effort_answers AS efforts, solved_yes AS solved, solved_answers AS solveds,
    follow_ups AS follow, compliments`);
  const teamOf = (per: 'day' | 'month') =>
    table(
      sql`SELECT ${teamDims}, ${small}
      FROM ${sql.raw(`metric_survey_team_${per}`)} WHERE organisation_id = ${org.id}`,
      TEAM_DIMS,
      SURVEY_MEASURES,
    );
  const team = await teamOf('day');
  const month = await teamOf('month');
  const item = await table(
    sql`SELECT ${itemDims}, ${small}
      FROM metric_survey_item_day WHERE organisation_id = ${org.id}`,
    ITEM_DIMS,
    SURVEY_MEASURES,
  );
  return { reference, rollup, team, month, item, itemPositions: [0, 1, 3], small, measures: SURVEY_MEASURES };
}

const SURVEY_MEASURES = [
  'responses',
  'grade_sum',
  'squares',
  'grades',
  'seven',
  'five',
  'effort_sum',
  'efforts',
  'solved',
  'solveds',
  'follow',
  'compliments',
];

const CALLBACK_MEASURES = ['due', 'in_time', 'late', 'overdue'];

async function callbackTables() {
  const day = `to_char(b.due_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`;
  const reference = await table(
    sql`SELECT ${sql.raw(day)} AS day, c.channel, b.team_id AS team, b.catalogue_item_id AS item, cu.area, cu.kind,
        c.language, ${band('cu.date_of_birth', day)} AS age, count(*) AS due,
        ${yes("b.state = 'done' AND b.done_at <= b.due_at")} AS in_time,
        ${yes("b.state = 'done' AND b.done_at > b.due_at")} AS late,
        ${yes("b.state = 'open' AND b.due_at < now()")} AS overdue
      FROM callback b JOIN contact c ON c.id = b.contact_id LEFT JOIN customer cu ON cu.id = b.customer_id
      WHERE b.organisation_id = ${org.id}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
    DIMS,
    CALLBACK_MEASURES,
  );
  const rollup = await table(
    sql`SELECT ${rollupDims}, due, done_in_time AS in_time, done_late AS late, overdue
      FROM metric_callback_day WHERE organisation_id = ${org.id}`,
    DIMS,
    CALLBACK_MEASURES,
  );
  const small = sql.raw('due, done_in_time AS in_time, done_late AS late, overdue');
  const teamOf = (per: 'day' | 'month') =>
    table(
      sql`SELECT ${teamDims}, ${small}
        FROM ${sql.raw(`metric_callback_team_${per}`)} WHERE organisation_id = ${org.id}`,
      TEAM_DIMS,
      CALLBACK_MEASURES,
    );
  const team = await teamOf('day');
  const month = await teamOf('month');
  const item = await table(
    sql`SELECT ${itemDims}, ${small}
      FROM metric_callback_item_day WHERE organisation_id = ${org.id}`,
    ITEM_DIMS,
    CALLBACK_MEASURES,
  );
  return {
    reference,
    rollup,
    team,
    month,
    item,
    itemPositions: [0, 1, 3],
    small,
    measures: CALLBACK_MEASURES,
  };
}

/** A table keyed by day first, summed per calendar month (the day becomes the month's first day). */
function byMonth(reference: Table): Table {
  const out: Table = new Map();
  for (const [key, values] of reference) {
    const [day, ...rest] = JSON.parse(key) as [string, ...unknown[]];
    add(out, [`${day.slice(0, 7)}-01`, ...rest], values);
  }
  return out;
}

/** The profile rollups' attributes and their positions in DIMS. */
const PROFILE_DIMS = [
  ['area', 4],
  ['customer_kind', 5],
  ['language', 6],
  ['age_band', 7],
] as const;

const sorted = (m: Table) => Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));

async function expectExact() {
  for (const [name, fact, tables] of [
    ['contacts', 'contact', contactTables],
    ['cases', 'case', caseTables],
    ['survey answers', 'survey', surveyTables],
    ['callbacks', 'callback', callbackTables],
  ] as const) {
    const { reference, rollup, team, month, item, itemPositions, small, measures } = await tables();
    // The profile rollups: per day × channel × one attribute (its position in DIMS).
    const profiles = await Promise.all(
      PROFILE_DIMS.map(
        async ([dimension, position]) =>
          [
            `${name} per ${dimension}`,
            project(reference, [0, 1, position]),
            await table(
              sql`SELECT day::text AS day, channel, ${sql.raw(dimension)} AS value, ${small}
            FROM ${sql.raw(`metric_${fact}_profile_day`)} WHERE organisation_id = ${org.id} AND dimension = ${dimension}`,
              ['day', 'channel', 'value'],
              measures,
            ),
          ] as const,
      ),
    );
    // Contacts also per agent (the agent is the reference's last dimension, after DIMS).
    const agents =
      fact === 'contact'
        ? [
            [
              'contacts per agent',
              project(reference, [0, 1, DIMS.length]),
              await table(
                sql`SELECT day::text AS day, channel, agent_user_id AS agent, ${small}
                  FROM metric_contact_agent_day WHERE organisation_id = ${org.id}`,
                ['day', 'channel', 'agent'],
                measures,
              ),
            ] as const,
          ]
        : [];
    for (const [what, expected, actual] of [
      [name, reference, rollup],
      [`${name} per team`, project(reference, [0, 1, 2]), team],
      [`${name} per team and month`, byMonth(project(reference, [0, 1, 2])), month],
      [`${name} per item`, project(reference, itemPositions), item],
      ...profiles,
      ...agents,
    ] as const) {
      // The keys that differ first (readable), then the whole tables.
      const keys = [...new Set([...expected.keys(), ...actual.keys()])];
      const differ = keys
        .filter((k) => JSON.stringify(expected.get(k)) !== JSON.stringify(actual.get(k)))
        .map((k) => ({ key: k, reference: expected.get(k)?.join(' '), rollup: actual.get(k)?.join(' ') }));
      expect(differ, what).toEqual([]);

      expect(sorted(actual), what).toEqual(sorted(expected));
    }
  }
}

/** Every rollup row of the organisation, in a stable order (a rebuild must give the very same). */
async function allRollups() {
  const out: Record<string, unknown[]> = {};
  for (const tableName of [
    'metric_contact_day',
    'metric_case_day',
    'metric_survey_day',
    'metric_callback_day',
    'metric_contact_team_day',
    'metric_case_team_day',
    'metric_survey_team_day',
    'metric_callback_team_day',
    'metric_contact_item_day',
    'metric_case_item_day',
    'metric_survey_item_day',
    'metric_callback_item_day',
    'metric_contact_profile_day',
    'metric_case_profile_day',
    'metric_survey_profile_day',
    'metric_callback_profile_day',
    'metric_contact_agent_day',
  ])
    out[tableName] = (
      await rows(
        sql`SELECT to_jsonb(m) - 'organisation_id' AS r FROM ${sql.raw(tableName)} m
            WHERE organisation_id = ${org.id}`,
      )
    )
      .map((r) => JSON.stringify(r.r))
      .sort();
  return out;
}

describe('the rollups', () => {
  it('equal a direct aggregate over the raw rows after random workloads (late, moved, reopened, merged …)', {
    timeout: 60_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(workload, async (ops) => {
        for (const op of ops) await apply(op);
        await catchUpMetrics(db);
        await expectExact();
      }),
      {
        numRuns: Number(process.env.FC_RUNS ?? 30),
        seed: Number(process.env.FC_SEED ?? 1406),
        endOnFailure: true,
      },
    );
    const left = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM metric_dirty`);
    expect(left[0]!.n).toBe(0);
  });

  it('answer a request over whole months from the monthly team rollup exactly as over the days', async () => {
    // The same scope once as the dashboards ask it (team rollup: whole months from the monthly one) and once with a
    // segment rule that holds for every row, the workload's channels (the daily rollup with every dimension: days only).
    const months = { organisationId: org.id, rules: [] };
    const days = { organisationId: org.id, rules: [{ channel: [...CHANNELS] }] };
    const today = localDate(new Date());
    const shift = (n: number) => {
      const d = new Date(`${today}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + n);
      return d.toISOString().slice(0, 10);
    };
    const firstOfMonth = `${shift(-45).slice(0, 7)}-01`;
    const ranges = [
      { from: shift(-70), to: shift(3), currentFrom: shift(-33) },
      { from: firstOfMonth, to: shift(0), currentFrom: `${shift(-10).slice(0, 7)}-01` },
      { from: shift(-20), to: shift(-2), currentFrom: shift(-11) },
    ];
    const sortRows = (r: { key: string | null }[]) =>
      [...r].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    let read = 0;
    for (const { from, to, currentFrom } of ranges)
      for (const grouping of [
        { kind: 'total' },
        { kind: 'split', currentFrom },
        { kind: 'dimension', by: 'team' },
        { kind: 'dimension', by: 'channel' },
        { kind: 'grain', grain: 'month' },
      ] as const) {
        for (const fact of ['contact', 'case', 'survey', 'callback'] as const) {
          const viaMonths = await rollupSums(db, fact, months, from, to, grouping);
          read += viaMonths.length;
          expect(sortRows(viaMonths), `${fact} ${from}..${to} ${grouping.kind}`).toEqual(
            sortRows(await rollupSums(db, fact, days, from, to, grouping)),
          );
        }
        expect(sortRows(await resolutionHistogram(db, months, from, to, grouping))).toEqual(
          sortRows(await resolutionHistogram(db, days, from, to, grouping)),
        );
      }
    expect(read).toBeGreaterThan(0);
    // The first range holds whole months: the monthly rollup has their rows.
    const monthly = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM metric_contact_team_month WHERE organisation_id = ${org.id}`,
    );
    expect(monthly[0]!.n).toBeGreaterThan(0);
  });

  it("answer a request by district, kind of customer, language or age band (and an agent's) from the profile (and agent) rollup exactly as from the daily one", async () => {
    // The same request once as the dashboards ask it (one attribute: the profile rollup) and once with a condition on
    // a second attribute that holds for every row (two attributes: the daily rollup with every dimension).
    const from = '2000-01-01';
    const to = '2999-12-31';
    const profile = { organisationId: org.id, rules: [] };
    const everyKind = { ...profile, exceptCustomerKinds: ['nobody'] };
    const everyLanguage = { ...profile, rules: [{ language: ['nl' as const, 'en' as const] }] };
    const sortRows = (r: { key: string | null }[]) =>
      [...r].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    let read = 0;
    for (const [by, daily] of [
      ['area', everyKind],
      ['language', everyKind],
      ['ageBand', everyKind],
      ['customerKind', everyLanguage],
    ] as const) {
      const grouping = { kind: 'dimension', by } as const;
      for (const fact of ['contact', 'case', 'survey', 'callback'] as const) {
        const viaProfile = await rollupSums(db, fact, profile, from, to, grouping);
        read += viaProfile.length;
        expect(sortRows(viaProfile), `${fact} by ${by}`).toEqual(
          sortRows(await rollupSums(db, fact, daily, from, to, grouping)),
        );
      }
      expect(sortRows(await resolutionHistogram(db, profile, from, to, grouping))).toEqual(
        sortRows(await resolutionHistogram(db, daily, from, to, grouping)),
      );
    }
    // An agent's own contacts, per channel (the agent rollup; with a second condition, the daily one).
    const agent = org.users.agent.id;
    for (const grouping of [{ kind: 'total' }, { kind: 'dimension', by: 'channel' }] as const)
      expect(
        sortRows(await rollupSums(db, 'contact', { ...profile, agentId: agent }, from, to, grouping)),
      ).toEqual(
        sortRows(await rollupSums(db, 'contact', { ...everyKind, agentId: agent }, from, to, grouping)),
      );
    // A district's own figures, per channel.
    for (const area of ['Centrum', 'West'])
      for (const fact of ['contact', 'case', 'survey', 'callback'] as const) {
        const grouping = { kind: 'dimension', by: 'channel' } as const;
        expect(sortRows(await rollupSums(db, fact, { ...profile, area }, from, to, grouping))).toEqual(
          sortRows(await rollupSums(db, fact, { ...everyKind, area }, from, to, grouping)),
        );
      }
    expect(read).toBeGreaterThan(0);
    // And it is the profile (agent) rollup that answered: without its rows (in a transaction rolled back) the answer is
    // empty.
    const rolledBack = new Error('rolled back');
    await expect(
      db.transaction(async (tx) => {
        const grouping = { kind: 'dimension', by: 'area' } as const;
        expect((await rollupSums(tx, 'case', profile, from, to, grouping)).length).toBeGreaterThan(0);
        await tx.execute(sql`DELETE FROM metric_case_profile_day WHERE organisation_id = ${org.id}`);
        expect(await rollupSums(tx, 'case', profile, from, to, grouping)).toEqual([]);
        const own = { ...profile, agentId: org.users.agent.id };
        expect((await rollupSums(tx, 'contact', own, from, to, { kind: 'total' })).length).toBeGreaterThan(0);
        await tx.execute(sql`DELETE FROM metric_contact_agent_day WHERE organisation_id = ${org.id}`);
        expect(await rollupSums(tx, 'contact', own, from, to, { kind: 'total' })).toEqual([]);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
  });

  it('are the same rows when rebuilt from the raw data; the rebuild fills in missing resolution times', async () => {
    // At least one closed case of its own (not a child, not merged) for the part below: which cases the random
    // workloads closed, reopened or merged depends on the order of random ids.
    await apply({
      op: 'case',
      daysBack: 3,
      minute: 600,
      channel: 'web',
      item: 0,
      customer: null,
      area: null,
      kind: 'report',
      dueHours: 50,
      internalHours: null,
      closeHours: 20,
      breachReason: null,
      minutes: 100,
      decision: null,
      legalHours: null,
      child: false,
    });
    // Closed cases without a resolution time would get one from the rebuild (tested below): none, to compare.
    await db.execute(sql`UPDATE case_file SET resolution_minutes = 0
      WHERE organisation_id = ${org.id} AND closed_at IS NOT NULL AND resolution_minutes IS NULL`);
    await catchUpMetrics(db);
    const incremental = await allRollups();
    expect(incremental.metric_case_day!.length).toBeGreaterThan(5);
    await db.execute(sql`DELETE FROM metric_contact_day WHERE organisation_id = ${org.id}`);
    await db.execute(sql`DELETE FROM metric_case_day WHERE organisation_id = ${org.id}`);
    const progress: number[] = [];
    const r = await rebuildMetrics(db, org.id, {}, (p) => progress.push(p.done / p.total));
    expect(progress.at(-1)).toBe(1);
    expect(r.days).toBeGreaterThanOrEqual(60);
    await catchUpMetrics(db);
    expect(await allRollups()).toEqual(incremental);

    // A case closed before the resolution time was kept: the rebuild computes it from the calendar.
    const [closed] = await rows<{ id: string; day: string }>(sql`
      SELECT id, to_char(closed_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS day FROM case_file
      WHERE organisation_id = ${org.id} AND closed_at IS NOT NULL AND main_case_id IS NULL
        AND parent_case_id IS NULL ORDER BY closed_at DESC LIMIT 1`);
    await db.execute(sql`UPDATE case_file SET resolution_minutes = NULL WHERE id = ${closed!.id}`);
    const again = await rebuildMetrics(db, org.id, { from: closed!.day, to: closed!.day });
    expect(again).toMatchObject({ days: 1, resolutionFilled: 1 });
    // Filling it in marked its day; the rebuild recomputed that day, so the mark is gone (no second recompute).
    const marks = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM metric_dirty
      WHERE organisation_id = ${org.id} AND day = ${closed!.day}::date`);
    expect(marks[0]!.n).toBe(0);
    const [filled] = await rows<{ m: number | null }>(
      sql`SELECT resolution_minutes AS m FROM case_file WHERE id = ${closed!.id}`,
    );
    expect(filled!.m).not.toBeNull();
    await catchUpMetrics(db);
    await expectExact();
  });

  it('rebuild by organisation slug, as `voordeur metrics rebuild --organisation` runs it, with its progress', async () => {
    const before = await allRollups();
    const seen: { organisation: number; organisations: number }[] = [];
    const r = await rebuildAllMetrics(
      db,
      { organisation: org.slug, from: '2026-01-01', to: '2026-01-31' },
      (p) => seen.push(p),
    );
    expect(r).toMatchObject({ organisations: 1, days: 31 });
    expect(seen.every((p) => p.organisation === 1 && p.organisations === 1)).toBe(true);
    await expect(rebuildAllMetrics(db, { organisation: 'bestaat-niet' })).rejects.toThrow(/bestaat-niet/);
    await expect(rebuildMetrics(db, org.id, { from: '2026-13-45' })).rejects.toThrow(RangeError);
    await catchUpMetrics(db);
    expect(await allRollups()).toEqual(before);
  });

  it('leave the rollups the dashboards read no larger after a rebuild rewrote all their rows', async () => {
    const size = async () =>
      (
        await rows<{ bytes: number }>(
          sql`SELECT sum(pg_relation_size(c.oid))::float8 AS bytes FROM pg_class c
              WHERE c.relname IN (${sql.join(
                SMALL_ROLLUPS.map((t) => sql`${t}`),
                sql`, `,
              )})`,
        )
      )[0]!.bytes;
    await compactSmallRollups(db);
    const compact = await size();
    const before = await allRollups();
    expect(before.metric_contact_team_day!.length).toBeGreaterThan(5);
    // Every row is rewritten (its old version left behind); the command compacts them again. A compaction keeps the
    // old versions another transaction may still see (on PostgreSQL, autovacuum's ANALYZE of another table holds
    // one for a moment), so up to three rebuilds: without the compaction, every one leaves the tables larger.
    let after = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3 && after > compact; attempt++) {
      await rebuildAllMetrics(db, { organisation: org.slug });
      after = await size();
    }
    expect(after).toBeLessThanOrEqual(compact);
    expect(await allRollups()).toEqual(before);
  });

  it("snapshot yesterday's backlog once: the cases open at its end, overdue and their ages", async () => {
    const yesterday = new Date(NOW - DAY).toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });
    await db.execute(sql`DELETE FROM metric_backlog_day WHERE organisation_id = ${org.id}`);
    const first = await catchUpMetrics(db);
    expect(first.backlog).toBeGreaterThanOrEqual(1);
    const endText = `((DATE '${yesterday}' + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
    const end = sql.raw(endText);
    const [reference] = await rows<{ open: number; overdue: number; age: number }>(sql`
      SELECT count(*)::int AS open, (${yes(`due_at < ${endText}`)})::int AS overdue,
        coalesce(sum(DATE ${sql.raw(`'${yesterday}'`)} - (created_at AT TIME ZONE 'Europe/Amsterdam')::date), 0)::int AS age
      FROM case_file WHERE organisation_id = ${org.id} AND parent_case_id IS NULL AND created_at < ${end}
        AND (closed_at IS NULL OR closed_at >= ${end})`);
    const [snapshot] = await rows<{ open: number; overdue: number; age: number }>(sql`
      SELECT coalesce(sum(open), 0)::int AS open, coalesce(sum(overdue), 0)::int AS overdue,
        coalesce(sum(age_days), 0)::int AS age
      FROM metric_backlog_day WHERE organisation_id = ${org.id} AND day = ${yesterday}::date`);
    expect(reference!.open).toBeGreaterThan(0);
    expect(snapshot).toEqual(reference);
    // Taken once: a case made since does not change yesterday's snapshot.
    await db.execute(sql`UPDATE case_file SET created_at = created_at - interval '1 day' WHERE organisation_id = ${org.id}
      AND closed_at IS NULL AND parent_case_id IS NULL AND id = (SELECT id FROM case_file WHERE organisation_id = ${org.id}
      AND closed_at IS NULL AND parent_case_id IS NULL ORDER BY id LIMIT 1)`);
    await catchUpMetrics(db);
    const [still] = await rows<{ open: number }>(sql`
      SELECT coalesce(sum(open), 0)::int AS open FROM metric_backlog_day
      WHERE organisation_id = ${org.id} AND day = ${yesterday}::date`);
    expect(still!.open).toBe(snapshot!.open);
  });
});

describe('an update of a case', () => {
  it('marks only the days whose rollup it changes: not the day it was made when it closes', async () => {
    const [c] = await rows<{ id: string; made: string }>(sql`
      SELECT id, to_char(created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS made FROM case_file
      WHERE organisation_id = ${org.id} AND closed_at IS NULL AND parent_case_id IS NULL
        AND (created_at AT TIME ZONE 'Europe/Amsterdam')::date < (now() AT TIME ZONE 'Europe/Amsterdam')::date
      ORDER BY created_at LIMIT 1`);
    expect(c, 'an open case made before today').toBeDefined();
    const dirty = async () => {
      const r = await rows<{ day: string }>(sql`SELECT day::text AS day FROM metric_dirty
        WHERE organisation_id = ${org.id} AND fact = 'case' ORDER BY day`);
      // The catch-up recomputes those days and takes the marks away.
      await catchUpMetrics(db);
      return r.map((x) => x.day);
    };
    await dirty();
    // A change no rollup reads (a status, the time of the last change): no day.
    await db.execute(sql`UPDATE case_file SET updated_at = now() WHERE id = ${c!.id}`);
    expect(await dirty()).toEqual([]);
    // Closing: the day it closed, not the day it was made.
    await db.execute(
      sql`UPDATE case_file SET closed_at = now(), resolution_minutes = 60 WHERE id = ${c!.id}`,
    );
    const today = localDate(new Date());
    expect(await dirty()).toEqual([today]);
    // Another language moves its `opened` count of the day it was made, and its closing day's figures.
    await db.execute(sql`UPDATE case_file SET language = CASE WHEN language = 'en' THEN 'nl' ELSE 'en' END
      WHERE id = ${c!.id}`);
    const reopenings = await rows<{ day: string }>(sql`
      SELECT DISTINCT to_char(created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS day FROM case_event
      WHERE case_id = ${c!.id} AND (kind = 'reopened' OR (kind = 'survey' AND data->>'reopened' = 'true'))`);
    expect(await dirty()).toEqual([...new Set([c!.made, today, ...reopenings.map((r) => r.day)])].sort());
    await expectExact();
  });
});

describe('a case closed through the cases service', () => {
  let back: Session;
  let agent: Session;
  beforeAll(async () => {
    [back, agent] = await Promise.all([signIn(t.app, org.users.backoffice), signIn(t.app, org.users.agent)]);
  });

  it('stores its working time to resolve at closure and clears it on a reopen; the rollup counts it', async () => {
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: agent.headers,
      payload: {
        itemCode: 'lamp',
        description: 'Lamp is kapot',
        location: { description: 'Dorpsstraat 1' },
        channel: 'web',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    let c = made.json();
    for (const to of ['in_behandeling', 'afgehandeld']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${c.id}/transitions`,
        headers: back.headers,
        payload: { to, version: c.version },
      });
      expect(res.statusCode, res.body).toBe(200);
      c = res.json();
    }
    const minutes = async () =>
      (
        await rows<{ m: number | null }>(
          sql`SELECT resolution_minutes AS m FROM case_file WHERE id = ${c.id}`,
        )
      )[0]!.m;
    expect(await minutes()).toBeGreaterThanOrEqual(0);
    await catchUpMetrics(db);
    await expectExact();
    const reopened = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/reopen`,
      headers: back.headers,
      payload: { reason: 'De lamp is weer kapot', version: c.version },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(await minutes()).toBeNull();
    await catchUpMetrics(db);
    await expectExact();
  });
});

describe('a contact closed as "only asked how a case stands"', () => {
  it('is stored, answered by the contacts API and counted in the rollup as a status inquiry', async () => {
    const agent = await signIn(t.app, org.users.agent);
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/contacts',
      headers: agent.headers,
      payload: { channel: 'phone' },
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().statusInquiry).toBe(false);
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/contacts/${made.json().id}/close`,
      headers: agent.headers,
      payload: { outcome: 'answered', statusInquiry: true, version: made.json().version },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ outcome: 'answered', statusInquiry: true });
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/contacts/${made.json().id}/close`,
      headers: agent.headers,
      payload: { outcome: 'answered', statusInquiry: 'ja', version: closed.json().version },
    });
    expect(wrong.statusCode).toBe(400);
    await catchUpMetrics(db);
    const [today] = await rows<{ n: number }>(sql`
      SELECT coalesce(sum(status_inquiries), 0)::int AS n FROM metric_contact_day
      WHERE organisation_id = ${org.id} AND agent_user_id = ${org.users.agent.id}
        AND day = ${new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' })}::date`);
    expect(today!.n).toBeGreaterThanOrEqual(1);
    await expectExact();
  });
});

describe('avoidable contact', () => {
  it('counts a contact that only asked how a case stands and repeated an earlier one once', async () => {
    const other = await makeOrg(t.database);
    const noon = new Date('2025-06-11T10:00:00Z');
    // A status inquiry, a repeat, one that is both, and one that is neither.
    for (const [repeat, status] of [
      [false, true],
      [true, false],
      [true, true],
      [false, false],
    ])
      await db.execute(sql`
        INSERT INTO contact (organisation_id, channel, direction, started_at, ended_at, outcome, is_repeat,
          status_inquiry, team_id)
        VALUES (${other.id}, 'phone', 'in', ${noon}, ${new Date(noon.getTime() + 60_000)}, 'answered', ${repeat},
          ${status}, ${other.teams.front})`);
    await rebuildMetrics(db, other.id, { from: '2025-06-11', to: '2025-06-11' });
    const manager = await signIn(t.app, other.users.manager);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/metrics/overview?from=2025-06-11&to=2025-06-11',
      headers: manager.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const value = (code: string) =>
      (res.json() as { items: { code: string; value: number | null }[] }).items.find((i) => i.code === code)
        ?.value;
    // 3 of 4, not (2 status inquiries + 2 repeats) of 4.
    expect(value('avoidable_contacts')).toBe(75);
    expect(value('repeat_contacts')).toBe(50);
  });
});

describe.runIf(dbKind === 'postgres')('two catch-ups at once', () => {
  it('recompute each dirty day once (FOR UPDATE SKIP LOCKED)', async () => {
    await catchUpMetrics(db);
    await db.execute(sql`
      INSERT INTO metric_dirty (organisation_id, fact, day)
      SELECT ${org.id}, f, d::date FROM unnest(ARRAY['contact', 'case', 'survey', 'callback']) AS f
      CROSS JOIN generate_series(DATE '2025-01-01', DATE '2025-03-31', interval '1 day') AS d`);
    const runs = await Promise.all([catchUpMetrics(db), catchUpMetrics(db)]);
    expect(runs[0]!.days! + runs[1]!.days!).toBe(4 * 90);
    const left = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM metric_dirty`);
    expect(left[0]!.n).toBe(0);
  });
});
