import type { PeriodicTask } from '../../platform/jobs.ts';
import { purgeExpired } from './residents.service.ts';

/** Removes resident sessions past their expiry and sign-in links older than a day (both are refused anyway). */
export const residentSessionsPurgeTask: PeriodicTask = {
  name: 'residents.sessions-purge',
  intervalSeconds: 300,
  run: async (db) => purgeExpired(db),
};
