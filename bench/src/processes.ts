/**
 * What every benchmark suite shares: its settings, the server commands, starting a server process and waiting
 * until it answers, stopping it, and one measured load (after a short warm-up) of a URL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const PASSWORD = 'bench-password-123';
export const cli = fileURLToPath(new URL('../../apps/cli/bin/voordeur.js', import.meta.url));
export const bare = fileURLToPath(new URL('./bare-server.ts', import.meta.url));
export const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

/** Starts a process and answers it once `readyUrl` answers 2xx (within two minutes). */
export async function start(cmd: string, args: string[], env: Record<string, string>, readyUrl: string) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited`);
    if (
      await fetch(readyUrl).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${readyUrl} not ready`);
}

export function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Requests per second and latency of GETs of `url`, after a short warm-up (JIT and pools in their steady state). */
export async function load(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { rps: r.requests.average, p99: r.latency.p99, p50: r.latency.p50 };
}
