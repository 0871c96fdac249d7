/**
 * Test support of the database package, for its own tests and the apps' test harnesses (never imported by
 * running code: it needs Vitest). Which database a test file runs on comes from its Vitest project.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { createDatabase } from '../../../../scripts/pg-cluster.ts';
import { type Database, openDatabase, queryRows } from '../client.ts';

export const dbKind = (process.env.VOORDEUR_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

export interface TestDatabaseOptions {
  /**
   * The file may get a database another file of this worker used and closed, emptied (every table truncated, its
   * sequences restarted). For files that change no schema (the API harness): opening a PGlite from the dump took
   * ~2 s of CPU per file and copying PostgreSQL's template ~0.35 s, emptying either ~0.15 s (ADR 0023, addendum
   * "one PGlite per worker").
   */
  reuse?: boolean;
}

/**
 * Databases closed by a file that reused them, ready for the next (module state lives per worker): a PGlite itself;
 * on PostgreSQL its address, the file's pool closed (a connection a file left inside a transaction would otherwise
 * hold back what the next file's VACUUM may remove).
 */
const idle: (Database | { url: string })[] = [];

/** A migrated database of this file's own: PGlite in memory, or on PostgreSQL a copy of the migrated template. */
export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  if (options.reuse) {
    const free = idle.pop();
    if (free) {
      const database = 'url' in free ? await openDatabase({ url: free.url, poolSize: 5 }) : free;
      await empty(database);
      return lend(database, 'url' in free ? free.url : undefined);
    }
  }
  if (dbKind === 'postgres') {
    // Each test file its own database, copied from the migrated one of the global setup (a file copy, fast):
    // files run two at a time, and the outbox worker and the clock sweeps of one file work across organisations.
    const template = new URL(inject('pgDatabaseUrl')).pathname.slice(1);
    const url = createDatabase(
      inject('pgClusterUrl'),
      `${template}_${randomBytes(4).toString('hex')}`,
      template,
    );
    const database = await openDatabase({ url, poolSize: 5 });
    return options.reuse ? lend(database, url) : database;
  }
  // A copy of the database the global setup migrated once (pglite.global-setup.ts); migrate() then finds nothing
  // to do, and still brings a copy up to date if it were older than the migrations.
  const dump = inject('pgliteDumpFile');
  const loadDataDir = dump ? new Blob([await readFile(dump)]) : undefined;
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir });
  await database.migrate();
  return options.reuse ? lend(database) : database;
}

/** The database as the file sees it: closing it hands it back for the next file of this worker. */
function lend(database: Database, url?: string): Database {
  let returned = false;
  return {
    ...database,
    async close() {
      if (returned) return;
      returned = true;
      if (url) {
        await database.close();
        idle.push({ url });
      } else idle.push(database);
    },
  };
}

/**
 * Back to the freshly migrated state: the migrations add no rows but their own bookkeeping (schema.test.ts checks
 * that), so every other table is emptied in one statement, with its identity sequences restarted. Triggers are off
 * meanwhile (the audit trail refuses TRUNCATE, as it should in production). Emptied when lent rather than when
 * returned, so anything a previous file left running is gone too.
 */
async function empty(database: Database) {
  const { db } = database;
  const tables = await queryRows<{ name: string }>(
    db,
    sql`SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'drizzle')`,
  );
  if (database.kind === 'pglite')
    await db.execute(sql`DISCARD ALL`); // one session: a test's SETs end here
  // Whatever a previous file left connected (a child process, a stray pool) goes, with its open transactions.
  else
    await db.execute(
      sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(sql.raw(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY`));
  });
}
