import Tokens from '@fastify/csrf';
import type { Db } from '@voordeur/db';
import type { Role } from '@voordeur/shared';
import { ROLES } from '@voordeur/shared';
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
import { errors } from '../../plugins/errors.ts';
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
      const failed = await q.countFailedLogin(tx, user.id);
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

/** A user with their organisation and memberships (what `presentMe` shows), or null when either is gone. */
export async function profile(db: Db, organisationId: string, userId: string) {
  const [user, organisation, memberships] = await Promise.all([
    q.findUserById(db, organisationId, userId),
    q.findOrganisation(db, organisationId),
    q.membershipsOf(db, organisationId, userId),
  ]);
  return user && organisation ? { user, organisation, memberships } : null;
}

/** The signed-in person's profile; null for a token or platform caller. */
export async function me(db: Db, actor: Actor) {
  if (!actor.userId || actor.kind !== 'user') return null;
  return profile(db, actor.organisationId, actor.userId);
}

/** Ends the session of a cookie (an old session on a browser that signs in again), if there is one. */
export async function endSessionOfCookie(db: Db, cookieValue: string) {
  await q.deleteSession(db, sha256(cookieValue));
}

/** Ends every session of a user, but `except` (a password reset by an administrator, a deactivation). */
export async function endSessionsOf(db: Db, userId: string, except?: string) {
  return q.deleteSessionsOfUser(db, userId, except);
}

/** Sets a user's password hash and clears any lock-out (used by admin resets and the CLI). */
export function setPasswordHash(db: Db, organisationId: string, userId: string, passwordHash: string) {
  return q.setUserPassword(db, organisationId, userId, passwordHash, new Date());
}

/** Changes the caller's own password; other sessions of the user end, this one stays. */
export async function changePassword(db: Db, ctx: Ctx, currentPassword: string, newPassword: string) {
  if (currentPassword === newPassword) {
    throw errors.validation([{ field: 'newPassword', message: 'Must differ from the current password' }]);
  }
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
