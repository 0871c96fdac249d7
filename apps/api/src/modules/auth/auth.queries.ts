import {
  apiToken,
  appUser,
  type Db,
  membership,
  onKey,
  organisation,
  platformToken,
  session,
  statementName,
  team,
} from '@voordeur/db';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';

export function findUserByEmail(db: Db, email: string) {
  return db
    .select()
    .from(appUser)
    .where(eq(appUser.email, email))
    .then((r) => r[0]);
}

const liveSessionQueries = new WeakMap<Db, ReturnType<typeof prepareLiveSession>>();

function prepareLiveSession(db: Db) {
  return (
    db
      .select({
        session: {
          organisationId: session.organisationId,
          lastSeenAt: session.lastSeenAt,
          csrfSecret: session.csrfSecret,
        },
        user: { id: appUser.id, name: appUser.name, email: appUser.email },
        // The roles come along in the same round trip: this runs on every authenticated request.
        roles: sql<
          string[]
        >`array(select distinct ${membership.role} from ${membership} where ${membership.organisationId} = ${appUser.organisationId} and ${membership.userId} = ${appUser.id})`,
      })
      .from(session)
      .innerJoin(appUser, onKey(appUser, session.organisationId, session.userId))
      .where(
        and(
          eq(session.id, sql.placeholder('id')),
          gt(session.expiresAt, sql.placeholder('now')),
          gt(session.absoluteExpiresAt, sql.placeholder('now')),
          eq(appUser.active, true),
        ),
      )
      // Unnamed behind a transaction pooler (DATABASE_PREPARED_STATEMENTS=false): see statementName.
      .prepare(statementName(db, 'voordeur_live_session'))
  );
}

/** A live session with its user and the user's roles, or nothing. A prepared statement: the hottest query. */
export async function findLiveSession(db: Db, id: string, now: Date) {
  let prepared = liveSessionQueries.get(db);
  if (!prepared) {
    prepared = prepareLiveSession(db);
    liveSessionQueries.set(db, prepared);
  }
  const rows = await prepared.execute({ id, now: now.toISOString() });
  return rows[0];
}

export function membershipsOf(db: Db, organisationId: string, userId: string) {
  return db
    .select({ teamId: team.id, teamName: team.name, teamKind: team.kind, role: membership.role })
    .from(membership)
    .innerJoin(team, onKey(team, membership.organisationId, membership.teamId))
    .where(and(eq(membership.organisationId, organisationId), eq(membership.userId, userId)))
    .orderBy(team.name, membership.role);
}

export function insertSession(db: Db, values: typeof session.$inferInsert) {
  return db.insert(session).values(values);
}

export function touchSession(db: Db, id: string, now: Date, expiresAt: Date) {
  return db.update(session).set({ lastSeenAt: now, expiresAt }).where(eq(session.id, id));
}

export function deleteSession(db: Db, id: string) {
  return db.delete(session).where(eq(session.id, id));
}

/** Ends every session of a user except, optionally, one (the caller's own after a password change). */
export function deleteSessionsOfUser(db: Db, userId: string, except?: string) {
  return db
    .delete(session)
    .where(
      except ? and(eq(session.userId, userId), sql`${session.id} <> ${except}`) : eq(session.userId, userId),
    );
}

export function deleteExpiredSessions(db: Db, now: Date) {
  return db
    .delete(session)
    .where(or(lt(session.expiresAt, now), lt(session.absoluteExpiresAt, now)))
    .returning({ id: session.id });
}

export async function findLiveToken(db: Db, tokenHash: string, now: Date) {
  const rows = await db
    .select({
      token: apiToken,
      organisation: { id: organisation.id, name: organisation.name, slug: organisation.slug },
    })
    .from(apiToken)
    .innerJoin(organisation, eq(organisation.id, apiToken.organisationId))
    .where(
      and(
        eq(apiToken.tokenHash, tokenHash),
        isNull(apiToken.revokedAt),
        or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, now)),
      ),
    );
  return rows[0];
}

/** A platform administrator's token that is not revoked (ADR 0007). */
export function findLivePlatformToken(db: Db, tokenHash: string) {
  return db
    .select({ id: platformToken.id, name: platformToken.name, lastUsedAt: platformToken.lastUsedAt })
    .from(platformToken)
    .where(and(eq(platformToken.tokenHash, tokenHash), isNull(platformToken.revokedAt)))
    .then((r) => r[0]);
}

export function touchPlatformToken(db: Db, id: string, now: Date) {
  return db.update(platformToken).set({ lastUsedAt: now }).where(eq(platformToken.id, id));
}

/** The organisation of a live session (for the theme of a page), or nothing. */
export async function organisationOfSession(db: Db, id: string, now: Date) {
  return (await findLiveSession(db, id, now))?.session.organisationId;
}

export function touchToken(db: Db, id: string, now: Date) {
  return db.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, id));
}

/** Counts one more failed sign-in, atomically (parallel guesses cannot slip under the threshold); the new count. */
export async function countFailedLogin(db: Db, id: string): Promise<number> {
  const [row] = await db
    .update(appUser)
    .set({ failedLoginCount: sql`${appUser.failedLoginCount} + 1` })
    .where(eq(appUser.id, id))
    .returning({ failed: appUser.failedLoginCount });
  return row?.failed ?? 0;
}

export function updateUserLoginState(
  db: Db,
  id: string,
  values: Partial<Pick<typeof appUser.$inferInsert, 'failedLoginCount' | 'lockedUntil' | 'lastLoginAt'>>,
) {
  return db.update(appUser).set(values).where(eq(appUser.id, id));
}

export function findUserById(db: Db, organisationId: string, id: string) {
  return db
    .select()
    .from(appUser)
    .where(and(eq(appUser.organisationId, organisationId), eq(appUser.id, id)))
    .then((r) => r[0]);
}

export function setUserPassword(db: Db, organisationId: string, id: string, passwordHash: string, now: Date) {
  return db
    .update(appUser)
    .set({
      passwordHash,
      passwordChangedAt: now,
      failedLoginCount: 0,
      lockedUntil: null,
      updatedAt: now,
      version: sql`${appUser.version} + 1`,
    })
    .where(and(eq(appUser.organisationId, organisationId), eq(appUser.id, id)));
}

export function setUserLocale(db: Db, organisationId: string, id: string, locale: string) {
  return db
    .update(appUser)
    .set({ locale })
    .where(and(eq(appUser.organisationId, organisationId), eq(appUser.id, id)));
}

export function findOrganisation(db: Db, id: string) {
  return db
    .select({ id: organisation.id, name: organisation.name, slug: organisation.slug })
    .from(organisation)
    .where(eq(organisation.id, id))
    .then((r) => r[0]);
}
