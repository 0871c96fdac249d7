/**
 * The report form's map (issue 13, item 3): with a tile server configured (and the map's script in the build), the
 * form carries the map — hidden until its script runs — and loads that one script with its stylesheet and the
 * chunks it imports, nothing of the web app; a point picked on it is sent as "Find address" and named as the
 * nearest address of the register. Without tiles there is no map and no script (portal.report.test.ts).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEntries } from '../../plugins/pages.tsx';
import { itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import {
  importRegister,
  makeOrg,
  postMultipart,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { formToken } from './portal.service.ts';

/** A build with the map's entry, as Vite's manifest names it (the files themselves are not needed here). */
const dist = mkdtempSync(join(tmpdir(), 'voordeur-dist-'));
mkdirSync(join(dist, '.vite'));
writeFileSync(
  join(dist, '.vite', 'manifest.json'),
  JSON.stringify({
    'index.html': { file: 'assets/index-a.js', isEntry: true, src: 'index.html', imports: ['_react-b.js'] },
    '_react-b.js': { file: 'assets/react-b.js' },
    'src/public/map-pick.ts': {
      file: 'assets/map-pick-c.js',
      isEntry: true,
      src: 'src/public/map-pick.ts',
      imports: ['_runtime-d.js', '_leaflet-e.js'],
    },
    '_runtime-d.js': { file: 'assets/runtime-d.js' },
    '_leaflet-e.js': {
      file: 'assets/leaflet-e.js',
      imports: ['_runtime-d.js'],
      css: ['assets/leaflet-e.css'],
    },
  }),
);

const t = useTestApp({
  VOORDEUR_WEB_DIST: dist,
  MAP_TILE_URL: 'https://tiles.example.nl/{z}/{x}/{y}.png',
  MAP_ATTRIBUTION: 'Kaart: voorbeeld',
  PORTAL_MIN_FILL_SECONDS: '3',
});
let org: TestOrg;

beforeAll(async () => {
  org = await makeOrg(t.database);
  await publishContent(t.database.db, org.id, {
    items: [
      itemDef('lamp', {
        intakeFields: [{ key: 'locatie', label: { nl: 'Waar is het?' }, type: 'location', required: true }],
      }),
      itemDef('vraag', {
        kind: 'request',
        intakeFields: [{ key: 'wat', label: { nl: 'Wat wilt u?' }, type: 'text', required: true }],
      }),
    ],
  });
  const admin = await signIn(t.app, org.users.admin);
  await importRegister(
    t.app,
    admin,
    [
      'postcode;huisnummer;toevoeging;straat;woonplaats;x;y',
      '3811AB;1;;Stadhuisplein;Amersfoort;155000;463000',
      '3812CD;7;;Langestraat;Amersfoort;155400;463000',
    ].join('\n'),
  );
});

describe('the map of the report form', () => {
  it('finds the entry, its imports and their stylesheets in the manifest', () => {
    expect(buildEntries(dist).get('src/public/map-pick.ts')).toEqual({
      script: '/assets/map-pick-c.js',
      preload: ['/assets/runtime-d.js', '/assets/leaflet-e.js'],
      stylesheets: ['/assets/leaflet-e.css'],
    });
    // The web app's own entry is not one a page adds.
    expect(buildEntries(dist).has('index.html')).toBe(false);
  });

  it('is on the form of an item with a place, hidden until its script runs, the only script of the page', async () => {
    const res = await t.app.inject({ url: `/p/${org.slug}/diensten/lamp/melden` });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect([...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/assets/map-pick-c.js',
    ]);
    expect(html).toContain('<link rel="stylesheet" href="/assets/leaflet-e.css"/>');
    expect(html).toContain('<link rel="modulepreload" href="/assets/leaflet-e.js"/>');
    const map = /<div class="vd-map"[^>]*>/.exec(html)?.[0] ?? '';
    expect(map).toContain('data-tiles="https://tiles.example.nl/{z}/{x}/{y}.png"');
    expect(map).toContain('hidden=""');
    // It opens at the middle of the register.
    expect(Number(/data-lat="([\d.]+)"/.exec(map)?.[1])).toBeCloseTo(52.155, 2);
    expect(html).toMatch(/<input type="hidden" name="loc.lat" value=""\/>/);
    // The page's security policy lets the tiles in.
    expect(res.headers['content-security-policy']).toContain('https://tiles.example.nl');

    const noPlace = await t.app.inject({ url: `/p/${org.slug}/diensten/vraag/melden` });
    expect(noPlace.body).not.toMatch(/<script/i);
    expect(noPlace.body).not.toContain('vd-map');
  });

  it('names the nearest address of a point picked, and opens the map there', async () => {
    const picked = { lat: 52.15517, lon: 5.38764 };
    const res = await postMultipart(t.app, `/p/${org.slug}/diensten/lamp/melden`, [
      ['formToken', formToken(org.id, 'lamp', new Date(Date.now() - 10_000))],
      ['loc.lat', String(picked.lat)],
      ['loc.lon', String(picked.lon)],
      ['intent', 'find'],
    ]);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.body).toContain('Gekozen plek:</strong> Stadhuisplein 1, 3811 AB Amersfoort');
    expect(res.body).toContain(`name="loc.lat" value="${picked.lat}"`);
    expect(/<div class="vd-map"[^>]*data-lat="([\d.]+)"/.exec(res.body)?.[1]).toBe(String(picked.lat));

    // A point far from every address of the register is not in the organisation: said on the place.
    const outside = await postMultipart(t.app, `/p/${org.slug}/diensten/lamp/melden`, [
      ['formToken', formToken(org.id, 'lamp', new Date(Date.now() - 10_000))],
      ['loc.lat', '53.2'],
      ['loc.lon', '6.56'],
      ['intent', 'find'],
    ]);
    expect(outside.statusCode).toBe(422);
    expect(outside.body).toContain('Deze plek ligt niet in onze gemeente.');
    expect(outside.body).toContain('href="#location"');
  });
});
