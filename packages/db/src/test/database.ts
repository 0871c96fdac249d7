/**
 * Test support of the database package, for its own tests and the apps' test harnesses (never imported by
 * running code: it needs Vitest). Which database a test file runs on comes from its Vitest project.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { createDatabase } from '../../../../scripts/pg-cluster.ts';
import { type Database, openDatabase } from '../client.ts';

export const dbKind = (process.env.VOORDEUR_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/** A migrated database of this file's own: PGlite in memory, or on PostgreSQL a copy of the migrated template. */
export async function openTestDatabase(): Promise<Database> {
  if (dbKind === 'postgres') {
    // Each test file its own database, copied from the migrated one of the global setup (a file copy, fast):
    // files run two at a time, and the outbox worker and the clock sweeps of one file work across organisations.
    const template = new URL(inject('pgDatabaseUrl')).pathname.slice(1);
    const url = createDatabase(
      inject('pgClusterUrl'),
      `${template}_${randomBytes(4).toString('hex')}`,
      template,
    );
    return openDatabase({ url, poolSize: 5 });
  }
  // A copy of the database the global setup migrated once (pglite.global-setup.ts); migrate() then finds nothing
  // to do, and still brings a copy up to date if it were older than the migrations.
  const dump = inject('pgliteDumpFile');
  const loadDataDir = dump ? new Blob([await readFile(dump)]) : undefined;
  const database = await openDatabase({ dataDir: 'memory://', loadDataDir });
  await database.migrate();
  return database;
}
