import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { errors, sendProblem } from './errors.ts';

/**
 * Serves the built web app (apps/web/dist) and the theme. The theme is configuration: a municipality points
 * VOORDEUR_THEME_CSS at its own design-token CSS and VOORDEUR_THEME_CLASS at its root class.
 */
export const webPlugin = fp(async (app: FastifyInstance) => {
  const { webDist, themeCss, themeClass } = app.config;
  const indexFile = join(webDist, 'index.html');
  const index = existsSync(indexFile)
    ? readFileSync(indexFile, 'utf8').replaceAll('__VOORDEUR_THEME_CLASS__', themeClass)
    : null;
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
      globIgnore: ['**/*.br', '**/*.gz'],
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

  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && index) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
    }
    return sendProblem(
      request,
      reply,
      errors.notFound(request.url.startsWith('/api/') ? 'endpoint' : 'page'),
    );
  });
});
