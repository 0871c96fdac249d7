import type { PeriodicTask } from '../../platform/jobs.ts';
import { sweepClocks } from './cases.sweep.ts';

/** Marks the cases whose warning instant, internal target or public norm has passed (`sweepClocks`). */
export const clockSweepTask: PeriodicTask = {
  name: 'cases.clock-sweep',
  intervalSeconds: 60,
  run: (db) => sweepClocks(db),
};
