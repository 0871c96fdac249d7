/**
 * A page loads only the words of the language it speaks (index.ts): with no fallback language, a key missing in one
 * language would show as its key. So every words file has the same keys in Dutch and English — the main files and
 * each section's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = new URL('.', import.meta.url).pathname;

function keys(words: object, prefix = ''): string[] {
  return Object.entries(words).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
const read = (file: string) => keys(JSON.parse(readFileSync(join(here, file), 'utf8'))).sort();

const pairs = [
  'nl.json',
  ...readdirSync(join(here, 'sections'))
    .filter((f) => f.endsWith('.nl.json'))
    .map((f) => `sections/${f}`),
];

describe('words', () => {
  it.each(pairs)('%s has the same keys in English', (nlFile) => {
    const enFile = nlFile.replace(/(^|\.)nl\.json$/, '$1en.json');
    expect(read(enFile)).toEqual(read(nlFile));
  });

  it('finds the main words and the sections', () => {
    expect(pairs).toContain('nl.json');
    expect(pairs).toContain('sections/monitoring.nl.json');
    expect(pairs).toContain('sections/staff.nl.json');
    expect(read('nl.json').length).toBeGreaterThan(300);
    expect(read('sections/staff.nl.json').length).toBeGreaterThan(1000);
  });
});
