import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errors, sendProblem } from './errors.ts';

/** The theme a page wears: the root class on <html> and the stylesheet with its design tokens. */
export interface PageTheme {
  className: string;
  stylesheet: string;
}

export interface WebOptions {
  /** The theme of the page asked for (its organisation's); the configured theme when absent. */
  themeOf?: (request: FastifyRequest) => Promise<PageTheme>;
}

/**
 * Serves the built web app (apps/web/dist) and the install's theme. The install's theme is configuration
 * (VOORDEUR_THEME_CSS, VOORDEUR_THEME_CLASS); an organisation may wear its own (ADR 0007), which `themeOf`
 * fills into each page as it is sent.
 */
export const webPlugin = fp(async (app: FastifyInstance, options: WebOptions) => {
  const { webDist, themeCss, themeClass } = app.config;
  const indexFile = join(webDist, 'index.html');
  const index = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : null;
  const page = (theme: PageTheme) =>
    index!
      .replaceAll('__VOORDEUR_THEME_CLASS__', theme.className)
      .replace('href="/theme.css"', `href="${theme.stylesheet}"`);
  const configured = { className: themeClass, stylesheet: '/theme.css' };
  if (!index) app.log.warn(`web app not built (${indexFile} missing): run "npm run build:web"`);
  const theme = readFileSync(themeCss, 'utf8');

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      cacheControl: false,
      // The build writes a .br and a .gz next to each asset (apps/web/vite.config.ts): sent as they are to a
      // client that accepts them, with no compression work per request.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz', '**/.vite/**'],
      setHeaders: (res, path) => {
        res.setHeader('vary', 'accept-encoding');
        // Vite fingerprints assets: they may be cached for good; other files for an hour.
        res.setHeader(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
        );
      },
    });
  }

  app.get('/theme.css', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(theme),
  );

  app.setNotFoundHandler(async (request, reply) => {
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && index) {
      // A page without its organisation's look is better than no page.
      const theme = (await options.themeOf?.(request).catch(() => undefined)) ?? configured;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page(theme));
    }
    return sendProblem(
      request,
      reply,
      errors.notFound(request.url.startsWith('/api/') ? 'endpoint' : 'page'),
    );
  });
});
