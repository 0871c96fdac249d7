import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import { FIRST_LOAD_JS_BUDGET, PUBLIC_PAGES } from './public-pages.ts';

/** This folder (apps/web). */
const WEB_ROOT = fileURLToPath(new URL('.', import.meta.url));

/** The API server that `vite dev` talks to (run it with `npm run dev` at the repository root). */
const API_ORIGIN = 'http://localhost:3000';

/** Theme class used in development; in production the API server fills in the configured one. */
const DEV_THEME_CLASS = 'voorbeeld-theme';

/**
 * index.html carries `__VOORDEUR_THEME_CLASS__` on `<html>`; the API server replaces it when it
 * serves the page. In `vite dev` there is no such server in front, so do it here.
 */
function devThemeClass(): Plugin {
  return {
    name: 'voordeur-dev-theme-class',
    apply: 'serve',
    transformIndexHtml: (html) => html.replaceAll('__VOORDEUR_THEME_CLASS__', DEV_THEME_CLASS),
  };
}

/** Files worth compressing: text. Source maps are left to the server's on-the-fly compression (devtools only). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;

/**
 * Writes a brotli (quality 11) and a gzip (level 9) copy next to every text file of the build, for the server
 * to send as they are (@fastify/static `preCompressed`): the strongest compression costs time once, at build
 * time, instead of on every request. node:zlib does it in a few lines offline; the Vite compression plugins on
 * npm add dependencies for the same.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'voordeur-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const files = Object.keys(bundle).filter((f) => COMPRESSIBLE.test(f));
      await Promise.all(
        files.map(async (file) => {
          const path = join(dir, file);
          const data = await readFile(path);
          if (data.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            brotli(data, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gz(data, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
        }),
      );
    },
  };
}

/**
 * Prints what each public page (public-pages.ts) loads before it is usable: the entry with its static imports, and
 * the page's own chunk with its static imports (Vite preloads those with it), in gzip bytes as the server sends
 * them (files under 1 kB go uncompressed); and writes it to .tmp/page-weight.json. e2e/tests/page-weight.spec.ts
 * measures the same in the browser and fails above FIRST_LOAD_JS_BUDGET; this says where the bytes are.
 */
function firstLoadReport(): Plugin {
  const webRoot = WEB_ROOT;
  const reportFile = fileURLToPath(new URL('../../.tmp/page-weight.json', import.meta.url));
  return {
    name: 'voordeur-first-load-report',
    apply: 'build',
    async writeBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const sent = (c: Rollup.OutputChunk) =>
        c.code.length < 1024 ? Buffer.byteLength(c.code) : gzipSync(c.code, { level: 9 }).length;
      const closure = (roots: Rollup.OutputChunk[], into = new Set<string>()) => {
        for (const root of roots) {
          if (into.has(root.fileName)) continue;
          into.add(root.fileName);
          closure(
            root.imports.flatMap((f) => byFile.get(f) ?? []),
            into,
          );
        }
        return into;
      };
      // A first visit also loads the words of its language (Dutch, the default), a chunk of their own.
      const words = chunks.find((c) => c.facadeModuleId === join(webRoot, 'src/i18n/nl.json'));
      if (!words) this.error('no chunk of its own for the Dutch words (src/i18n/nl.json)');
      const entries = [...chunks.filter((c) => c.isEntry && c.name !== 'map-pick'), words];
      const rows = PUBLIC_PAGES.filter((p) => p.module).map((page) => {
        const id = join(webRoot, page.module!);
        const own = chunks.find((c) => c.facadeModuleId === id);
        if (!own) this.error(`public-pages.ts: no chunk of its own for ${page.module} (${page.path})`);
        const files = [...closure([...entries, own])];
        const bytes = files.reduce((sum, f) => sum + sent(byFile.get(f)!), 0);
        return {
          name: page.name,
          path: page.path,
          bytes,
          budget: page.budget ?? FIRST_LOAD_JS_BUDGET,
          files,
        };
      });
      await mkdir(join(reportFile, '..'), { recursive: true });
      await writeFile(
        reportFile,
        `${JSON.stringify({ budget: FIRST_LOAD_JS_BUDGET, pages: rows }, null, 2)}\n`,
      );
      const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`.padStart(9);
      const lines = rows.map(
        (r) =>
          `  ${kB(r.bytes)}  ${r.path}${r.bytes > r.budget ? `  OVER ITS BUDGET OF ${kB(r.budget).trim()}` : r.bytes > FIRST_LOAD_JS_BUDGET ? '  (over the goal)' : ''}`,
      );
      this.info(
        `first-load JavaScript of the public pages (gzip; goal ${kB(FIRST_LOAD_JS_BUDGET).trim()}):\n${lines.length ? lines.join('\n') : '  none in the web app: the server renders every public page (ADR 0022)'}`,
      );
    },
  };
}

const proxy = {
  '/api': API_ORIGIN,
  '/theme.css': API_ORIGIN,
  '/healthz': API_ORIGIN,
};

export default defineConfig({
  plugins: [react(), devThemeClass(), precompress(), firstLoadReport()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The server finds the map script of its report form (an entry of its own) by the manifest
    // (apps/api/src/plugins/pages.tsx).
    manifest: true,
    rolldownOptions: {
      input: {
        index: join(WEB_ROOT, 'index.html'),
        // The report form's map (server-rendered page, ADR 0022): Leaflet and a few lines, nothing of the app.
        'map-pick': join(WEB_ROOT, 'src/public/map-pick.ts'),
      },
      treeshake: {
        // Importing a feature's script does nothing by itself (no top-level effects in features/), so an import
        // that uses none of its exports is dropped. It matters for the feature's index.ts: the router takes only its
        // page loaders; without this, what the index re-exports for other features (the badges of a case, say)
        // went into the entry chunk with the router. Stylesheets, and everything outside features/: the default.
        moduleSideEffects: (id) =>
          /[\\/]apps[\\/]web[\\/]src[\\/]features[\\/].*\.tsx?$/.test(id) ? false : undefined,
      },
      output: {
        // React and the router change less often than the app and every page needs them: their own chunk stays
        // cached across releases. So does what every page uses besides: i18n, the query cache, the NL Design
        // System React components, and the app's own toolkit (ui/, api/, i18n/; no page or feature code), each
        // as one chunk rather than a dozen small ones (every request is a round trip on a slow line). No
        // catch-all vendor chunk: it made the public pages load zod and libphonenumber for the staff forms.
        codeSplitting: {
          groups: [
            // The password rule's dictionaries: loaded only by the forms that choose a password.
            {
              name: 'password-rule',
              test: /node_modules[\\/](@zxcvbn-ts|fastest-levenshtein)[\\/]/,
              priority: 3,
            },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 3,
            },
            {
              name: 'libs',
              test: /node_modules[\\/](i18next|react-i18next|@tanstack|use-sync-external-store|@utrecht)[\\/]/,
              priority: 2,
            },
            // lib/'s error alerts word every API problem: they go with it (and bring the wording along). A section's own
            // words (i18n/sections/) load with its pages instead, and each language's words are a chunk of their own
            // (only the language a page speaks is loaded).
            {
              name: 'toolkit',
              test: /apps[\\/]web[\\/]src[\\/]((ui|api)[\\/]|i18n[\\/](?!sections[\\/]|nl\.json|en\.json)|lib[\\/](ErrorAlert|QueryList)\.tsx)/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
