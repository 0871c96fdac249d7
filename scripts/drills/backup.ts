/**
 * Drill `backup`: a running demo with cases and attachments is backed up and restored, and the restored copy
 * serves every row and every attachment byte.
 *  - PostgreSQL: `pg_dump -Fc` while the server runs (a consistent snapshot), `pg_restore` into a new database,
 *    rows per table compared with the source at the moment of the dump, attachments compared by SHA-256 over the
 *    stored bytes and downloaded through a server started on the restored database (with the same
 *    VOORDEUR_DATA_KEY: a BSN lookup finds the demo resident).
 *  - PGlite (the documented procedure): stop the server, copy the data directory (the database and
 *    voordeur-data.key), start a server on the copy; the same comparisons.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase, queryRows } from '@voordeur/db';
import { sql } from 'drizzle-orm';
import { createDatabase, startPgCluster } from '../pg-cluster.ts';
import { agentToken, check, expectOk, intake, log, type Proc, serve, signIn, stop } from './support.ts';

const CASES = 20;
const ATTACHMENTS = 6;

/** A small PDF with random content (the type is sniffed from the bytes), unique per call. */
function pdf() {
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n% drill\n'),
    Buffer.from(randomBytes(96 * 1024).toString('base64')),
    Buffer.from('\n%%EOF\n'),
  ]);
}
const sha256 = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Cases through the API, some with an attachment; returns the attachments' case ids and SHA-256. */
async function fill(base: string) {
  const token = await agentToken(base);
  const uploads: { caseId: string; sha: string }[] = [];
  for (let i = 0; i < CASES; i++) {
    const created = await intake(base, token);
    if (i < ATTACHMENTS) {
      const data = pdf();
      const form = new FormData();
      form.append('file', new Blob([data], { type: 'application/pdf' }), `foto-${i}.pdf`);
      await expectOk(
        await fetch(`${base}/api/cases/${created.id}/attachments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
          body: form,
        }),
        'POST attachment',
      );
      uploads.push({ caseId: created.id, sha: sha256(data) });
    }
  }
  return uploads;
}

/** Rows per table of the public and drizzle schemas. */
async function rowCounts(db: Db) {
  const tables = await queryRows<{ t: string }>(
    db,
    sql`SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS t FROM information_schema.tables
        WHERE table_schema IN ('public', 'drizzle') AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { t } of tables) {
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`SELECT count(*)::int AS n FROM ${t}`));
    counts[t] = row!.n;
  }
  return counts;
}

const attachmentHashes = async (db: Db) =>
  (
    await queryRows<{ h: string; stored: string }>(
      db,
      sql`SELECT encode(sha256(data), 'hex') AS h, sha256 AS stored FROM case_attachment ORDER BY 1`,
    )
  ).map((r) => `${r.h}:${r.stored}`);

/** The restored copy, served: attachments downloaded byte for byte, the BSN lookup works with the same key. */
async function verifyServed(base: string, uploads: { caseId: string; sha: string }[]) {
  const token = await agentToken(base);
  const auth = { authorization: `Bearer ${token}` };
  let same = 0;
  for (const u of uploads) {
    const c = (await (
      await expectOk(await fetch(`${base}/api/cases/${u.caseId}`, { headers: auth }), 'GET case')
    ).json()) as {
      attachments: { id: string }[];
    };
    for (const a of c.attachments) {
      const file = await fetch(`${base}/api/cases/${u.caseId}/attachments/${a.id}`, { headers: auth });
      if (file.ok && sha256(Buffer.from(await file.arrayBuffer())) === u.sha) same++;
    }
  }
  check(
    same === uploads.length,
    `attachments downloaded from the restored copy, byte for byte: ${same} of ${uploads.length}`,
  );
  const agent = await signIn(base, 'agent@voorbeeld.nl');
  const found = (await (
    await expectOk(
      await fetch(`${base}/api/customers?q=111222333`, { headers: { cookie: agent.cookie } }),
      'lookup',
    )
  ).json()) as { items: unknown[] };
  check(
    found.items.length === 1,
    `BSN lookup on the restored copy (the data key came along): ${found.items.length} found`,
  );
}

function compare(source: Record<string, number>, restored: Record<string, number>) {
  const tables = Object.keys(source);
  const differ = tables.filter((t) => source[t] !== restored[t]);
  const rows = Object.values(source).reduce((a, b) => a + b, 0);
  check(
    differ.length === 0 && Object.keys(restored).length === tables.length,
    `${tables.length} tables, ${rows} rows: ${differ.length ? `differ in ${differ.join(', ')}` : 'every count equal'}`,
  );
}

async function postgresBackup() {
  log('PostgreSQL: pg_dump of the running server, pg_restore into a new database');
  const cluster = await startPgCluster(log);
  const procs: Proc[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'voordeur-backup-'));
  try {
    const source = createDatabase(cluster.url, 'voordeur');
    const live = await serve('live', 'all', { DATABASE_URL: source, WORKER_INTERVAL_SECONDS: '3600' });
    procs.push(live);
    const uploads = await fill(live.base!);
    const dump = join(dir, 'voordeur.dump');
    const t0 = performance.now();
    execFileSync('pg_dump', ['-Fc', '-f', dump, source]);
    const dumpSeconds = (performance.now() - t0) / 1000;
    // Counted right after the dump, with nothing else writing (the worker's periodic work is an hour away).
    const src = await openDatabase({ url: source, poolSize: 1 });
    const sourceCounts = await rowCounts(src.db);
    const sourceHashes = await attachmentHashes(src.db);
    await src.close();

    const restoredUrl = createDatabase(cluster.url, 'restored');
    const t1 = performance.now();
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', '-d', restoredUrl, dump]);
    log(
      `  pg_dump ${dumpSeconds.toFixed(1)} s, pg_restore ${((performance.now() - t1) / 1000).toFixed(1)} s, dump ${(Number(execFileSync('stat', ['-c', '%s', dump], { encoding: 'utf8' })) / 1e6).toFixed(1)} MB`,
    );
    const restored = await openDatabase({ url: restoredUrl, poolSize: 1 });
    compare(sourceCounts, await rowCounts(restored.db));
    const hashes = await attachmentHashes(restored.db);
    check(
      hashes.length === ATTACHMENTS &&
        JSON.stringify(hashes) === JSON.stringify(sourceHashes) &&
        hashes.every((h) => h.split(':')[0] === h.split(':')[1]),
      `${hashes.length} attachments: stored bytes match their recorded SHA-256 and the source's`,
    );
    await restored.close();

    const copy = await serve('restored', 'api', { DATABASE_URL: restoredUrl });
    procs.push(copy);
    await verifyServed(copy.base!, uploads);
  } finally {
    for (const p of procs) await stop(p);
    rmSync(dir, { recursive: true, force: true });
    cluster.stop();
  }
}

async function pgliteCopy() {
  log('PGlite: stop the server, copy the data directory, start on the copy');
  const dir = mkdtempSync(join(tmpdir(), 'voordeur-pglite-backup-'));
  const data = join(dir, 'data');
  const copy = join(dir, 'copy');
  const procs: Proc[] = [];
  // No VOORDEUR_DATA_KEY: the key is kept in the data directory, as on a default install.
  const env = { VOORDEUR_DATA_DIR: data, VOORDEUR_DATA_KEY: '' };
  try {
    const live = await serve('live', 'all', env);
    procs.push(live);
    const uploads = await fill(live.base!);
    check((await stop(live)) === 0, 'server stopped (SIGTERM) cleanly');
    cpSync(data, copy, { recursive: true, preserveTimestamps: true });

    const original = await openDatabase({ dataDir: data });
    const sourceCounts = await rowCounts(original.db);
    const sourceHashes = await attachmentHashes(original.db);
    await original.close();
    const copied = await openDatabase({ dataDir: copy });
    compare(sourceCounts, await rowCounts(copied.db));
    const hashes = await attachmentHashes(copied.db);
    check(
      hashes.length === ATTACHMENTS && JSON.stringify(hashes) === JSON.stringify(sourceHashes),
      `${hashes.length} attachments: the same bytes in the copy`,
    );
    await copied.close();

    const served = await serve('copy', 'api', { VOORDEUR_DATA_DIR: copy, VOORDEUR_DATA_KEY: '' });
    procs.push(served);
    await verifyServed(served.base!, uploads);
  } finally {
    for (const p of procs) await stop(p);
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function backupDrill() {
  await postgresBackup();
  await pgliteCopy();
}
