import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Histogram, type Metric, Registry } from 'prom-client';
import { AppError, errors } from './errors.ts';
import { safeEqual } from './security.ts';

/**
 * The measures of the worker's background work, kept for the whole process: the worker (`worker/`) records
 * into them, and every app in the process serves them at /metrics next to its own. (A worker-only process
 * serves no HTTP; its work is measured where the API and the worker share a process.)
 */
export const workMetrics = {
  /** Rounds of a periodic task: ok, failed, or skipped (another worker held its lease). */
  taskRuns: new Counter({
    name: 'voordeur_task_runs_total',
    help: 'Periodic task rounds by task and outcome (ok, failed, skipped: another worker held the lease).',
    labelNames: ['task', 'outcome'] as const,
    registers: [],
  }),
  taskDuration: new Histogram({
    name: 'voordeur_task_duration_seconds',
    help: 'Duration of periodic task rounds by task (skipped rounds not included).',
    labelNames: ['task'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
    registers: [],
  }),
  /** Outbox jobs settled: done, retried, failed (given up), lost (its lease passed to another worker). */
  jobs: new Counter({
    name: 'voordeur_jobs_total',
    help: 'Outbox jobs settled by kind and outcome (done, retried, failed, lost).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [],
  }),
};

/**
 * Prometheus metrics at /metrics (with METRICS_TOKEN): process metrics, per-route request counts and latencies,
 * and the worker's periodic tasks and jobs ({@link workMetrics}).
 */
export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'voordeur_' });
  for (const metric of Object.values(workMetrics) as Metric[]) registry.registerMetric(metric);
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
