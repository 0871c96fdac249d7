import type { FastifyInstance } from 'fastify';
import type { ModuleWork } from '../../platform/jobs.ts';
import { residentPagesRoutes } from './residents.pages.routes.tsx';
import { residentsRoutes } from './residents.routes.ts';
import { residentSessionsPurgeTask } from './residents.tasks.ts';

export { RESIDENT_COOKIE } from './residents.context.ts';
export { hasConsent, purgeExpired as purgeExpiredResidentSessions } from './residents.service.ts';

/** The background work of My page (registered in `worker/registry.ts`). */
export const residentsWork = { tasks: [residentSessionsPurgeTask] } as const satisfies ModuleWork;

/** My page for residents: sign-in by email link, their own records, preferences, consents and data download. */
export async function residentsModule(app: FastifyInstance) {
  await app.register(residentsRoutes, { prefix: '/api/portal/:slug/me' });
  await app.register(residentPagesRoutes);
}
