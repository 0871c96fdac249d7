import { type Db, membership, team } from '@voordeur/db';
import { and, count, eq, sql } from 'drizzle-orm';

const withMemberCount = {
  id: team.id,
  organisationId: team.organisationId,
  name: team.name,
  kind: team.kind,
  description: team.description,
  version: team.version,
  createdAt: team.createdAt,
  updatedAt: team.updatedAt,
  memberCount:
    sql<number>`(select ${count()} from ${membership} where ${membership.teamId} = ${team.id})`.mapWith(
      Number,
    ),
};

export function listTeams(db: Db, organisationId: string) {
  return db
    .select(withMemberCount)
    .from(team)
    .where(eq(team.organisationId, organisationId))
    .orderBy(team.name);
}

export function findTeam(db: Db, organisationId: string, id: string) {
  return db
    .select(withMemberCount)
    .from(team)
    .where(and(eq(team.organisationId, organisationId), eq(team.id, id)))
    .then((r) => r[0]);
}

export function findTeamByName(db: Db, organisationId: string, name: string) {
  return db
    .select({ id: team.id })
    .from(team)
    .where(and(eq(team.organisationId, organisationId), sql`lower(${team.name}) = lower(${name})`))
    .then((r) => r[0]);
}

export function insertTeam(db: Db, values: typeof team.$inferInsert) {
  return db.insert(team).values(values).returning({ id: team.id });
}

/** Updates only when the version still matches (optimistic locking); returns the updated row or nothing. */
export function updateTeam(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  values: Partial<Pick<typeof team.$inferInsert, 'name' | 'kind' | 'description'>>,
) {
  return db
    .update(team)
    .set({ ...values, version: sql`${team.version} + 1`, updatedAt: new Date() })
    .where(and(eq(team.organisationId, organisationId), eq(team.id, id), eq(team.version, version)))
    .returning({ id: team.id })
    .then((r) => r[0]);
}

export function teamIdsIn(db: Db, organisationId: string) {
  return db
    .select({ id: team.id, name: team.name, kind: team.kind })
    .from(team)
    .where(eq(team.organisationId, organisationId));
}
