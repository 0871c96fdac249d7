/**
 * `npm run drill -- <name>`: operations drills against real processes (they take minutes, so they are not part
 * of `npm test`; their figures are in the README). Each prints what it checks and exits non-zero when a check
 * fails.
 *   processes   two API processes and two workers (one of them a worker only) on one PostgreSQL
 *   pgbouncer   the same through PgBouncer in transaction mode (Debian's pgbouncer)
 *   backup      pg_dump / pg_restore of a running demo with cases and attachments; the PGlite copy procedure
 *   sigkill     SIGKILL of the server during intake, on PGlite and on PostgreSQL: every acknowledged case stored
 */
import { backupDrill } from './backup.ts';
import { processesDrill } from './processes.ts';
import { sigkillDrill } from './sigkill.ts';
import { log, started } from './support.ts';

const drills: Record<string, () => Promise<void>> = {
  processes: () => processesDrill(false),
  pgbouncer: () => processesDrill(true),
  backup: backupDrill,
  sigkill: sigkillDrill,
};

const names = process.argv.slice(2);
const unknown = names.filter((n) => !drills[n]);
if (names.length === 0 || unknown.length) {
  log(
    `usage: npm run drill -- <${Object.keys(drills).join('|')}> …${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
  );
  process.exit(2);
}
for (const name of names) {
  log(`\n== drill: ${name}`);
  const t0 = performance.now();
  try {
    await drills[name]!();
  } catch (error) {
    // What the servers logged at warning level and above, then the error.
    for (const p of started) {
      const lines = p.output
        .join('')
        .split('\n')
        .filter((l) => /"level":(40|50|60)/.test(l));
      if (lines.length) log(`-- ${p.name}:\n${lines.slice(-5).join('\n').slice(0, 4000)}`);
    }
    throw error;
  }
  log(
    `== ${name}: ${process.exitCode ? 'FAILED' : 'passed'} (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
  );
}
