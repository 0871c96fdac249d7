import type { ReactNode } from 'react';
import { type Permission, useCan } from '../lib/access.ts';
import { ForbiddenPage } from './StatusPages.tsx';

/** Render the page only for roles with this permission; others get the 403 page. */
export function RequireRole({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <ForbiddenPage />;
}
