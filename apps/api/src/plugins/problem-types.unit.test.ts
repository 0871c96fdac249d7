import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '@voordeur/shared';
import { describe, expect, it } from 'vitest';
// Importing the app registers every module's problem types.
import '../app.ts';
import { allProblemTypes, problemType } from './problem-types.ts';

const src = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.includes('.test.')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('problem types', () => {
  it('every code the API throws is in the catalogue, with the status it is thrown with', () => {
    const thrown = new Map<string, number>();
    for (const file of sources(src)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/new AppError\(\s*(\d{3}),\s*'([a-z_]+)'/g)) {
        thrown.set(m[2]!, Number(m[1]));
      }
    }
    expect(thrown.size).toBeGreaterThan(15);
    for (const [code, status] of thrown) {
      expect(problemType(code), code).toBeDefined();
      expect(problemType(code)!.status, code).toBe(status);
    }
  });

  it('catalogues exactly the codes of the shared union, which the web words', () => {
    expect(allProblemTypes().map((t) => t.code)).toEqual([...ERROR_CODES].sort((a, b) => a.localeCompare(b)));
  });

  it('every catalogued code has a title and a description', () => {
    for (const t of allProblemTypes()) {
      expect(t.code).toMatch(/^[a-z_]+$/);
      expect(t.title.length).toBeGreaterThan(3);
      expect(t.description.length).toBeGreaterThan(10);
    }
  });
});

describe('problem responses of routes', () => {
  it('route files take them from the shared sets (problemResponses, publicProblemResponses), not maps of their own', () => {
    const routeFiles = sources(join(src, 'modules')).filter((f) => f.endsWith('.routes.ts'));
    expect(routeFiles.length).toBeGreaterThan(15);
    for (const file of routeFiles) {
      const text = readFileSync(file, 'utf8');
      // A status mapped to the problem schema by hand, or a map of problem responses declared in the file.
      expect(text, file).not.toMatch(/\bproblemSchema\b/);
      expect(text, file).not.toMatch(/const problems = \{/);
    }
  });
});
