import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSourceFiles, type SourceFile } from './boundaries.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * State a web form must not keep itself (ADR 0020): its busy state and request error come from a mutation, its
 * field errors and submit attempt from `useForm` (lib/useForm.ts, the one place that holds them).
 */
const HAND_ROLLED =
  /^(busy|loading|saving|sending|submitting|pending|failure|failed|error|problem|attempt)$/i;
const STATE = /const\s*\[\s*(\w+)\s*,\s*set\w*\s*\]\s*=\s*useState\b/g;

/** `useState`s of the web app whose name says busy, error or submit attempt; `file: name` each. */
function handRolledState(files: readonly SourceFile[]): string[] {
  const found: string[] = [];
  for (const { path, source } of files) {
    if (!path.startsWith('apps/web/src/') || path === 'apps/web/src/lib/useForm.ts') continue;
    if (/\.unit\.test\.tsx?$/.test(path)) continue;
    for (const [, name] of source.matchAll(STATE))
      if (name && HAND_ROLLED.test(name)) found.push(`${path}: ${name}`);
  }
  return found;
}

/** Kept on purpose, each with why. The list must shrink, never grow (as in boundaries.unit.test.ts). */
const KNOWN: readonly { entry: string; why: string }[] = [
  {
    entry: 'apps/web/src/features/workspace/useContactSession.ts: error',
    why: 'not a form: the open contact’s changes queue one after another (each sends the version the last answered)',
  },
  {
    entry: 'apps/web/src/features/workspace/useContactSession.ts: busy',
    why: 'not a form: a count of the queued changes still waiting for their answer',
  },
];

describe('forms take their busy and error state from the form hook and a mutation', () => {
  const found = handRolledState(readSourceFiles(root));

  it('no other hand-rolled busy, error or attempt state in the web app', () => {
    expect(found.filter((entry) => !KNOWN.some((k) => k.entry === entry))).toEqual([]);
  });

  it('every known exception still occurs (once mended, delete it from KNOWN)', () => {
    expect(KNOWN.map((k) => k.entry).filter((entry) => !found.includes(entry))).toEqual([]);
  });

  it('finds what it looks for', () => {
    const file = (path: string, source: string): SourceFile => ({ path, source });
    expect(
      handRolledState([
        file('apps/web/src/features/x/A.tsx', 'const [busy, setBusy] = useState(false);'),
        file('apps/web/src/features/x/B.tsx', 'const [ failure , setFailure ] = useState<unknown>(null);'),
        file('apps/web/src/features/x/C.tsx', 'const [error, setError] = useState<string | undefined>();'),
        file('apps/web/src/features/x/D.tsx', 'const [done, setDone] = useState<string | null>(null);'),
        file('apps/web/src/lib/useForm.ts', 'const [attempt, setAttempt] = useState(0);'),
        file('apps/api/src/x.ts', 'const [loading, setLoading] = useState(false);'),
      ]),
    ).toEqual([
      'apps/web/src/features/x/A.tsx: busy',
      'apps/web/src/features/x/B.tsx: failure',
      'apps/web/src/features/x/C.tsx: error',
    ]);
  });
});
