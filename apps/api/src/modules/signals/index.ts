import type { FastifyInstance } from 'fastify';
import type { ModuleWork } from '../../platform/jobs.ts';
import './signals.errors.ts';
import { signalsRoutes, suggestionPageRoutes } from './signals.routes.tsx';
import { signalsCollectTask, signalsKpiTask } from './signals.tasks.ts';

export { clusterOpen, collect, collectKpiDeviations } from './signals.service.ts';

/** The background work of the improvement inbox (registered in `worker/registry.ts`). */
export const signalsWork = { tasks: [signalsCollectTask, signalsKpiTask] } as const satisfies ModuleWork;

/** The improvement inbox (`/api/signals/…`) and the resident's suggestion page (`/p/<slug>/verbeteridee`). */
export async function signalsModule(app: FastifyInstance) {
  await app.register(signalsRoutes, { prefix: '/api/signals' });
  await app.register(suggestionPageRoutes);
}
