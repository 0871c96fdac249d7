import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Compresses responses (JSON, CSV, the theme CSS, assets without a precompressed copy) with brotli or gzip,
 * as the client accepts, with `Vary: accept-encoding`. Brotli at quality 4 (the plugin's default): a JSON page
 * costs well under a millisecond; the web app's assets are compressed once at build time at the highest
 * quality instead (apps/web/vite.config.ts) and served as they are (plugins/web.ts). Registered before any
 * route: the plugin adds its hook to each route as it is declared. Bodies of 1 kB or less go as they are.
 * Compressed request bodies are not accepted (no decompression): the body limit then stays a limit on what the
 * server has to hold, not on what a small compressed body may unfold into.
 */
export const compressionPlugin = fp(async (app: FastifyInstance) => {
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    globalDecompression: false,
  });
});
