import type { ReactNode } from 'react';
import { can, type Permission } from '../lib/access.ts';
import { useCurrentUser } from '../lib/CurrentUser.tsx';
import { ForbiddenPage } from './StatusPages.tsx';

/** Render the page only for roles with this permission (or one of these); others get the 403 page. */
export function RequireRole({
  permission,
  children,
}: {
  permission: Permission | readonly Permission[];
  children: ReactNode;
}) {
  const me = useCurrentUser();
  const allowed = (typeof permission === 'string' ? [permission] : permission).some((p) => can(me, p));
  return allowed ? children : <ForbiddenPage />;
}
