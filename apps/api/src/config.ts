import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { PASSWORD_PROBLEM_MESSAGES, passwordProblem } from '@voordeur/shared/password';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const defaultThemeCss = fileURLToPath(
  import.meta.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css'),
);

/** Every setting comes from the environment; the README lists them. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** false behind a pooler that does not keep named prepared statements (PgBouncer transaction mode < 1.21). */
  DATABASE_PREPARED_STATEMENTS: bool.default(true),
  VOORDEUR_DATA_DIR: z.string().default('./data'),
  /** Held to the rule for every password (at least 12 characters, not common or guessable). */
  VOORDEUR_DEMO_PASSWORD: z
    .string()
    .superRefine((value, ctx) => {
      const problem = passwordProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: PASSWORD_PROBLEM_MESSAGES[problem] });
    })
    .optional(),
  VOORDEUR_SEED_DEMO: bool.default(true),
  /** base64 of 32 random bytes; encrypts BSNs at rest. Without it, an embedded install keeps one in its data dir. */
  VOORDEUR_DATA_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of 32 bytes')
    .optional(),
  /** Bearer token a Prometheus scraper sends to read /metrics; without it /metrics is off. */
  METRICS_TOKEN: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(24, 'at least 24 characters').max(200).optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  LOGIN_LOCK_AFTER_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Failed sign-ins from one client IP within 15 minutes, whatever the accounts, before it must wait. */
  LOGIN_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(50),
  /** My page: sign-in links one email address may ask for per hour, and one client IP (counted in the database). */
  RESIDENT_LINKS_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(5),
  RESIDENT_LINKS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
  VOORDEUR_THEME_CSS: z.string().default(defaultThemeCss),
  VOORDEUR_THEME_CLASS: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .default('voorbeeld-theme'),
  VOORDEUR_WEB_DIST: z.string().default(fileURLToPath(new URL('../../web/dist', import.meta.url))),
  /**
   * When set, every periodic task that runs more often than hourly runs this often instead of at its own interval
   * (tests and demos); the hourly ones keep their hour (worker/periodic.ts, `intervalOf`).
   */
  WORKER_INTERVAL_SECONDS: z.coerce.number().int().min(1).optional(),
  /** smtp://user:pass@host:587 or smtps://…:465; without it emails stay in the dev mailbox (ADR 0005). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().min(3).max(320).default('Gemeente Voorbeeld <noreply@voorbeeld.nl>'),
  /**
   * How long a worker holds a claimed outbox job or periodic task before another worker may take it over (it
   * renews the lease while it works: only a dead worker's lease runs out).
   */
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  /**
   * When set, the first retry delay of every kind of job instead of the kind's own (10 s for today's kinds); it
   * doubles per attempt (with jitter) up to one hour.
   */
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).optional(),
  WORKER_ID: z.string().min(1).max(200).optional(),
  /** The portal's time trap: a form sent back sooner than this after it was handed out is refused. */
  PORTAL_MIN_FILL_SECONDS: z.coerce.number().int().min(0).max(600).default(3),
  /** Reports (and uploads) the portal takes from one IP address per hour. */
  PORTAL_POSTS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /** Reports the portal takes from one email address per day. */
  PORTAL_REPORTS_PER_EMAIL_PER_DAY: z.coerce.number().int().min(1).max(1_000_000).default(10),
  /**
   * The map (issue 13, item 3): a Leaflet tile URL template with {z}, {x} and {y}, e.g. PDOK's BRT
   * Achtergrondkaart. Without it there is no map anywhere: address entry alone (tests, offline installs).
   */
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/[^/{}\s]+\/\S*\{z\}\S*\{x\}\S*\{y\}/, 'an http(s) URL with {z}, {x} and {y} (no {s})')
    .optional(),
  MAP_ATTRIBUTION: z.string().max(300).default(''),
  MAP_MAX_ZOOM: z.coerce.number().int().min(1).max(22).default(19),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS,
    dataDir: e.VOORDEUR_DATA_DIR,
    demoPassword: e.VOORDEUR_DEMO_PASSWORD,
    seedDemo: e.VOORDEUR_SEED_DEMO,
    dataKey: e.VOORDEUR_DATA_KEY,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
    cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https:'),
    trustProxy: e.TRUST_PROXY,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginLockAfterFailures: e.LOGIN_LOCK_AFTER_FAILURES,
    loginFailuresPerIp: e.LOGIN_FAILURES_PER_IP,
    residentLinksPerEmailPerHour: e.RESIDENT_LINKS_PER_EMAIL_PER_HOUR,
    residentLinksPerIpPerHour: e.RESIDENT_LINKS_PER_IP_PER_HOUR,
    themeCss: e.VOORDEUR_THEME_CSS,
    themeClass: e.VOORDEUR_THEME_CLASS,
    webDist: e.VOORDEUR_WEB_DIST,
    workerIntervalSeconds: e.WORKER_INTERVAL_SECONDS,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    outboxLeaseSeconds: e.OUTBOX_LEASE_SECONDS,
    outboxPollMs: e.OUTBOX_POLL_MS,
    outboxRetryBaseMs: e.OUTBOX_RETRY_BASE_MS,
    workerId: e.WORKER_ID ?? `${hostname()}:${process.pid}`,
    portalMinFillSeconds: e.PORTAL_MIN_FILL_SECONDS,
    portalPostsPerIpPerHour: e.PORTAL_POSTS_PER_IP_PER_HOUR,
    portalReportsPerEmailPerDay: e.PORTAL_REPORTS_PER_EMAIL_PER_DAY,
    map: e.MAP_TILE_URL
      ? { tileUrl: e.MAP_TILE_URL, attribution: e.MAP_ATTRIBUTION, maxZoom: e.MAP_MAX_ZOOM }
      : null,
  };
}
