/**
 * PGlite is made in one place, `createPglite` in client.ts: it fixes the extensions and the order they link in
 * (a different order hangs the database at its first trigram query). Any other import of PGlite could make one
 * that hangs; this reads every source file of the repository and allows the import only there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', '.tmp'].includes(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sources(path, out);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry.name)) out.push(path);
  }
  return out;
}

it('only client.ts imports PGlite', () => {
  const files = ['apps', 'packages', 'bench', 'scripts', 'e2e'].flatMap((d) => sources(join(root, d)));
  expect(files.length).toBeGreaterThan(300);
  const importing = files
    .filter((f) =>
      /from ['"]@electric-sql\/pglite|import\(['"]@electric-sql\/pglite/.test(readFileSync(f, 'utf8')),
    )
    .map((f) => relative(root, f).split(sep).join('/'));
  expect(importing).toEqual(['packages/db/src/client.ts']);
});
