import type { FieldError, Problem } from '@voordeur/shared';

/**
 * The one way the web app talks to the API.
 *
 * - Same-origin cookies carry the session (`voordeur_session`).
 * - Every non-GET request carries `x-csrf-token`. The token is bound to the session, so it is
 *   fetched from `GET /api/auth/csrf` (ahead of time when signed in, else on the first write),
 *   cached, and dropped whenever the session changes (login, logout). A 403 `csrf_invalid` or
 *   `csrf_missing` refetches it once and retries the request once.
 * - Errors arrive as RFC 9457 problem+json and are thrown as {@link ApiError}.
 */

/** An error answered by the API (or a network failure, with status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  /** From a `Retry-After` header (429), in seconds. */
  readonly retryAfterSeconds: number | undefined;

  /** `code`: the API's (an ErrorCode), or the web's own for a failure before an answer (`network_error`, …). */
  constructor(
    problem: Partial<Omit<Problem, 'code'>> & { status: number; code?: string },
    retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code ?? (problem.status === 0 ? 'network_error' : 'unknown');
    this.title = problem.title ?? '';
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  /** Query parameters; `undefined` and empty strings are left out. */
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** Send the CSRF token (default for non-GET). Login has no session yet, so it skips this. */
  csrf?: boolean;
  /** Send `body` (a string) as it is, with this content type, instead of as JSON (a CSV upload). */
  contentType?: string;
  /** Extra headers, e.g. a resident session's own CSRF token on My page (with `csrf: false`). */
  headers?: Record<string, string>;
}

/** A file upload: the browser sets the multipart content type with its boundary itself. */
const isFormData = (body: unknown): body is FormData =>
  typeof FormData !== 'undefined' && body instanceof FormData;

let csrfToken: string | null = null;
let csrfPending: Promise<string | null> | null = null;
/** Bumped on every session change, so a token fetched for an older session is never cached. */
let csrfGeneration = 0;

/** Forget the CSRF token; call whenever the session changes. */
export function resetCsrfToken(): void {
  csrfGeneration += 1;
  csrfToken = null;
  csrfPending = null;
}

/**
 * Fetch (once, shared by concurrent callers) the CSRF token of the current session.
 * Resolves to null when there is none to be had (for example before login); the request then
 * goes without one, and the server decides.
 */
async function loadCsrfToken(): Promise<string | null> {
  if (csrfToken) return csrfToken;
  if (!csrfPending) {
    const generation = csrfGeneration;
    csrfPending = fetch('/api/auth/csrf', {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    })
      .then(async (res) => {
        if (!res.ok) return null;
        const body = (await res.json()) as { token?: unknown };
        const token = typeof body.token === 'string' ? body.token : null;
        if (generation === csrfGeneration) csrfToken = token;
        return token;
      })
      .catch(() => null)
      .finally(() => {
        if (generation === csrfGeneration) csrfPending = null;
      });
  }
  return csrfPending;
}

/** Fetch the CSRF token ahead of the first change (after login, or on start when signed in). */
export function prefetchCsrfToken(): Promise<string | null> {
  return loadCsrfToken();
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  const type = res.headers.get('content-type') ?? '';
  const retryAfter = Number(res.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      return new ApiError({ ...body, status: body.status ?? res.status }, retryAfterSeconds);
    } catch {
      // Fall through: a broken body is reported like any other non-JSON answer.
    }
  }
  return new ApiError(
    { status: res.status, title: res.statusText, requestId: res.headers.get('x-request-id') ?? undefined },
    retryAfterSeconds,
  );
}

const CSRF_CODES = new Set(['csrf_invalid', 'csrf_missing']);

async function send(path: string, options: RequestOptions, retried: boolean): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    // The interface language, for any text the API writes for people.
    'accept-language': document.documentElement.lang || 'nl',
    ...options.headers,
  };
  const raw = options.contentType !== undefined && typeof options.body === 'string';
  const multipart = isFormData(options.body);
  if (options.body !== undefined && !multipart)
    headers['content-type'] = raw ? (options.contentType as string) : 'application/json';
  if (method !== 'GET' && options.csrf !== false) {
    const token = await loadCsrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : multipart
            ? (options.body as FormData)
            : raw
              ? (options.body as string)
              : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network_error' });
  }
  if (res.ok) return res;
  const error = await toApiError(res);
  if (!retried && method !== 'GET' && res.status === 403 && CSRF_CODES.has(error.code)) {
    resetCsrfToken();
    return send(path, options, true);
  }
  throw error;
}

/** Call the API and parse the JSON answer (undefined for 204). Throws {@link ApiError}. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options, false);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Call the API and return the answer as a file (an export to download). Throws {@link ApiError}. */
export async function apiBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  const res = await send(path, options, false);
  return res.blob();
}

/** A list answer of the API. */
export interface ListResponse<T> {
  items: T[];
}
