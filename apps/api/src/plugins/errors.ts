import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorCode, FieldError, Problem } from '@voordeur/shared';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

/**
 * The one error contract: every failure leaves as RFC 9457 problem+json with a stable `code`.
 * Modules throw `AppError`s (see each module's `*.errors.ts`); everything else is mapped here.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    /** One of the shared union: a new code is added there (and worded by the web) or this does not compile. */
    readonly code: ErrorCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
    this.name = 'AppError';
  }
}

/** Problem codes shared by all modules. Module-specific codes live in the module's errors file. */
export const errors = {
  validation: (errs: FieldError[], detail = 'The request is not valid.') =>
    new AppError(400, 'validation_failed', 'Validation failed', detail, errs),
  unauthenticated: () =>
    new AppError(401, 'unauthenticated', 'Authentication required', 'Sign in or send a Bearer token.'),
  forbidden: (detail = 'Your role does not allow this.') =>
    new AppError(403, 'forbidden', 'Forbidden', detail),
  notFound: (what = 'resource') => new AppError(404, 'not_found', 'Not found', `No such ${what}.`),
  versionConflict: () =>
    new AppError(
      409,
      'version_conflict',
      'Changed by someone else',
      'This record was changed since you loaded it. Reload it and apply your change again.',
      [{ field: 'version', message: 'Out of date' }],
    ),
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problemOf(request: Pick<FastifyRequest, 'id'>, e: AppError): Problem {
  return {
    type: `/api/problems/${e.code}`,
    title: e.title,
    status: e.status,
    ...(e.detail ? { detail: e.detail } : {}),
    code: e.code,
    ...(e.errors?.length ? { errors: e.errors } : {}),
    requestId: String(request.id),
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, e: AppError) {
  if (e.headers) reply.headers(e.headers);
  return reply.status(e.status).type(PROBLEM_CONTENT_TYPE).send(problemOf(request, e));
}

/**
 * A part of the URL space that a published standard obliges to answer errors in its own format instead of
 * problem+json (Open311 GeoReport v2 under `/open311/`; ADR 0028). A module registers it with
 * `app.errorDialects.push(...)`; every error of a request under `prefix` — from a route, the input guard, the
 * rate limit or the router itself — is then sent by `send`.
 */
export interface ErrorDialect {
  prefix: string;
  send(request: FastifyRequest, reply: FastifyReply, e: AppError): FastifyReply;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The error formats of parts of the URL space that are not problem+json (see {@link ErrorDialect}). */
    errorDialects: ErrorDialect[];
  }
}

/** Sends an error in the format of the request's part of the URL space: problem+json unless a dialect claims it. */
export function sendError(request: FastifyRequest, reply: FastifyReply, e: AppError) {
  const dialect = request.server.errorDialects?.find((d) => request.url.startsWith(d.prefix));
  if (!dialect) return sendProblem(request, reply, e);
  if (e.headers) reply.headers(e.headers);
  return dialect.send(request, reply, e);
}

/** Maps framework and library errors onto our codes; unknown errors become a logged, opaque 500. */
export function toAppError(error: FastifyError | Error, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const fieldErrors: FieldError[] = [];
    for (const v of error.validation) {
      const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const params = v.params as { keys?: string[] };
      if (v.keyword === 'unrecognized_keys' && params.keys?.length) {
        for (const key of params.keys)
          fieldErrors.push({ field: path ? `${path}.${key}` : key, message: 'Unknown field' });
      } else {
        fieldErrors.push({ field: path || where, message: v.message ?? 'Invalid value' });
      }
    }
    const place = where === 'querystring' ? 'query string' : where;
    return errors.validation(
      fieldErrors,
      `The ${place} is not valid: ${fieldErrors.map((f) => f.field).join(', ')}.`,
    );
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError(400, 'invalid_json', 'Malformed JSON', 'The body is not valid JSON.', [
        { field: 'body', message: 'Malformed JSON' },
      ]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'empty_body', 'Empty body', 'A JSON body was announced but none was sent.', [
        { field: 'body', message: 'Required' },
      ]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        415,
        'unsupported_media_type',
        'Unsupported content type',
        `Send application/json; got ${request.headers['content-type'] ?? 'none'}.`,
        [{ field: 'content-type', message: 'Must be application/json' }],
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'body_too_large', 'Body too large', 'The request body exceeds the limit.', [
        { field: 'body', message: 'Too large' },
      ]);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(400, 'invalid_content_length', 'Invalid Content-Length', fe.message);
    case 'FST_ERR_BAD_URL':
      return new AppError(
        400,
        'bad_url',
        'Malformed URL',
        'A part of the path is not valid percent-encoded UTF-8.',
        [{ field: 'path', message: 'Not valid percent-encoding' }],
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError(
        414,
        'path_too_long',
        'Path parameter too long',
        'A part of the path is longer than 100 characters.',
        [{ field: 'path', message: 'Longer than 100 characters' }],
      );
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return csrfError(request);
    case 'FST_ERR_RATE_LIMIT':
      return new AppError(429, 'rate_limited', 'Too many requests', fe.message);
  }
  if (fe.statusCode === 429) return new AppError(429, 'rate_limited', 'Too many requests', fe.message);
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 && !isResponseSerializationError(fe)) {
    return new AppError(fe.statusCode, 'bad_request', 'Bad request', fe.message);
  }
  return new AppError(
    500,
    'internal_error',
    'Internal error',
    'Something went wrong on our side. It has been logged.',
  );
}

export function csrfError(request: FastifyRequest): AppError {
  const sent = request.headers['x-csrf-token'];
  return sent
    ? new AppError(
        403,
        'csrf_invalid',
        'Invalid CSRF token',
        'The x-csrf-token header does not match this session.',
        [{ field: 'x-csrf-token', message: 'Invalid' }],
      )
    : new AppError(
        403,
        'csrf_missing',
        'Missing CSRF token',
        'Cookie-authenticated writes must send the token from GET /api/auth/csrf as the x-csrf-token header.',
        [{ field: 'x-csrf-token', message: 'Required' }],
      );
}

/**
 * Errors that happen before a request reaches a route: the router refuses a badly encoded path or an over-long
 * path parameter (`frameworkErrors`), and Node's HTTP parser refuses over-long URLs and headers, bad framing and
 * slow clients (`clientErrorHandler`, which has only a socket). Both answer problem+json like everything else.
 * Spread into the Fastify constructor options.
 */
export const frameworkErrorOptions = {
  frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const e = toAppError(error, request);
    request.log.info({ code: e.code, status: e.status }, 'request refused');
    reply.header('x-request-id', request.id);
    sendError(request, reply, e);
  },
  clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
    const e =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? new AppError(
            431,
            'headers_too_large',
            'Request headers too large',
            'The URL and headers together exceed the server limit (16 KiB).',
            [{ field: 'header', message: 'Too large' }],
          )
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? new AppError(408, 'request_timeout', 'Request timeout', 'The request did not arrive in time.')
          : new AppError(400, 'bad_request', 'Bad request', 'The request is not valid HTTP.');
    const requestId = randomUUID();
    const body = JSON.stringify(problemOf({ id: requestId }, e));
    socket.end(
      `HTTP/1.1 ${e.status} ${STATUS_CODES[e.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  },
} satisfies Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'>;

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.decorate('errorDialects', [] as ErrorDialect[]);
  app.setErrorHandler((error, request, reply) => {
    const e = toAppError(error as FastifyError, request);
    if (e.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: e.code, status: e.status }, 'request refused');
    return sendError(request, reply, e);
  });
});
