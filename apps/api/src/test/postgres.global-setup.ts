import { openDatabase } from '@voordeur/db';
import type { TestProject } from 'vitest/node';
import { createDatabase, type PgCluster, startPgCluster } from '../../../../scripts/pg-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server the postgres project runs against (the cluster, not one database). */
    pgClusterUrl: string;
    /** A migrated database shared by the test files (each test builds its own organisation). */
    pgDatabaseUrl: string;
  }
}

let cluster: PgCluster | undefined;

export async function setup(project: TestProject) {
  let clusterUrl = process.env.TEST_DATABASE_URL;
  if (!clusterUrl) {
    cluster = await startPgCluster();
    clusterUrl = cluster.url;
  }
  const url = createDatabase(clusterUrl, `voordeur_test_${Date.now().toString(36)}`);
  const database = await openDatabase({ url, poolSize: 1 });
  await database.migrate();
  await database.close();
  project.provide('pgClusterUrl', clusterUrl);
  project.provide('pgDatabaseUrl', url);
}

export function teardown() {
  cluster?.stop();
}
