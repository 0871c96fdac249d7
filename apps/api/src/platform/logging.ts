import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/**
 * What the logs may say. No log line at any level carries personal data (BSN, name, e-mail address, phone
 * number, birth date): a request is logged by its route pattern and the names of its query parameters, never
 * their values; an error by its type, code and a message without the values it was about (a database error's
 * parameters and its `detail` are dropped). As a last net, every string in a line has e-mail addresses and
 * long digit runs (BSNs, phone numbers) blanked (ADR "Privacy hardening", docs/adr).
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    serializers: { req: requestForLog, err: errorForLog },
    // Headers are not logged at all (see requestForLog); this stays as a guard for anyone logging them.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    hooks: { streamWrite: blankPersonalData },
  };
}

const WORD = /^[a-z][a-z-]{0,39}$/;
const KEY = /^[A-Za-z][A-Za-z0-9_.[\]-]{0,39}$/;

/**
 * The request as a log line shows it: its route pattern (`/api/customers/:id`, not the id), and the names of
 * its query parameters with their values left out (`/api/customers?q=…`). A request no route matched (a page
 * of the web app, an unknown endpoint) shows its first path segment only.
 */
export function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: routeForLog(request),
    remoteAddress: request.ip,
  };
}

export function routeForLog(request: Pick<FastifyRequest, 'url' | 'routeOptions'>): string {
  const [path = '', query] = request.url.split('?', 2);
  const pattern = request.routeOptions?.url;
  let shown: string;
  if (pattern && pattern !== '*' && pattern !== '/*') shown = pattern;
  else {
    const segments = path.split('/').filter(Boolean);
    const first = segments[0] && WORD.test(segments[0]) ? segments[0] : segments.length ? '…' : '';
    shown = `/${first}${segments.length > 1 ? '/…' : ''}`;
  }
  if (!query) return shown;
  const keys = [...new Set(query.split('&').map((pair) => pair.split('=', 1)[0] ?? ''))].filter(Boolean);
  const named = keys.map((k) => {
    const key = safeDecode(k);
    return KEY.test(key) && !DIGITS.test(key) ? `${key}=…` : '…';
  });
  return named.length ? `${shown}?${named.join('&')}` : shown;
}

const DIGITS = /\d{5,}/;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replaceAll('+', ' '));
  } catch {
    return s;
  }
}

/** Properties of an error that say what went wrong without saying about whom. */
const SAFE_PROPS = [
  'code',
  'statusCode',
  'severity',
  'routine',
  'schema',
  'table',
  'column',
  'constraint',
  'dataType',
  'errno',
  'syscall',
] as const;

/**
 * An error as a log line shows it. Whitelisted, not blacklisted: a driver's `params`, a database's `detail`
 * ("Key (email)=(jan@example.nl) already exists") or `where`, and any property a library adds tomorrow stay
 * out. The message loses Drizzle's "params: …" tail (its SQL text has placeholders, not values), and a database error's quoted values
 * ('invalid input syntax for type uuid: "…"'). The stack keeps only its frames.
 */
export function errorForLog(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) {
    return { type: typeof error, message: typeof error === 'string' ? blankText(error) : '(not an Error)' };
  }
  const e = error as Error & Record<string, unknown>;
  const database = isDatabaseError(e);
  const out: Record<string, unknown> = {
    type: e.constructor?.name ?? e.name,
    message: messageForLog(e.message, database),
  };
  for (const prop of SAFE_PROPS) {
    const value = e[prop];
    if (typeof value === 'string' || typeof value === 'number') out[prop] = value;
  }
  if (typeof e.stack === 'string') {
    out.stack = e.stack
      .split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .join('\n');
  }
  if (depth < 3) {
    if (e.cause !== undefined) out.cause = errorForLog(e.cause, depth + 1);
    if (error instanceof AggregateError) out.errors = error.errors.map((x) => errorForLog(x, depth + 1));
  }
  return out;
}

/** An error raised by the database server (PostgreSQL or PGlite): a SQLSTATE code and a severity. */
function isDatabaseError(e: Record<string, unknown>): boolean {
  return (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) || typeof e.severity === 'string';
}

function messageForLog(message: string, database: boolean): string {
  let m = message;
  const params = m.indexOf('\nparams:');
  if (params >= 0) m = m.slice(0, params);
  if (database) {
    // Values a database quotes in its messages; constraint, table and column names are logged as properties.
    m = m.replace(/"[^"\n]*"/g, '"…"').replace(/'[^'\n]*'/g, "'…'");
  }
  return blankText(m);
}

const EMAIL = /[^\s"'<>()[\]{},;:]+@[^\s"'<>()[\]{},;:]+\.[A-Za-z]{2,}/g;
/** Nine or more digits, possibly in groups (a BSN, a phone number in any of its spellings). */
const LONG_NUMBER = /(?<![\w-])\+?\d(?:[ -]?\d){8,}(?![\w-])/g;
/** A JSON string literal (the unit the last net works on: numbers such as `time` are left alone). */
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/** Blanks e-mail addresses and long digit runs in free text. */
export function blankText(text: string): string {
  return text.replace(EMAIL, '[e-mail]').replace(LONG_NUMBER, '[number]');
}

/**
 * The last net, on every finished log line: the strings in it lose e-mail addresses and long digit runs.
 * Names cannot be recognised this way; they are kept out by the serializers above.
 */
export function blankPersonalData(line: string): string {
  return line.replace(JSON_STRING, (s) => (/[@\d]/.test(s) ? blankText(s) : s));
}
