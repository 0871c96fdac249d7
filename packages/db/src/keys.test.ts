import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from './client.ts';
import { GLOBAL_TABLES, keyViolations } from './keys.ts';
import { openTestDatabase } from './test/database.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** Runs statements one by one (PGlite's extended protocol takes one statement at a time). */
async function run(text: string) {
  for (const statement of text.split(/;\s*$/m))
    if (statement.trim()) await database.db.execute(sql.raw(statement));
}

describe('the key rule (keys that shard)', () => {
  it('holds for every table of the live database', async () => {
    expect(await keyViolations(database.db)).toEqual([]);
    const [tables] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind = 'r'`,
    );
    // The rule was checked against the organisation-owned tables, not against an empty schema.
    expect(tables!.n - GLOBAL_TABLES.length).toBeGreaterThanOrEqual(28);
  });

  it('reports a planted table that breaks each part of the rule', async () => {
    await run('DROP SCHEMA IF EXISTS keys_planted CASCADE');
    await run('CREATE SCHEMA keys_planted');
    try {
      await run(`
        CREATE TABLE keys_planted.parent (organisation_id uuid NOT NULL, id uuid NOT NULL,
          code text NOT NULL, PRIMARY KEY (organisation_id, id));
        CREATE UNIQUE INDEX parent_code_uq ON keys_planted.parent (code);
        CREATE UNIQUE INDEX parent_id_uq ON keys_planted.parent (id);
        CREATE TABLE keys_planted.good_child (organisation_id uuid NOT NULL, id uuid NOT NULL, parent_id uuid,
          PRIMARY KEY (organisation_id, id),
          FOREIGN KEY (organisation_id, parent_id) REFERENCES keys_planted.parent (organisation_id, id)
            ON DELETE SET NULL (parent_id));
        CREATE TABLE keys_planted.id_keyed (id uuid PRIMARY KEY, organisation_id uuid NOT NULL);
        CREATE TABLE keys_planted.orphan (id uuid NOT NULL, note text);
        CREATE TABLE keys_planted.by_id (organisation_id uuid NOT NULL, id uuid NOT NULL, parent_id uuid
          REFERENCES keys_planted.parent (id), PRIMARY KEY (organisation_id, id));
        CREATE TABLE keys_planted.nulls_all (organisation_id uuid NOT NULL, id uuid NOT NULL, parent_id uuid,
          PRIMARY KEY (organisation_id, id),
          FOREIGN KEY (organisation_id, parent_id) REFERENCES keys_planted.parent (organisation_id, id)
            ON DELETE SET NULL);`);
      const found = await keyViolations(database.db, 'keys_planted');
      expect(found.map(({ table, rule }) => `${table}: ${rule}`)).toEqual([
        'orphan: organisation_id',
        'id_keyed: primary_key',
        'parent: unique_index',
        'parent: unique_index',
        'by_id: foreign_key',
        'nulls_all: set_null',
      ]);
      expect(found.find((v) => v.table === 'by_id')?.detail).toContain('by_id_parent_id_fkey');
    } finally {
      await run('DROP SCHEMA keys_planted CASCADE');
    }
  });

  it('refuses a reference to another organisation’s row, and clears only the reference on delete', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const [teamA, teamB, item] = [randomUUID(), randomUUID(), randomUUID()];
    await run(`INSERT INTO organisation (id, slug, name) VALUES
      ('${a}', 'keys-a-${a.slice(0, 8)}', 'A'), ('${b}', 'keys-b-${b.slice(0, 8)}', 'B');
      INSERT INTO team (id, organisation_id, name, kind) VALUES
      ('${teamA}', '${a}', 'Team A', 'back_office'), ('${teamB}', '${b}', 'Team B', 'back_office')`);
    // The same id under the wrong organisation is not a parent: the composite foreign key refuses it.
    await expect(
      run(`INSERT INTO catalogue_item (id, organisation_id, code, audience, kind, team_id)
           VALUES ('${item}', '${a}', 'x', 'external', 'product', '${teamB}')`),
    ).rejects.toThrow();
    await run(`INSERT INTO catalogue_item (id, organisation_id, code, audience, kind, team_id)
               VALUES ('${item}', '${a}', 'x', 'external', 'product', '${teamA}')`);
    await run(`DELETE FROM team WHERE organisation_id = '${a}' AND id = '${teamA}'`);
    const [row] = await queryRows<{ organisation_id: string; team_id: string | null }>(
      database.db,
      sql`SELECT organisation_id, team_id FROM catalogue_item WHERE organisation_id = ${a} AND id = ${item}`,
    );
    expect(row).toEqual({ organisation_id: a, team_id: null });
  });
});
