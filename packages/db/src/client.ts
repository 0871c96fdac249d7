import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type SQL, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import {
  type PgDatabase,
  PgDialect,
  type PgQueryResultHKT,
  type PgSession,
  PgTransaction,
} from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** A database or a transaction: services take this, so they compose inside a caller's transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Applies pending migrations. Safe when several processes start at once against one server. */
  migrate(onProgress?: (message: string) => void): Promise<void>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — when absent, an embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; `memory://` keeps everything in memory (tests). */
  dataDir?: string | undefined;
  /**
   * PGlite only: start from this dump (`dumpPgliteDataDir`) instead of an empty cluster — the tests' copy of a
   * database migrated once (initdb and the migrations cost seconds, loading a dump a fraction of that).
   */
  loadDataDir?: Blob | undefined;
  /** Connections in the pool (server only). */
  poolSize?: number | undefined;
  /**
   * Whether `queryPrepared` may name its statements (server only; default true). False behind a pooler that
   * does not carry named prepared statements from one transaction to the next (PgBouncer in transaction mode
   * before 1.21, or without `max_prepared_statements`): each statement is then parsed on every run.
   */
  preparedStatements?: boolean | undefined;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** Any number chosen once: the advisory-lock key that serialises migrations across processes. */
const MIGRATION_LOCK_KEY = 7_007_100_001;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url
    ? openPostgres(options.url, options.poolSize ?? 10, options.preparedStatements ?? true)
    : openPglite(options.dataDir ?? './data', options.loadDataDir);
}

/** Pools (and their clients) whose statements must not be named: see `OpenOptions.preparedStatements`. */
const unnamedOnly = new WeakSet<object>();

async function openPostgres(url: string, poolSize: number, preparedStatements: boolean): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'voordeur' });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  if (!preparedStatements) {
    unnamedOnly.add(pool);
    pool.on('connect', (client) => unnamedOnly.add(client));
  }
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async migrate(onProgress) {
      // One transaction holding a transaction-scoped lock: a session-level lock taken and released in separate
      // statements may be taken on one server connection and "released" on another behind a transaction
      // pooler (PgBouncer), and then stays held until that server connection closes; the next start waits.
      onProgress?.('waiting for the migration lock');
      await db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
        onProgress?.('applying migrations');
        await applyMigrations(tx);
      });
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}

/**
 * The extensions the embedded database loads (every open, and the tests' dump, must agree). The order matters:
 * with pg_trgm linked before cube, PGlite answers a trigram `%` query with no rows and the session then spins at
 * full CPU inside WebAssembly (no timeout can fire); linked after it, all work (extensions.test.ts). The order of
 * this object alone does not settle it: see `createPglite`.
 */
const PGLITE_EXTENSIONS = { cube, earthdistance, pg_trgm, unaccent };

/** The one place a PGlite is made (the tests' dump and every open): the extensions link in the order above. */
function createPglite(dataDir: string, loadDataDir?: Blob): Promise<PGlite> {
  const created = starting.then(() =>
    inStartedOrder(() => PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS, loadDataDir })),
  );
  starting = created.catch(() => {});
  return created;
}
/** One PGlite starts at a time in a process (a second start's modules must not interleave with the first's). */
let starting: Promise<unknown> = Promise.resolve();

/**
 * PGlite starts compiling every extension's WebAssembly module at once, in the order of `PGLITE_EXTENSIONS`, and
 * links each into the database when its compilation ends — whichever ends first. Alone on a machine cube (small)
 * ends before pg_trgm; on a busy machine it may end last, and the database then hangs at the first trigram query
 * (a Vitest worker at 100 % CPU for minutes in a full test run; a server could do the same). While PGlite starts,
 * each instantiation is therefore handed over only after the ones started before it: compilation still runs in
 * parallel, the linking follows the order the modules were started in.
 */
async function inStartedOrder<T>(start: () => Promise<T>): Promise<T> {
  const instantiate = WebAssembly.instantiate;
  let previous: Promise<unknown> = Promise.resolve();
  WebAssembly.instantiate = ((...args: Parameters<typeof instantiate>) => {
    const result = Reflect.apply(instantiate, WebAssembly, args) as Promise<unknown>;
    const inOrder = previous.then(() => result);
    previous = inOrder.catch(() => {});
    return inOrder;
  }) as typeof instantiate;
  try {
    return await start();
  } finally {
    WebAssembly.instantiate = instantiate;
  }
}

/**
 * A migrated in-memory PGlite, dumped (uncompressed tar): the test setup makes it once and every test file opens
 * its own copy with `openDatabase({ dataDir: 'memory://', loadDataDir })`, as PostgreSQL clones a template.
 */
export async function dumpMigratedPglite(): Promise<Blob> {
  const client = await createPglite('memory://');
  try {
    await migratePglite(drizzlePglite({ client }), { migrationsFolder });
    return await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await createPglite(dataDir, loadDataDir);
    if (!inMemory) ownerOnly(dataDir);
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async migrate(onProgress) {
      onProgress?.('applying migrations');
      await migratePglite(drizzlePglite({ client }), { migrationsFolder });
    },
    async ping() {
      await db.execute(sql`SELECT 1`);
    },
    async close() {
      await client.close();
      if (!inMemory) ownerOnly(dataDir);
      release();
    },
  };
}

/**
 * The data directory holds every person's data: only its owner may read or write it. PGlite writes most of a
 * new cluster's files as 0666 whatever the umask (its initdb sets the mode explicitly), so after opening and
 * after closing every directory is made 0700 and every file 0600. In between, files that PostgreSQL creates
 * get the umask's mode, but inside a directory that nobody else may enter.
 */
export function ownerOnly(dir: string): void {
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) ownerOnly(path);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}

/**
 * Drizzle's migrator (`drizzle-orm/pg-core` dialect.migrate), in the caller's transaction: the same bookkeeping
 * table (drizzle.__drizzle_migrations) and rule (apply every migration newer than the last one recorded), but
 * Drizzle's own version opens a transaction of its own, which would end ours and with it the migration lock.
 */
async function applyMigrations(tx: Db) {
  await tx.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle`);
  await tx.execute(
    sql`CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`,
  );
  const [last] = await queryRows<{ created_at: string }>(
    tx,
    sql`SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`,
  );
  for (const migration of readMigrationFiles({ migrationsFolder })) {
    if (last && Number(last.created_at) >= migration.folderMillis) continue;
    for (const statement of migration.sql) await tx.execute(sql.raw(statement));
    await tx.execute(
      sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${migration.hash}, ${migration.folderMillis})`,
    );
  }
}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt it.
 * A lock file with the owner's pid refuses that, and is taken over when its owner is gone.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Also a directory made by an older version or by hand: nobody but the owner may look inside.
  chmodSync(dataDir, 0o700);
  const lockFile = join(dataDir, 'voordeur.lock');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${pid}. Stop it first, or set DATABASE_URL to share a PostgreSQL server between processes.`,
      );
    }
    rmSync(lockFile, { force: true });
  }
  const fd = openSync(lockFile, 'wx', 0o600);
  writeFileSync(fd, String(process.pid));
  closeSync(fd);
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Several reads at once: in parallel on the pool, one after the other in a transaction (a transaction is one
 * connection; node-postgres deprecates overlapping queries on a client, and they would queue anyway).
 */
export async function readAll<T extends readonly unknown[]>(
  db: Db,
  ...reads: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as unknown as T;
}

/**
 * Runs raw SQL and returns its rows, the same on both drivers (both answer with `{ rows }`). For the few
 * queries that the query builder cannot express (full-text search, reports).
 */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const dialect = new PgDialect();

/**
 * `queryRows` as a named prepared statement, for a large statement run often (the search): a server parses it
 * once per connection instead of on every call (measured: parsing and planning the search took 1.7 of its 7 ms),
 * and may keep its plan. The name is derived from the text, so each shape of the statement is its own prepared
 * statement. PGlite parses every time either way. Rows are parsed as in `queryRows` (through Drizzle's session).
 * With `preparedStatements: false` (a transaction pooler in front) the statement runs unnamed: the same text,
 * parsed and planned on every call.
 */
export async function queryPrepared<T>(db: Db, query: SQL): Promise<T[]> {
  const compiled = dialect.sqlToQuery(query);
  // The session is Drizzle's own (not in its public types): through it, a name makes node-postgres prepare the
  // statement once per connection, and the rows get the same type parsers as every other query.
  const { session } = db as unknown as { session: PgSession };
  const name = statementName(
    db,
    `vd_${createHash('sha1').update(compiled.sql).digest('base64url').slice(0, 24)}`,
  );
  const result = (await session.prepareQuery(compiled, undefined, name || undefined, false).execute()) as {
    rows: T[];
  };
  return result.rows;
}

/**
 * The name to prepare a statement under on this database (for Drizzle's `.prepare(name)` and `queryPrepared`):
 * the name itself, or '' when prepared statements are off (`OpenOptions.preparedStatements`), which node-postgres
 * sends as an unnamed statement, parsed on every run.
 */
export function statementName(db: Db, name: string): string {
  const { session } = db as unknown as { session: { client?: object } };
  return session.client && unnamedOnly.has(session.client) ? '' : name;
}

/** A text[] parameter list (Drizzle would otherwise expand a JS array into a row). */
export function textArray(values: readonly string[]): SQL {
  return values.length
    ? sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`
    : sql`ARRAY[]::text[]`;
}
