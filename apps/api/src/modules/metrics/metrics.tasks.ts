import type { PeriodicTask } from '../../platform/jobs.ts';
import { catchUpMetrics } from './metrics.rollup.ts';

/**
 * Recomputes the days the raw tables' triggers marked dirty, and takes yesterday's backlog snapshot (ADR "metric
 * rollups"). Every 30 seconds, so no job after each change is needed: a dashboard is at most half a minute behind.
 */
export const metricsCatchUpTask: PeriodicTask = {
  name: 'metrics.catch-up',
  intervalSeconds: 30,
  run: (db) => catchUpMetrics(db),
};
