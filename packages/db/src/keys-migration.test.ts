/**
 * The keys-that-shard migration over existing data: a database at the schema before it, filled with rows in every
 * table (every foreign key pointing at a row of the same organisation), is migrated; every row of every table is
 * still there with the same content, and the key rule then holds.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../../scripts/pg-cluster.ts';
import { type Database, type Db, migrationsFolder, openDatabase, queryRows } from './client.ts';
import { keyViolations } from './keys.ts';
import { dbKind } from './test/database.ts';

/** A database with no migrations applied. */
async function openEmptyDatabase(): Promise<Database> {
  if (dbKind === 'postgres') {
    const url = createDatabase(inject('pgClusterUrl'), `keys_${randomBytes(4).toString('hex')}`);
    return openDatabase({ url, poolSize: 2 });
  }
  return openDatabase({ dataDir: 'memory://' });
}

/** When the keys-that-shard migration was generated (its place in drizzle's journal). */
function keysMigrationMillis(): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const entry = journal.entries.find((e) => e.tag.endsWith('_keys_that_shard'));
  if (!entry) throw new Error('the keys_that_shard migration is not in the journal');
  return entry.when;
}

/** Applies, and records as drizzle's migrator does, every migration older than `before`. */
async function migrateUpTo(db: Db, before: number) {
  await db.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle`);
  await db.execute(
    sql`CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`,
  );
  for (const migration of readMigrationFiles({ migrationsFolder })) {
    if (migration.folderMillis >= before) break;
    for (const statement of migration.sql) await db.execute(sql.raw(statement));
    await db.execute(
      sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${migration.hash}, ${migration.folderMillis})`,
    );
  }
}

interface Column {
  table: string;
  column: string;
  type: string;
  udt: string;
  generated: boolean;
}

/**
 * One row per organisation in every table, built from the catalogue so that a table added before the migration is
 * filled too: every column gets a value (nullable ones as well, so that every foreign key points somewhere), and a
 * reference gets the id of the parent row of the same organisation.
 */
async function fillEveryTable(db: Db, organisations: number) {
  const columns = await queryRows<Column>(
    db,
    sql`SELECT table_name AS table, column_name AS column, data_type AS type, udt_name AS udt,
               (is_identity = 'YES' AND identity_generation = 'ALWAYS') OR is_generated <> 'NEVER' AS generated
        FROM information_schema.columns c
        WHERE table_schema = 'public'
          AND EXISTS (SELECT 1 FROM information_schema.tables t WHERE t.table_schema = 'public'
                      AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE')
        ORDER BY table_name, ordinal_position`,
  );
  const references = await queryRows<{
    table: string;
    column: string;
    parent: string;
    parent_column: string;
  }>(
    db,
    sql`SELECT src.relname AS table, a.attname::text AS column, dst.relname AS parent, pa.attname::text AS parent_column
        FROM pg_constraint con
        JOIN pg_class src ON src.oid = con.conrelid JOIN pg_namespace n ON n.oid = src.relnamespace
        JOIN pg_class dst ON dst.oid = con.confrelid
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
        JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = con.confkey[1]
        WHERE con.contype = 'f' AND n.nspname = 'public' AND cardinality(con.conkey) = 1`,
  );
  const tables = [...new Set(columns.map((c) => c.table))];
  const parentsOf = (table: string) =>
    references.filter((r) => r.table === table && r.parent !== table).map((r) => r.parent);
  // Parents before children.
  const order: string[] = [];
  while (order.length < tables.length) {
    const next = tables.filter((t) => !order.includes(t) && parentsOf(t).every((p) => order.includes(p)));
    if (!next.length)
      throw new Error(`foreign keys form a cycle among ${tables.filter((t) => !order.includes(t))}`);
    order.push(...next);
  }
  const rows = new Map<string, Record<string, unknown>>(); // `${table}#${k}` → the values inserted
  for (let k = 0; k < organisations; k++) {
    for (const table of order) {
      const values: Record<string, unknown> = {};
      const parts: SQL[] = [];
      const names: SQL[] = [];
      for (const c of columns.filter((c) => c.table === table && !c.generated)) {
        const reference = references.find((r) => r.table === table && r.column === c.column);
        const value = reference
          ? rows.get(`${reference.parent}#${k}`)?.[reference.parent_column]
          : sampleValue(c, k);
        values[c.column] = value;
        const type = c.type === 'ARRAY' ? `${c.udt.slice(1)}[]` : c.type === 'USER-DEFINED' ? c.udt : c.type;
        names.push(sql.raw(`"${c.column}"`));
        parts.push(sql`${value}::${sql.raw(type)}`);
      }
      await db.execute(
        sql`INSERT INTO ${sql.raw(`"${table}"`)} (${sql.join(names, sql`, `)}) VALUES (${sql.join(parts, sql`, `)})`,
      );
      rows.set(`${table}#${k}`, values);
    }
  }
  return tables;
}

function sampleValue(c: Column, k: number): unknown {
  switch (c.type) {
    case 'uuid':
      return randomUUID();
    case 'integer':
    case 'bigint':
      return 7 + k;
    case 'boolean':
      return k % 2 === 0;
    case 'jsonb':
      return JSON.stringify({ table: c.table, k });
    case 'timestamp with time zone':
      return `2026-0${k + 1}-02T03:04:05.678Z`;
    case 'bytea':
      return Buffer.from([1, 2, k]);
    case 'ARRAY':
      return c.udt === '_uuid' ? `{${randomUUID()}}` : `{een,twee ${k}}`;
    default:
      // text and tsvector
      return `${c.table}.${c.column}.${k}`;
  }
}

/** Every row of every table, as JSON text in a stable order. */
async function contents(db: Db, tables: string[]) {
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await queryRows<{ row: string }>(
      db,
      sql`SELECT to_jsonb(t)::text AS row FROM ${sql.raw(`"${table}"`)} t ORDER BY 1`,
    );
    out[table] = rows.map((r) => r.row);
  }
  return out;
}

/** `after`'s rows with only the columns each table's rows had in `before`, as JSON in a stable order. */
function onColumnsOf(before: Record<string, string[]>, after: Record<string, string[]>) {
  const out: Record<string, string[]> = {};
  for (const [table, rows] of Object.entries(after)) {
    const columns = Object.keys(JSON.parse(before[table]?.[0] ?? '{}') as object);
    out[table] = rows
      .map((row) => {
        const value = JSON.parse(row) as Record<string, unknown>;
        return Object.fromEntries(columns.map((c) => [c, value[c]]));
      })
      .map((value) => JSON.stringify(value))
      .sort();
  }
  return out;
}

/** Tables of the previous schema that a later migration drops on purpose (contact_daily_stat: issue 14, its figures
 * come from the monitoring rollups now). */
const DROPPED_LATER = ['contact_daily_stat'];

describe('the keys-that-shard migration', () => {
  it('keeps every row of a database of the previous schema, and then the key rule holds', async () => {
    const database = await openEmptyDatabase();
    try {
      await migrateUpTo(database.db, keysMigrationMillis());
      // The previous schema breaks the rule (keys by id alone): the data below is in the old shape.
      expect((await keyViolations(database.db)).length).toBeGreaterThan(20);
      const tables = await fillEveryTable(database.db, 2);
      expect(tables.length).toBeGreaterThanOrEqual(30);
      const before = await contents(database.db, tables);
      for (const table of tables) expect(before[table], table).toHaveLength(2);

      await database.migrate();

      // A later migration may drop a table on purpose (its rows are then gone by design): exactly these.
      const present = new Set(
        (
          await queryRows<{ name: string }>(
            database.db,
            sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
          )
        ).map((r) => r.name),
      );
      expect(tables.filter((table) => !present.has(table))).toEqual(DROPPED_LATER);
      const kept = tables.filter((table) => present.has(table));
      const keptBefore = Object.fromEntries(kept.map((table) => [table, before[table] ?? []]));
      // Compared on the columns the rows had: later migrations may add columns (new ones are not this test's).
      expect(onColumnsOf(keptBefore, await contents(database.db, kept))).toEqual(
        onColumnsOf(keptBefore, keptBefore),
      );
      expect(await keyViolations(database.db)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
