import type { FastifyInstance } from 'fastify';
import type { ModuleWork } from '../../platform/jobs.ts';
import { metricsRoutes, segmentsRoutes } from './metrics.routes.ts';

export { type KpiSourceFn, registerKpiSource } from './metrics.kpis.ts';
export { kpiSeries, kpiValues, periodOf, segmentRule } from './metrics.service.ts';

/** Monitoring's API: the KPI catalogue, targets, segments and the figures (issue 14). */
export async function metricsModule(app: FastifyInstance) {
  await app.register(metricsRoutes, { prefix: '/api/metrics' });
  await app.register(segmentsRoutes, { prefix: '/api/segments' });
}

// ---- monitoring (issue 14, rollups): the rollups' upkeep and rebuild ----
import { metricsCatchUpTask } from './metrics.tasks.ts';

export { compactSmallRollups } from './metrics.rollup.queries.ts';
export {
  catchUpMetrics,
  METRIC_FACTS,
  type MetricFact,
  type RebuildProgress,
  rebuildAllMetrics,
  rebuildMetrics,
  recomputeDay,
} from './metrics.rollup.ts';

/** The background work of monitoring (registered in `worker/registry.ts`): the rollups' catch-up. */
export const metricsWork = { tasks: [metricsCatchUpTask] } as const satisfies ModuleWork;
// ---- end rollups ----

// ---- one definition per KPI for the public page, the report and equal treatment; past backlog snapshots ----
export type { Measured } from './metrics.kpis.ts';
export { snapshotBacklogDay } from './metrics.rollup.ts';
export { type KpiBreakdownOptions, type KpiGroup, kpiBreakdown } from './metrics.service.ts';
// ---- end of the KPIs for other modules ----
