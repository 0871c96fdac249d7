import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectProblem, TEST_METRICS_TOKEN, testApp, useTestApp } from './harness.ts';

const t = useTestApp();

describe('operations endpoints', () => {
  it('liveness and readiness', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({
      status: 'ok',
      database: t.database.kind,
    });
  });

  it('Prometheus metrics count requests per route and problems per code', async () => {
    await t.app.inject({ url: '/api/teams' });
    const text = (
      await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } })
    ).body;
    expect(text).toMatch(
      /voordeur_http_request_duration_seconds_count\{method="GET",route="\/api\/teams",status="401"\} \d+/,
    );
    expect(text).toMatch(/voordeur_http_problems_total\{status="401",code="unauthenticated"\} \d+/);
    expect(text).toContain('voordeur_process_cpu_seconds_total');
  });

  it('echoes a sane caller request id and puts it in problems; replaces an unsafe one', async () => {
    const res = await t.app.inject({ url: '/api/teams', headers: { 'x-request-id': 'trace-1234567' } });
    expect(res.headers['x-request-id']).toBe('trace-1234567');
    expect(res.json().requestId).toBe('trace-1234567');
    const unsafe = await t.app.inject({ url: '/api/teams', headers: { 'x-request-id': '<script>' } });
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('API documentation', () => {
  it('the OpenAPI document lists every endpoint with its schemas and the problem format', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const routes = t.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('/api/users');
    for (const [path, ops] of Object.entries<
      Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>
    >(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses).length, `${method} ${path}`).toBeGreaterThan(0);
        if (['post', 'patch'].includes(method) && !/\/(logout|sign-out)$/.test(path))
          expect(op.requestBody, `${method} ${path}`).toBeTruthy();
      }
    }
    expect(doc.components.schemas.Problem.properties).toHaveProperty('code');
    expect(
      doc.paths['/api/users'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('memberships');
    expect(doc.paths['/healthz'].get.security).toEqual([]);
    // Uploads are documented as the form they are, not as JSON.
    expect(
      doc.paths['/api/cases/{id}/attachments'].post.requestBody.content['multipart/form-data'].schema,
    ).toMatchObject({ required: ['file'], properties: { file: { format: 'binary' } } });
  });

  it('the interactive docs are served without login and without anything from the internet', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
    expect(res.body).not.toMatch(/https?:\/\/(?!localhost)[a-z]+\.[a-z]/i);
  });
});

describe('web app serving', () => {
  it('serves the built app with the configured theme class, assets, theme.css, and the app for deep links', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'voordeur-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<html class="__VOORDEUR_THEME_CLASS__"><body>app</body></html>');
    writeFileSync(join(dist, 'assets', 'main-abc.js'), 'console.log(1)');
    const theme = join(mkdtempSync(join(tmpdir(), 'voordeur-theme-')), 'gemeente.css');
    writeFileSync(theme, '.gemeente-theme{--x:1}');
    const web = await testApp(t.database, {
      VOORDEUR_WEB_DIST: dist,
      VOORDEUR_THEME_CSS: theme,
      VOORDEUR_THEME_CLASS: 'gemeente-theme',
    });
    try {
      const page = await web.inject({ url: '/admin/users', headers: { accept: 'text/html' } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('class="gemeente-theme"');
      const asset = await web.inject({ url: '/assets/main-abc.js' });
      expect(asset.headers['cache-control']).toContain('immutable');
      expect((await web.inject({ url: '/theme.css' })).body).toBe('.gemeente-theme{--x:1}');
      // Unknown API paths stay problems, not the web page.
      expectProblem(
        await web.inject({ url: '/api/nope', headers: { accept: 'text/html' } }),
        404,
        'not_found',
      );
    } finally {
      await web.close();
    }
  });
});

describe('problem types', () => {
  it('the type URI of a problem answers with what the code means', async () => {
    const problem = (await t.app.inject({ url: '/api/teams' })).json();
    const type = await t.app.inject({ url: problem.type });
    expect(type.statusCode).toBe(200);
    expect(type.json()).toMatchObject({ code: 'unauthenticated', status: 401 });
    const list = (await t.app.inject({ url: '/api/problems' })).json();
    expect(list.items.map((t: { code: string }) => t.code)).toContain('csrf_missing');
    expectProblem(await t.app.inject({ url: '/api/problems/no_such_code' }), 404, 'not_found');
  });
});
