/**
 * The key rule (ADR 0018 keys-that-shard): on a distributed PostgreSQL (Citus) `organisation_id` is the
 * distribution key, so an organisation-owned table must be keyed `(organisation_id, …)`, and every unique index and
 * every foreign key to another organisation-owned table must include `organisation_id`. `keyViolations` reads the
 * live catalogue (`pg_class`, `pg_index`, `pg_constraint`), so a table added later cannot forget the rule.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from './client.ts';

/**
 * The global tables: rows that belong to no organisation. On Citus each becomes a reference table (a copy on every
 * node); every other table is distributed by `organisation_id`. The ADR gives the reason for each.
 */
export const GLOBAL_TABLES: readonly string[] = [
  /** The tenants themselves: keyed by the id that is everyone else's `organisation_id`. */
  'organisation',
  /** Platform administrators' tokens (ADR 0007): they act above the organisations. */
  'platform_token',
  /** The worker's lease per periodic task (issue 12, item 1): one run at a time across all organisations. */
  'periodic_task_lease',
];

/**
 * Unique indexes allowed without `organisation_id`, by name. Only `app_user_email_uq`: an address signs in without
 * naming its organisation, so it may belong to one organisation only. On Citus it moves into a reference table of
 * addresses (the ADR); a distributed table cannot enforce it.
 */
export const GLOBAL_UNIQUE_INDEXES: readonly string[] = ['app_user_email_uq'];

/** One breach of the key rule, in words a reader of a failing test understands. */
export interface KeyViolation {
  table: string;
  rule: 'organisation_id' | 'primary_key' | 'unique_index' | 'foreign_key' | 'set_null';
  detail: string;
}

const ORG = 'organisation_id';

/** Every breach of the key rule among the tables of one schema (default `public`), in a stable order. */
export async function keyViolations(db: Db, schema = 'public'): Promise<KeyViolation[]> {
  const tables = await queryRows<{ table: string; has_org: boolean }>(
    db,
    sql`SELECT c.relname AS table,
               EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = c.oid AND a.attname = ${ORG} AND a.attnum > 0 AND NOT a.attisdropped) AS has_org
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p')
        ORDER BY c.relname`,
  );
  const indexes = await queryRows<{
    table: string;
    index: string;
    is_primary: boolean;
    columns: string | null;
  }>(
    db,
    sql`SELECT t.relname AS table, i.relname AS index, x.indisprimary AS is_primary,
               (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord)
                FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
        FROM pg_index x
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = ${schema} AND x.indisunique AND t.relkind IN ('r', 'p')
        ORDER BY t.relname, i.relname`,
  );
  const foreignKeys = await queryRows<{
    table: string;
    name: string;
    referenced: string;
    columns: string;
    referenced_columns: string;
    on_delete: string;
    set_null_columns: string | null;
  }>(
    db,
    sql`SELECT src.relname AS table, con.conname AS name, dst.relname AS referenced,
               con.confdeltype::text AS on_delete,
               (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord)
                FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
               (SELECT string_agg(a.attname::text, ',' ORDER BY k.ord)
                FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS referenced_columns,
               (SELECT string_agg(a.attname::text, ',')
                FROM unnest(con.confdelsetcols) AS k(attnum)
                JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS set_null_columns
        FROM pg_constraint con
        JOIN pg_class src ON src.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = src.relnamespace
        JOIN pg_class dst ON dst.oid = con.confrelid
        WHERE con.contype = 'f' AND n.nspname = ${schema}
        ORDER BY src.relname, con.conname`,
  );

  const isGlobal = (table: string) => GLOBAL_TABLES.includes(table);
  const out: KeyViolation[] = [];
  for (const { table, has_org } of tables) {
    if (isGlobal(table)) continue;
    if (!has_org) out.push({ table, rule: 'organisation_id', detail: `${table} has no ${ORG} column` });
  }
  for (const { table, index, is_primary, columns } of indexes) {
    if (isGlobal(table)) continue;
    const cols = columns ? columns.split(',') : [];
    if (is_primary && cols[0] !== ORG) {
      out.push({
        table,
        rule: 'primary_key',
        detail: `${index} (${cols.join(', ')}) does not start with ${ORG}`,
      });
    } else if (!is_primary && !cols.includes(ORG) && !GLOBAL_UNIQUE_INDEXES.includes(index)) {
      out.push({ table, rule: 'unique_index', detail: `${index} (${cols.join(', ')}) lacks ${ORG}` });
    }
  }
  for (const fk of foreignKeys) {
    // A foreign key to a global table (organisation_id → organisation) is what Citus allows: distributed → reference.
    if (isGlobal(fk.referenced)) continue;
    const cols = fk.columns.split(',');
    const refCols = fk.referenced_columns.split(',');
    const i = cols.indexOf(ORG);
    if (i < 0 || refCols[i] !== ORG) {
      out.push({
        table: fk.table,
        rule: 'foreign_key',
        detail: `${fk.name} (${cols.join(', ')}) → ${fk.referenced} (${refCols.join(', ')}) does not pair ${ORG}`,
      });
    } else if (
      fk.on_delete === 'n' &&
      (!fk.set_null_columns || fk.set_null_columns.split(',').includes(ORG))
    ) {
      // ON DELETE SET NULL without a column list would null organisation_id as well (and fail: it is NOT NULL).
      out.push({
        table: fk.table,
        rule: 'set_null',
        detail: `${fk.name} sets ${fk.set_null_columns ?? 'all its columns'} to null on delete, not only its reference`,
      });
    }
  }
  return out;
}

/**
 * The condition that a row of an organisation-owned table is the one `(organisationId, id)` names: for joins
 * (`.leftJoin(team, onKey(team, caseFile.organisationId, caseFile.teamId))`) and lookups. With the organisation in
 * the condition the primary key's index serves it, and on Citus the join stays on one node.
 */
export function onKey(
  table: { organisationId: AnyPgColumn; id: AnyPgColumn },
  organisationId: AnyPgColumn | SQL | string,
  id: AnyPgColumn | SQL | string,
): SQL {
  return and(eq(table.organisationId, organisationId), eq(table.id, id)) as SQL;
}
