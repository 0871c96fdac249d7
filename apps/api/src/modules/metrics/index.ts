import type { FastifyInstance } from 'fastify';
import { metricsRoutes, segmentsRoutes } from './metrics.routes.ts';

export { type KpiSourceFn, registerKpiSource } from './metrics.kpis.ts';
export { kpiSeries, kpiValues, periodOf, segmentRule } from './metrics.service.ts';

/** Monitoring's API: the KPI catalogue, targets, segments and the figures (issue 14). */
export async function metricsModule(app: FastifyInstance) {
  await app.register(metricsRoutes, { prefix: '/api/metrics' });
  await app.register(segmentsRoutes, { prefix: '/api/segments' });
}

// ---- rollups part (issue 14): its exports below, in one block ----
