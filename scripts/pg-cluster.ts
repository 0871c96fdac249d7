/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: installs Debian's `postgresql` when no server
 * binaries are found, creates a cluster in a temp directory on a free port, and removes it on stop.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  url: string;
  port: number;
  stop(): void;
}

function findBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

function ensureInstalled(log: (m: string) => void): string {
  let bin = findBinDir();
  if (bin) return bin;
  log('PostgreSQL server not found: installing Debian postgresql (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
  bin = findBinDir();
  if (!bin) throw new Error('postgresql was installed but initdb is still missing');
  return bin;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startPgCluster(
  log: (m: string) => void = (m) => process.stderr.write(`${m}\n`),
): Promise<PgCluster> {
  const bin = ensureInstalled(log);
  const isRoot = process.getuid?.() === 0;
  // The server refuses to run as root: as root, run it as the postgres user Debian's package creates.
  const asPg = (cmd: string, args: string[]) =>
    isRoot ? { cmd: 'runuser', args: ['-u', 'postgres', '--', cmd, ...args] } : { cmd, args };
  const dir = mkdtempSync(join(tmpdir(), 'voordeur-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (cmd: string, args: string[]) => {
    const c = asPg(cmd, args);
    const r = spawnSync(c.cmd, c.args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  log(`PostgreSQL ${bin.split('/').at(-2)} running on port ${port} (${dir})`);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Creates a fresh database on the cluster and returns its URL. */
export function createDatabase(clusterUrl: string, name: string, template?: string): string {
  const url = new URL(clusterUrl);
  const from = template ? ` TEMPLATE "${template}"` : '';
  execFileSync('psql', [clusterUrl, '-qc', `CREATE DATABASE "${name}"${from}`], { stdio: 'pipe' });
  url.pathname = `/${name}`;
  return url.toString();
}
