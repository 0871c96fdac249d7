import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * The import rules of the code base (docs/ARCHITECTURE.md, ADR "web layers"), checked on the import statements
 * themselves: TypeScript's own parser lists every `import`, `export … from`, `import type` and `import()` of a file.
 * Each rule names the file, the import and the rule it breaks. `checkBoundaries` takes the files in memory, so a
 * test can plant a violation; `readSourceFiles` reads the repository.
 */

export interface SourceFile {
  /** Path from the repository root, with forward slashes: `apps/web/src/features/cases/CasePage.tsx`. */
  path: string;
  source: string;
}

export type Rule =
  | 'api-module-internals'
  | 'api-plugins-import-modules'
  | 'package-imports-app'
  | 'web-feature-cycle'
  | 'web-feature-internals'
  | 'web-layer';

export interface Violation {
  file: string;
  /** The import as written. */
  specifier: string;
  /** The file (or package) it names. */
  target: string;
  rule: Rule;
  message: string;
}

export const RULES: Record<Rule, string> = {
  'api-module-internals': "an API module uses another module only through that module's index.ts",
  'api-plugins-import-modules': "the API's plugins/ are shared infrastructure and import no module",
  'package-imports-app': 'packages/* are used by the apps and import none of them',
  'web-feature-cycle':
    'web features do not import each other in a circle: what two features share moves down into lib/',
  'web-feature-internals': 'a web feature is used by other features and the shell only through its index.ts',
  'web-layer':
    'a web file imports only its own layer or the layers below it: main.tsx > app/ > features/ > lib/ > ui/ > api/, i18n/',
};

const API_SRC = 'apps/api/src/';
const WEB_SRC = 'apps/web/src/';

/** The web's layers, top to bottom; a file may import its own layer and those with a lower number. */
const WEB_LAYERS: Record<string, number> = { main: 6, app: 5, features: 4, lib: 3, ui: 2, api: 1, i18n: 1 };

/** The workspace packages of the apps, for bare imports (`@voordeur/api`). */
const APP_PACKAGES = ['@voordeur/api', '@voordeur/cli', '@voordeur/web'];

/** The layer of a file under apps/web/src: its first folder, or `main` for the files beside main.tsx. */
function webLayer(path: string): string | undefined {
  if (!path.startsWith(WEB_SRC)) return undefined;
  const rest = path.slice(WEB_SRC.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? 'main' : rest.slice(0, slash);
}

/** `name` when the path lies in `<base><name>/…`. */
function folderUnder(base: string, path: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  const rest = path.slice(base.length);
  const slash = rest.indexOf('/');
  return slash < 0 ? undefined : rest.slice(0, slash);
}

/** Whether the path (as resolved, extension or not) is the index of its folder `<base><name>/`. */
const isIndexOf = (base: string, name: string, path: string) =>
  path === `${base}${name}` || /^index(\.(ts|tsx|js|mjs|mts))?$/.test(path.slice(`${base}${name}/`.length));

/** Every module specifier a file imports (static, type-only, re-exports and dynamic `import()`). */
export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

/** Checks every import of every file against the rules. */
export function checkBoundaries(files: readonly SourceFile[]): Violation[] {
  const violations: Violation[] = [];
  const featureImports: { file: string; specifier: string; target: string; from: string; to: string }[] = [];
  for (const file of files) {
    for (const specifier of importsOf(file.source)) {
      const relativeImport = specifier.startsWith('./') || specifier.startsWith('../');
      const target = relativeImport
        ? posix.normalize(posix.join(posix.dirname(file.path), specifier))
        : specifier;
      const broken = (rule: Rule) =>
        violations.push({
          file: file.path,
          specifier,
          target,
          rule,
          message: `${file.path} imports '${specifier}': ${RULES[rule]}`,
        });

      // packages/* never reach into an app, by path or by package name.
      if (file.path.startsWith('packages/')) {
        const app = relativeImport
          ? target.startsWith('apps/')
          : APP_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
        if (app) broken('package-imports-app');
      }
      if (!relativeImport) continue;

      // API: modules use each other through index.ts; plugins use no module.
      const fromModule = folderUnder(`${API_SRC}modules/`, file.path);
      const toModule = folderUnder(`${API_SRC}modules/`, `${target}/`);
      if (toModule !== undefined) {
        if (
          fromModule !== undefined &&
          fromModule !== toModule &&
          !isIndexOf(`${API_SRC}modules/`, toModule, target)
        )
          broken('api-module-internals');
        if (file.path.startsWith(`${API_SRC}plugins/`)) broken('api-plugins-import-modules');
      }

      // Web: no import of a layer above; a feature's files only through its index.ts from outside the feature.
      const fromLayer = webLayer(file.path);
      const toLayer = webLayer(target);
      if (fromLayer !== undefined && toLayer !== undefined) {
        const from = WEB_LAYERS[fromLayer];
        const to = WEB_LAYERS[toLayer];
        if (from !== undefined && to !== undefined && to > from) broken('web-layer');
        const fromFeature = folderUnder(`${WEB_SRC}features/`, file.path);
        const toFeature = folderUnder(`${WEB_SRC}features/`, `${target}/`);
        if (
          toFeature !== undefined &&
          fromFeature !== toFeature &&
          !isIndexOf(`${WEB_SRC}features/`, toFeature, target)
        )
          broken('web-feature-internals');
        if (fromFeature !== undefined && toFeature !== undefined && fromFeature !== toFeature)
          featureImports.push({ file: file.path, specifier, target, from: fromFeature, to: toFeature });
      }
    }
  }
  // Features that reach each other (a circle, however long): every import between two of them is reported.
  const reaches = (from: string, to: string) => {
    const seen = new Set([from]);
    const queue = [from];
    for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
      for (const edge of featureImports) {
        if (edge.from !== at || seen.has(edge.to)) continue;
        if (edge.to === to) return true;
        seen.add(edge.to);
        queue.push(edge.to);
      }
    }
    return false;
  };
  for (const edge of featureImports) {
    if (reaches(edge.to, edge.from)) {
      violations.push({
        file: edge.file,
        specifier: edge.specifier,
        target: edge.target,
        rule: 'web-feature-cycle',
        message: `${edge.file} imports '${edge.specifier}': ${RULES['web-feature-cycle']} (${edge.from} -> ${edge.to} -> … -> ${edge.from})`,
      });
    }
  }
  return violations;
}

/** The source files the rules are about: every .ts/.tsx under apps/<app>/src and packages/<package>. */
export function readSourceFiles(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
        files.push({ path: relative(root, path).split(sep).join('/'), source: readFileSync(path, 'utf8') });
    }
  };
  for (const entry of readdirSync(join(root, 'apps'), { withFileTypes: true })) {
    if (entry.isDirectory()) walk(join(root, 'apps', entry.name, 'src'));
  }
  // A package's configuration beside its src/ (drizzle.config.ts) counts too.
  for (const entry of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
    if (entry.isDirectory()) walk(join(root, 'packages', entry.name));
  }
  return files;
}
