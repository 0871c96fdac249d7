import type { Db } from '@voordeur/db';
import type { FastifyBaseLogger } from 'fastify';
import { purgeExpiredSessions } from '../modules/auth/index.ts';
import { sweepClocks } from '../modules/cases/index.ts';
import { autoCloseStaleContacts } from '../modules/contacts/index.ts';

/**
 * The worker's periodic housekeeping. Every task is idempotent, so several workers may run it side by side.
 * Later modules add their background work (norm clocks, notifications, roll-ups) here as jobs.
 */
export async function runMaintenance(db: Db, log: Pick<FastifyBaseLogger, 'info'>) {
  const sessions = await purgeExpiredSessions(db);
  if (sessions) log.info({ sessions }, 'expired sessions removed');
  const contacts = await autoCloseStaleContacts(db);
  const clocks = await sweepClocks(db);
  if (clocks.warned || clocks.internalBreached || clocks.breached) log.info(clocks, 'norm clocks swept');
  if (contacts) log.info({ contacts }, 'contacts left open closed automatically');
  return { sessions, contacts, clocks };
}

export function startMaintenanceLoop(db: Db, log: FastifyBaseLogger, intervalSeconds: number) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runMaintenance(db, log)
      .catch((err) => log.error({ err }, 'maintenance failed'))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
