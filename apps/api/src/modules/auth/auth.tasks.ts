import type { PeriodicTask } from '../../platform/jobs.ts';
import { purgeExpiredSessions } from './auth.service.ts';

/** Removes sessions past their idle or absolute expiry (expired sessions are refused anyway; this keeps the table small). */
export const sessionsPurgeTask: PeriodicTask = {
  name: 'auth.sessions-purge',
  intervalSeconds: 60,
  run: async (db) => ({ sessions: await purgeExpiredSessions(db) }),
};
