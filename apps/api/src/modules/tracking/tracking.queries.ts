import { type Db, trackingCode } from '@voordeur/db';
import { and, count, eq, gt, sql } from 'drizzle-orm';

export type CodeInsert = typeof trackingCode.$inferInsert;

export function insertCode(db: Db, values: CodeInsert) {
  return db.insert(trackingCode).values(values);
}

/** Code requests since `since` from this address and from this IP (what the limits count). */
export async function recentRequests(
  db: Db,
  organisationId: string,
  keys: { emailKey: string; ipKey: string },
  since: Date,
) {
  const [row] = await db
    .select({
      byEmail: count(sql`CASE WHEN ${trackingCode.emailKey} = ${keys.emailKey} THEN 1 END`),
      byIp: count(sql`CASE WHEN ${trackingCode.ipKey} = ${keys.ipKey} THEN 1 END`),
    })
    .from(trackingCode)
    .where(
      and(
        eq(trackingCode.organisationId, organisationId),
        gt(trackingCode.createdAt, since),
        sql`(${trackingCode.emailKey} = ${keys.emailKey} OR ${trackingCode.ipKey} = ${keys.ipKey})`,
      ),
    );
  return { byEmail: row?.byEmail ?? 0, byIp: row?.byIp ?? 0 };
}

/** A code request, locked for the attempt (two attempts at once count as two). */
export function lockCode(db: Db, organisationId: string, id: string) {
  return db
    .select()
    .from(trackingCode)
    .where(and(eq(trackingCode.organisationId, organisationId), eq(trackingCode.id, id)))
    .for('update')
    .then((r) => r[0]);
}

export function findCode(db: Db, organisationId: string, id: string) {
  return db
    .select({ id: trackingCode.id, expiresAt: trackingCode.expiresAt })
    .from(trackingCode)
    .where(and(eq(trackingCode.organisationId, organisationId), eq(trackingCode.id, id)))
    .then((r) => r[0]);
}

export function updateCode(
  db: Db,
  organisationId: string,
  id: string,
  set: { attempts?: number; usedAt?: Date },
) {
  return db
    .update(trackingCode)
    .set(set)
    .where(and(eq(trackingCode.organisationId, organisationId), eq(trackingCode.id, id)));
}
