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

const proxy = {
  '/api': API_ORIGIN,
  '/theme.css': API_ORIGIN,
  '/healthz': API_ORIGIN,
};

export default defineConfig({
  plugins: [react(), devThemeClass()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
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
              priority: 2,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
