/**
 * Nothing large leaves uncompressed (issue 11): the web app's assets are sent as the build's brotli or gzip
 * copies, API responses are compressed on the fly, and every such response says `Vary: accept-encoding` so
 * that a cache in between never hands a compressed body to a client that did not ask for one.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, signIn, type TestApp, testApp, useTestApp } from './harness.ts';

const t = useTestApp();

/** What the web build writes (apps/web/vite.config.ts): an asset with its .br and .gz copies. */
const asset = `export const texts = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `tekst ${i}`))};\n`;
let web: TestApp;

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'voordeur-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<html class="__VOORDEUR_THEME_CLASS__"><body>app</body></html>');
  const file = join(dist, 'assets', 'main-abc.js');
  writeFileSync(file, asset);
  writeFileSync(`${file}.br`, brotliCompressSync(asset));
  writeFileSync(`${file}.gz`, gzipSync(asset));
  web = await testApp(t.database, { VOORDEUR_WEB_DIST: dist });
});
afterAll(async () => {
  await web?.close();
});

const vary = (headers: Record<string, unknown>) => String(headers.vary ?? '').toLowerCase();

describe('compression', () => {
  it('sends an asset as the build made it: brotli when accepted, else gzip, else plain; always Vary', async () => {
    const br = await web.inject({
      url: '/assets/main-abc.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(vary(br.headers)).toContain('accept-encoding');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(asset);

    const gz = await web.inject({ url: '/assets/main-abc.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(vary(gz.headers)).toContain('accept-encoding');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(asset);

    const plain = await web.inject({ url: '/assets/main-abc.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(vary(plain.headers)).toContain('accept-encoding');
    expect(plain.body).toBe(asset);

    // The compressed copies are not pages of their own.
    expect((await web.inject({ url: '/assets/main-abc.js.br' })).statusCode).toBe(404);
  });

  it('compresses JSON responses of the API (public and signed in) and the theme CSS', async () => {
    const docs = await t.app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'br' } });
    expect(docs.headers['content-encoding']).toBe('br');
    expect(vary(docs.headers)).toContain('accept-encoding');
    expect(JSON.parse(brotliDecompressSync(docs.rawPayload).toString()).openapi).toBe('3.1.0');

    const org = await makeOrg(t.database);
    const session = await signIn(t.app, org.users.admin);
    const users = await t.app.inject({
      url: '/api/users',
      headers: { cookie: session.cookie, 'accept-encoding': 'gzip' },
    });
    expect(users.statusCode).toBe(200);
    expect(users.headers['content-type']).toMatch(/^application\/json/);
    expect(users.headers['content-encoding']).toBe('gzip');
    expect(vary(users.headers)).toContain('accept-encoding');
    const list = JSON.parse(gunzipSync(users.rawPayload).toString());
    expect(JSON.stringify(list)).toContain(org.users.agent.email);

    const theme = await web.inject({ url: '/theme.css', headers: { 'accept-encoding': 'br' } });
    expect(theme.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(theme.rawPayload).toString()).toContain('voorbeeld-theme');

    // Without Accept-Encoding the response is as before.
    const identity = await t.app.inject({ url: '/api/openapi.json' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.json().openapi).toBe('3.1.0');
  });
});
