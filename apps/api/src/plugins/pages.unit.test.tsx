import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStylesheets, pagesPlugin } from './pages.tsx';

describe('server-rendered pages', () => {
  const webDist = mkdtempSync(join(tmpdir(), 'vd-pages-'));
  const app = Fastify();
  beforeAll(async () => {
    writeFileSync(
      join(webDist, 'index.html'),
      '<head><link rel="stylesheet" crossorigin href="/assets/libs-A1.css"><link rel="stylesheet" crossorigin href="/assets/index-B2.css"></head>',
    );
    app.decorate('config', { webDist } as never);
    await app.register(pagesPlugin, {
      themeOf: async (request) => ({
        className: 'test-theme',
        stylesheet: `/p/${(request.params as { slug: string }).slug}/theme.css`,
      }),
    });
    app.get('/p/:slug/page', (_request, reply) =>
      reply.sendPage({
        language: 'en',
        title: 'Test <page>',
        organisation: 'Gemeente <b>Test</b>',
        home: '/p/x',
        status: 201,
        body: <p className="utrecht-paragraph">{'<script>alert(1)</script>'}</p>,
      }),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  it('finds the stylesheets of the built web app, and none before a build', () => {
    expect(buildStylesheets(webDist)).toEqual(['/assets/libs-A1.css', '/assets/index-B2.css']);
    expect(buildStylesheets(join(webDist, 'missing'))).toEqual([]);
  });

  it('renders the frame in the page language and theme, every text escaped, no script', async () => {
    const response = await app.inject({ url: '/p/gemeente-x/page' });
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.startsWith('<!doctype html><html lang="en" class="test-theme utrecht-root"')).toBe(
      true,
    );
    expect(response.body).toContain('href="/p/gemeente-x/theme.css"');
    expect(response.body).toContain('href="/assets/index-B2.css"');
    expect(response.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.body).toContain('<title>Test &lt;page&gt; — Gemeente &lt;b&gt;Test&lt;/b&gt;</title>');
    expect(response.body).toContain('Skip to content');
    expect(response.body).not.toContain('<script');
  });
});
