import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../apps/api/src/test/harness.ts';
import { type Database, queryRows } from './client.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('schema', () => {
  it('every table carries organisation_id (the organisation table is keyed by it; platform tokens and periodic task leases belong to no organisation)', async () => {
    const rows = await queryRows<{ table_name: string; has_org: boolean }>(
      database.db,
      sql`
      SELECT t.table_name,
             EXISTS (SELECT 1 FROM information_schema.columns c
                     WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                       AND c.column_name = 'organisation_id') AS has_org
      FROM information_schema.tables t
      WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
    );
    // The named exceptions (ADR 0007): the organisations themselves and the platform administrators' tokens;
    // and the worker's periodic task leases (a task runs over all organisations).
    const global = new Set(['organisation', 'platform_token', 'periodic_task_lease']);
    const tables = rows.filter((r) => !global.has(r.table_name));
    expect(tables.length).toBeGreaterThanOrEqual(6);
    expect(tables.filter((r) => !r.has_org).map((r) => r.table_name)).toEqual([]);
  });

  it('migrations are recorded and applying them again changes nothing', async () => {
    await database.migrate();
    const [applied] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
    );
    expect(applied!.n).toBeGreaterThanOrEqual(2);
  });
});
