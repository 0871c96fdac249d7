import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBoundaries, importsOf, readSourceFiles, type SourceFile } from './boundaries.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Imports that break a rule today and are being mended elsewhere, each with why. The list must shrink, never
 * grow: a new violation fails the first test, and an entry that no longer occurs fails the second (delete it).
 */
const KNOWN: readonly { file: string; specifier: string; why: string }[] = [];

const isKnown = (v: { file: string; specifier: string }) =>
  KNOWN.some((k) => k.file === v.file && k.specifier === v.specifier);

describe('import boundaries of the code base', () => {
  const files = readSourceFiles(root);
  const violations = checkBoundaries(files);

  it('reads every app and package', () => {
    const paths = new Set(files.map((f) => f.path));
    expect(files.length).toBeGreaterThan(300);
    for (const path of [
      'apps/api/src/modules/cases/index.ts',
      'apps/api/src/plugins/errors.ts',
      'apps/web/src/main.tsx',
      'apps/web/src/app/router.tsx',
      'apps/web/src/features/cases/index.ts',
      'apps/web/src/lib/useForm.ts',
      'packages/shared/src/index.ts',
      'packages/db/src/schema.ts',
    ]) {
      expect(paths, path).toContain(path);
    }
  });

  it('no import crosses a boundary (a module’s or feature’s internals, a layer above, an app from a package)', () => {
    expect(violations.filter((v) => !isKnown(v)).map((v) => v.message)).toEqual([]);
  });

  it('every known exception still occurs (once mended, delete it from KNOWN)', () => {
    const gone = KNOWN.filter(
      (k) => !violations.some((v) => v.file === k.file && v.specifier === k.specifier),
    );
    expect(gone).toEqual([]);
  });
});

describe('the boundary checker', () => {
  const web = 'apps/web/src';
  const api = 'apps/api/src';
  const file = (path: string, ...imports: string[]): SourceFile => ({
    path,
    source: imports.join('\n'),
  });
  const found = (files: SourceFile[]) => checkBoundaries(files).map((v) => [v.rule, v.file, v.specifier]);

  it('reads static, type-only, re-exported and dynamic imports', () => {
    expect(
      importsOf(
        [
          "import { a } from './a.ts';",
          "import type { B } from './b.ts';",
          "export { c } from './c.ts';",
          "const d = () => import('./d.tsx');",
          "import './e.css';",
        ].join('\n'),
      ),
    ).toEqual(['./a.ts', './b.ts', './c.ts', './d.tsx', './e.css']);
  });

  it("reports an API module that imports another module's internals, not its index", () => {
    expect(
      found([
        file(
          `${api}/modules/contacts/contacts.service.ts`,
          "import { createCase } from '../cases/cases.service.ts';",
          "import { casesModule } from '../cases/index.ts';",
          "import { helper } from './contacts.queries.ts';",
          "import { recordAudit } from '../../platform/audit.ts';",
        ),
      ]),
    ).toEqual([
      ['api-module-internals', `${api}/modules/contacts/contacts.service.ts`, '../cases/cases.service.ts'],
    ]);
  });

  it('reports a plugin that imports a module, even its index', () => {
    expect(
      found([file(`${api}/plugins/auth.ts`, "import { users } from '../modules/users/index.ts';")]),
    ).toEqual([['api-plugins-import-modules', `${api}/plugins/auth.ts`, '../modules/users/index.ts']]);
  });

  it('reports a package that imports an app, by path or by package name', () => {
    expect(
      found([
        file(
          'packages/shared/src/roles.ts',
          "import { build } from '../../../apps/api/src/app.ts';",
          "import { x } from '@voordeur/web/src/lib/useForm.ts';",
          "import { y } from '@voordeur/db';",
        ),
      ]),
    ).toEqual([
      ['package-imports-app', 'packages/shared/src/roles.ts', '../../../apps/api/src/app.ts'],
      ['package-imports-app', 'packages/shared/src/roles.ts', '@voordeur/web/src/lib/useForm.ts'],
    ]);
  });

  it("reports a web feature, or the shell, that imports another feature's internals, not its index", () => {
    expect(
      found([
        file(
          `${web}/features/workspace/CustomerView.tsx`,
          "import { CaseBadges } from '../cases/CaseBadges.tsx';",
          "import { useTeams } from '../admin-teams/index.ts';",
          "import { format } from './format.ts';",
        ),
        file(`${web}/app/router.tsx`, "const load = () => import('../features/cases/CasePage.tsx');"),
      ]),
    ).toEqual([
      ['web-feature-internals', `${web}/features/workspace/CustomerView.tsx`, '../cases/CaseBadges.tsx'],
      ['web-feature-internals', `${web}/app/router.tsx`, '../features/cases/CasePage.tsx'],
    ]);
  });

  it('reports features that import each other in a circle, through their indexes too', () => {
    expect(
      found([
        file(`${web}/features/cases/CaseDetails.tsx`, "import { addressLine } from '../workspace/index.ts';"),
        file(
          `${web}/features/workspace/CustomerView.tsx`,
          "import { CaseBadges } from '../search/index.ts';",
        ),
        file(`${web}/features/search/DetailPane.tsx`, "import { CaseBadges } from '../cases/index.ts';"),
        file(`${web}/features/letters/LettersPage.tsx`, "import { CaseBadges } from '../cases/index.ts';"),
      ]),
    ).toEqual([
      ['web-feature-cycle', `${web}/features/cases/CaseDetails.tsx`, '../workspace/index.ts'],
      ['web-feature-cycle', `${web}/features/workspace/CustomerView.tsx`, '../search/index.ts'],
      ['web-feature-cycle', `${web}/features/search/DetailPane.tsx`, '../cases/index.ts'],
    ]);
  });

  it('reports a web file that imports a layer above its own; its own layer and those below are fine', () => {
    expect(
      found([
        file(`${web}/features/home/HomePage.tsx`, "import { router } from '../../app/router.tsx';"),
        file(`${web}/lib/useForm.ts`, "import type { Me } from '../features/auth/index.ts';"),
        file(`${web}/ui/Field.tsx`, "import { useForm } from '../lib/useForm.ts';"),
        file(
          `${web}/api/client.ts`,
          "import { App } from '../main.tsx';",
          "import i18n from '../i18n/index.ts';",
        ),
        file(
          `${web}/features/audit/AuditPage.tsx`,
          "import { useForm } from '../../lib/useForm.ts';",
          "import { Table } from '../../ui/Table.tsx';",
          "import { api } from '../../api/client.ts';",
        ),
        file(`${web}/main.tsx`, "import { router } from './app/router.tsx';"),
      ]),
    ).toEqual([
      ['web-layer', `${web}/features/home/HomePage.tsx`, '../../app/router.tsx'],
      ['web-layer', `${web}/lib/useForm.ts`, '../features/auth/index.ts'],
      ['web-layer', `${web}/ui/Field.tsx`, '../lib/useForm.ts'],
      ['web-layer', `${web}/api/client.ts`, '../main.tsx'],
    ]);
  });

  it('names the file, the import and the rule in its message', () => {
    const [violation] = checkBoundaries([
      file(`${web}/ui/Field.tsx`, "import { useForm } from '../lib/useForm.ts';"),
    ]);
    expect(violation?.message).toBe(
      `${web}/ui/Field.tsx imports '../lib/useForm.ts': a web file imports only its own layer or the layers below it: main.tsx > app/ > features/ > lib/ > ui/ > api/, i18n/`,
    );
  });
});
