import { type Permission, rolesAllow } from '@voordeur/shared';
import { errors } from '../plugins/errors.ts';
import type { Actor } from './actor.ts';

/** A policy rule: may this actor do this? Modules declare theirs in `*.policy.ts`. */
export type Rule = (actor: Actor) => boolean;

/**
 * The actor holds a role that the shared rules (`PERMISSIONS` in `@voordeur/shared`) grant this permission;
 * the web app reads the same table, so it offers exactly this.
 */
export const allows =
  (permission: Permission): Rule =>
  (actor) =>
    rolesAllow(actor.roles, permission);

/** Anyone of the organisation; never a platform administrator, who reads no organisation's data. */
export const signedIn: Rule = (actor) => actor.kind !== 'platform';

/** Only a platform administrator (ADR 0007). */
export const platformAdmin: Rule = (actor) => actor.kind === 'platform';

/** Throws 403 unless the rule allows the actor. */
export function authorize(actor: Actor, rule: Rule): void {
  if (!rule(actor)) throw errors.forbidden();
}
