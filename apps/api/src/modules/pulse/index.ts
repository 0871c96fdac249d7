import type { FastifyInstance } from 'fastify';
import type { ModuleWork } from '../../platform/jobs.ts';
import './pulse.errors.ts';
import { pulseRoutes } from './pulse.routes.ts';
import { pulseCloseTask } from './pulse.tasks.ts';

export { seedDemoPulse } from './pulse.seed.ts';
export { closeDueRounds, closeRound, DEFAULT_PULSE_QUESTIONS, teamPulse } from './pulse.service.ts';

/** The background work of the pulse (registered in `worker/registry.ts`): closing rounds. */
export const pulseWork = { tasks: [pulseCloseTask] } as const satisfies ModuleWork;

/** The anonymous staff pulse (issue 15). */
export async function pulseModule(app: FastifyInstance) {
  await app.register(pulseRoutes, { prefix: '/api/pulse' });
}
