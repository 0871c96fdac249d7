import type { FastifyInstance } from 'fastify';
import { accountabilityRoutes } from './accountability.routes.tsx';

export { type Performance, performance, periodicReport } from './accountability.service.ts';

/**
 * Public accountability (issue 14, items 6 and 7): the public performance page /p/<slug>/prestaties (no login,
 * no script), the open data /api/public/performance (JSON and CSV, CC0), and the periodic report
 * /rapportage/<period> for staff who may read the organisation's figures. All read the daily rollups.
 */
export async function accountabilityModule(app: FastifyInstance) {
  await app.register(accountabilityRoutes);
}
