import type { FastifyInstance } from 'fastify';
import type { ModuleWork } from '../../platform/jobs.ts';
import { recognitionRoutes } from './recognition.routes.ts';
import { complimentsRouteTask } from './recognition.tasks.ts';

export { routeCompliments } from './recognition.service.ts';

/** The background work of recognition (registered in `worker/registry.ts`): routing compliments. */
export const recognitionWork = { tasks: [complimentsRouteTask] } as const satisfies ModuleWork;

/** Compliments routed to employees and teams, and the team page (issue 15). */
export async function recognitionModule(app: FastifyInstance) {
  await app.register(recognitionRoutes, { prefix: '/api/team-pages' });
}
