import type { Db } from '@voordeur/db';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/** A write not yet sent: a Drizzle insert/update/delete builder (never awaited, so never run on its own). */
export type Write = SQLWrapper;

/**
 * Sends several writes as one statement (ADR 0006): each becomes a data-modifying CTE of
 * `WITH w0 AS (…), w1 AS (…) SELECT 1`, so a change costs one round trip instead of one per row type, and
 * is atomic without a transaction of its own. The writes must not depend on each other's effects (they all see
 * the snapshot from before the statement): ids are made by the caller, and foreign keys between them are
 * checked at the end of the statement, as PostgreSQL does for every statement.
 */
export async function writeTogether(db: Db, writes: readonly (Write | null | undefined | false)[]) {
  const parts = writes.filter((w): w is Write => !!w);
  if (!parts.length) return;
  if (parts.length === 1) {
    await db.execute(parts[0]!.getSQL());
    return;
  }
  const ctes: SQL[] = parts.map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w.getSQL()})`);
  await db.execute(sql`WITH ${sql.join(ctes, sql`, `)} SELECT 1`);
}
