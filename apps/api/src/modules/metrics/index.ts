import type { ModuleWork } from '../../platform/jobs.ts';
// ---- monitoring (issue 14, rollups): the rollups' upkeep and rebuild ----
import { metricsCatchUpTask } from './metrics.tasks.ts';

export {
  catchUpMetrics,
  METRIC_FACTS,
  type MetricFact,
  minutesPerWorkingDay,
  type RebuildProgress,
  rebuildAllMetrics,
  rebuildMetrics,
  recomputeDay,
} from './metrics.rollup.ts';

/** The background work of monitoring (registered in `worker/registry.ts`): the rollups' catch-up. */
export const metricsWork = { tasks: [metricsCatchUpTask] } as const satisfies ModuleWork;
// ---- end rollups ----
