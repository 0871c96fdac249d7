/**
 * Helpers for tests of the outbox and what it delivers. On PostgreSQL these tests get a database of their own:
 * a drain claims every due job it may, and other test files (which share the project's database) queue jobs
 * too. Drains are scoped to the test's organisations as well.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { type Database, type Db, openDatabase, outboxJob } from '@voordeur/db';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDatabase } from '../../../../scripts/pg-cluster.ts';
import { type NotificationInput, queueNotifications } from '../modules/notifications/index.ts';
import { drainOutbox, type OutboxDeps, outboxDeps } from '../worker/outbox.ts';
import type { JobHandlers } from '../worker/registry.ts';
import {
  dbKind,
  expectNoPersonalDataInLog,
  openTestDatabase,
  type TestApp,
  testApp,
  testConfig,
} from './harness.ts';

export interface IsolatedDatabase {
  database: Database;
  /** postgres://… of the database (PostgreSQL only), for other processes. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh, migrated database: in memory on PGlite, a new database on the test cluster on PostgreSQL. */
export async function openIsolatedDatabase(): Promise<IsolatedDatabase> {
  if (dbKind === 'pglite') {
    // A migrated database of its own (openTestDatabase): never the one the file's other tests have open.
    const database = await openTestDatabase({ reuse: true });
    return { database, url: undefined, drop: () => database.close() };
  }
  const clusterUrl = inject('pgClusterUrl');
  const name = `voordeur_outbox_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const url = createDatabase(clusterUrl, name);
  const database = await openDatabase({ url, poolSize: 8 });
  await database.migrate();
  return {
    database,
    url,
    async drop() {
      await database.close();
      execFileSync('psql', [clusterUrl, '-qc', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`], {
        stdio: 'pipe',
      });
    },
  };
}

/** An isolated database and an app on it for the test file (see `useTestApp`). */
export function useIsolatedTestApp(overrides: Record<string, string> = {}) {
  const t = {} as { app: TestApp; database: Database; isolated: IsolatedDatabase };
  beforeAll(async () => {
    t.isolated = await openIsolatedDatabase();
    t.database = t.isolated.database;
    t.app = await testApp(t.database, overrides);
  });
  afterAll(async () => {
    try {
      if (t.database) await expectNoPersonalDataInLog(t.database);
    } finally {
      await t.app?.close();
      await t.isolated?.drop();
    }
  });
  return t;
}

/** Outbox dependencies as a worker of the given configuration has them, scoped to some organisations. */
export function testOutboxDeps(
  settings: Record<string, string>,
  organisationIds: string[],
  extra: Partial<OutboxDeps> & { handlers?: Partial<JobHandlers> } = {},
): OutboxDeps {
  const config = testConfig({ OUTBOX_RETRY_BASE_MS: '10000', WORKER_ID: 'test-worker', ...settings });
  const base = outboxDeps(config);
  return { ...base, ...extra, handlers: { ...base.handlers, ...extra.handlers }, organisationIds };
}

export const drain = drainOutbox;

/** Makes every pending job of these organisations due now (as if their backoff had passed). */
export async function makeDue(db: Db, organisationIds: string[]) {
  await db
    .update(outboxJob)
    .set({ runAt: sql`now() - interval '1 second'` })
    .where(sql`${inArray(outboxJob.organisationId, organisationIds)} AND ${outboxJob.doneAt} IS NULL`);
}

let counter = 0;

/** Queues `n` notifications (email unless said otherwise) in one transaction; returns their ids. */
export async function queueTestNotifications(
  db: Db,
  organisationId: string,
  n: number,
  overrides: Partial<NotificationInput> = {},
): Promise<string[]> {
  return db.transaction((tx) =>
    queueNotifications(
      tx,
      Array.from({ length: n }, () => {
        counter++;
        return {
          organisationId,
          caseId: null,
          kind: 'status',
          audience: 'person' as const,
          channel: 'email' as const,
          recipient: `inwoner${counter}@example.nl`,
          recipientName: `Inwoner ${counter}`,
          language: 'nl' as const,
          subject: `Uw melding ${counter}`,
          body: `Beste inwoner,\n\nUw melding ${counter} is in behandeling.\n\nMet vriendelijke groet`,
          ...overrides,
        };
      }),
    ),
  );
}
