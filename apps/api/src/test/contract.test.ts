/**
 * The OpenAPI document is a contract: it passes Redocly's recommended rules, documents every error as
 * problem+json, and the responses the API really sends match it (every API test checks its responses through
 * the harness; this file proves that check catches what it should).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractChecker } from './contract.ts';
import { dbKind, useTestApp } from './harness.ts';

const t = useTestApp();

type Op = {
  operationId?: string;
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, unknown> }>;
};
type Doc = {
  servers?: { url: string }[];
  info: { license?: { name: string } };
  paths: Record<string, Record<string, Op>>;
  components: { schemas: Record<string, unknown> };
};
const documentOf = async () => (await t.app.inject({ url: '/api/openapi.json' })).json() as Doc;
const operationsOf = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, path, op })),
  );

describe('the OpenAPI document', () => {
  // The document does not depend on the database: linted once, on PGlite.
  it.skipIf(dbKind === 'postgres')(
    'passes Redocly’s recommended rules with no errors and no warnings (offline)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'voordeur-openapi-'));
      try {
        const file = join(dir, 'openapi.json');
        writeFileSync(file, JSON.stringify(await documentOf()));
        const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
        const config = new URL('../../redocly.yaml', import.meta.url).pathname;
        const run = spawnSync(
          process.execPath,
          [cli, 'lint', file, '--config', config, '--format=json', '--max-problems=50'],
          {
            encoding: 'utf8',
            timeout: 60_000,
            // No telemetry, no update check: nothing leaves the machine.
            env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
          },
        );
        const report = JSON.parse(run.stdout) as {
          totals: { errors: number; warnings: number };
          problems: { ruleId: string; message: string }[];
        };
        const problems = report.problems.map((p) => `${p.ruleId}: ${p.message}`);
        expect(report.totals, problems.join('\n')).toMatchObject({ errors: 0, warnings: 0 });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('has a unique operationId on every operation, servers and a licence', async () => {
    const doc = await documentOf();
    const ids = operationsOf(doc).map(({ op }) => op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/cases/{id}/children']!.post!.operationId).toBe('postCasesByIdChildren');
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.info.license?.name).toBe('EUPL-1.2');
  });

  it('documents every error as application/problem+json, and 413/415 wherever a body is read', async () => {
    const doc = await documentOf();
    for (const { name, op } of operationsOf(doc)) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400)
          expect(Object.keys(response.content ?? {}), `${name} ${status}`).toEqual([
            'application/problem+json',
          ]);
      }
      if (op.requestBody)
        expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(['413', '415']));
    }
  });

  it('documents the CSV export and import and the attachment download with their real media types', async () => {
    const doc = await documentOf();
    const content = (path: string, method: string, status = '200') =>
      Object.keys(doc.paths[path]![method]!.responses[status]!.content ?? {});
    expect(content('/api/transfer/export/csv', 'get')).toEqual(['text/csv']);
    expect(
      Object.keys((doc.paths['/api/transfer/import/csv']!.post!.requestBody as { content: object }).content),
    ).toEqual(['text/csv', 'application/csv']);
    expect(content('/api/cases/{id}/attachments/{attachmentId}', 'get')).toEqual([
      'image/jpeg',
      'image/png',
      'image/webp',
      'image/heic',
      'application/pdf',
    ]);
  });

  it('keeps no component that nothing refers to', async () => {
    const doc = await documentOf();
    const text = JSON.stringify({ paths: doc.paths, schemas: doc.components.schemas });
    for (const name of Object.keys(doc.components.schemas))
      expect(text, name).toContain(`"#/components/schemas/${name}"`);
  });
});

describe('the response check every API test runs', () => {
  it('passes what the API sends, and catches an undocumented status, media type or body', async () => {
    const check = contractChecker((await documentOf()) as never);
    const problem = {
      type: '/api/problems/not_found',
      title: 'Not found',
      status: 404,
      code: 'not_found',
      requestId: 'r',
    };
    expect(
      check('GET', '/api/teams/:id', 404, 'application/problem+json; charset=utf-8', problem),
    ).toBeUndefined();
    expect(check('GET', '/api/teams/:id', 404, 'application/json', problem)?.problem).toMatch(/media type/);
    expect(check('GET', '/api/teams/:id', 418, 'application/problem+json', problem)?.problem).toMatch(
      /not documented/,
    );
    expect(check('GET', '/api/teams/:id', 200, 'application/json', { id: 'x' })?.problem).toMatch(
      /does not match/,
    );
    expect(check('GET', '/api/problems', 200, 'application/json', { items: [] })).toBeUndefined();
    expect(check('GET', '/metrics', 200, 'text/plain', 'x')).toBeUndefined();
  });
});
