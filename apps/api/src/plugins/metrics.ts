import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { safeEqual } from '../platform/secrets.ts';
import { AppError, errors } from './errors.ts';

/** Prometheus metrics at /metrics (with METRICS_TOKEN): process metrics and per-route request counts and latencies. */
export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'voordeur_' });
  const duration = new Histogram({
    name: 'voordeur_http_request_duration_seconds',
    help: 'HTTP request duration by route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const problems = new Counter({
    name: 'voordeur_http_problems_total',
    help: 'Error responses by problem code.',
    labelNames: ['status', 'code'] as const,
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode >= 400 && typeof payload === 'string' && payload.startsWith('{"type"')) {
      const code = /"code":"([a-z_]+)"/.exec(payload)?.[1] ?? 'unknown';
      problems.inc({ status: String(reply.statusCode), code });
    }
    return payload;
  });

  // Metrics tell who is busy with what and when: only a scraper with METRICS_TOKEN may read them. Without the
  // setting the endpoint is off (404), as if it did not exist.
  const token = app.config.metricsToken;
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (!token) throw errors.notFound('endpoint');
    const sent = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!sent || !safeEqual(sent, token)) {
      throw new AppError(
        401,
        'unauthenticated',
        'Authentication required',
        'Send METRICS_TOKEN as a Bearer token.',
        [{ field: 'authorization', message: 'Bearer METRICS_TOKEN required' }],
        { 'www-authenticate': 'Bearer realm="metrics"' },
      );
    }
    reply.header('cache-control', 'no-store').type(registry.contentType);
    return registry.metrics();
  });
});
