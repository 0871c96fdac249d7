import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';

/** Every path under `dir` whose permission bits are not `dirs` (directories) or `files` (files). */
function otherModes(dir: string, dirs: number, files: number): string[] {
  const wrong: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      const mode = statSync(path).mode & 0o777;
      if (entry.isDirectory()) {
        if (mode !== dirs) wrong.push(`${path} ${mode.toString(8)}`);
        walk(path);
      } else if (entry.isFile() && mode !== files) wrong.push(`${path} ${mode.toString(8)}`);
    }
  };
  walk(dir);
  return wrong;
}

// Only the embedded database has a data directory of ours; the postgres project need not run it again.
describe.skipIf(process.env.VOORDEUR_TEST_DB === 'postgres')('the PGlite data directory', () => {
  it('is readable and writable by its owner only: the directory 0700, every file 0600', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'voordeur-perm-'));
    const dataDir = join(parent, 'data');
    // As an older version (or a hand-made directory) left it: open to everyone.
    mkdirSync(dataDir, { mode: 0o755 });
    try {
      const database = await openDatabase({ dataDir });
      // While it runs, nobody else may enter the directory.
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      await database.db.execute(sql`CREATE TABLE perm_probe (id int)`);
      await database.close();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(readdirSync(dataDir).length).toBeGreaterThan(0);
      expect(otherModes(dataDir, 0o700, 0o600)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
