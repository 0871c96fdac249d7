import { openDatabase } from '@voordeur/db';
import pino from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { loggerOptions } from './platform/logging.ts';
import { loadDataKey, useDataKey } from './platform/personal-data.ts';
import { setPublicUrl } from './platform/tracking-links.ts';
import { DEMO_USERS, seedDemo } from './seed/demo.ts';
import { startOutboxLoop } from './worker/outbox.ts';
import { startPeriodicTasks, taskDeps } from './worker/periodic.ts';

export type ServerRole = 'api' | 'worker' | 'all';

/**
 * Starts Voordeur: opens the database (PGlite in ./data, or DATABASE_URL), applies migrations, seeds the demo
 * organisation on an empty database, then serves HTTP and/or runs the worker. Stops cleanly on SIGINT/SIGTERM.
 */
export async function startServer(
  config: Config,
  role: ServerRole,
  print: (line: string) => void = console.log,
) {
  const log = pino(loggerOptions(config.logLevel));
  useDataKey(loadDataKey(config));
  setPublicUrl(config.publicUrl);
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    preparedStatements: config.databasePreparedStatements,
  });
  log.info({ database: database.kind }, 'database opened');
  await database.migrate((m) => log.info(m));

  if (config.seedDemo && role !== 'worker') {
    const seeded = await seedDemo(database.db, { password: config.demoPassword });
    if (seeded.seeded && seeded.users.length) printDemoLogins(print, config, seeded.generatedPassword);
  }

  const stops: (() => Promise<unknown>)[] = [];
  if (role !== 'api') {
    const workerLog = log.child({ role: 'worker' });
    stops.push(
      startPeriodicTasks(database.db, taskDeps(config, workerLog)),
      startOutboxLoop(database.db, workerLog, config),
    );
    log.info('worker started');
  }
  if (role !== 'worker') {
    const app = await buildApp({ config, database });
    await app.listen({ port: config.port, host: config.host });
    stops.unshift(() => app.close());
    print(`Voordeur is running at ${config.publicUrl}  (API docs: ${config.publicUrl}/api/docs)`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    for (const s of stops) await s();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return { database, stop };
}

function printDemoLogins(
  print: (line: string) => void,
  config: Config,
  generatedPassword: string | undefined,
) {
  const password = generatedPassword ?? '(the value of VOORDEUR_DEMO_PASSWORD)';
  print('');
  print('Demo organisation "Gemeente Voorbeeld" created. Sign in with:');
  for (const u of DEMO_USERS) print(`  ${u.email.padEnd(26)} ${u.role.padEnd(11)} password: ${password}`);
  if (generatedPassword) {
    print(
      '  This generated password is shown only now. Choose your own with VOORDEUR_DEMO_PASSWORD on a new',
    );
    print('  database, or set a new one later: npx voordeur user reset-password --email admin@voorbeeld.nl');
  }
  print(`  Open ${config.publicUrl}`);
  print('');
}
