import { appUser, type Db, membership, team } from '@voordeur/db';
import { and, count, eq, inArray, sql } from 'drizzle-orm';

const userColumns = {
  id: appUser.id,
  organisationId: appUser.organisationId,
  email: appUser.email,
  name: appUser.name,
  locale: appUser.locale,
  active: appUser.active,
  lastLoginAt: appUser.lastLoginAt,
  version: appUser.version,
  createdAt: appUser.createdAt,
};

export function listUsers(db: Db, organisationId: string) {
  return db
    .select(userColumns)
    .from(appUser)
    .where(eq(appUser.organisationId, organisationId))
    .orderBy(appUser.name);
}

export function findUser(db: Db, organisationId: string, id: string) {
  return db
    .select(userColumns)
    .from(appUser)
    .where(and(eq(appUser.organisationId, organisationId), eq(appUser.id, id)))
    .then((r) => r[0]);
}

export function emailExists(db: Db, email: string) {
  return db
    .select({ id: appUser.id })
    .from(appUser)
    .where(eq(appUser.email, email))
    .then((r) => r.length > 0);
}

export function membershipsFor(db: Db, organisationId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      userId: membership.userId,
      teamId: team.id,
      teamName: team.name,
      teamKind: team.kind,
      role: membership.role,
    })
    .from(membership)
    .innerJoin(team, eq(team.id, membership.teamId))
    .where(and(eq(membership.organisationId, organisationId), inArray(membership.userId, userIds)))
    .orderBy(team.name, membership.role);
}

export function insertUser(db: Db, values: typeof appUser.$inferInsert) {
  return db.insert(appUser).values(values).returning({ id: appUser.id });
}

export function updateUser(
  db: Db,
  organisationId: string,
  id: string,
  version: number,
  values: Partial<Pick<typeof appUser.$inferInsert, 'name' | 'locale' | 'active'>>,
) {
  return db
    .update(appUser)
    .set({ ...values, version: sql`${appUser.version} + 1`, updatedAt: new Date() })
    .where(and(eq(appUser.organisationId, organisationId), eq(appUser.id, id), eq(appUser.version, version)))
    .returning({ id: appUser.id })
    .then((r) => r[0]);
}

export async function replaceMemberships(
  db: Db,
  organisationId: string,
  userId: string,
  rows: { teamId: string; role: string }[],
) {
  await db
    .delete(membership)
    .where(and(eq(membership.organisationId, organisationId), eq(membership.userId, userId)));
  if (rows.length) await db.insert(membership).values(rows.map((r) => ({ organisationId, userId, ...r })));
}

export function countActiveAdmins(db: Db, organisationId: string) {
  return db
    .select({ n: count(sql`distinct ${appUser.id}`) })
    .from(appUser)
    .innerJoin(membership, eq(membership.userId, appUser.id))
    .where(
      and(eq(appUser.organisationId, organisationId), eq(appUser.active, true), eq(membership.role, 'admin')),
    )
    .then((r) => Number(r[0]?.n ?? 0));
}
