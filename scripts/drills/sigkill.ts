/**
 * Drill `sigkill`: "acknowledged = stored". Intakes (POST /api/cases) run from 8 clients at once against
 * `voordeur serve`; after some hundreds are acknowledged (201), the server gets SIGKILL with requests in flight.
 * A new server on the same data then must have every acknowledged case, with its first status and audit event.
 * On PGlite the database lives inside the killed process (the data directory is reopened after it; the stale
 * lock of the dead process is taken over); on PostgreSQL the server process is killed, not the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase, queryRows } from '@voordeur/db';
import { sql } from 'drizzle-orm';
import { createDatabase, startPgCluster } from '../pg-cluster.ts';
import { agentToken, check, intake, log, serve, stop } from './support.ts';

const CLIENTS = 8;
const BEFORE_KILL = 300;

async function killDuringIntake(env: Record<string, string>, open: () => Promise<Database>) {
  const first = await serve('first', 'api', env);
  const token = await agentToken(first.base!);
  const acknowledged: string[] = [];
  let failed = 0;
  let killed = false;
  let inFlightAtKill = 0;
  let inFlight = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (!killed) {
        inFlight++;
        try {
          const created = await intake(first.base!, token);
          acknowledged.push(created.id);
        } catch {
          failed++;
        } finally {
          inFlight--;
        }
        if (acknowledged.length >= BEFORE_KILL && !killed) {
          killed = true;
          inFlightAtKill = inFlight;
          first.child.kill('SIGKILL');
        }
      }
    }),
  );
  await first.exited;
  log(
    `  killed with ${inFlightAtKill} intakes in flight after ${acknowledged.length} acknowledged; ${failed} requests got no answer`,
  );

  // A new process on the same data: it opens, recovers and answers.
  const second = await serve('second', 'api', env);
  await stop(second);
  const database = await open();
  try {
    const ids = new Set(acknowledged);
    const stored = await queryRows<{ id: string; statuses: number; audits: number }>(
      database.db,
      sql`SELECT c.id,
            (SELECT count(*)::int FROM case_status_change s WHERE s.case_id = c.id) AS statuses,
            (SELECT count(*)::int FROM audit_event a WHERE a.entity_id = c.id::text) AS audits
          FROM case_file c WHERE c.description LIKE 'Lamp brandt niet (drill %'`,
    );
    const found = stored.filter((r) => ids.has(r.id));
    const whole = found.filter((r) => r.statuses >= 1 && r.audits >= 1);
    check(
      found.length === ids.size,
      `acknowledged and stored after the restart: ${found.length} of ${ids.size}`,
    );
    check(
      whole.length === ids.size,
      `with their first status and audit event: ${whole.length} of ${ids.size}`,
    );
    log(`  stored but not acknowledged (in flight at the kill): ${stored.length - found.length}`);
  } finally {
    await database.close();
  }
}

export async function sigkillDrill() {
  log('PGlite: the embedded database dies with the process');
  const dir = mkdtempSync(join(tmpdir(), 'voordeur-sigkill-'));
  try {
    await killDuringIntake({ VOORDEUR_DATA_DIR: dir }, () => openDatabase({ dataDir: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  log('PostgreSQL: the server process dies');
  const cluster = await startPgCluster(log);
  try {
    const url = createDatabase(cluster.url, 'voordeur');
    await killDuringIntake({ DATABASE_URL: url }, () => openDatabase({ url, poolSize: 1 }));
  } finally {
    cluster.stop();
  }
}
