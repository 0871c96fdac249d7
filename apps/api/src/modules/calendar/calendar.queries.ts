import { type Db, workingCalendar } from '@voordeur/db';
import { and, eq, sql } from 'drizzle-orm';
import type { CalendarDefinition } from './working-time.ts';

/** The organisation's calendar row, if it set one. */
export function findCalendar(db: Db, organisationId: string) {
  return db
    .select()
    .from(workingCalendar)
    .where(eq(workingCalendar.organisationId, organisationId))
    .then((r) => r[0]);
}

/** The organisation's first calendar; none when another was stored first (a concurrent first save). */
export function insertCalendar(db: Db, organisationId: string, definition: CalendarDefinition) {
  return db.insert(workingCalendar).values({ organisationId, definition }).onConflictDoNothing().returning();
}

/** Replaces the definition if the stored version is still `version`; none when it is not (someone else saved). */
export function updateCalendar(
  db: Db,
  organisationId: string,
  version: number,
  definition: CalendarDefinition,
) {
  return db
    .update(workingCalendar)
    .set({ definition, version: sql`${workingCalendar.version} + 1`, updatedAt: new Date() })
    .where(and(eq(workingCalendar.organisationId, organisationId), eq(workingCalendar.version, version)))
    .returning();
}
