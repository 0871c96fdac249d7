/**
 * Never promise what the product does not do: no text a person or a member of staff reads may point at a page
 * or a feature that does not exist — a resident portal ("Mijn Voorbeeld"), following progress online, a
 * tracking link. Scans every message template, the demo content, the web's texts and
 * the source of API and web, so a new text with one of the known broken promises fails here. When the
 * resident portal (or a map) arrives, its issue removes the matching pattern here and adds the real link.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, STAFF_TEXTS } from '../modules/cases/index.ts';

const ROOT = new URL('../../../../', import.meta.url).pathname;

/** The broken promises found so far, with why each is one. */
const BROKEN: { pattern: RegExp; why: string }[] = [
  { pattern: /\bmijn\s+voorbeeld\b|\bmy\s+voorbeeld\b/i, why: 'there is no resident portal' },
  // The resident portal (/p/<slug>), following a case online with its private link (issue 13: modules/portal,
  // modules/tracking) and the map (staff: features/location; the report form: src/public/map-pick.ts; shown when
  // MAP_TILE_URL is set) exist: naming them is no longer a broken promise.
];

function brokenIn(text: string) {
  return BROKEN.filter((b) => b.pattern.test(text)).map((b) => b.why);
}

/** Every string in a JSON value, with its path. */
function* strings(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
}

function findings(source: string, value: unknown) {
  const out: string[] = [];
  for (const [path, text] of strings(value))
    for (const why of brokenIn(text)) out.push(`${source} ${path}: ${why}: "${text.slice(0, 120)}"`);
  return out;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|tsx|json)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

describe('no text promises a page or feature that does not exist', () => {
  it('knows the broken promises it guards against (the ones the outside check found)', () => {
    expect(brokenIn('U kunt de voortgang volgen in Mijn Voorbeeld.')).not.toEqual([]);
    expect(brokenIn('Bekijk eerst het taxatieverslag in Mijn Voorbeeld.')).not.toEqual([]);
    // …and leaves alone what is true: the organisation's own website, a card, a staff page that exists.
    expect(brokenIn('Op de website vindt u een kaart met alle losloopgebieden.')).toEqual([]);
    expect(brokenIn('Gehandicaptenparkeerkaart aanvragen')).toEqual([]);
    expect(brokenIn('Via Mijn account wijzig je je wachtwoord.')).toEqual([]);
  });

  it('in the message templates to the person and to staff', () => {
    expect(findings('templates', { BUILT_IN_TEMPLATES, STAFF_TEXTS })).toEqual([]);
    // A message links only to the case's own tracking page, filled in per case ({{trackingLink}}): no other links.
    const links = [...strings({ BUILT_IN_TEMPLATES, STAFF_TEXTS })].filter(([, s]) =>
      /https?:\/\/|www\./i.test(s),
    );
    expect(links).toEqual([]);
  });

  it('in the demo catalogue and knowledge base (status texts, help texts, descriptions)', () => {
    const dir = join(ROOT, 'apps/api/src/seed/content');
    const out = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => findings(f, JSON.parse(readFileSync(join(dir, f), 'utf8'))));
    expect(out).toEqual([]);
  });

  it('in the web texts, Dutch and English', () => {
    const out = ['nl', 'en'].flatMap((l) =>
      findings(`${l}.json`, JSON.parse(readFileSync(join(ROOT, `apps/web/src/i18n/${l}.json`), 'utf8'))),
    );
    expect(out).toEqual([]);
  });

  it('in the source of API, web, CLI and shared packages (seed data, API descriptions, fallbacks)', () => {
    const files = ['apps/api/src', 'apps/web/src', 'apps/cli/src', 'packages/shared/src'].flatMap((d) =>
      sourceFiles(join(ROOT, d)),
    );
    expect(files.length).toBeGreaterThan(50);
    const out = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => brokenIn(line).map((why) => `${f.slice(ROOT.length)}:${i + 1}: ${why}`)),
    );
    expect(out).toEqual([]);
  });
});
