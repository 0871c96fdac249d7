import type { PeriodicTask } from '../../platform/jobs.ts';
import { routeCompliments } from './recognition.service.ts';

/** Routes new compliments from survey answers to the employee who handled them and their team. */
export const complimentsRouteTask: PeriodicTask = {
  name: 'recognition.compliments',
  intervalSeconds: 300,
  run: (db) => routeCompliments(db),
};
