import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../../scripts/pg-cluster.ts';
import { openDatabase, queryRows } from './client.ts';

describe('migrations on a PostgreSQL server', () => {
  it('are safe when several processes start at once', async () => {
    const url = createDatabase(inject('pgClusterUrl'), `race_${Date.now().toString(36)}`);
    const processes = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ url, poolSize: 2 })));
    try {
      await Promise.all(processes.map((p) => p.migrate()));
      const [row] = await queryRows<{ n: number }>(
        processes[0]!.db,
        sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
      );
      const files = readdirSync(new URL('../migrations', import.meta.url)).filter((f) => f.endsWith('.sql'));
      expect(row!.n).toBe(files.length);
    } finally {
      await Promise.all(processes.map((p) => p.close()));
    }
  });
});
