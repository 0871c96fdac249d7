import type { FastifyInstance } from 'fastify';
import type { ModuleWork } from '../../platform/jobs.ts';
import './portal.errors.ts';
import { portalRoutes, relatedRoutes } from './portal.routes.ts';
import { portalHousekeepingTask } from './portal.tasks.ts';

export { isOnline, portalCtx, relatedServices } from './portal.service.ts';

/** The background work of the portal (registered in `worker/registry.ts`). */
export const portalWork = { tasks: [portalHousekeepingTask] } as const satisfies ModuleWork;

/** The resident portal's API (`/api/portal/<slug>/…`) and the related advice staff share with it. */
export async function portalModule(app: FastifyInstance) {
  await app.register(portalRoutes, { prefix: '/api/portal' });
  await app.register(relatedRoutes, { prefix: '/api/related' });
}
