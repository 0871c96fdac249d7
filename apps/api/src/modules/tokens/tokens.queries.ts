import { apiToken, appUser, type Db } from '@voordeur/db';
import { and, desc, eq } from 'drizzle-orm';

const columns = {
  id: apiToken.id,
  organisationId: apiToken.organisationId,
  name: apiToken.name,
  role: apiToken.role,
  prefix: apiToken.prefix,
  createdByUserId: apiToken.createdByUserId,
  createdBy: appUser.name,
  createdAt: apiToken.createdAt,
  expiresAt: apiToken.expiresAt,
  lastUsedAt: apiToken.lastUsedAt,
  revokedAt: apiToken.revokedAt,
};

export function listTokens(db: Db, organisationId: string, createdByUserId?: string) {
  return db
    .select(columns)
    .from(apiToken)
    .leftJoin(appUser, eq(appUser.id, apiToken.createdByUserId))
    .where(
      createdByUserId
        ? and(eq(apiToken.organisationId, organisationId), eq(apiToken.createdByUserId, createdByUserId))
        : eq(apiToken.organisationId, organisationId),
    )
    .orderBy(desc(apiToken.createdAt));
}

export function findToken(db: Db, organisationId: string, id: string) {
  return db
    .select(columns)
    .from(apiToken)
    .leftJoin(appUser, eq(appUser.id, apiToken.createdByUserId))
    .where(and(eq(apiToken.organisationId, organisationId), eq(apiToken.id, id)))
    .then((r) => r[0]);
}

export function insertToken(db: Db, values: typeof apiToken.$inferInsert) {
  return db.insert(apiToken).values(values).returning({ id: apiToken.id });
}

export function revokeToken(db: Db, organisationId: string, id: string, now: Date) {
  return db
    .update(apiToken)
    .set({ revokedAt: now })
    .where(and(eq(apiToken.organisationId, organisationId), eq(apiToken.id, id)));
}
