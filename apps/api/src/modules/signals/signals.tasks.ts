import type { PeriodicTask } from '../../platform/jobs.ts';
import { collectAll, collectAllKpiDeviations } from './signals.service.ts';

/**
 * The improvement inbox's catch-up: unhappy survey answers, complaints, norm breaches and repeat contacts since
 * the look-back become signals (each source record once), and new signals are clustered. Every minute, so the
 * inbox is at most a minute behind the work.
 */
export const signalsCollectTask: PeriodicTask = {
  name: 'signals.collect',
  intervalSeconds: 60,
  run: (db) => collectAll(db),
};

/** KPIs off target in the last complete month (organisation and teams): hourly, one signal per KPI, team, month. */
export const signalsKpiTask: PeriodicTask = {
  name: 'signals.kpi-deviations',
  intervalSeconds: 3600,
  run: (db) => collectAllKpiDeviations(db),
};
