/**
 * A child process of extensions.test.ts: opens the embedded database as a busy machine would — cube's WebAssembly
 * module finishes compiling only after pg_trgm's — and runs a trigram query and the query after it. Prints their
 * rows as JSON. Before PGlite's start linked the modules in a fixed order, the first answered no rows and the
 * second never returned (the process spun at full CPU); the parent kills it after its time guard.
 * Env: PGLITE_DUMP — the migrated dump to load (pglite.global-setup.ts).
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../client.ts';

const instantiate = WebAssembly.instantiate;
const moduleNamed = (source: unknown, name: string) =>
  ArrayBuffer.isView(source) &&
  Buffer.from(source.buffer, source.byteOffset, source.byteLength).includes(name);
let trgmLinked: Promise<unknown> | undefined;
let releaseTrgm: () => void = () => {};
const trgmDone = new Promise<void>((resolve) => {
  releaseTrgm = resolve;
});
WebAssembly.instantiate = ((...args: Parameters<typeof instantiate>) => {
  const result = Reflect.apply(instantiate, WebAssembly, args) as Promise<unknown>;
  // pg_trgm's module exports show_trgm, cube's imports its own cube_distance.
  if (moduleNamed(args[0], 'show_trgm')) {
    trgmLinked = result;
    void result.finally(releaseTrgm);
  }
  if (moduleNamed(args[0], 'cube_distance')) return result.then((r) => trgmDone.then(() => r));
  return result;
}) as typeof instantiate;

const dump = process.env.PGLITE_DUMP;
const database = await openDatabase({
  dataDir: 'memory://',
  loadDataDir: dump ? new Blob([readFileSync(dump)]) : undefined,
});
if (!dump) await database.migrate();
const similar = await queryRows<{ n: number }>(
  database.db,
  sql`SELECT count(*)::int AS n FROM (VALUES ('havenkade'), ('molenweg')) AS s(street) WHERE street % 'havenkad'`,
);
const after = await queryRows<{ one: number }>(database.db, sql`SELECT 1 AS one`);
await database.close();
process.stdout.write(`${JSON.stringify({ slowedCube: trgmLinked !== undefined, similar, after })}\n`);
