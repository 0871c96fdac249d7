import type { FastifyInstance } from 'fastify';
import type { ModuleWork } from '../../platform/jobs.ts';
import './portal.errors.ts';
import { portalPages } from './portal.pages.tsx';
import { reportPages } from './portal.report.pages.tsx';
import { portalRoutes, relatedRoutes } from './portal.routes.ts';
import { portalHousekeepingTask } from './portal.tasks.ts';

export { RelatedServices } from './portal.page.tsx';
export { pathsOf as portalPaths } from './portal.pages.tsx';
export { isOnline, portalCtx, relatedServices } from './portal.service.ts';

/** The background work of the portal (registered in `worker/registry.ts`). */
export const portalWork = { tasks: [portalHousekeepingTask] } as const satisfies ModuleWork;

/**
 * The resident portal: its server-rendered pages (`/p/<slug>`, `/p/<slug>/diensten[/<code>]`), its API
 * (`/api/portal/<slug>/…`) and the related advice staff share with it.
 */
export async function portalModule(app: FastifyInstance) {
  await app.register(portalPages);
  await app.register(reportPages);
  await app.register(portalRoutes, { prefix: '/api/portal' });
  await app.register(relatedRoutes, { prefix: '/api/related' });
}
