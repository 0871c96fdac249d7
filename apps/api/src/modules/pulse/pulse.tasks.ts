import type { PeriodicTask } from '../../platform/jobs.ts';
import { closeDueRounds } from './pulse.service.ts';

/** Closes the pulse rounds whose last day has passed: their answers are written in one shuffled batch. */
export const pulseCloseTask: PeriodicTask = {
  name: 'pulse.close',
  intervalSeconds: 3600,
  run: (db) => closeDueRounds(db),
};
