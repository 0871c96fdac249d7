/**
 * Front-office benchmark (issue 4), on PostgreSQL and PGlite with 1,000,000 customers and 5,000,000 contacts:
 *  1. p50/p95 of the customer lookup (`lookupCustomers`: names, emails, phone numbers in several notations,
 *     postcode + house number, KvK numbers, BSNs) next to the single raw index query for the same kind of text;
 *  2. contacts/s registered through `createContact` (contact, audit event, repeat check and daily-figure upsert in
 *     one transaction) next to raw INSERTs of the same contact row through the same driver (the ceiling).
 * The bulk rows are generated server-side (INSERT … SELECT generate_series) with the secondary indexes dropped and
 * rebuilt afterwards; a few thousand customers with a BSN go through `createCustomer` (the BSN hash is an HMAC).
 * Env: BENCH_CUSTOMERS, BENCH_CONTACTS, BENCH_PGLITE_CUSTOMERS, BENCH_PGLITE_CONTACTS, BENCH_BSN_CUSTOMERS,
 * BENCH_ROUNDS, BENCH_SECONDS, BENCH_CALLERS, BENCH_PGLITE_DIR (memory | disk), BENCH_VERBOSE, BENCH_EXPLAIN.
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContact, createCustomer, lookupCustomers, systemCtx, useDataKey } from '@voordeur/api';
import { contact, type Database, type Db, openDatabase, organisation, queryRows } from '@voordeur/db';
import { type SQL, sql } from 'drizzle-orm';
import { startPgCluster } from '../../scripts/pg-cluster.ts';
import { printTable } from './search.ts';

const env = process.env;
const CUSTOMERS = Number(env.BENCH_CUSTOMERS ?? 1_000_000);
const CONTACTS = Number(env.BENCH_CONTACTS ?? 5_000_000);
/**
 * PGlite can be given a smaller size (the tables then say which size ran). The full size fits: in memory it took
 * 155 s to generate on a 2-core machine, with a peak resident size of 6 GB.
 */
const LITE_CUSTOMERS = Number(env.BENCH_PGLITE_CUSTOMERS ?? CUSTOMERS);
const LITE_CONTACTS = Number(env.BENCH_PGLITE_CONTACTS ?? CONTACTS);
const BSN_CUSTOMERS = Number(env.BENCH_BSN_CUSTOMERS ?? 2000);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const CALLERS = Number(env.BENCH_CALLERS ?? 8);
const LITE_DIR = env.BENCH_PGLITE_DIR ?? 'memory';
/** Which databases run: `postgres,pglite` (both, the default), or one of them. */
const DATABASES = (env.BENCH_DATABASES ?? 'postgres,pglite').split(',');
const GOAL_P95_MS = 20;

const log = (m: string) => process.stderr.write(`${m}\n`);
const seconds = (t0: number) => (performance.now() - t0) / 1000;

// ---- the names, streets and words the generated rows are made of ------------------------------------------

/** The name as find-as-you-type compares it (as `searchableName` in the customers service). */
const searchable = (s: string) => [
  ...new Set(
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length >= 1 && w.length <= 40),
  ),
];
const searchForm = (s: string) => searchable(s).join(' ');

const FIRST_NAMES = [
  'Jan',
  'Piet',
  'Kees',
  'Henk',
  'Willem',
  'Gerrit',
  'Johannes',
  'Cornelis',
  'Hendrik',
  'Pieter',
  'Maria',
  'Anna',
  'Johanna',
  'Cornelia',
  'Elisabeth',
  'Wilhelmina',
  'Emma',
  'Julia',
  'Sophie',
  'Tess',
  'Mila',
  'Zoë',
  'Sara',
  'Eva',
  'Lotte',
  'Noor',
  'Fleur',
  'Sanne',
  'Lisa',
  'Anouk',
  'Daan',
  'Sem',
  'Lucas',
  'Levi',
  'Finn',
  'Noah',
  'Luuk',
  'Bram',
  'Thijs',
  'Jesse',
  'Ruben',
  'Thomas',
  'Tim',
  'Lars',
  'Mohamed',
  'Ahmed',
  'Youssef',
  'Mehmet',
  'Mustafa',
  'Ibrahim',
  'Fatima',
  'Aisha',
  'Khadija',
  'Yasmina',
  'Ayşe',
  'Elif',
  'Zeynep',
  'Priya',
  'Anil',
  'Wei',
  'Mei',
  'Jorge',
  'José',
  'Chloé',
  'René',
  'André',
  'Marieke',
  'Ingrid',
  'Annelies',
  'Joost',
  'Niels',
  'Bas',
  'Femke',
  'Marloes',
  'Kim',
  'Dewi',
  'Sandra',
  'Monique',
];

/** Common surnames with roughly their frequency per 10,000 people in the Netherlands. */
const COMMON_SURNAMES: [string, number][] = [
  ['de Jong', 55],
  ['Jansen', 45],
  ['de Vries', 45],
  ['van den Berg', 37],
  ['van Dijk', 36],
  ['Bakker', 36],
  ['Janssen', 35],
  ['Visser', 33],
  ['Smit', 30],
  ['Meijer', 30],
  ['de Boer', 28],
  ['Mulder', 26],
  ['de Groot', 26],
  ['Bos', 25],
  ['Vos', 23],
  ['Peters', 23],
  ['Hendriks', 22],
  ['van Leeuwen', 21],
  ['Dekker', 20],
  ['Brouwer', 19],
  ['de Wit', 19],
  ['Dijkstra', 19],
  ['Smits', 18],
  ['de Graaf', 18],
  ['van der Meer', 18],
  ['van der Linden', 17],
  ['Kok', 17],
  ['Jacobs', 17],
  ['de Haan', 16],
  ['Vermeulen', 16],
  ['van den Heuvel', 16],
  ['van der Veen', 15],
  ['van den Broek', 15],
  ['de Bruijn', 15],
  ['de Bruin', 14],
  ['van der Heijden', 14],
  ['Schouten', 14],
  ['van Beek', 14],
  ['Willems', 14],
  ['van Vliet', 13],
  ['van de Ven', 13],
  ['Hoekstra', 13],
  ['Maas', 13],
  ['Verhoeven', 13],
  ['Koster', 12],
  ['van Dam', 12],
  ['van der Wal', 12],
  ['Prins', 12],
  ['Blom', 12],
  ['Huisman', 12],
  ['Peeters', 11],
  ['Yılmaz', 8],
  ['El Amrani', 6],
  ['Öztürk', 5],
  ['Kaya', 5],
  ["'t Hart", 5],
  ['Bennani', 4],
  ['El Idrissi', 4],
  ['Şahin', 4],
  ['Nguyen', 4],
  ['Singh', 4],
  ["van 't Hof", 3],
];

/** The long tail: some 4,800 made-up but Dutch-looking surnames, each about as rare as most real ones. */
function longTail(): string[] {
  const tussen = ['', '', '', 'van ', 'de ', 'van der ', 'van de ', 'ter '];
  const roots =
    'Hoog Groen Wester Ooster Noord Zuid Berg Brink Molen Kerk Dijk Veld Bosch Linde Water Stap Klein Groot Rijn Ven Zand Haver Koren Wit Zwart Hout Steen Akker Eik Beuk'.split(
      ' ',
    );
  const ends =
    'man s ink huis veen kamp hof horst sma stra ing beek hout dijk berg meijer boer wijk land haar'.split(
      ' ',
    );
  const out: string[] = [];
  for (const t of tussen) for (const r of roots) for (const e of ends) out.push(`${t}${r}${e}`);
  return [...new Set(out)];
}

/** Surnames weighted by frequency: the common ones repeated, then the long tail; and the common names' share. */
function surnames() {
  const common = COMMON_SURNAMES.flatMap(([name, n]) => Array<string>(n).fill(name));
  const tail = longTail();
  return { all: [...common, ...tail], common: common.length, share: common.length / 10_000 };
}

const BUSINESS_PREFIXES = [
  'Bakkerij',
  'Garage',
  'Kapsalon',
  'Bouwbedrijf',
  'Schildersbedrijf',
  'Café',
  'Installatiebedrijf',
  'Adviesbureau',
  'Transportbedrijf',
  'Hoveniersbedrijf',
];
const BUSINESS_SUFFIXES = ['', ' B.V.', ' & Zn.', ' V.O.F.'];
const STREETS =
  'Dorpsstraat Kerkstraat Molenweg Stationsweg Schoolstraat Julianastraat Beatrixstraat Wilhelminastraat Nieuwstraat Hoofdstraat Markt Kanaalweg Parallelweg Industrieweg Emmastraat Oranjestraat Irenestraat Lindelaan Eikenlaan Beukenlaan Berkenlaan Populierenlaan Tulpstraat Rozenstraat Sportlaan Havenstraat Dijkweg Veldweg Zuiderweg Noorderweg'.split(
    ' ',
  );
const CITIES = ['Voorbeeldstad', 'Voorbeeldstad', 'Voorbeeldstad', 'Dorpshuizen', 'Polderdam'];
const POSTCODE_LETTERS = 'ABCDEFGHJKLMNPRTVWXZ'; // no S: SA, SD and SS are never used
const DOMAINS = [
  'gmail.com',
  'hotmail.com',
  'outlook.com',
  'ziggo.nl',
  'kpnmail.nl',
  'live.nl',
  'icloud.com',
  'xs4all.nl',
];
const CHANNEL_MIX = [
  ...Array<string>(8).fill('phone'),
  ...Array<string>(4).fill('web'),
  ...Array<string>(3).fill('email'),
  ...Array<string>(2).fill('desk'),
  ...Array<string>(2).fill('chat'),
  'app',
  'social',
  'letter',
  'visit',
];
const OUTCOME_MIX = [
  ...Array<string>(14).fill('answered'),
  ...Array<string>(2).fill('case'),
  'callback',
  'callback',
  'referred',
  'not_helped',
];
const TOPICS = [
  'paspoort',
  'identiteitskaart',
  'rijbewijs',
  'afval',
  'grofvuil',
  'parkeren',
  'parkeervergunning',
  'verhuizing',
  'belastingen',
  'kwijtschelding',
  'bijstand',
  'wmo',
  'jeugdzorg',
  'omgevingsvergunning',
  'melding openbare ruimte',
  'uittreksel brp',
  'klacht',
  'huwelijk',
  'geboorte',
  'overlijden',
];

/** A text[] literal as one parameter (the generation queries index into these arrays per row). */
const textArray = (values: readonly string[]) =>
  sql`${`{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`}::text[]`;

/** Customer i (1-based) of the bulk rows has a fixed id, so contacts can refer to it without a join. */
const customerId = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const customerIdSql = (i: SQL) => sql`('00000000-0000-4000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
/** The bulk generator's phone number of customer i (bijective in i, so unique; KvK numbers likewise). */
const phoneOf = (i: number) => `+3161${String((i * 48271) % 10_000_000).padStart(7, '0')}`;

// ---- generation -------------------------------------------------------------------------------------------

async function inBulkMode(database: Database, fn: (tx: Db) => Promise<unknown>) {
  // Foreign keys are not checked for the generated rows: they refer to rows that exist by construction.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await fn(tx);
  });
}

async function generateCustomers(database: Database, orgId: string, n: number) {
  const first = FIRST_NAMES;
  const last = surnames();
  const chunk = 250_000;
  for (let a = 1; a <= n; a += chunk) {
    const b = Math.min(n, a + chunk - 1);
    await inBulkMode(database, (tx) =>
      tx.execute(sql`
        INSERT INTO customer (id, organisation_id, kind, name, name_search, kvk_number, date_of_birth, email, phone,
                              street, house_number, postcode, city)
        SELECT ${customerIdSql(sql`i`)}, ${orgId},
          CASE WHEN biz THEN 'business' ELSE 'resident' END,
          CASE WHEN biz THEN bp[1 + bx % ${BUSINESS_PREFIXES.length}] || ' ' || ln[l] || bs[1 + bx % ${BUSINESS_SUFFIXES.length}]
               ELSE fn[f] || ' ' || ln[l] END,
          CASE WHEN biz THEN bps[1 + bx % ${BUSINESS_PREFIXES.length}] || ' ' || lns[l] || bss[1 + bx % ${BUSINESS_SUFFIXES.length}]
               ELSE fns[f] || ' ' || lns[l] END,
          CASE WHEN biz THEN (10000000 + (i * 7919) % 90000000)::text END,
          CASE WHEN NOT biz THEN to_char(date '1925-01-01' + (r1 * 30000)::int, 'YYYY-MM-DD') END,
          CASE WHEN biz THEN 'info@' || replace(lns[l], ' ', '') || i || '.nl'
               WHEN r2 < 0.7 THEN replace(fns[f], ' ', '') || '.' || replace(lns[l], ' ', '') || i || '@' ||
                                  dom[1 + (r3 * ${DOMAINS.length})::int % ${DOMAINS.length}] END,
          CASE WHEN biz OR r4 < 0.8 THEN '+3161' || lpad(((i * 48271) % 10000000)::text, 7, '0') END,
          st[1 + (r5 * ${STREETS.length})::int % ${STREETS.length}],
          1 + (r6 * 80)::int,
          pc::text || substr(${POSTCODE_LETTERS}, 1 + (r7 * 20)::int % 20, 1) || substr(${POSTCODE_LETTERS}, 1 + (r8 * 20)::int % 20, 1),
          ct[1 + (pc - 1011) % ${CITIES.length}]
        FROM (
          SELECT i, i % 10 = 0 AS biz, (random() * 1000)::int AS bx,
            1 + (random() * ${first.length - 1})::int AS f,
            CASE WHEN random() < ${last.share} THEN 1 + (random() * ${last.common - 1})::int
                 ELSE ${last.common + 1} + (random() * ${last.all.length - last.common - 1})::int END AS l,
            1011 + (random() * 97)::int AS pc,
            random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8
          FROM generate_series(${a}::bigint, ${b}::bigint) i
        ) s,
        (SELECT ${textArray(first)} fn, ${textArray(first.map(searchForm))} fns,
                ${textArray(last.all)} ln, ${textArray(last.all.map(searchForm))} lns,
                ${textArray(BUSINESS_PREFIXES)} bp, ${textArray(BUSINESS_PREFIXES.map(searchForm))} bps,
                ${textArray(BUSINESS_SUFFIXES)} bs, ${textArray(BUSINESS_SUFFIXES.map((x) => (x ? ` ${searchForm(x)}` : '')))} bss,
                ${textArray(DOMAINS)} dom, ${textArray(STREETS)} st, ${textArray(CITIES)} ct) arrays`),
    );
    log(`  customers ${b.toLocaleString('en')} / ${n.toLocaleString('en')}`);
  }
}

async function generateContacts(database: Database, orgId: string, n: number, customers: number) {
  const chunk = 500_000;
  for (let a = 1; a <= n; a += chunk) {
    const b = Math.min(n, a + chunk - 1);
    await inBulkMode(database, (tx) =>
      tx.execute(sql`
        INSERT INTO contact (id, organisation_id, channel, direction, started_at, ended_at, wait_seconds, customer_id,
                             topic, outcome, created_at, updated_at)
        SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(i), 12, '0'))::uuid, ${orgId},
          ch[1 + (r1 * ${CHANNEL_MIX.length})::int % ${CHANNEL_MIX.length}],
          CASE WHEN r2 < 0.88 THEN 'in' ELSE 'out' END,
          t, t + make_interval(secs => 30 + (r3 * 900)::int), (r4 * 600)::int,
          CASE WHEN r5 >= 0.1 THEN ${customerIdSql(sql`1 + (power(r6, 1.5) * ${customers - 1})::bigint`)} END,
          CASE WHEN r7 >= 0.25 THEN tp[1 + (r8 * ${TOPICS.length})::int % ${TOPICS.length}] END,
          oc[1 + (r9 * ${OUTCOME_MIX.length})::int % ${OUTCOME_MIX.length}],
          t, t
        FROM (
          SELECT i, now() - interval '365 days' * (1 - i::float8 / ${n}) - random() * interval '1 hour' AS t,
            random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8,
            random() r9
          FROM generate_series(${a}::bigint, ${b}::bigint) i
        ) s,
        (SELECT ${textArray(CHANNEL_MIX)} ch, ${textArray(TOPICS)} tp, ${textArray(OUTCOME_MIX)} oc) arrays`),
    );
    log(`  contacts ${b.toLocaleString('en')} / ${n.toLocaleString('en')}`);
  }
}

/** A valid BSN (11-test), starting with 1–9 so it never also reads as a phone number. */
function randomBsn(): string {
  for (;;) {
    const d = [
      1 + Math.floor(Math.random() * 9),
      ...Array.from({ length: 7 }, () => Math.floor(Math.random() * 10)),
    ];
    const last = d.reduce((s, x, i) => s + x * (9 - i), 0) % 11;
    if (last < 10) return [...d, last].join('');
  }
}

interface Generated {
  customersS: number;
  contactsS: number;
  indexesS: number;
  bsnS: number;
  analyseS: number;
  totalS: number;
  bsn: { bsn: string; hash: string }[];
}

async function generate(
  label: string,
  database: Database,
  orgId: string,
  customers: number,
  contacts: number,
): Promise<Generated> {
  const start = performance.now();
  const indexes = await queryRows<{ indexname: string; indexdef: string }>(
    database.db,
    sql`SELECT indexname, indexdef FROM pg_indexes i
        WHERE schemaname = 'public' AND tablename IN ('customer', 'contact')
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const i of indexes) await database.db.execute(sql.raw(`DROP INDEX "${i.indexname}"`));
  log(`${label}: generating ${customers.toLocaleString('en')} customers`);
  let t0 = performance.now();
  await generateCustomers(database, orgId, customers);
  const customersS = seconds(t0);
  log(`${label}: generating ${contacts.toLocaleString('en')} contacts`);
  t0 = performance.now();
  await generateContacts(database, orgId, contacts, customers);
  const contactsS = seconds(t0);
  t0 = performance.now();
  for (const i of indexes) {
    const t1 = performance.now();
    await database.db.transaction(async (tx) => {
      await tx.execute(
        sql.raw(`SET LOCAL maintenance_work_mem = '${database.kind === 'postgres' ? '1GB' : '256MB'}'`),
      );
      await tx.execute(sql.raw(i.indexdef));
    });
    log(`  index ${i.indexname}: ${seconds(t1).toFixed(1)} s`);
  }
  const indexesS = seconds(t0);
  log(`${label}: ${BSN_CUSTOMERS} customers with a BSN through createCustomer`);
  t0 = performance.now();
  const ctx = systemCtx(orgId, 'bench');
  const bsn: Generated['bsn'] = [];
  const seen = new Set<string>();
  while (bsn.length < BSN_CUSTOMERS) {
    const number = randomBsn();
    if (seen.has(number)) continue;
    seen.add(number);
    const first = FIRST_NAMES[bsn.length % FIRST_NAMES.length]!;
    const last = COMMON_SURNAMES[bsn.length % COMMON_SURNAMES.length]![0];
    const { row } = await createCustomer(database.db, ctx, {
      kind: 'resident',
      name: `${first} ${last}`,
      bsn: number,
      phone: `+3162${String(bsn.length).padStart(7, '0')}`,
      address: {
        street: 'Dorpsstraat',
        houseNumber: 1 + (bsn.length % 200),
        postcode: '1011AB',
        city: 'Voorbeeldstad',
      },
    });
    bsn.push({ bsn: number, hash: row.bsnHash! });
  }
  const bsnS = seconds(t0);
  log(`${label}: VACUUM ANALYZE`);
  t0 = performance.now();
  await database.db.execute(sql`VACUUM ANALYZE customer`);
  await database.db.execute(sql`VACUUM ANALYZE contact`);
  const analyseS = seconds(t0);
  // The generated search form must be what the service computes for the same name.
  const sample = await queryRows<{ name: string; name_search: string }>(
    database.db,
    sql`SELECT name, name_search FROM customer WHERE id IN (${sql.join(
      Array.from({ length: 500 }, () => sql`${customerId(1 + Math.floor(Math.random() * customers))}`),
      sql`, `,
    )})`,
  );
  const wrong = sample.filter((r) => searchForm(r.name) !== r.name_search);
  if (wrong.length)
    throw new Error(`name_search differs from the service's form: ${JSON.stringify(wrong.slice(0, 3))}`);
  const totalS = seconds(start);
  log(
    `${label}: generated in ${totalS.toFixed(0)} s (customers ${customersS.toFixed(1)} s, contacts ${contactsS.toFixed(1)} s, indexes ${indexesS.toFixed(1)} s, BSN customers ${bsnS.toFixed(1)} s, vacuum/analyze ${analyseS.toFixed(1)} s)`,
  );
  return { customersS, contactsS, indexesS, bsnS, analyseS, totalS, bsn };
}

// ---- lookups ----------------------------------------------------------------------------------------------

type Kind = 'name' | 'email' | 'phone' | 'postcode' | 'kvk' | 'bsn';
interface Lookup {
  kind: Kind;
  q: string;
  /** The single index query a lookup of this kind needs at the least. */
  raw: SQL;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** The name query of the lookup, alone (as in customers.queries.ts). */
function rawName(orgId: string, q: string): SQL {
  const name = searchForm(q);
  return sql`SELECT id FROM customer
    WHERE organisation_id = ${orgId} AND merged_into_id IS NULL
      AND ${sql.join(
        name.split(' ').map((w) => sql`name_search LIKE ${`%${escapeLike(w)}%`}`),
        sql` AND `,
      )}
    ORDER BY (name_search LIKE ${`${escapeLike(name)}%`}) DESC, similarity(name_search, ${name}) DESC, name_search
    LIMIT 10`;
}

async function lookups(database: Database, orgId: string, customers: number, bsn: Generated['bsn']) {
  const pick = (filter: (i: number) => boolean) => {
    for (;;) {
      const i = 1 + Math.floor(Math.random() * customers);
      if (filter(i)) return i;
    }
  };
  const ids = Array.from({ length: 60 }, (_, k) => pick((i) => (k < 10 ? i % 10 === 0 : i % 10 !== 0)));
  const rows = await queryRows<{
    name: string;
    kind: string;
    email: string | null;
    phone: string | null;
    postcode: string;
    house_number: number;
    kvk_number: string | null;
  }>(
    database.db,
    sql`SELECT name, kind, email, phone, postcode, house_number, kvk_number FROM customer
        WHERE id IN (${sql.join(
          ids.map((i) => sql`${customerId(i)}`),
          sql`, `,
        )})`,
  );
  const residents = rows.filter((r) => r.kind === 'resident');
  const businesses = rows.filter((r) => r.kind === 'business');
  const out: Lookup[] = [];
  const name = (q: string) => out.push({ kind: 'name', q, raw: rawName(orgId, q) });
  for (const q of [
    'jansen',
    'de vries',
    'piet bakk',
    'fatima el',
    'van den berg',
    'mohamed',
    'bakk',
    'jan de j',
    'el amrani',
    'sophie',
    'ozturk',
    "van 't hof",
  ])
    name(q);
  for (const r of residents.slice(0, 4)) name(r.name);
  for (const r of residents.slice(4, 6)) name(r.name.slice(0, r.name.indexOf(' ') + 4));
  for (const [k, r] of residents
    .filter((x) => x.email)
    .slice(0, 6)
    .entries()) {
    const q = k % 3 === 0 ? r.email!.replace(/^./, (c) => c.toUpperCase()) : r.email!;
    out.push({
      kind: 'email',
      q,
      raw: sql`SELECT id FROM customer WHERE organisation_id = ${orgId} AND email = ${r.email}`,
    });
  }
  const notations = [
    (n: string) => `06-${n}`,
    (n: string) => `+31 6 ${n.slice(0, 4)} ${n.slice(4)}`,
    (n: string) => `06${n}`,
    (n: string) => `06 ${n.match(/../g)!.join(' ')}`,
  ];
  const withPhone = rows.filter((x) => x.phone);
  for (let k = 0; k < 8; k++) {
    const phone = k < 7 ? withPhone[k]!.phone! : phoneOf(customers + 12345); // one number nobody has
    out.push({
      kind: 'phone',
      q: notations[k % notations.length]!(phone.slice(4)),
      raw: sql`SELECT id FROM customer WHERE organisation_id = ${orgId} AND phone = ${phone}`,
    });
  }
  const postcodeNotations = [
    (p: string, h: number) => `${p} ${h}`,
    (p: string, h: number) => `${p.slice(0, 4)} ${p.slice(4).toLowerCase()} ${h}`,
    (p: string, h: number) => `${p}, ${h}`,
  ];
  for (const [k, r] of rows.slice(10, 16).entries())
    out.push({
      kind: 'postcode',
      q: postcodeNotations[k % postcodeNotations.length]!(r.postcode, r.house_number),
      raw: sql`SELECT id FROM customer WHERE organisation_id = ${orgId} AND postcode = ${r.postcode}
               AND house_number = ${r.house_number}`,
    });
  for (const [k, r] of businesses.slice(0, 4).entries())
    out.push({
      kind: 'kvk',
      q: k % 2 === 0 ? r.kvk_number! : `${r.kvk_number!.slice(0, 4)} ${r.kvk_number!.slice(4)}`,
      raw: sql`SELECT id FROM customer WHERE organisation_id = ${orgId} AND kvk_number = ${r.kvk_number}`,
    });
  for (const [k, b] of bsn.slice(0, 4).entries())
    out.push({
      kind: 'bsn',
      q: k % 2 === 0 ? b.bsn : `${b.bsn.slice(0, 4)}.${b.bsn.slice(4, 6)}.${b.bsn.slice(6)}`,
      raw: sql`SELECT id FROM customer WHERE organisation_id = ${orgId} AND bsn_hash = ${b.hash}`,
    });
  return out;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

async function measureLookups(database: Database, orgId: string, list: Lookup[]) {
  const ctx = systemCtx(orgId, 'bench');
  const service = (l: Lookup) => lookupCustomers(database.db, ctx, { q: l.q, limit: 10 });
  const raw = (l: Lookup) => queryRows(database.db, l.raw);
  for (const l of list) {
    const found = await service(l);
    if (process.env.BENCH_VERBOSE)
      log(`  ${l.kind.padEnd(8)} ${JSON.stringify(l.q).padEnd(34)} ${found.length} found`);
    await raw(l);
  }
  const ours = new Map<string, number[]>();
  const bare = new Map<string, number[]>();
  const slowest = new Map<string, number>();
  const add = (m: Map<string, number[]>, k: string, ms: number) => m.set(k, [...(m.get(k) ?? []), ms]);
  for (let r = 0; r < ROUNDS; r++) {
    for (const l of list) {
      let t0 = performance.now();
      await service(l);
      const ms = performance.now() - t0;
      add(ours, l.kind, ms);
      add(ours, 'all', ms);
      const key = `${l.kind} ${JSON.stringify(l.q)}`;
      slowest.set(key, Math.max(slowest.get(key) ?? 0, ms));
      t0 = performance.now();
      await raw(l);
      add(bare, l.kind, performance.now() - t0);
      add(bare, 'all', performance.now() - t0);
    }
  }
  if (process.env.BENCH_VERBOSE)
    for (const [q, ms] of [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 10))
      log(`  slowest lookup: ${ms.toFixed(1)} ms  ${q}`);
  const kinds = ['all', 'name', 'email', 'phone', 'postcode', 'kvk', 'bsn'].filter((k) => ours.has(k));
  return kinds.map((k) => ({
    kind: k,
    queries: k === 'all' ? list.length : list.filter((l) => l.kind === k).length,
    ours: stats(ours.get(k)!),
    raw: stats(bare.get(k)!),
  }));
}

async function explain(database: Database, orgId: string, list: Lookup[]) {
  const show = async (title: string, query: SQL) => {
    const plan = await queryRows<{ 'QUERY PLAN': string }>(
      database.db,
      sql`EXPLAIN (ANALYZE, BUFFERS) ${query}`,
    );
    log(`\n-- ${title}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
  };
  await show('name "jansen" (the LIKE query)', rawName(orgId, 'jansen'));
  await show('name "de vries" (the LIKE query)', rawName(orgId, 'de vries'));
  const kvk = list.find((l) => l.kind === 'kvk' && /^[0-9]{8}$/.test(l.q));
  if (kvk)
    await show(
      `KvK "${kvk.q}" also read as an employee number (the service's clause)`,
      sql`SELECT * FROM customer WHERE organisation_id = ${orgId} AND merged_into_id IS NULL
          AND upper(employee_number) = ${kvk.q} ORDER BY name_search LIMIT 10`,
    );
}

// ---- contact registration ---------------------------------------------------------------------------------

async function throughput(callers: number, durationS: number, fn: (key: string) => Promise<unknown>) {
  let sequence = 0;
  const run = async (ms: number) => {
    const latencies: number[] = [];
    const t0 = performance.now();
    const deadline = t0 + ms;
    await Promise.all(
      Array.from({ length: callers }, async () => {
        while (performance.now() < deadline) {
          const t1 = performance.now();
          await fn(`bench-${process.pid}-${Date.now().toString(36)}-${sequence++}`);
          latencies.push(performance.now() - t1);
        }
      }),
    );
    return { perSecond: latencies.length / seconds(t0), ...stats(latencies) };
  };
  await run(1000); // warm-up
  return run(durationS * 1000);
}

async function registrations(database: Database, orgId: string, customers: number, callers: number) {
  const ctx = systemCtx(orgId, 'bench');
  let k = 0;
  const next = () => {
    k++;
    return {
      channel: CHANNEL_MIX[k % CHANNEL_MIX.length] as 'phone',
      customerId: customerId(1 + Math.floor(Math.random() * customers)),
      topic: TOPICS[k % TOPICS.length]!,
      question: 'Wanneer wordt het grofvuil opgehaald?',
    };
  };
  const ours = await throughput(callers, SECONDS, (key) =>
    createContact(database.db, ctx, { ...next(), direction: 'in', outcome: 'answered' }, key),
  );
  const raw = await throughput(callers, SECONDS, (key) => {
    const startedAt = new Date();
    return database.db.insert(contact).values({
      organisationId: orgId,
      ...next(),
      direction: 'in',
      startedAt,
      endedAt: startedAt,
      outcome: 'answered',
      idempotencyKey: key,
    });
  });
  return { callers, ours, raw };
}

// ---- the suite --------------------------------------------------------------------------------------------

async function run(
  label: string,
  database: Database,
  customers: number,
  contacts: number,
  callers: number[],
) {
  await database.migrate();
  const [org] = await database.db
    .insert(organisation)
    .values({ slug: `bench-${Date.now()}`, name: 'Bench' })
    .returning();
  const orgId = org!.id;
  const generated = await generate(label, database, orgId, customers, contacts);
  const list = await lookups(database, orgId, customers, generated.bsn);
  log(`${label}: ${list.length} lookups x ${ROUNDS} rounds`);
  const lookup = await measureLookups(database, orgId, list);
  if (process.env.BENCH_EXPLAIN) await explain(database, orgId, list);
  const registered = [];
  for (const c of callers) {
    log(`${label}: registering contacts, ${c} caller(s), ${SECONDS} s each`);
    registered.push(await registrations(database, orgId, customers, c));
  }
  const sized =
    customers === CUSTOMERS && contacts === CONTACTS
      ? label
      : `${label} (${short(customers)} customers, ${short(contacts)} contacts)`;
  return { label: sized, kind: database.kind, customers, contacts, generated, lookup, registered };
}

const short = (n: number) =>
  n >= 1_000_000 && n % 100_000 === 0
    ? `${n / 1_000_000}M`
    : n >= 1000 && n % 1000 === 0
      ? `${n / 1000}k`
      : String(n);

export async function frontOfficeBenchmark() {
  log(
    `Front-office benchmark: ${CUSTOMERS.toLocaleString('en')} customers, ${CONTACTS.toLocaleString('en')} contacts (PGlite: ${LITE_CUSTOMERS.toLocaleString('en')}, ${LITE_CONTACTS.toLocaleString('en')}); ${ROUNDS} lookup rounds, ${SECONDS} s per registration run, ${CALLERS} callers on PostgreSQL`,
  );
  useDataKey(randomBytes(32));
  const results: Result[] = [];
  if (DATABASES.includes('postgres')) await postgres(results);
  if (DATABASES.includes('pglite')) await pglite(results);
  printResults(results);
}

type Result = Awaited<ReturnType<typeof run>>;

async function postgres(results: Result[]) {
  const cluster = await startPgCluster();
  try {
    const pg = await openDatabase({ url: cluster.url, poolSize: CALLERS });
    try {
      results.push(await run('PostgreSQL', pg, CUSTOMERS, CONTACTS, [CALLERS, 1]));
    } finally {
      await pg.close();
    }
  } finally {
    cluster.stop();
  }
}

async function pglite(results: Result[]) {
  const dir = LITE_DIR === 'memory' ? 'memory://' : mkdtempSync(join(tmpdir(), 'voordeur-bench-'));
  try {
    const lite = await openDatabase({ dataDir: dir });
    try {
      results.push(await run(`PGlite (${LITE_DIR})`, lite, LITE_CUSTOMERS, LITE_CONTACTS, [1]));
    } finally {
      await lite.close();
    }
  } finally {
    if (dir !== 'memory://') rmSync(dir, { recursive: true, force: true });
  }
}

function printResults(results: Result[]) {
  console.log('\nGeneration (seconds)');
  printTable(
    [
      'database',
      'customers',
      'contacts',
      'customers s',
      'contacts s',
      'indexes s',
      'BSN via service s',
      'vacuum s',
      'total s',
    ],
    results.map((r) => [
      r.label,
      r.customers.toLocaleString('en'),
      r.contacts.toLocaleString('en'),
      r.generated.customersS.toFixed(1),
      r.generated.contactsS.toFixed(1),
      r.generated.indexesS.toFixed(1),
      `${r.generated.bsnS.toFixed(1)} (${BSN_CUSTOMERS})`,
      r.generated.analyseS.toFixed(1),
      r.generated.totalS.toFixed(1),
    ]),
  );

  console.log('\nCustomer lookup: lookupCustomers(limit 10) vs the single raw index query (ms)');
  printTable(
    [
      'database',
      'query kind',
      'queries',
      'lookup p50',
      'lookup p95',
      'raw p50',
      'raw p95',
      'p95 ratio',
      'goal',
    ],
    results.flatMap((r) =>
      r.lookup.map((l) => [
        r.label,
        l.kind,
        `${l.queries} x ${ROUNDS}`,
        l.ours.p50.toFixed(2),
        l.ours.p95.toFixed(2),
        l.raw.p50.toFixed(2),
        l.raw.p95.toFixed(2),
        `${(l.ours.p95 / l.raw.p95).toFixed(1)}x`,
        r.kind === 'postgres' && l.kind === 'all'
          ? `p95 <= ${GOAL_P95_MS} ms: ${l.ours.p95 <= GOAL_P95_MS ? 'met' : 'NOT met'}`
          : '',
      ]),
    ),
  );

  console.log('\nContact registration: createContact vs raw INSERT of the same row (the ceiling)');
  printTable(
    [
      'database',
      'callers',
      'createContact /s',
      'p50 ms',
      'p95 ms',
      'raw INSERT /s',
      'p50 ms',
      'p95 ms',
      'of ceiling',
    ],
    results.flatMap((r) =>
      r.registered.map((g) => [
        r.label,
        String(g.callers),
        g.ours.perSecond.toFixed(0),
        g.ours.p50.toFixed(2),
        g.ours.p95.toFixed(2),
        g.raw.perSecond.toFixed(0),
        g.raw.p50.toFixed(2),
        g.raw.p95.toFixed(2),
        `${((g.ours.perSecond / g.raw.perSecond) * 100).toFixed(1)} %`,
      ]),
    ),
  );
}
