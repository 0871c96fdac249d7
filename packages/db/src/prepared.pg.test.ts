import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../../scripts/pg-cluster.ts';
import { openDatabase, queryPrepared, queryRows, statementName } from './client.ts';
import { organisation } from './schema.ts';

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
      await database.migrate();
      return await database.db.transaction(async (tx) => {
        const rows = await queryPrepared<{ answer: number }>(tx, sql`SELECT ${41}::int + 1 AS answer`);
        expect(rows).toEqual([{ answer: 42 }]);
        // A Drizzle prepared query (the session lookup is one) under the name statementName gives.
        const bySlug = tx
          .select({ id: organisation.id })
          .from(organisation)
          .where(sql`${organisation.slug} = ${sql.placeholder('slug')}`)
          .prepare(statementName(database.db, 'vd_test_by_slug'));
        expect(await bySlug.execute({ slug: 'nobody' })).toEqual([]);
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

  it('names the statements by default: the connection keeps them prepared', async () => {
    expect(await named()).toHaveLength(2);
  });

  it('runs it unnamed when prepared statements are off: nothing stays on the server connection', async () => {
    expect(await named(false)).toEqual([]);
  });
});
