import { type Me, type Permission, rolesAllow } from '@voordeur/shared';
import { useCurrentUser } from './CurrentUser.tsx';

/**
 * Which pages and buttons to offer: the API's own rules (`PERMISSIONS` in @voordeur/shared), so nobody is
 * offered a page or button that would answer 403. What depends on one object (a case's state) comes with the
 * object as its `abilities`.
 */
export type { Permission };

export const can = (me: Pick<Me, 'roles'>, permission: Permission): boolean =>
  rolesAllow(me.roles, permission);

/** Whether the signed-in user holds one of the roles for this permission. */
export function useCan(permission: Permission): boolean {
  return can(useCurrentUser(), permission);
}
