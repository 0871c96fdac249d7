/**
 * The extensions every database needs work together: trigram similarity (search, street lookup), unaccent, and
 * cube + earthdistance (reports nearby). On PGlite their load order once made a trigram `%` query answer no rows
 * and hang the session after it (PGLITE_EXTENSIONS in client.ts); the queries after it must still answer.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, queryRows } from './client.ts';
import { openTestDatabase } from './test/database.ts';

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
