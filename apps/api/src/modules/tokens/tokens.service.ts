import type { Db } from '@voordeur/db';
import type { ApiTokenCreate } from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { randomSecret, sha256 } from '../../platform/secrets.ts';
import { errors } from '../../plugins/errors.ts';
import { TOKEN_PREFIX } from '../auth/index.ts';
import { tokensPolicy } from './tokens.policy.ts';
import * as q from './tokens.queries.ts';

export async function listTokens(db: Db, ctx: Ctx) {
  const { actor } = ctx;
  if (actor.kind === 'token') throw errors.forbidden('API tokens cannot manage tokens.');
  if (tokensPolicy.seeAll(actor)) return q.listTokens(db, actor.organisationId);
  if (!actor.userId) return [];
  return q.listTokens(db, actor.organisationId, actor.userId);
}

/** Creates a token and returns its secret once; only the SHA-256 of the secret is stored. */
export async function createToken(db: Db, ctx: Ctx, input: ApiTokenCreate, now = new Date()) {
  const { actor } = ctx;
  if (!tokensPolicy.create(actor, input.role)) {
    throw errors.forbidden(
      actor.kind === 'token'
        ? 'API tokens cannot create tokens.'
        : `You cannot create a token with the role "${input.role}".`,
    );
  }
  const secret = `${TOKEN_PREFIX}${randomSecret(32)}`;
  const prefix = secret.slice(0, TOKEN_PREFIX.length + 6);
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  return db.transaction(async (tx) => {
    const [row] = await q.insertToken(tx, {
      organisationId: actor.organisationId,
      name: input.name,
      role: input.role,
      tokenHash: sha256(secret),
      prefix,
      createdByUserId: actor.userId,
      createdAt: now,
      expiresAt,
    });
    await recordAudit(tx, ctx, {
      entityType: 'api_token',
      entityId: row!.id,
      action: 'created',
      after: { name: input.name, role: input.role, prefix, expiresAt },
    });
    const created = await q.findToken(tx, actor.organisationId, row!.id);
    return { ...created!, token: secret };
  });
}

export async function revokeToken(db: Db, ctx: Ctx, id: string, now = new Date()) {
  const { actor } = ctx;
  await db.transaction(async (tx) => {
    const token = await q.findToken(tx, actor.organisationId, id);
    if (!token) throw errors.notFound('token');
    if (!tokensPolicy.revoke(actor, token)) throw errors.forbidden();
    if (token.revokedAt) return;
    await q.revokeToken(tx, actor.organisationId, id, now);
    await recordAudit(tx, ctx, {
      entityType: 'api_token',
      entityId: id,
      action: 'revoked',
      before: { revokedAt: null },
      after: { revokedAt: now },
    });
  });
}
