import {
  appUser,
  type Db,
  objective,
  objectiveAction,
  objectiveTarget,
  queryRows,
  strategyVision,
  targetExplanation,
  team,
} from '@voordeur/db';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';

// ---- vision ----

export function visions(db: Db, organisationId: string) {
  return db
    .select()
    .from(strategyVision)
    .where(eq(strategyVision.organisationId, organisationId))
    .orderBy(desc(strategyVision.version));
}

export async function insertVision(db: Db, values: Omit<typeof strategyVision.$inferInsert, 'version'>) {
  const [row] = await db
    .insert(strategyVision)
    .values({
      ...values,
      version: sql`(SELECT coalesce(max(version), 0) + 1 FROM strategy_vision WHERE organisation_id = ${values.organisationId})`,
    })
    .returning();
  return row!;
}

// ---- objectives ----

export function objectives(db: Db, organisationId: string) {
  return db
    .select({ objective, ownerName: appUser.name, teamName: team.name })
    .from(objective)
    .innerJoin(
      appUser,
      and(eq(appUser.organisationId, objective.organisationId), eq(appUser.id, objective.ownerId)),
    )
    .leftJoin(team, and(eq(team.organisationId, objective.organisationId), eq(team.id, objective.teamId)))
    .where(eq(objective.organisationId, organisationId))
    .orderBy(asc(objective.periodFrom), asc(objective.title));
}

export function findObjective(db: Db, organisationId: string, id: string) {
  return db
    .select()
    .from(objective)
    .where(and(eq(objective.organisationId, organisationId), eq(objective.id, id)))
    .then((r) => r[0]);
}

/** Each objective's parent, to walk the tree (and refuse a circle). */
export function parentLinks(db: Db, organisationId: string) {
  return db
    .select({ id: objective.id, parentId: objective.parentId })
    .from(objective)
    .where(eq(objective.organisationId, organisationId));
}

export function insertObjective(db: Db, values: typeof objective.$inferInsert) {
  return db
    .insert(objective)
    .values(values)
    .returning()
    .then((r) => r[0]!);
}

/** Updates only when the version still matches (optimistic locking). */
export function updateObjective(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  values: Partial<typeof objective.$inferInsert>,
) {
  return db
    .update(objective)
    .set({ ...values, version: sql`${objective.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(objective.organisationId, organisationId), eq(objective.id, id), eq(objective.version, version)),
    )
    .returning()
    .then((r) => r[0]);
}

export function deleteObjective(db: Db, organisationId: string, id: string) {
  return db
    .delete(objective)
    .where(and(eq(objective.organisationId, organisationId), eq(objective.id, id)))
    .returning({ id: objective.id })
    .then((r) => r[0]);
}

export function hasChildren(db: Db, organisationId: string, id: string) {
  return db
    .select({ id: objective.id })
    .from(objective)
    .where(and(eq(objective.organisationId, organisationId), eq(objective.parentId, id)))
    .limit(1)
    .then((r) => r.length > 0);
}

// ---- targets ----

export function targets(db: Db, organisationId: string, objectiveIds?: readonly string[]) {
  if (objectiveIds?.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(objectiveTarget)
    .where(
      and(
        eq(objectiveTarget.organisationId, organisationId),
        ...(objectiveIds ? [inArray(objectiveTarget.objectiveId, [...objectiveIds])] : []),
      ),
    )
    .orderBy(asc(objectiveTarget.createdAt));
}

export function findTarget(db: Db, organisationId: string, id: string) {
  return db
    .select({ target: objectiveTarget, objective })
    .from(objectiveTarget)
    .innerJoin(
      objective,
      and(
        eq(objective.organisationId, objectiveTarget.organisationId),
        eq(objective.id, objectiveTarget.objectiveId),
      ),
    )
    .where(and(eq(objectiveTarget.organisationId, organisationId), eq(objectiveTarget.id, id)))
    .then((r) => r[0]);
}

export function insertTarget(db: Db, values: typeof objectiveTarget.$inferInsert) {
  return db
    .insert(objectiveTarget)
    .values(values)
    .returning()
    .then((r) => r[0]!);
}

export function deleteTarget(db: Db, organisationId: string, objectiveId: string, id: string) {
  return db
    .delete(objectiveTarget)
    .where(
      and(
        eq(objectiveTarget.organisationId, organisationId),
        eq(objectiveTarget.objectiveId, objectiveId),
        eq(objectiveTarget.id, id),
      ),
    )
    .returning()
    .then((r) => r[0]);
}

// ---- actions ----

export function actions(db: Db, organisationId: string, objectiveIds?: readonly string[]) {
  if (objectiveIds?.length === 0) return Promise.resolve([]);
  return db
    .select({ action: objectiveAction, ownerName: appUser.name })
    .from(objectiveAction)
    .innerJoin(
      appUser,
      and(
        eq(appUser.organisationId, objectiveAction.organisationId),
        eq(appUser.id, objectiveAction.ownerId),
      ),
    )
    .where(
      and(
        eq(objectiveAction.organisationId, organisationId),
        ...(objectiveIds ? [inArray(objectiveAction.objectiveId, [...objectiveIds])] : []),
      ),
    )
    .orderBy(asc(objectiveAction.dueOn), asc(objectiveAction.title));
}

export function findAction(db: Db, organisationId: string, id: string) {
  return db
    .select()
    .from(objectiveAction)
    .where(and(eq(objectiveAction.organisationId, organisationId), eq(objectiveAction.id, id)))
    .then((r) => r[0]);
}

export function insertAction(db: Db, values: typeof objectiveAction.$inferInsert) {
  return db
    .insert(objectiveAction)
    .values(values)
    .returning()
    .then((r) => r[0]!);
}

export function updateAction(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  values: Partial<typeof objectiveAction.$inferInsert>,
) {
  return db
    .update(objectiveAction)
    .set({ ...values, version: sql`${objectiveAction.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(objectiveAction.organisationId, organisationId),
        eq(objectiveAction.id, id),
        eq(objectiveAction.version, version),
      ),
    )
    .returning()
    .then((r) => r[0]);
}

// ---- people and teams ----

/** Whether the user is an active user of the organisation. */
export function activeUser(db: Db, organisationId: string, userId: string) {
  return db
    .select({ id: appUser.id, name: appUser.name })
    .from(appUser)
    .where(and(eq(appUser.organisationId, organisationId), eq(appUser.id, userId), eq(appUser.active, true)))
    .then((r) => r[0]);
}

export function userName(db: Db, organisationId: string, userId: string) {
  return db
    .select({ name: appUser.name })
    .from(appUser)
    .where(and(eq(appUser.organisationId, organisationId), eq(appUser.id, userId)))
    .then((r) => r[0]?.name ?? '');
}

export function teamExists(db: Db, organisationId: string, teamId: string) {
  return db
    .select({ id: team.id })
    .from(team)
    .where(and(eq(team.organisationId, organisationId), eq(team.id, teamId)))
    .then((r) => r.length > 0);
}

/** The teams a user leads. */
export function ledTeams(db: Db, organisationId: string, userId: string) {
  return queryRows<{ teamId: string }>(
    db,
    sql`SELECT team_id AS "teamId" FROM membership
        WHERE organisation_id = ${organisationId} AND user_id = ${userId} AND role = 'teamlead'`,
  ).then((rows) => rows.map((r) => r.teamId));
}

// ---- explanations ----

export function explanations(db: Db, organisationId: string, period: string) {
  return db
    .select()
    .from(targetExplanation)
    .where(and(eq(targetExplanation.organisationId, organisationId), eq(targetExplanation.period, period)));
}

export function findExplanation(db: Db, organisationId: string, targetId: string, period: string) {
  return db
    .select()
    .from(targetExplanation)
    .where(
      and(
        eq(targetExplanation.organisationId, organisationId),
        eq(targetExplanation.targetId, targetId),
        eq(targetExplanation.period, period),
      ),
    )
    .then((r) => r[0]);
}

/** Writes the explanation of a target's miss in a period (replacing an earlier one). */
export function upsertExplanation(
  db: Db,
  values: Pick<
    typeof targetExplanation.$inferInsert,
    'organisationId' | 'targetId' | 'period' | 'text' | 'authorId' | 'authorName'
  >,
) {
  return db
    .insert(targetExplanation)
    .values(values)
    .onConflictDoUpdate({
      target: [targetExplanation.organisationId, targetExplanation.targetId, targetExplanation.period],
      set: {
        text: values.text,
        authorId: values.authorId,
        authorName: values.authorName,
        updatedAt: new Date(),
      },
    })
    .returning()
    .then((r) => r[0]!);
}

export function linkImprovement(
  db: Db,
  values: Pick<
    typeof targetExplanation.$inferInsert,
    'organisationId' | 'targetId' | 'period' | 'authorId' | 'authorName' | 'improvementId'
  >,
) {
  return db
    .insert(targetExplanation)
    .values({ ...values, text: '' })
    .onConflictDoUpdate({
      target: [targetExplanation.organisationId, targetExplanation.targetId, targetExplanation.period],
      set: { improvementId: values.improvementId, updatedAt: new Date() },
    })
    .returning()
    .then((r) => r[0]!);
}
