import { readdirSync } from 'node:fs';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, type Db, migrationsFolder, queryRows } from './client.ts';
import { GLOBAL_TABLES } from './keys.ts';
import { openTestDatabase } from './test/database.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('schema', () => {
  it('every table carries organisation_id but the global tables (the organisation table is keyed by it)', async () => {
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
    // The named exceptions (ADR 0007, ADR 0018 keys-that-shard): the organisations themselves, the platform
    // administrators' tokens, and the few other global tables.
    const tables = rows.filter((r) => !GLOBAL_TABLES.includes(r.table_name));
    expect(tables.length).toBeGreaterThanOrEqual(6);
    expect(tables.filter((r) => !r.has_org).map((r) => r.table_name)).toEqual([]);
  });

  it('migrations are recorded, and applying them again changes nothing in the catalogue', async () => {
    const files = readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql'));
    const before = await catalogue(database.db);
    // Every migration ran exactly once, and the snapshot is not an empty one.
    expect(before.migrations).toHaveLength(files.length);
    expect(before.tables.length).toBeGreaterThanOrEqual(30);
    expect(before.constraints.length).toBeGreaterThan(before.tables.length);
    expect(before.indexes.length).toBeGreaterThan(before.tables.length);
    expect(before.triggers.length).toBeGreaterThanOrEqual(2);

    // A migration applied a second time would add a journal row, fail on what it created, or change the catalogue.
    await database.migrate();
    expect(await catalogue(database.db)).toEqual(before);
  });

  it('the migrations add no rows but their own bookkeeping (so emptying a reused test database makes a fresh one)', async () => {
    const tables = await queryRows<{ name: string }>(
      database.db,
      sql`SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
          WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'drizzle')`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(30);
    const filled: string[] = [];
    for (const { name } of tables) {
      const [row] = await queryRows<{ any: boolean }>(
        database.db,
        sql.raw(`SELECT EXISTS (SELECT 1 FROM ${name}) AS any`),
      );
      if (row?.any) filled.push(name);
    }
    expect(filled).toEqual([]);
  });

  it('the catalogue snapshot notices a changed index, column or constraint', async () => {
    const before = await catalogue(database.db);
    await database.db.execute(sql`CREATE INDEX schema_test_probe_idx ON team (name)`);
    expect(await catalogue(database.db)).not.toEqual(before);
    await database.db.execute(sql`DROP INDEX schema_test_probe_idx`);
    await database.db.execute(sql`ALTER TABLE team ALTER COLUMN description DROP DEFAULT`);
    expect(await catalogue(database.db)).not.toEqual(before);
    await database.db.execute(sql`ALTER TABLE team ALTER COLUMN description SET DEFAULT ''`);
    expect(await catalogue(database.db)).toEqual(before);
  });
});

/**
 * What the migrations made, read from the live catalogue: tables and their columns, constraints, indexes, triggers,
 * functions and extensions, and drizzle's journal of applied migrations.
 */
async function catalogue(db: Db) {
  const rows = <T>(query: SQL) => queryRows<T>(db, query);
  return {
    tables: await rows(sql`
      SELECT table_name, table_type FROM information_schema.tables
      WHERE table_schema = 'public' ORDER BY table_name`),
    columns: await rows(sql`
      SELECT table_name, column_name, ordinal_position, data_type, udt_name, is_nullable, column_default,
             is_identity, identity_generation, is_generated
      FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`),
    constraints: await rows(sql`
      SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS definition
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE n.nspname = 'public' ORDER BY 1, 2`),
    indexes: await rows(sql`
      SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`),
    triggers: await rows(sql`
      SELECT t.tgrelid::regclass::text AS table_name, t.tgname, pg_get_triggerdef(t.oid) AS definition
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal ORDER BY 1, 2`),
    functions: await rows(sql`
      SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS args, md5(p.prosrc) AS source
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1, 2`),
    extensions: await rows(sql`SELECT extname, extversion FROM pg_extension ORDER BY 1`),
    migrations: await rows(
      sql`SELECT hash, created_at::text AS created_at FROM drizzle.__drizzle_migrations ORDER BY id`,
    ),
  };
}
