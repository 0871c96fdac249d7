/**
 * The PGlite project's global setup: migrates one in-memory database and dumps it to a file once per run. Each test
 * file opens its own copy (`openTestDatabase`), as the PostgreSQL project copies its migrated template database:
 * initdb and the migrations cost ~2 s per file on a busy machine, loading the dump ~0.4 s.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpMigratedPglite } from '../client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tar of a migrated PGlite data directory (absent outside the pglite project: files then migrate). */
    pgliteDumpFile: string;
  }
}

let dir: string | undefined;

export async function setup(project: TestProject) {
  dir = mkdtempSync(join(tmpdir(), 'voordeur-pglite-'));
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await (await dumpMigratedPglite()).arrayBuffer()));
  project.provide('pgliteDumpFile', file);
}

export function teardown() {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
