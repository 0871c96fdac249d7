import type { Role } from '@voordeur/shared';
import type { Actor } from '../../platform/actor.ts';
import { allows } from '../../platform/policy.ts';

const isAdmin = allows('manageTokens');

export const tokensPolicy = {
  /** Tokens are made by people (a token cannot mint tokens), for a role they hold; admins for any role. */
  create: (actor: Actor, role: Role) => actor.kind !== 'token' && (isAdmin(actor) || actor.roles.has(role)),
  seeAll: isAdmin,
  revoke: (actor: Actor, token: { createdByUserId: string | null }) =>
    actor.kind !== 'token' &&
    (isAdmin(actor) || (actor.userId !== null && token.createdByUserId === actor.userId)),
};
