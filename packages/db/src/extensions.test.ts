/**
 * The extensions every database needs work together: trigram similarity (search, street lookup), unaccent, and
 * cube + earthdistance (reports nearby). On PGlite their link order once made a trigram `%` query answer no rows
 * and hang the session after it (PGLITE_EXTENSIONS and createPglite in client.ts); the queries after it must still
 * answer, also when the machine is busy.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Database, queryRows } from './client.ts';
import { dbKind, openTestDatabase } from './test/database.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

it('answers trigram, unaccent and earth-distance queries, and the next query after them', async () => {
  const similar = await queryRows<{ n: number }>(
    database.db,
    sql`SELECT count(*)::int AS n FROM (VALUES ('havenkade'), ('molenweg')) AS s(street)
         WHERE street % 'havenkad'`,
  );
  expect(similar).toEqual([{ n: 1 }]);
  const [plain] = await queryRows<{ u: string }>(database.db, sql`SELECT unaccent('Café Hôtel') AS u`);
  expect(plain?.u).toBe('Cafe Hotel');
  const [distance] = await queryRows<{ m: number }>(
    database.db,
    sql`SELECT round(earth_distance(ll_to_earth(52.1, 5.1), ll_to_earth(52.1, 5.1002)))::int AS m`,
  );
  expect(distance?.m).toBeGreaterThan(10);
  expect(distance?.m).toBeLessThan(20);
  const [after] = await queryRows<{ one: number }>(database.db, sql`SELECT 1 AS one`);
  expect(after?.one).toBe(1);
});

// PGlite links each extension's WebAssembly module when its compilation ends. On a busy machine (a full test run)
// cube's could end after pg_trgm's, and a search test hung at 100 % CPU where no Vitest timeout fires. The child
// process makes cube's end last on purpose; the time guard turns a hang into a failure.
it.skipIf(dbKind !== 'pglite')(
  'answers the trigram query when cube’s module is ready only after pg_trgm’s (a busy machine)',
  async () => {
    const child = fileURLToPath(new URL('./test/slow-cube.child.ts', import.meta.url));
    const guardMs = 45_000;
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', child], {
      env: { ...process.env, PGLITE_DUMP: inject('pgliteDumpFile') },
      timeout: guardMs,
      killSignal: 'SIGKILL',
    }).catch((error: { killed?: boolean; stderr?: string }) => {
      throw new Error(
        error.killed
          ? `the database hung after the trigram query (no answer within ${guardMs / 1000} s)`
          : `the child failed: ${error.stderr}`,
      );
    });
    const { stdout } = await run;
    expect(JSON.parse(stdout)).toEqual({ slowedCube: true, similar: [{ n: 1 }], after: [{ one: 1 }] });
  },
);
