import type { PeriodicTask } from '../../platform/jobs.ts';
import { autoCloseStaleContacts } from './contacts.service.ts';

/** Closes contacts left open past their organisation's limit (`autoCloseStaleContacts`). */
export const contactsAutoCloseTask: PeriodicTask = {
  name: 'contacts.auto-close',
  intervalSeconds: 60,
  run: async (db) => ({ contacts: await autoCloseStaleContacts(db) }),
};
