/** SQL of the improvements module. Every query takes the organisation id. */
import { appUser, catalogueItem, type Db, improvement, improvementKpi, team } from '@voordeur/db';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';

export type ImprovementRow = typeof improvement.$inferSelect;
export type ImprovementInsert = typeof improvement.$inferInsert;
export type ImprovementKpiRow = typeof improvementKpi.$inferSelect;

/** Whether the user exists in the organisation and is active. */
export async function isActiveUser(db: Db, organisationId: string, userId: string) {
  const [found] = await db
    .select({ id: appUser.id })
    .from(appUser)
    .where(and(eq(appUser.organisationId, organisationId), eq(appUser.id, userId), eq(appUser.active, true)));
  return Boolean(found);
}

export async function insertImprovement(db: Db, values: ImprovementInsert) {
  const [row] = await db.insert(improvement).values(values).returning();
  return row!;
}

export async function insertKpis(
  db: Db,
  organisationId: string,
  improvementId: string,
  kpis: readonly { code: string; filter: object }[],
) {
  if (kpis.length === 0) return [];
  return db
    .insert(improvementKpi)
    .values(
      kpis.map((k, position) => ({
        organisationId,
        improvementId,
        kpiCode: k.code,
        filter: k.filter,
        position,
      })),
    )
    .returning();
}

export async function deleteKpis(db: Db, organisationId: string, improvementId: string) {
  await db
    .delete(improvementKpi)
    .where(
      and(eq(improvementKpi.organisationId, organisationId), eq(improvementKpi.improvementId, improvementId)),
    );
}

export async function findImprovement(db: Db, organisationId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(improvement)
    .where(and(eq(improvement.organisationId, organisationId), eq(improvement.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function kpisOf(db: Db, organisationId: string, improvementIds: readonly string[]) {
  if (improvementIds.length === 0) return [];
  return db
    .select()
    .from(improvementKpi)
    .where(
      and(
        eq(improvementKpi.organisationId, organisationId),
        inArray(improvementKpi.improvementId, [...improvementIds]),
      ),
    )
    .orderBy(asc(improvementKpi.improvementId), asc(improvementKpi.position));
}

export async function updateImprovement(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  values: Partial<ImprovementInsert>,
) {
  const [row] = await db
    .update(improvement)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(
      and(
        eq(improvement.organisationId, organisationId),
        eq(improvement.id, id),
        eq(improvement.version, version),
      ),
    )
    .returning();
  return row;
}

export async function storeEffect(
  db: Db,
  organisationId: string,
  kpiId: string,
  effect: object | null,
  measuredAt: Date,
) {
  await db
    .update(improvementKpi)
    .set({ effect, measuredAt })
    .where(and(eq(improvementKpi.organisationId, organisationId), eq(improvementKpi.id, kpiId)));
}

/** Improvements with their owner's name, newest first, optionally narrowed. */
export async function listImprovements(
  db: Db,
  organisationId: string,
  where: {
    teamId?: string | undefined;
    status?: readonly string[] | undefined;
    ids?: readonly string[];
  } = {},
) {
  const conditions = [eq(improvement.organisationId, organisationId)];
  if (where.teamId) conditions.push(eq(improvement.teamId, where.teamId));
  if (where.status) conditions.push(inArray(improvement.status, [...where.status]));
  if (where.ids) conditions.push(inArray(improvement.id, [...where.ids]));
  return db
    .select({ improvement, ownerName: appUser.name })
    .from(improvement)
    .innerJoin(
      appUser,
      and(eq(appUser.organisationId, improvement.organisationId), eq(appUser.id, improvement.ownerId)),
    )
    .where(and(...conditions))
    .orderBy(desc(improvement.createdAt));
}

/** Done and published improvements with a public summary, newest first (for the public page). */
export async function listPublished(db: Db, organisationId: string, limit: number) {
  return db
    .select()
    .from(improvement)
    .where(
      and(
        eq(improvement.organisationId, organisationId),
        eq(improvement.status, 'done'),
        eq(improvement.published, true),
        sql`${improvement.publicSummaryNl} IS NOT NULL`,
      ),
    )
    .orderBy(desc(improvement.doneAt))
    .limit(limit);
}

export async function teamExists(db: Db, organisationId: string, id: string) {
  const [found] = await db
    .select({ id: team.id })
    .from(team)
    .where(and(eq(team.organisationId, organisationId), eq(team.id, id)));
  return Boolean(found);
}

export async function itemExists(db: Db, organisationId: string, id: string) {
  const [found] = await db
    .select({ id: catalogueItem.id })
    .from(catalogueItem)
    .where(and(eq(catalogueItem.organisationId, organisationId), eq(catalogueItem.id, id)));
  return Boolean(found);
}

/** The active users of the organisation (who may own an improvement), by name. */
export async function activeUsers(db: Db, organisationId: string) {
  return db
    .select({ id: appUser.id, name: appUser.name })
    .from(appUser)
    .where(and(eq(appUser.organisationId, organisationId), eq(appUser.active, true)))
    .orderBy(asc(appUser.name));
}

/** Which of these improvement ids exist in the organisation. */
export function existingIds(db: Db, organisationId: string, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([] as { id: string }[]);
  return db
    .select({ id: improvement.id })
    .from(improvement)
    .where(and(eq(improvement.organisationId, organisationId), inArray(improvement.id, [...ids])));
}
