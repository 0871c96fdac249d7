import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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

const proxy = {
  '/api': API_ORIGIN,
  '/theme.css': API_ORIGIN,
  '/healthz': API_ORIGIN,
};

export default defineConfig({
  plugins: [react(), devThemeClass(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
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
            // lib/'s error alerts word every API problem: they go with it (and bring the wording along).
            {
              name: 'toolkit',
              test: /apps[\\/]web[\\/]src[\\/]((ui|api|i18n)[\\/]|lib[\\/](ErrorAlert|QueryList)\.tsx)/,
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
