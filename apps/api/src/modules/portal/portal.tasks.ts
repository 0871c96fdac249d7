import type { PeriodicTask } from '../../platform/jobs.ts';
import { forgetOldPortalData } from './portal.service.ts';

/** Forgets the portal's old rate-limit windows and the uploads no report took (`forgetOldPortalData`). */
export const portalHousekeepingTask: PeriodicTask = {
  name: 'portal.housekeeping',
  intervalSeconds: 3600,
  run: async (db) => forgetOldPortalData(db),
};
