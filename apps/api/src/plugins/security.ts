import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from './errors.ts';

const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'bluetooth=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
].join(', ');

/** Compares a secret someone sent with the one expected in constant time (a timing difference leaks nothing). */
export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** Whether the per-IP limits count a request: the API, the pages under /p/, and a route with a limit of its own. */
function limited(url: string, config: unknown): boolean {
  return (
    url.startsWith('/api/') ||
    url.startsWith('/p/') ||
    (config as { rateLimit?: unknown } | undefined)?.rateLimit !== undefined
  );
}

/** Cookies, rate limits and security headers for the whole server (before authentication runs). */
export const securityPlugin = fp(async (app: FastifyInstance) => {
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: app.config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Health probes and the web app's files are not what we protect; the API and the server-rendered public pages
    // and forms under /p/ are. A route elsewhere that names a limit of its own (Open311) gets it: a route's limit
    // inherits this test (ADR 0042).
    allowList: (request) => !limited(request.url, request.routeOptions.config),
    errorResponseBuilder: (_request, context) =>
      new AppError(
        429,
        'rate_limited',
        'Too many requests',
        `Limit of ${context.max} requests per ${context.after} reached. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
      ),
  });
  // The API docs page replaces the content security policy with its own hash-based one (see docs.ts).
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        // The map's tiles come from the configured tile server (MAP_TILE_URL), if any.
        'img-src': ["'self'", 'data:', ...(app.config.map ? [new URL(app.config.map.tileUrl).origin] : [])],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': app.config.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: app.config.cookieSecure,
    crossOriginEmbedderPolicy: false,
  });
  // No page of ours uses these powerful features: a script that got in could not use them either.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
});
