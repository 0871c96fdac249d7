/** The worker's own table: periodic task leases. GLOBAL (no organisation_id; `keys.ts` GLOBAL_TABLES). */
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Which worker runs a periodic task now, so that no two workers run the same task at the same time (ADR 0015).
 * A worker takes a task with one atomic upsert that succeeds only when the row is missing or its lease has run
 * out, renews the lease while the task runs, and ends it when done. A periodic task runs over all organisations,
 * so its lease belongs to none. A row, not an advisory lock: a session lock is unsafe behind PgBouncer in
 * transaction pooling (ADR 0013).
 */
export const periodicTaskLease = pgTable('periodic_task_lease', {
  /** The task's registered name (`PeriodicTask.name`, e.g. `cases.clock-sweep`). */
  task: text('task').primaryKey(),
  /** The worker id (`WORKER_ID`) that holds or last held the lease. */
  heldBy: text('held_by').notNull(),
  /** The lease ends here; a worker may take the task once this has passed. */
  heldUntil: timestamp('held_until', { withTimezone: true }).notNull(),
});
