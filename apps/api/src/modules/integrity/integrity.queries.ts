import { type Db, integrityRecord } from '@voordeur/db';
import { and, desc, eq, sql } from 'drizzle-orm';

export function records(db: Db, organisationId: string) {
  return db
    .select()
    .from(integrityRecord)
    .where(eq(integrityRecord.organisationId, organisationId))
    .orderBy(desc(integrityRecord.occurredOn), desc(integrityRecord.createdAt))
    .limit(500);
}

export function findRecord(db: Db, organisationId: string, id: string) {
  return db
    .select()
    .from(integrityRecord)
    .where(and(eq(integrityRecord.organisationId, organisationId), eq(integrityRecord.id, id)))
    .then((r) => r[0]);
}

export function insertRecord(db: Db, values: typeof integrityRecord.$inferInsert) {
  return db
    .insert(integrityRecord)
    .values(values)
    .returning()
    .then((r) => r[0]!);
}

export function updateRecord(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  values: Partial<typeof integrityRecord.$inferInsert>,
) {
  return db
    .update(integrityRecord)
    .set({ ...values, version: sql`${integrityRecord.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(integrityRecord.organisationId, organisationId),
        eq(integrityRecord.id, id),
        eq(integrityRecord.version, version),
      ),
    )
    .returning()
    .then((r) => r[0]);
}
