/**
 * Search benchmark (issue 3): 1,000 catalogue items and 10,000 articles; p50/p95 of Voordeur's search (typo
 * expansion, ranked full text, trigram match, snippets, and the logging of the query) on PostgreSQL and PGlite,
 * next to the raw ranked full-text SQL query alone, measured in the same run on the same data.
 * Goal: p95 <= 15 ms on PostgreSQL and within 2x of the raw query.
 */

import { randomUUID } from 'node:crypto';
import { demoContent, indexDocuments, type SearchDocumentInput, search } from '@voordeur/api';
import { type Database, openDatabase, organisation, queryRows } from '@voordeur/db';
import { sql } from 'drizzle-orm';
import { startPgCluster } from '../../scripts/pg-cluster.ts';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const QUERIES = [
  'lantarenpaal kapot',
  'paspoort kwijt',
  'vergaderzaal reserveren',
  'grofvuil ophalen',
  'parkeervergunning',
  'rijbewijs verlengen',
  'verhuizing doorgeven',
  'hondenbelasting',
  'kwijtschelding belasting',
  'bijstand aanvragen',
  'omgevingsvergunning bouwen',
  'evenement vergunning',
  'stoeptegel los',
  'zwerfvuil',
  'geluidsoverlast buren',
  'wachtwoord vergeten',
  'printer werkt niet',
  'toegangspas kwijt',
  'laptop kapot',
  'poolauto reserveren',
  'identiteitskaart',
  'geboorte aangifte',
  'woz bezwaar',
  'klacht indienen',
  'afvalcontainer vol',
  'parkeerkaart gehandicapten',
  'uittreksel brp',
  'huwelijk',
  'schuldhulp',
  'terugbellen',
];

const DISTRICTS = ['Noord', 'Oost', 'Zuid', 'West', 'Centrum', 'Haven', 'Dorp', 'Kern', 'Polder', 'Bos'];
const AUDIENCES_FOR = [
  'voor inwoners',
  'voor ondernemers',
  'voor jongeren',
  'voor ouderen',
  'voor nieuwkomers',
];

async function documents(organisationId: string): Promise<SearchDocumentInput[]> {
  const content = await demoContent();
  const docs: SearchDocumentInput[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const base = content.items[i % content.items.length]!;
    const variant =
      i < content.items.length
        ? ''
        : ` ${AUDIENCES_FOR[i % AUDIENCES_FOR.length]} in ${DISTRICTS[i % DISTRICTS.length]}`;
    docs.push({
      organisationId,
      kind: 'item',
      refId: randomUUID(),
      code: `${base.code}-${i}`,
      title: `${base.name.nl}${variant}`,
      summary: base.summary.nl,
      body: base.description.nl,
      terms: [...(base.synonyms ?? []), ...(base.keywords ?? [])],
      audience: base.audience,
      itemKind: base.kind,
      teamId: null,
    });
  }
  for (let i = 0; i < ARTICLES; i++) {
    const base = content.articles[i % content.articles.length]!;
    const other = content.articles[(i * 7 + 3) % content.articles.length]!;
    const variant =
      i < content.articles.length
        ? ''
        : ` (${DISTRICTS[i % DISTRICTS.length]} ${Math.floor(i / content.articles.length)})`;
    docs.push({
      organisationId,
      kind: 'article',
      refId: randomUUID(),
      code: `${base.code}-${i}`,
      title: `${base.question.nl}${variant}`,
      summary: '',
      body: `${base.answer.nl}\n${other.answer.nl}`,
      terms: base.tags ?? [],
      audience: base.audience,
      itemKind: null,
      teamId: null,
    });
  }
  return docs;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Timing {
  p50: number;
  p95: number;
}

/**
 * Times each function on every query, taking turns query by query, so that a slower moment of this shared
 * machine falls on both alike.
 */
async function measure<K extends string>(
  fns: Record<K, (q: string) => Promise<unknown>>,
): Promise<Record<K, Timing>> {
  const names = Object.keys(fns) as K[];
  for (const q of QUERIES) for (const name of names) await fns[name](q); // warm-up
  const times = new Map<K, number[]>(names.map((n) => [n, []]));
  const slowest = new Map<string, number>();
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      for (const name of names) {
        const t0 = performance.now();
        await fns[name](q);
        const ms = performance.now() - t0;
        times.get(name)!.push(ms);
        if (name === names[0]) slowest.set(q, Math.max(slowest.get(q) ?? 0, ms));
      }
    }
  }
  if (process.env.BENCH_VERBOSE) {
    for (const [q, ms] of [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 8))
      process.stderr.write(`  slowest: ${ms.toFixed(1)} ms  ${q}\n`);
  }
  const out = {} as Record<K, Timing>;
  for (const [name, t] of times) {
    t.sort((a, b) => a - b);
    out[name] = { p50: percentile(t, 50), p95: percentile(t, 95) };
  }
  return out;
}

/** `unnamed`: the same database opened with prepared statements off (DATABASE_PREPARED_STATEMENTS=false). */
async function run(label: string, database: Database, unnamed?: Database) {
  await database.migrate();
  const [org] = await database.db
    .insert(organisation)
    .values({ slug: `bench-${Date.now()}`, name: 'Bench' })
    .returning();
  const t0 = performance.now();
  const docs = await documents(org!.id);
  await database.db.transaction(async (tx) => indexDocuments(tx, docs));
  // Vacuumed as a running database would be: otherwise autovacuum works through the fresh rows during the runs.
  await database.db.execute(sql`VACUUM ANALYZE search_document`);
  await database.db.execute(sql`VACUUM ANALYZE search_word`);
  process.stderr.write(
    `${label}: indexed ${docs.length} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  const search10 = (db: Database['db'], q: string) => search(db, org!.id, 'staff', { q, limit: 10 }, null);
  const fns: Record<string, (q: string) => Promise<unknown>> = {
    ours: (q) => search10(database.db, q),
    raw: (q) =>
      queryRows(
        database.db,
        sql`SELECT kind, ref_id, ts_rank_cd(tsv, query) AS rank
            FROM search_document, plainto_tsquery('dutch', unaccent(${q})) query
            WHERE organisation_id = ${org!.id} AND tsv @@ query
            ORDER BY rank DESC LIMIT 10`,
      ),
  };
  if (unnamed) fns.unnamed = (q) => search10(unnamed.db, q);
  const { ours, raw, ...rest } = (await measure(fns)) as Record<'ours' | 'raw', Timing> & {
    unnamed?: Timing;
  };
  return { label, ours, raw, unnamed: rest.unnamed };
}

export async function searchBenchmark() {
  process.stderr.write(
    `Search benchmark: ${ITEMS} items, ${ARTICLES} articles, ${QUERIES.length} queries x ${ROUNDS} rounds\n`,
  );
  const results = [];
  const cluster = await startPgCluster();
  try {
    const pg = await openDatabase({ url: cluster.url, poolSize: 2 });
    const unnamed = await openDatabase({ url: cluster.url, poolSize: 2, preparedStatements: false });
    try {
      const r = await run('PostgreSQL', pg, unnamed);
      results.push(r);
      // Behind a transaction pooler without prepared statements (ADR 0003): the same search, parsed and planned
      // on every run.
      if (r.unnamed)
        results.push({ label: 'PostgreSQL, prepared statements off', ours: r.unnamed, raw: r.raw });
    } finally {
      await pg.close();
      await unnamed.close();
    }
  } finally {
    cluster.stop();
  }
  const lite = await openDatabase({ dataDir: 'memory://' });
  try {
    results.push(await run('PGlite', lite));
  } finally {
    await lite.close();
  }
  const header = [
    'database',
    'search p50 ms',
    'search p95 ms',
    'raw FTS p50 ms',
    'raw FTS p95 ms',
    'p95 ratio',
    'goal (PostgreSQL)',
  ];
  const rows = results.map((r) => [
    r.label,
    r.ours.p50.toFixed(2),
    r.ours.p95.toFixed(2),
    r.raw.p50.toFixed(2),
    r.raw.p95.toFixed(2),
    `${(r.ours.p95 / r.raw.p95).toFixed(2)}x`,
    r.label.startsWith('PostgreSQL')
      ? `p95 <= 15 ms: ${r.ours.p95 <= 15 ? 'met' : 'NOT met'}; <= 2x raw: ${r.ours.p95 <= 2 * r.raw.p95 ? 'met' : 'NOT met'}`
      : '',
  ]);
  printTable(header, rows);
}

export function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(
    `\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}`,
  );
}
