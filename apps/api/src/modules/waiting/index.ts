import type { FastifyInstance } from 'fastify';
import { waitingRoutes } from './waiting.routes.ts';

export { seedDemoWaiting } from './waiting.seed.ts';
export { importWaiting, kpiSeries, kpiValues, shownName, WAITING_KPIS } from './waiting.service.ts';

/** Queue figures of the telephony and desk systems (issue 14): import, figures, and the waiting KPIs. */
export async function waitingModule(app: FastifyInstance) {
  await app.register(waitingRoutes, { prefix: '/api/waiting' });
}
