/**
 * Inside a module a request goes one way: routes -> service -> queries (-> presenter on the way out). Routes call
 * their service, never the queries; services keep the rules, and the SQL lives in the query files. This test reads
 * the sources, so a new route or service that skips a layer fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const modules = new URL('../modules', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}
const named = (suffix: string) => files(modules).filter((f) => f.endsWith(suffix));
const rel = (f: string) => relative(modules, f);

/** Value imports of a file (type-only imports carry no calls), as `[specifier, statement]`. */
function valueImports(text: string): [string, string][] {
  return [...text.matchAll(/^import\s+(?!type\s)([\s\S]*?)\s+from\s+'([^']+)';/gm)].map((m) => [m[2]!, m[0]]);
}

/**
 * Known exceptions, to be removed when their module is restructured: contacts is being reworked by the case-intake
 * change of the same issue. Only fewer may appear here, never more.
 */
const ROUTES_CALLING_QUERIES = new Set<string>([]);
const SERVICES_WITH_SQL = new Set<string>([]);

/** What SQL looks like in our code: drizzle's builders and raw statements on a db or transaction. */
const SQL = /\b(?:db|tx)\s*\.\s*(?:select|selectDistinct|insert|update|delete|execute)\s*\(|\bsql`/;

describe('the layers of a module', () => {
  it('routes call their service (or a presenter), never the queries', () => {
    const routes = named('.routes.ts');
    expect(routes.length).toBeGreaterThan(15);
    const offenders = routes.filter((f) =>
      valueImports(readFileSync(f, 'utf8')).some(([spec]) => /\.queries\.ts$/.test(spec)),
    );
    expect(offenders.map(rel).filter((f) => !ROUTES_CALLING_QUERIES.has(f))).toEqual([]);
  });

  it('services hold no SQL: it lives in the module’s query files', () => {
    const services = named('.service.ts');
    expect(services.length).toBeGreaterThan(15);
    const offenders = services.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return SQL.test(text) || valueImports(text).some(([spec]) => spec === 'drizzle-orm');
    });
    expect(offenders.map(rel).filter((f) => !SERVICES_WITH_SQL.has(f))).toEqual([]);
  });

  it('recognises what it looks for (a planted route import and a planted statement)', () => {
    expect(valueImports("import * as q from './cases.queries.ts';")[0]![0]).toMatch(/\.queries\.ts$/);
    expect(valueImports("import type { Row } from './cases.queries.ts';")).toEqual([]);
    expect(SQL.test('await tx.update(customer).set({ area: null })')).toBe(true);
    expect(SQL.test('await tx.execute(sql`UPDATE customer SET area = NULL`)')).toBe(true);
    expect(SQL.test('await q.markMerged(tx, organisationId, id, survivor)')).toBe(false);
  });
});
