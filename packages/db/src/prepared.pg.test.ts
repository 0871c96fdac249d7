import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../../scripts/pg-cluster.ts';
import { openDatabase, queryPrepared, queryRows } from './client.ts';

/**
 * Behind a transaction pooler (PgBouncer in transaction mode before 1.21) a statement prepared by name in one
 * transaction may be run on another server connection that never saw it. `preparedStatements: false`
 * (DATABASE_PREPARED_STATEMENTS=false) makes `queryPrepared` run its statements unnamed.
 */
describe('queryPrepared and the preparedStatements setting', () => {
  const url = createDatabase(inject('pgClusterUrl'), `prepared_${Date.now().toString(36)}`);
  const named = async (preparedStatements?: boolean) => {
    const database = await openDatabase({ url, poolSize: 1, preparedStatements });
    try {
      return await database.db.transaction(async (tx) => {
        const rows = await queryPrepared<{ answer: number }>(tx, sql`SELECT ${41}::int + 1 AS answer`);
        expect(rows).toEqual([{ answer: 42 }]);
        return (
          await queryRows<{ name: string }>(
            tx,
            sql`SELECT name FROM pg_prepared_statements WHERE name LIKE 'vd_%'`,
          )
        ).map((r) => r.name);
      });
    } finally {
      await database.close();
    }
  };

  it('names the statement by default: the connection keeps it prepared', async () => {
    expect(await named()).toHaveLength(1);
  });

  it('runs it unnamed when prepared statements are off: nothing stays on the server connection', async () => {
    expect(await named(false)).toEqual([]);
  });
});
