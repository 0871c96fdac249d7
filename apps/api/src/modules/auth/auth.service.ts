import Tokens from '@fastify/csrf';
import type { Db } from '@voordeur/db';
import { appUser } from '@voordeur/db';
import type { Role } from '@voordeur/shared';
import { ROLES } from '@voordeur/shared';
import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import { type Actor, type Ctx, platformActor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import {
  burnPasswordCheck,
  hashPassword,
  randomSecret,
  refuseWeakPassword,
  sha256,
  verifyPassword,
} from '../../platform/secrets.ts';
import { authErrors } from './auth.errors.ts';
import * as q from './auth.queries.ts';

const csrfTokens = new Tokens({ userInfo: false });

/** Prefix that makes a leaked Voordeur token recognisable to secret scanners. */
export const TOKEN_PREFIX = 'vdr_';
/** Prefix of a platform administrator's token (ADR 0007). */
export const PLATFORM_TOKEN_PREFIX = 'vdp_';

export type AuthSettings = Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours' | 'loginLockAfterFailures'>;

const rolesOf = (memberships: { role: string }[]): Set<Role> =>
  new Set(memberships.map((m) => m.role).filter((r): r is Role => (ROLES as readonly string[]).includes(r)));

export interface LoginInput {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

/** The longest an account stays locked after repeated failures. */
const MAX_LOCK_SECONDS = 15 * 60;

/**
 * Checks the password (argon2id) with a progressive lock-out per account: after N failures the account is
 * locked for 30 s, 1, 2, 4, 8 and at most 15 minutes. A locked account, an unknown or inactive address and a
 * wrong password all answer the same (401 `invalid_credentials`), after the same argon2 work: neither the
 * answer nor its timing tells whether an address has an account or whether it is locked. The caller also
 * throttles per client IP (`FailuresPerIp`, 429 whatever the address).
 * Returns the new session's cookie value.
 */
export async function login(db: Db, settings: AuthSettings, input: LoginInput, now = new Date()) {
  const user = await q.findUserByEmail(db, input.email);
  if (!user?.active) {
    await burnPasswordCheck(input.password);
    throw authErrors.invalidCredentials();
  }
  // Verified also while locked (and the answer then ignored): a locked account takes as long as any other.
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (user.lockedUntil && user.lockedUntil > now) throw authErrors.invalidCredentials();
  const ctx: Ctx = {
    actor: {
      kind: 'user',
      organisationId: user.organisationId,
      userId: user.id,
      tokenId: null,
      sessionId: null,
      roles: new Set(),
      label: `${user.name} <${user.email}>`,
    },
    requestId: input.requestId,
  };
  if (!ok) {
    await db.transaction(async (tx) => {
      // Atomic increment: parallel guesses cannot slip under the threshold.
      const [row] = await tx
        .update(appUser)
        .set({ failedLoginCount: sql`${appUser.failedLoginCount} + 1` })
        .where(eq(appUser.id, user.id))
        .returning({ failed: appUser.failedLoginCount });
      const failed = row?.failed ?? 0;
      if (failed >= settings.loginLockAfterFailures) {
        const seconds = Math.min(MAX_LOCK_SECONDS, 30 * 2 ** (failed - settings.loginLockAfterFailures));
        const lockedUntil = new Date(now.getTime() + seconds * 1000);
        await q.updateUserLoginState(tx, user.id, { lockedUntil });
        await recordAudit(tx, ctx, {
          entityType: 'user',
          entityId: user.id,
          action: 'locked',
          changes: {
            lockedUntil: { before: null, after: lockedUntil.toISOString() },
            failedLogins: { before: null, after: failed },
          },
        });
      }
    });
    throw authErrors.invalidCredentials();
  }
  const cookieValue = randomSecret(32);
  const sessionId = sha256(cookieValue);
  await db.transaction(async (tx) => {
    await q.updateUserLoginState(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
    await q.insertSession(tx, {
      id: sessionId,
      organisationId: user.organisationId,
      userId: user.id,
      csrfSecret: csrfTokens.secretSync(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + settings.sessionIdleMinutes * 60_000),
      absoluteExpiresAt: new Date(now.getTime() + settings.sessionMaxHours * 3_600_000),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(
      tx,
      { ...ctx, actor: { ...ctx.actor, sessionId } },
      {
        entityType: 'user',
        entityId: user.id,
        action: 'login',
      },
    );
  });
  return { cookieValue, userId: user.id, organisationId: user.organisationId };
}

/** Resolves a session cookie to an actor; slides the idle expiry at most once a minute. */
export async function actorFromSession(
  db: Db,
  settings: AuthSettings,
  cookieValue: string,
  now = new Date(),
) {
  const id = sha256(cookieValue);
  const row = await q.findLiveSession(db, id, now);
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    await q.touchSession(db, id, now, new Date(now.getTime() + settings.sessionIdleMinutes * 60_000));
  }
  const actor: Actor = {
    kind: 'user',
    organisationId: row.session.organisationId,
    userId: row.user.id,
    tokenId: null,
    sessionId: id,
    roles: rolesOf(row.roles.map((role) => ({ role }))),
    label: `${row.user.name} <${row.user.email}>`,
  };
  return { actor, csrfSecret: row.session.csrfSecret };
}

/** Resolves a Bearer token to an actor with exactly the token's role, or a platform administrator. */
export async function actorFromToken(db: Db, secret: string, now = new Date()): Promise<Actor | null> {
  if (secret.startsWith(PLATFORM_TOKEN_PREFIX)) return actorFromPlatformToken(db, secret, now);
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const row = await q.findLiveToken(db, sha256(secret), now);
  if (!row) return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > 60_000) {
    await q.touchToken(db, row.token.id, now);
  }
  return {
    kind: 'token',
    organisationId: row.token.organisationId,
    userId: row.token.createdByUserId,
    tokenId: row.token.id,
    sessionId: null,
    roles: rolesOf([row.token]),
    label: `API-token "${row.token.name}"`,
  };
}

async function actorFromPlatformToken(db: Db, secret: string, now: Date): Promise<Actor | null> {
  const row = await q.findLivePlatformToken(db, sha256(secret));
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await q.touchPlatformToken(db, row.id, now);
  }
  return platformActor(row.id, row.name);
}

/** The organisation of a session cookie, if the session is live: which theme a page wears. */
export function organisationOfSession(db: Db, cookieValue: string, now = new Date()) {
  return q.organisationOfSession(db, sha256(cookieValue), now);
}

export function csrfTokenFor(csrfSecret: string): string {
  return csrfTokens.create(csrfSecret);
}

export function csrfTokenValid(csrfSecret: string, token: string | undefined): boolean {
  return (
    typeof token === 'string' &&
    token.length > 0 &&
    token.length < 200 &&
    csrfTokens.verify(csrfSecret, token)
  );
}

export async function logout(db: Db, ctx: Ctx) {
  if (!ctx.actor.sessionId || !ctx.actor.userId) return;
  const { sessionId, userId } = ctx.actor;
  await db.transaction(async (tx) => {
    await q.deleteSession(tx, sessionId);
    await recordAudit(tx, ctx, { entityType: 'user', entityId: userId, action: 'logout' });
  });
}

export async function me(db: Db, actor: Actor) {
  if (!actor.userId || actor.kind !== 'user') return null;
  const [user, memberships] = await Promise.all([
    q.findUserById(db, actor.organisationId, actor.userId),
    q.membershipsOf(db, actor.organisationId, actor.userId),
  ]);
  return user ? { user, memberships } : null;
}

/** Changes the caller's own password; other sessions of the user end, this one stays. */
export async function changePassword(db: Db, ctx: Ctx, currentPassword: string, newPassword: string) {
  const { actor } = ctx;
  if (actor.kind !== 'user' || !actor.userId) throw authErrors.sessionRequired();
  const user = await q.findUserById(db, actor.organisationId, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) throw authErrors.wrongPassword();
  refuseWeakPassword(newPassword, user, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  const now = new Date();
  await db.transaction(async (tx) => {
    await q.setUserPassword(tx, actor.organisationId, user.id, passwordHash, now);
    await q.deleteSessionsOfUser(tx, user.id, actor.sessionId ?? undefined);
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: user.id,
      action: 'password_changed',
      before: { passwordHash: user.passwordHash },
      after: { passwordHash },
    });
  });
}

export async function setLocale(db: Db, ctx: Ctx, locale: string) {
  const { actor } = ctx;
  if (actor.kind !== 'user' || !actor.userId) throw authErrors.sessionRequired();
  const userId = actor.userId;
  await db.transaction(async (tx) => {
    const before = await q.findUserById(tx, actor.organisationId, userId);
    await q.setUserLocale(tx, actor.organisationId, userId, locale);
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: userId,
      action: 'updated',
      before: { locale: before?.locale },
      after: { locale },
    });
  });
}

export async function purgeExpiredSessions(db: Db, now = new Date()) {
  return (await q.deleteExpiredSessions(db, now)).length;
}
