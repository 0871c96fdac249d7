/**
 * The monitoring benchmark's data (issue 14): a city-year of raw rows — contacts, cases, survey answers,
 * callbacks, customers — made by a seeded PRNG, so a run is reproducible from its seed, and written in bulk.
 *
 * The shape: the demo organisation (its teams, users, catalogue and survey) grown to ~12 teams, ~80 agents,
 * ~150 items and ~20 districts; customers with a kind, a preferred language and (residents) a birth date; a year of
 * days weighted by weekday and season; channels with their own hours; late cases with a breach reason;
 * complaints decided under the Awb; reopened cases; merged duplicates; callbacks; repeat contacts and status
 * inquiries. Every id is derived from (kind, run, index), so a second run (`--double`) and "a day of work" add rows
 * beside the first without colliding.
 *
 * Writing: every table by `INSERT … SELECT FROM unnest($1::type[], …)` — one array parameter per column, a few
 * thousand rows per statement — on PostgreSQL (node-postgres) and PGlite alike. The year is written with
 * `session_replication_role = replica` (no foreign-key checks and no ordinary triggers: the rows refer to rows
 * that exist by construction, and the rollups are rebuilt afterwards); "a day of work" is written normally, so the
 * rollup triggers mark its days dirty for the catch-up.
 */
import { type Db, queryRows } from '@voordeur/db';
import { Presets, SingleBar } from 'cli-progress';
import { type SQL, sql } from 'drizzle-orm';

/** The issue's city-year. `--scale` multiplies the raw rows (not the teams, agents, items and districts). */
export const CITY_YEAR = { contacts: 5_000_000, cases: 1_000_000, responses: 250_000, customers: 1_000_000 };
export type Volume = typeof CITY_YEAR;
export const SHAPE = { teams: 12, agents: 80, items: 150, districts: 20 };

export function volumeAt(scale: number): Volume {
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  return {
    contacts: n(CITY_YEAR.contacts),
    cases: n(CITY_YEAR.cases),
    responses: n(CITY_YEAR.responses),
    customers: Math.max(100, n(CITY_YEAR.customers)),
  };
}

// ---- a seeded PRNG --------------------------------------------------------------------------------------------

function hashString(s: string) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** sfc32, seeded from the run's seed and a stream name: each table draws from its own stream. */
export function prng(seed: number, stream: string): () => number {
  let a = (seed ^ 0x9e3779b9) >>> 0;
  let b = hashString(stream);
  let c = (Math.imul(seed, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  let d = 1;
  const next = () => {
    const t0 = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const t = (t0 + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  return next;
}

/** Picks an index with the given weights (binary search over the cumulative weights). */
function weighted(weights: readonly number[]) {
  const cum: number[] = [];
  let s = 0;
  for (const w of weights) {
    s += w;
    cum.push(s);
  }
  return (r: number) => {
    const x = r * s;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Zipf-like weights: a few items and districts take most of the work, as in a real municipality. */
const zipf = (n: number, s = 1) => Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);

/** Standard normal (Box–Muller). */
function normal(rand: () => number) {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

// ---- local days (Europe/Amsterdam) ------------------------------------------------------------------------------

const hourInAmsterdam = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  hourCycle: 'h23',
});
const dateInAmsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

/** The local date (YYYY-MM-DD) of an instant. */
export const localDate = (d: Date) => dateInAmsterdam.format(d);

export function addDays(day: string, n: number) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The instant (ms) the local day starts. */
export function localMidnight(day: string) {
  const noon = Date.parse(`${day}T12:00:00Z`);
  const offset = (Number(hourInAmsterdam.format(new Date(noon))) - 12 + 24) % 24;
  return Date.parse(`${day}T00:00:00Z`) - offset * 3_600_000;
}

const DAY_MS = 86_400_000;

/** How busy a day is: weekdays, the summer and Christmas holidays, January's letters, a slow growth. */
function dayWeight(day: string, index: number, days: number) {
  const d = new Date(`${day}T00:00:00Z`);
  const weekday = [0.15, 1.3, 1.15, 1.05, 1.05, 0.9, 0.2][d.getUTCDay()]!;
  const month = d.getUTCMonth();
  const season = month === 6 || month === 7 ? 0.8 : month === 0 ? 1.15 : month === 11 ? 0.85 : 1;
  return weekday * season * (0.95 + (0.1 * index) / Math.max(1, days));
}

// ---- the words and mixes of the generated rows ------------------------------------------------------------------

export const DISTRICTS = [
  'Centrum',
  'Noord',
  'Oost',
  'Zuid',
  'West',
  'Binnenstad',
  'Oude Haven',
  'Stationskwartier',
  'Parkwijk',
  'Bloemenbuurt',
  'Schildersbuurt',
  'Rivierenwijk',
  'Molenwijk',
  'Nieuw-Zuid',
  'De Hoven',
  'Kanaleneiland',
  'Veldhuizen',
  'Hoograven',
  'Bedrijventerrein De Weg',
  'Buitengebied',
];
const DISTRICT_WEIGHTS = zipf(DISTRICTS.length, 0.6);

/** Channels of contacts and their shares; the hours they are used (local time, from–to). */
const CONTACT_CHANNELS = [
  { channel: 'phone', share: 0.42, hours: [8.5, 17], agent: true, wait: true },
  { channel: 'web', share: 0.18, hours: [6, 24], agent: false, wait: false },
  { channel: 'email', share: 0.12, hours: [0, 24], agent: true, wait: false },
  { channel: 'desk', share: 0.1, hours: [9, 16.5], agent: true, wait: true },
  { channel: 'chat', share: 0.09, hours: [9, 17], agent: true, wait: true },
  { channel: 'app', share: 0.04, hours: [6, 24], agent: false, wait: false },
  { channel: 'social', share: 0.03, hours: [8, 22], agent: true, wait: false },
  { channel: 'letter', share: 0.02, hours: [9, 17], agent: true, wait: false },
] as const;
const CASE_CHANNELS = [
  { channel: 'web', share: 0.46, hours: [6, 24] },
  { channel: 'phone', share: 0.24, hours: [8.5, 17] },
  { channel: 'app', share: 0.1, hours: [6, 24] },
  { channel: 'email', share: 0.08, hours: [0, 24] },
  { channel: 'desk', share: 0.06, hours: [9, 16.5] },
  { channel: 'social', share: 0.03, hours: [8, 22] },
  { channel: 'letter', share: 0.03, hours: [9, 17] },
] as const;
const OUTCOMES = [
  { outcome: 'answered', share: 0.71 },
  { outcome: 'case', share: 0.13 },
  { outcome: 'callback', share: 0.05 },
  { outcome: 'referred', share: 0.05 },
  { outcome: 'not_helped', share: 0.03 },
  { outcome: null, share: 0.03 },
] as const;
const BREACH_REASONS = ['capacity', 'complex', 'third_party', 'handover', 'other'];
const BREACH_WEIGHTS = [0.38, 0.24, 0.2, 0.1, 0.08];
const COMPLAINT_OUTCOMES = ['founded', 'partly_founded', 'unfounded', 'withdrawn'];
const COMPLAINT_WEIGHTS = [0.28, 0.22, 0.42, 0.08];
/** Survey grades 1..10: most people are content, a tail is not. */
const GRADE_WEIGHTS = [0.02, 0.015, 0.025, 0.03, 0.05, 0.1, 0.2, 0.3, 0.17, 0.09];
const NORM_DAYS = [3, 5, 8, 10, 14, 20, 28, 42, 56];
const EXTRA_TEAMS = [
  { name: 'KCC Digitaal', kind: 'front_office' },
  { name: 'Afval en reiniging', kind: 'back_office' },
  { name: 'Werk en inkomen', kind: 'back_office' },
  { name: 'Handhaving', kind: 'back_office' },
  { name: 'Groen en water', kind: 'back_office' },
];

// ---- ids ------------------------------------------------------------------------------------------------------

/** Which table an id is of (the first group of the uuid). */
const KIND = {
  customer: 1,
  contact: 2,
  case: 3,
  invitation: 4,
  response: 5,
  callback: 6,
  event: 7,
  agent: 8,
};

/** A fixed id for row `i` of `kind` in run `run` (a valid version-4-shaped uuid). */
export function uid(kind: number, run: number, i: number) {
  return `${kind.toString(16).padStart(8, '0')}-${run.toString(16).padStart(4, '0')}-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

// ---- bulk writing -----------------------------------------------------------------------------------------------

type Cell = string | number | boolean | null;
/** A column of a bulk insert: its name and its array type; `ts` columns take epoch milliseconds. */
type ColumnSpec = readonly [name: string, type: 'uuid' | 'text' | 'int' | 'bigint' | 'bool' | 'ts' | 'jsonb'];

const quote = (v: string) => `"${v.replace(/[\\"]/g, '\\$&')}"`;
/** One column as a PostgreSQL array literal (one text parameter). */
function arrayLiteral(values: Cell[], type: ColumnSpec[1]) {
  const parts = values.map((v) => {
    if (v === null) return 'NULL';
    if (type === 'uuid' || type === 'int' || type === 'bigint') return String(v);
    if (type === 'ts') return String((v as number) / 1000);
    if (type === 'bool') return v ? 't' : 'f';
    return quote(String(v));
  });
  return `{${parts.join(',')}}`;
}

const SQL_TYPE = {
  uuid: 'uuid',
  text: 'text',
  int: 'int',
  bigint: 'bigint',
  bool: 'boolean',
  ts: 'float8',
  jsonb: 'jsonb',
};

/** Rows of one table gathered column by column, written in statements of `batch` rows. */
class BulkTable {
  private columns: Cell[][];
  rows = 0;
  written = 0;
  constructor(
    readonly table: string,
    readonly organisationId: string,
    readonly spec: readonly ColumnSpec[],
    private readonly write: (q: SQL) => Promise<void>,
    /** Columns with one SQL value for every row. */
    private readonly constants: Record<string, string> = {},
    private readonly batch = 5000,
  ) {
    this.columns = spec.map(() => []);
  }

  async add(...row: Cell[]) {
    for (let i = 0; i < row.length; i++) this.columns[i]!.push(row[i]!);
    this.rows++;
    if (this.rows >= this.batch) await this.flush();
  }

  async flush() {
    if (!this.rows) return;
    const names = [...this.spec.map(([n]) => n), ...Object.keys(this.constants)].join(', ');
    const selects = [
      ...this.spec.map(([, type], i) => (type === 'ts' ? `to_timestamp(u.c${i})` : `u.c${i}`)),
      ...Object.values(this.constants),
    ].join(', ');
    const params = sql.join(
      this.spec.map(
        ([, type], i) => sql`${arrayLiteral(this.columns[i]!, type)}::${sql.raw(SQL_TYPE[type])}[]`,
      ),
      sql`, `,
    );
    const alias = this.spec.map((_, i) => `c${i}`).join(', ');
    const statement = sql`INSERT INTO ${sql.raw(this.table)} (organisation_id, ${sql.raw(names)})
      SELECT ${this.organisationId}::uuid, ${sql.raw(selects)} FROM unnest(${params}) AS u(${sql.raw(alias)})`;
    this.columns = this.spec.map(() => []);
    this.written += this.rows;
    this.rows = 0;
    await this.write(statement);
  }
}

// ---- the city: teams, agents, items, districts, survey -----------------------------------------------------------

export interface CityItem {
  id: string;
  versionId: string;
  code: string;
  kind: string;
  teamId: string;
  normDays: number;
  openStatus: string;
  closedStatus: string;
}

export interface City {
  organisationId: string;
  teams: { id: string; name: string; kind: string }[];
  /** Agents with their (front-office) team; the demo agents first. */
  agents: { id: string; teamId: string }[];
  items: CityItem[];
  surveyId: string;
  surveyVersionId: string;
  /** Customers written so far, per run: contacts and cases of later runs draw from all of them. */
  customerRuns: { run: number; count: number }[];
}

interface Definition {
  code: string;
  kind: string;
  name: Record<string, string>;
  norms?: { serviceNorm?: { unit: string; amount: number } };
  handling?: { statuses?: { key: string; final: boolean }[] };
}

const normDaysOf = (d: Definition, rand: () => number) => {
  const n = d.norms?.serviceNorm;
  if (n?.unit === 'weeks') return n.amount * 7;
  if (n?.unit === 'days' || n?.unit === 'working_days')
    return Math.round(n.amount * (n.unit === 'days' ? 1 : 1.4));
  return NORM_DAYS[Math.floor(rand() * NORM_DAYS.length)]!;
};

/**
 * Grows the demo organisation (seeded before) to the benchmark's city: extra teams, agents in the front-office
 * teams (the demo agents among them, so their dashboards have figures), catalogue items up to ~150 (copies of the
 * demo's definitions under new codes and names), each with a team and a norm.
 */
export async function prepareCity(db: Db, organisationId: string, seed: number): Promise<City> {
  const rand = prng(seed, 'city');
  for (const t of EXTRA_TEAMS) {
    await db.execute(sql`INSERT INTO team (organisation_id, name, kind) VALUES (${organisationId}, ${t.name}, ${t.kind})
      ON CONFLICT (organisation_id, name) DO NOTHING`);
  }
  const teams = (
    await queryRows<{ id: string; name: string; kind: string }>(
      db,
      sql`SELECT id, name, kind FROM team WHERE organisation_id = ${organisationId} AND kind <> 'management' ORDER BY name`,
    )
  ).slice(0, SHAPE.teams);
  const front = teams.filter((t) => t.kind === 'front_office');
  const back = teams.filter((t) => t.kind === 'back_office');
  if (!front.length || !back.length)
    throw new Error('the demo organisation has no front- or back-office team');

  const demoAgents = await queryRows<{ id: string; teamId: string }>(
    db,
    sql`SELECT m.user_id AS id, m.team_id AS "teamId" FROM membership m
        JOIN app_user u ON u.organisation_id = m.organisation_id AND u.id = m.user_id
        WHERE m.organisation_id = ${organisationId} AND m.role = 'agent' ORDER BY u.email`,
  );
  const agents = [...demoAgents];
  const frontWeights = weighted(front.map((t) => (t.name === 'KCC' ? 3 : 1)));
  for (let i = agents.length; i < SHAPE.agents; i++) {
    const id = uid(KIND.agent, 0, i);
    const teamId = front[frontWeights(rand())]!.id;
    // No password anyone knows: these accounts exist for their figures and never sign in.
    await db.execute(sql`INSERT INTO app_user (id, organisation_id, email, name, password_hash)
      VALUES (${id}, ${organisationId}, ${`medewerker-${i}@bench.invalid`}, ${`Medewerker ${i}`}, '!')
      ON CONFLICT DO NOTHING`);
    await db.execute(sql`INSERT INTO membership (organisation_id, user_id, team_id, role)
      SELECT ${organisationId}, ${id}, ${teamId}, 'agent'
      WHERE NOT EXISTS (SELECT 1 FROM membership WHERE organisation_id = ${organisationId} AND user_id = ${id})`);
    agents.push({ id, teamId });
  }

  const existing = await queryRows<{
    id: string;
    versionId: string;
    teamId: string | null;
    definition: Definition;
  }>(
    db,
    sql`SELECT i.id, i.published_version_id AS "versionId", i.team_id AS "teamId", v.definition
        FROM catalogue_item i JOIN catalogue_item_version v
          ON v.organisation_id = i.organisation_id AND v.id = i.published_version_id
        WHERE i.organisation_id = ${organisationId} AND i.state = 'published' ORDER BY i.code`,
  );
  if (!existing.length) throw new Error('the demo organisation has no published catalogue items');
  const statuses = (d: Definition) => {
    const s = d.handling?.statuses ?? [];
    return {
      openStatus: s.find((x) => !x.final)?.key ?? 'ontvangen',
      closedStatus: s.find((x) => x.final)?.key ?? 'afgehandeld',
    };
  };
  const items: CityItem[] = existing.map((e) => ({
    id: e.id,
    versionId: e.versionId,
    code: e.definition.code,
    kind: e.definition.kind,
    teamId: e.teamId ?? back[Math.floor(rand() * back.length)]!.id,
    normDays: normDaysOf(e.definition, rand),
    ...statuses(e.definition),
  }));
  const templates = existing.filter((e) => ['question', 'report', 'request'].includes(e.definition.kind));
  for (let i = items.length; i < SHAPE.items; i++) {
    const t = templates[i % templates.length]!;
    const code = `bench-${t.definition.code}-${i}`.slice(0, 80);
    const definition = {
      ...t.definition,
      code,
      name: Object.fromEntries(Object.entries(t.definition.name).map(([k, v]) => [k, `${v} (${i})`])),
    };
    const teamId = back[Math.floor(rand() * back.length)]!.id;
    const [found] = await queryRows<{ id: string; versionId: string }>(
      db,
      sql`SELECT id, published_version_id AS "versionId" FROM catalogue_item WHERE organisation_id = ${organisationId} AND code = ${code}`,
    );
    let ids = found;
    if (!ids) {
      const [item] = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO catalogue_item (organisation_id, code, state, audience, kind, team_id)
            VALUES (${organisationId}, ${code}, 'published', 'external', ${t.definition.kind}, ${teamId}) RETURNING id`,
      );
      const [version] = await queryRows<{ id: string }>(
        db,
        sql`INSERT INTO catalogue_item_version (organisation_id, item_id, number, definition, state, published_at)
            VALUES (${organisationId}, ${item!.id}, 1, ${JSON.stringify(definition)}::jsonb, 'published', now()) RETURNING id`,
      );
      await db.execute(
        sql`UPDATE catalogue_item SET published_version_id = ${version!.id} WHERE organisation_id = ${organisationId} AND id = ${item!.id}`,
      );
      ids = { id: item!.id, versionId: version!.id };
    }
    items.push({
      ...ids,
      code,
      kind: t.definition.kind,
      teamId,
      normDays: normDaysOf(t.definition, rand),
      ...statuses(t.definition),
    });
  }

  const [survey] = await queryRows<{ id: string; versionId: string }>(
    db,
    sql`SELECT id, published_version_id AS "versionId" FROM survey
        WHERE organisation_id = ${organisationId} AND published_version_id IS NOT NULL ORDER BY code LIMIT 1`,
  );
  if (!survey) throw new Error('the demo organisation has no published survey');
  return {
    organisationId,
    teams,
    agents,
    items,
    surveyId: survey.id,
    surveyVersionId: survey.versionId,
    customerRuns: [],
  };
}

// ---- generation ---------------------------------------------------------------------------------------------------

export interface GenerateOptions {
  /** Which run: 0 the city-year, 1 the doubling, 2… a day of work. Ids and PRNG streams differ per run. */
  run: number;
  seed: number;
  volume: Volume;
  /** Local days, inclusive. */
  from: string;
  to: string;
  /** Nothing happens after this instant: later closures stay open, later answers are not given. */
  now: Date;
  /** Bulk mode: no foreign-key checks and no ordinary triggers (the year); off for a day of work. */
  bulk: boolean;
  /** Show a progress bar on stderr. */
  progress: boolean;
}

export interface Generated {
  rows: Record<string, number>;
  seconds: number;
  /** Of `seconds`: dropping and rebuilding the secondary indexes (bulk mode). */
  indexSeconds: number;
}

/** The tables the generator writes. */
const TABLES = [
  'customer',
  'contact',
  'callback',
  'case_file',
  'case_event',
  'survey_invitation',
  'survey_response',
];

/**
 * Runs `fn` with the secondary indexes of the generator's tables dropped, then builds them again (the usual way to
 * load in bulk: one sort per index instead of millions of insertions). Primary keys and the indexes behind
 * constraints stay. Answers the seconds spent on the indexes.
 */
async function withoutIndexes(db: Db, fn: () => Promise<void>) {
  const t0 = performance.now();
  const indexes = await queryRows<{ name: string; definition: string }>(
    db,
    sql`SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename IN (${sql.join(
          TABLES.map((t) => sql`${t}`),
          sql`, `,
        )})
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const i of indexes) await db.execute(sql.raw(`DROP INDEX "${i.name}"`));
  let spent = performance.now() - t0;
  await fn();
  const t1 = performance.now();
  for (const i of indexes) await db.execute(sql.raw(i.definition));
  spent += performance.now() - t1;
  return spent / 1000;
}

/**
 * Writes one run's raw rows: customers, contacts (+ callbacks and contact survey answers), cases (+ reopen events,
 * merged duplicates, complaints and case survey answers).
 */
export async function generateCity(db: Db, city: City, o: GenerateOptions): Promise<Generated> {
  const t0 = performance.now();
  let rows: Record<string, number> = {};
  let indexSeconds = 0;
  if (o.bulk)
    indexSeconds = await withoutIndexes(db, async () => {
      rows = await writeRows(db, city, o);
    });
  else rows = await writeRows(db, city, o);
  return { rows, seconds: (performance.now() - t0) / 1000, indexSeconds };
}

async function writeRows(db: Db, city: City, o: GenerateOptions): Promise<Record<string, number>> {
  const org = city.organisationId;
  const v = o.volume;
  const bar = o.progress
    ? new SingleBar(
        {
          format: '  {bar} {percentage}% {value}/{total} rows | {table} | {eta_formatted} left',
          etaBuffer: 50,
          // Also into a log file or CI: a line every 5 s instead of a redrawn bar.
          noTTYOutput: true,
          notTTYSchedule: 5000,
        },
        Presets.shades_classic,
      )
    : null;
  const total = v.customers + v.contacts + v.cases + v.responses;
  bar?.start(total, 0, { table: 'customers' });
  let done = 0;
  const tick = (table: string) => {
    done++;
    if ((done & 1023) === 0) bar?.update(done, { table });
  };

  const write = async (q: SQL) => {
    if (!o.bulk) {
      await db.execute(q);
      return;
    }
    await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(q);
    });
  };
  const table = (name: string, spec: readonly ColumnSpec[], constants: Record<string, string> = {}) =>
    new BulkTable(name, org, spec, write, constants);

  // The days and their weights; each row picks a day, then a time within its channel's hours.
  const days: string[] = [];
  for (let d = o.from; d <= o.to; d = addDays(d, 1)) days.push(d);
  const pickDay = weighted(days.map((d, i) => dayWeight(d, i, days.length)));
  const midnights = days.map(localMidnight);
  const nowMs = o.now.getTime();
  const timeOn = (rand: () => number, hours: readonly number[]) => {
    const day = pickDay(rand());
    const h = hours[0]! + (hours[1]! - hours[0]!) * rand();
    return Math.min(midnights[day]! + h * 3_600_000, nowMs - 60_000);
  };

  // ---- customers
  const customers = table('customer', [
    ['id', 'uuid'],
    ['kind', 'text'],
    ['name', 'text'],
    ['name_search', 'text'],
    ['date_of_birth', 'text'],
    ['area', 'text'],
    ['preferred_language', 'text'],
    ['created_at', 'ts'],
    ['updated_at', 'ts'],
  ]);
  {
    const rand = prng(o.seed + o.run, 'customers');
    const district = weighted(DISTRICT_WEIGHTS);
    const birthFrom = Date.parse('1930-01-01');
    const birthSpan = Date.parse('2008-01-01') - birthFrom;
    for (let i = 0; i < v.customers; i++) {
      const r = rand();
      const kind = r < 0.88 ? 'resident' : r < 0.98 ? 'business' : 'employee';
      // Invented people: a number, never a name that could be someone's.
      const name = kind === 'business' ? `Bedrijf ${o.run}-${i}` : `Inwoner ${o.run}-${i}`;
      const born =
        kind === 'resident' && rand() < 0.85
          ? new Date(birthFrom + rand() * birthSpan).toISOString().slice(0, 10)
          : null;
      await customers.add(
        uid(KIND.customer, o.run, i),
        kind,
        name,
        name.toLowerCase(),
        born,
        rand() < 0.93 ? DISTRICTS[district(rand())]! : null,
        rand() < 0.91 ? 'nl' : 'en',
        midnights[0]! - 400 * DAY_MS,
        midnights[0]! - 400 * DAY_MS,
      );
      tick('customers');
    }
    await customers.flush();
  }
  if (v.customers > 0) city.customerRuns.push({ run: o.run, count: v.customers });
  const customerTotal = city.customerRuns.reduce((s, c) => s + c.count, 0);
  /** A customer of any run so far, the frequent askers more often. */
  const pickCustomer = (rand: () => number) => {
    let i = Math.floor(rand() ** 1.4 * customerTotal);
    for (const c of city.customerRuns) {
      if (i < c.count) return uid(KIND.customer, c.run, i);
      i -= c.count;
    }
    return null;
  };

  const itemsOfKind = (kinds: string[]) =>
    city.items.map((it, i) => (kinds.includes(it.kind) ? i : -1)).filter((i) => i >= 0);
  const questionItems = itemsOfKind(['question', 'request', 'report']);
  const questionItem = weighted(zipf(questionItems.length, 0.8));
  const complaintItems = itemsOfKind(['complaint']);
  const caseItems = itemsOfKind(['report', 'request', 'question']);
  const caseItem = weighted(zipf(caseItems.length, 0.9));
  const agentPick = weighted(city.agents.map((_, i) => (i === 0 ? 3 : 1)));
  const district = weighted(DISTRICT_WEIGHTS);

  // Survey answers: ~60 % after cases, ~40 % after contacts, in proportion to the rows that can be answered.
  const pContactAnswer = (v.responses * 0.4) / Math.max(1, v.contacts);
  const pCaseAnswer = (v.responses * 0.6) / Math.max(1, v.cases * 0.9);
  const invitations = table(
    'survey_invitation',
    [
      ['id', 'uuid'],
      ['token_hash', 'text'],
      ['survey_id', 'uuid'],
      ['survey_version_id', 'uuid'],
      ['source', 'text'],
      ['case_id', 'uuid'],
      ['contact_id', 'uuid'],
      ['customer_id', 'uuid'],
      ['email', 'text'],
      ['language', 'text'],
      ['created_at', 'ts'],
      ['expires_at', 'ts'],
      ['answered_at', 'ts'],
    ],
    { token_encrypted: `'\\x00'::bytea` },
  );
  const responses = table('survey_response', [
    ['id', 'uuid'],
    ['invitation_id', 'uuid'],
    ['survey_version_id', 'uuid'],
    ['source', 'text'],
    ['case_id', 'uuid'],
    ['contact_id', 'uuid'],
    ['grade', 'int'],
    ['effort', 'int'],
    ['solved', 'bool'],
    ['language', 'text'],
    ['channel', 'text'],
    ['item_code', 'text'],
    ['team_id', 'uuid'],
    ['area', 'text'],
    ['resolution_seconds', 'int'],
    ['follow_up', 'bool'],
    ['compliment', 'bool'],
    ['answered_at', 'ts'],
  ]);
  const gradeOf = weighted(GRADE_WEIGHTS);
  let answers = 0;
  const answerRand = prng(o.seed + o.run, 'answers');
  /** One invitation and its answer; `late` shifts the grade down (late cases, repeat contacts). */
  const answer = async (a: {
    source: 'case' | 'contact';
    caseId: string | null;
    contactId: string | null;
    customerId: string | null;
    language: string;
    channel: string;
    itemCode: string | null;
    teamId: string | null;
    area: string | null;
    resolutionSeconds: number | null;
    /** When the case closed or the contact started; null: not closed (yet), so no answer, but the same draws. */
    after: number | null;
    penalty: number;
  }) => {
    const rand = answerRand;
    // Every draw before any test of the clock: the stream stays the same whenever the run starts.
    const at = (a.after ?? nowMs) + (0.2 + rand() * 3) * DAY_MS;
    const grade = Math.max(1, Math.min(10, 1 + gradeOf(rand()) - a.penalty));
    const [r1, r2, r3, r4] = [rand(), rand(), rand(), rand()];
    const effortNoise = normal(rand);
    if (a.after === null || at >= nowMs || answers >= v.responses) return;
    const solved = r1 < 0.15 ? null : r2 < (grade >= 6 ? 0.9 : 0.35);
    const id = uid(KIND.invitation, o.run, answers);
    await invitations.add(
      id,
      `bench-${o.run}-${answers}`,
      city.surveyId,
      city.surveyVersionId,
      a.source,
      a.caseId,
      a.contactId,
      a.customerId,
      `antwoord-${o.run}-${answers}@bench.invalid`,
      a.language,
      a.after,
      a.after + 30 * DAY_MS,
      at,
    );
    await responses.add(
      uid(KIND.response, o.run, answers),
      id,
      city.surveyVersionId,
      a.source,
      a.caseId,
      a.contactId,
      grade,
      r3 < 0.8 ? Math.max(1, Math.min(5, Math.round(grade / 2 + effortNoise * 0.7))) : null,
      solved,
      a.language,
      a.channel,
      a.itemCode,
      a.teamId,
      a.area,
      a.resolutionSeconds,
      grade <= 5 || solved === false,
      grade >= 9 && r4 < 0.3,
      at,
    );
    answers++;
    tick('survey answers');
  };

  // ---- contacts (+ callbacks, contact answers)
  const contacts = table('contact', [
    ['id', 'uuid'],
    ['channel', 'text'],
    ['direction', 'text'],
    ['started_at', 'ts'],
    ['ended_at', 'ts'],
    ['wait_seconds', 'int'],
    ['customer_id', 'uuid'],
    ['catalogue_item_id', 'uuid'],
    ['outcome', 'text'],
    ['closed_automatically', 'bool'],
    ['is_repeat', 'bool'],
    ['status_inquiry', 'bool'],
    ['agent_user_id', 'uuid'],
    ['team_id', 'uuid'],
    ['language', 'text'],
    ['created_at', 'ts'],
    ['updated_at', 'ts'],
  ]);
  const callbacks = table('callback', [
    ['id', 'uuid'],
    ['contact_id', 'uuid'],
    ['customer_id', 'uuid'],
    ['team_id', 'uuid'],
    ['catalogue_item_id', 'uuid'],
    ['phone', 'text'],
    ['note', 'text'],
    ['due_at', 'ts'],
    ['state', 'text'],
    ['done_at', 'ts'],
    ['created_at', 'ts'],
  ]);
  {
    const rand = prng(o.seed + o.run, 'contacts');
    const channelOf = weighted(CONTACT_CHANNELS.map((c) => c.share));
    const outcomeOf = weighted(OUTCOMES.map((x) => x.share));
    let callbackCount = 0;
    for (let i = 0; i < v.contacts; i++) {
      const ch = CONTACT_CHANNELS[channelOf(rand())]!;
      const started = timeOn(rand, ch.hours);
      const handling = ch.channel === 'desk' ? 300 + rand() * 900 : 60 + rand() ** 2 * 900;
      const agentIndex = ch.agent ? agentPick(rand()) : -1;
      const agent = agentIndex >= 0 ? city.agents[agentIndex]! : null;
      const customerId = rand() < 0.82 ? pickCustomer(rand) : null;
      const it = rand() < 0.75 ? city.items[questionItems[questionItem(rand())]!]! : null;
      const repeat = rand() < 0.09;
      const statusInquiry = rand() < 0.07;
      // Agents' first-contact resolution differs: some answer more themselves.
      const skill = agent ? ((agentIndex * 7919) % 17) / 100 - 0.08 : 0;
      let outcome = OUTCOMES[outcomeOf(rand())]!.outcome as string | null;
      if (outcome !== 'answered' && outcome !== null && rand() < skill) outcome = 'answered';
      if (outcome === 'answered' && skill < 0 && rand() < -skill) outcome = 'case';
      const id = uid(KIND.contact, o.run, i);
      const language = rand() < 0.92 ? 'nl' : 'en';
      await contacts.add(
        id,
        ch.channel,
        rand() < 0.9 ? 'in' : 'out',
        started,
        started + handling * 1000,
        ch.wait ? Math.round(rand() ** 2 * 600) : null,
        customerId,
        it?.id ?? null,
        outcome,
        outcome === null,
        repeat,
        statusInquiry,
        agent?.id ?? null,
        agent?.teamId ?? null,
        language,
        started,
        started + handling * 1000,
      );
      tick('contacts');
      if (outcome === 'callback') {
        const due = started + (4 + rand() * 44) * 3_600_000;
        const r = rand();
        const doneAt = r < 0.82 ? due - rand() * 3 * 3_600_000 : r < 0.94 ? due + rand() * 2 * DAY_MS : null;
        const open = doneAt === null || doneAt > nowMs;
        await callbacks.add(
          uid(KIND.callback, o.run, callbackCount++),
          id,
          customerId,
          agent?.teamId ?? city.teams[0]!.id,
          it?.id ?? null,
          '+31200000000',
          '',
          due,
          open ? 'open' : 'done',
          open ? null : Math.max(doneAt!, started + 60_000),
          started,
        );
      }
      if (rand() < pContactAnswer)
        await answer({
          source: 'contact',
          caseId: null,
          contactId: id,
          customerId,
          language,
          channel: ch.channel,
          itemCode: it?.code ?? null,
          teamId: agent?.teamId ?? null,
          area: null,
          resolutionSeconds: null,
          after: started,
          penalty: (repeat ? 1 : 0) + (outcome === 'not_helped' ? 3 : outcome === 'answered' ? 0 : 1),
        });
    }
    await contacts.flush();
    await callbacks.flush();
  }

  // ---- cases (+ reopen events, complaint decisions, case answers)
  const cases = table('case_file', [
    ['id', 'uuid'],
    ['reference', 'text'],
    ['catalogue_item_id', 'uuid'],
    ['item_version_id', 'uuid'],
    ['kind', 'text'],
    ['subject', 'text'],
    ['description', 'text'],
    ['area', 'text'],
    ['customer_id', 'uuid'],
    ['channel', 'text'],
    ['team_id', 'uuid'],
    ['status', 'text'],
    ['status_changed_at', 'ts'],
    ['due_at', 'ts'],
    ['internal_due_at', 'ts'],
    ['legal_due_at', 'ts'],
    ['closed_at', 'ts'],
    ['resolution_minutes', 'int'],
    ['language', 'text'],
    ['main_case_id', 'uuid'],
    ['breached_at', 'ts'],
    ['breach_reason', 'text'],
    ['complaint', 'jsonb'],
    ['created_at', 'ts'],
    ['updated_at', 'ts'],
  ]);
  const events = table('case_event', [
    ['id', 'uuid'],
    ['case_id', 'uuid'],
    ['kind', 'text'],
    ['body', 'text'],
    ['by_label', 'text'],
    ['created_at', 'ts'],
  ]);
  {
    const rand = prng(o.seed + o.run, 'cases');
    const channelOf = weighted(CASE_CHANNELS.map((c) => c.share));
    const breachOf = weighted(BREACH_WEIGHTS);
    const complaintOutcome = weighted(COMPLAINT_WEIGHTS);
    for (let i = 0; i < v.cases; i++) {
      const ch = CASE_CHANNELS[channelOf(rand())]!;
      const created = timeOn(rand, ch.hours);
      const complaint = complaintItems.length > 0 && rand() < 0.015;
      const it = complaint
        ? city.items[complaintItems[Math.floor(rand() * complaintItems.length)]!]!
        : city.items[caseItems[caseItem(rand())]!]!;
      const id = uid(KIND.case, o.run, i);
      const area = rand() < 0.9 ? DISTRICTS[district(rand())]! : null;
      const customerId = rand() < 0.72 ? pickCustomer(rand) : null;
      const language = rand() < 0.92 ? 'nl' : 'en';
      // Teams differ in how fast they are: the team's own factor scales every case's duration.
      const teamIndex = city.teams.findIndex((t) => t.id === it.teamId);
      const teamFactor = 0.6 + ((Math.max(0, teamIndex) * 37) % 10) / 12;
      const norm = complaint ? 42 : it.normDays;
      const due = created + norm * DAY_MS;
      // Merged duplicates (reports only): closed within hours into an earlier case of the same run.
      const merged = it.kind === 'report' && i > 10 && rand() < 0.04;
      let closed: number | null;
      if (merged) closed = created + rand() * 6 * 3_600_000;
      else {
        const share = Math.exp(normal(rand) * 0.55) * 0.45 * teamFactor;
        closed = created + Math.max(0.02, share) * norm * DAY_MS;
      }
      // Drawn whether or not they are used: which cases are still open depends on the clock, the stream must not.
      const draws = [rand(), rand(), rand(), rand(), rand()];
      if (closed > nowMs) closed = null;
      const late = closed !== null && !merged && closed > due;
      const resolutionMinutes =
        closed === null ? null : Math.round(((closed - created) / DAY_MS) * (5 / 7) * 8 * 60);
      let complaintState: string | null = null;
      if (complaint)
        complaintState = JSON.stringify({
          advisoryCommittee: false,
          hearing: null,
          extension: null,
          decision:
            closed === null
              ? null
              : {
                  outcome: COMPLAINT_OUTCOMES[complaintOutcome(draws[0]!)],
                  text: '',
                  at: new Date(closed).toISOString(),
                },
        });
      await cases.add(
        id,
        `BM${o.run}-${i}`,
        it.id,
        it.versionId,
        it.kind,
        it.code,
        '',
        area,
        customerId,
        ch.channel,
        it.teamId,
        closed === null ? it.openStatus : it.closedStatus,
        closed ?? created,
        due,
        created + norm * 0.7 * DAY_MS,
        complaint ? created + 42 * DAY_MS : null,
        closed,
        resolutionMinutes,
        language,
        merged ? uid(KIND.case, o.run, i - 1 - Math.floor(rand() * 10)) : null,
        late ? due : null,
        late ? BREACH_REASONS[breachOf(draws[1]!)]! : null,
        complaintState,
        created,
        closed ?? created,
      );
      tick('cases');
      // Reopened: about 2 % of closed cases, some days after closing (the case was closed again since).
      if (closed !== null && !merged && draws[2]! < 0.02) {
        const at = closed - (closed - created) * 0.3 * draws[3]!;
        // The case's own index: at most one event per case, and the ids do not shift with the clock.
        await events.add(uid(KIND.event, o.run, i), id, 'reopened', 'Heropend', 'Benchmark', at);
      }
      if (!merged && draws[4]! < pCaseAnswer)
        await answer({
          source: 'case',
          caseId: id,
          contactId: null,
          customerId,
          language,
          channel: ch.channel,
          itemCode: it.code,
          teamId: it.teamId,
          area,
          resolutionSeconds: closed === null ? null : Math.round((closed - created) / 1000),
          after: closed,
          penalty: (late ? 2 : 0) + (closed !== null && closed - created > norm * 0.8 * DAY_MS ? 1 : 0),
        });
    }
    await cases.flush();
    await events.flush();
    await invitations.flush();
    await responses.flush();
  }
  bar?.update(done, { table: 'done' });
  bar?.stop();
  return {
    customers: customers.written,
    contacts: contacts.written,
    callbacks: callbacks.written,
    cases: cases.written,
    'case events': events.written,
    'survey answers': responses.written,
  };
}

/**
 * The rest of a day of work on the cases of earlier days (the new rows of the day come from `generateCity`): the
 * oldest open cases are closed now (as many as a day opens), a few recently closed ones are reopened. Written
 * normally, so the rollup triggers mark every day these rows touch.
 */
export async function workOnOlderCases(db: Db, city: City, closures: number, answers: number, now: Date) {
  const org = city.organisationId;
  const t = now.toISOString();
  const closed = await queryRows<{ n: number }>(
    db,
    sql`WITH picked AS (
          SELECT id FROM case_file
          WHERE organisation_id = ${org} AND closed_at IS NULL AND created_at < ${t}::timestamptz - interval '1 day'
          ORDER BY created_at LIMIT ${closures}
        ), done AS (
          UPDATE case_file c SET closed_at = ${t}::timestamptz, status_changed_at = ${t}::timestamptz,
            updated_at = ${t}::timestamptz,
            status = 'opgelost',
            resolution_minutes = (extract(epoch FROM ${t}::timestamptz - c.created_at) / 60 * 5 / 7 / 3)::int,
            breached_at = CASE WHEN c.due_at < ${t}::timestamptz THEN c.due_at END,
            breach_reason = CASE WHEN c.due_at < ${t}::timestamptz THEN 'capacity' END
          FROM picked WHERE c.organisation_id = ${org} AND c.id = picked.id
          RETURNING 1
        ) SELECT count(*)::int AS n FROM done`,
  );
  const reopened = await queryRows<{ n: number }>(
    db,
    sql`WITH picked AS (
          SELECT id FROM case_file
          WHERE organisation_id = ${org} AND closed_at IS NOT NULL AND main_case_id IS NULL
            AND closed_at < ${t}::timestamptz - interval '1 day'
          ORDER BY closed_at DESC LIMIT ${Math.max(1, Math.round(closures / 50))}
        ), opened AS (
          UPDATE case_file c SET closed_at = NULL, resolution_minutes = NULL, status = 'beoordeling',
            status_changed_at = ${t}::timestamptz, updated_at = ${t}::timestamptz
          FROM picked WHERE c.organisation_id = ${org} AND c.id = picked.id
          RETURNING c.id
        ), ev AS (
          INSERT INTO case_event (organisation_id, case_id, kind, body, by_label, created_at)
          SELECT ${org}, id, 'reopened', 'Heropend', 'Benchmark', ${t}::timestamptz FROM opened
          RETURNING 1
        ) SELECT count(*)::int AS n FROM ev`,
  );
  // Today's survey answers, to cases closed in the last days (an invitation each, then its answer).
  const answered = await queryRows<{ n: number }>(
    db,
    sql`WITH picked AS (
          SELECT c.id, c.customer_id, c.language, c.channel, c.team_id, c.area, c.subject, c.created_at, c.closed_at,
            row_number() OVER (ORDER BY c.closed_at DESC) AS k
          FROM case_file c
          WHERE c.organisation_id = ${org} AND c.closed_at IS NOT NULL AND c.main_case_id IS NULL
            AND c.closed_at >= ${t}::timestamptz - interval '4 days' AND c.closed_at < ${t}::timestamptz - interval '1 hour'
            AND NOT EXISTS (SELECT 1 FROM survey_invitation i WHERE i.organisation_id = c.organisation_id AND i.case_id = c.id)
          ORDER BY c.closed_at DESC LIMIT ${answers}
        ), invited AS (
          INSERT INTO survey_invitation (organisation_id, token_hash, token_encrypted, survey_id, survey_version_id, source,
            case_id, customer_id, email, language, created_at, expires_at, answered_at)
          SELECT ${org}, 'bench-today-' || p.id, '\\x00'::bytea, ${city.surveyId}, ${city.surveyVersionId}, 'case', p.id,
            p.customer_id, 'antwoord-' || p.id || '@bench.invalid', p.language, p.closed_at,
            p.closed_at + interval '30 days', ${t}::timestamptz
          FROM picked p RETURNING id, case_id
        ), given AS (
          INSERT INTO survey_response (organisation_id, invitation_id, survey_version_id, source, case_id, grade, effort,
            solved, language, channel, item_code, team_id, area, resolution_seconds, follow_up, answered_at)
          SELECT ${org}, i.id, ${city.surveyVersionId}, 'case', p.id, 4 + (p.k % 7)::int, 1 + (p.k % 5)::int, p.k % 4 <> 0,
            p.language, p.channel, p.subject, p.team_id, p.area,
            extract(epoch FROM p.closed_at - p.created_at)::int, 4 + (p.k % 7) <= 5, ${t}::timestamptz
          FROM invited i JOIN picked p ON p.id = i.case_id
          RETURNING 1
        ) SELECT count(*)::int AS n FROM given`,
  );
  return { closed: closed[0]?.n ?? 0, reopened: reopened[0]?.n ?? 0, answered: answered[0]?.n ?? 0 };
}
