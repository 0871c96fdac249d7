import { defineConfig } from 'vitest/config';

const include = [
  'apps/api/src/**/*.test.{ts,tsx}',
  'apps/cli/src/**/*.test.ts',
  'packages/*/src/**/*.test.ts',
];
/** Checks every response the API tests see against the OpenAPI document (apps/api/src/test/contract.ts). */
const contractSetup = 'apps/api/src/test/contract.setup.ts';
const shared = {
  // One module graph per worker, not per file: every API test file imports the whole app, and loading it again
  // for each file was a third of the suite's CPU time (ADR 0023). Tests hold no state in modules between files.
  isolate: false,
  testTimeout: 60_000,
  hookTimeout: 120_000,
  setupFiles: ['apps/api/src/test/data-key.setup.ts'],
};

/**
 * Every database test runs twice: on PGlite (the embedded default) and on a real PostgreSQL server
 * (`TEST_DATABASE_URL`, or a throwaway cluster the global setup starts). `*.unit.test.ts` need no database.
 */
export default defineConfig({
  test: {
    // Vitest runs one file at a time on a 2-core machine (cores - 1); much of a database test is waiting for the
    // server, a child process or PGlite's file system, so two at a time keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          // scripts/: the import boundaries of the whole code base (boundaries.unit.test.ts).
          include: ['**/src/**/*.unit.test.{ts,tsx}', 'scripts/**/*.unit.test.ts'],
          exclude: ['**/node_modules/**'],
        },
      },
      {
        test: {
          ...shared,
          name: 'pglite',
          setupFiles: [...shared.setupFiles, contractSetup],
          include,
          exclude: ['**/node_modules/**', '**/*.unit.test.{ts,tsx}', '**/*.pg.test.ts'],
          env: { VOORDEUR_TEST_DB: 'pglite' },
          // One migrated database dumped once; each file loads its own copy (packages/db/src/test/database.ts).
          globalSetup: ['packages/db/src/test/pglite.global-setup.ts'],
        },
      },
      {
        test: {
          ...shared,
          name: 'postgres',
          setupFiles: [...shared.setupFiles, contractSetup],
          include,
          exclude: ['**/node_modules/**', '**/*.unit.test.{ts,tsx}'],
          env: { VOORDEUR_TEST_DB: 'postgres' },
          globalSetup: ['apps/api/src/test/postgres.global-setup.ts'],
        },
      },
    ],
  },
});
