import { type ErrorCode, problemSchema } from '@voordeur/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from './errors.ts';

/**
 * The catalogue of problem types. Every problem's `type` is `/api/problems/<code>`, and that address answers
 * with the entry below, so a client (or a developer) can look up what a code means. Each module registers its
 * own codes next to where it throws them (`*.errors.ts`); a test checks that every thrown code is registered.
 */
export interface ProblemType {
  status: number;
  title: string;
  description: string;
}

const registry = new Map<ErrorCode, ProblemType>();

/** Codes outside the shared union (`ERROR_CODES` in @voordeur/shared) do not compile. */
export function registerProblemTypes(types: Partial<Record<ErrorCode, ProblemType>>) {
  for (const [code, type] of Object.entries(types) as [ErrorCode, ProblemType][]) registry.set(code, type);
}

export function problemType(code: string): ProblemType | undefined {
  return registry.get(code as ErrorCode);
}

export function allProblemTypes(): ({ code: string } & ProblemType)[] {
  return [...registry].map(([code, t]) => ({ code, ...t })).sort((a, b) => a.code.localeCompare(b.code));
}

registerProblemTypes({
  validation_failed: {
    status: 400,
    title: 'Validation failed',
    description: 'The request does not match the schema; `errors` names each offending field.',
  },
  invalid_json: {
    status: 400,
    title: 'Malformed JSON',
    description: 'The body could not be parsed as JSON.',
  },
  empty_body: {
    status: 400,
    title: 'Empty body',
    description: 'A JSON content type was sent without a body.',
  },
  invalid_content_length: {
    status: 400,
    title: 'Invalid Content-Length',
    description: 'The Content-Length header does not match the body.',
  },
  bad_request: { status: 400, title: 'Bad request', description: 'The request could not be understood.' },
  bad_url: {
    status: 400,
    title: 'Malformed URL',
    description: 'A part of the path is not valid percent-encoded UTF-8 (for example `%ZZ`).',
  },
  request_timeout: {
    status: 408,
    title: 'Request timeout',
    description: 'The request (headers or body) did not arrive within the server’s time limit.',
  },
  path_too_long: {
    status: 414,
    title: 'Path parameter too long',
    description: 'A part of the path between slashes is longer than 100 characters; no identifier is.',
  },
  headers_too_large: {
    status: 431,
    title: 'Request headers too large',
    description: 'The URL and headers together exceed 16 KiB; send long input in a body instead.',
  },
  unauthenticated: {
    status: 401,
    title: 'Authentication required',
    description: 'Sign in (POST /api/auth/login) or send an API token as "Authorization: Bearer <token>".',
  },
  forbidden: { status: 403, title: 'Forbidden', description: 'Your role does not allow this action.' },
  csrf_missing: {
    status: 403,
    title: 'Missing CSRF token',
    description:
      'Cookie-authenticated writes must send the token from GET /api/auth/csrf as the x-csrf-token header.',
  },
  csrf_invalid: {
    status: 403,
    title: 'Invalid CSRF token',
    description:
      'The x-csrf-token header does not belong to this session; fetch a new one from GET /api/auth/csrf.',
  },
  not_found: {
    status: 404,
    title: 'Not found',
    description: 'No such resource in your organisation (or no such endpoint).',
  },
  version_conflict: {
    status: 409,
    title: 'Changed by someone else',
    description:
      'The record changed since you read it (optimistic locking). Read it again and reapply your change.',
  },
  body_too_large: { status: 413, title: 'Body too large', description: 'The request body exceeds 1 MiB.' },
  unsupported_media_type: {
    status: 415,
    title: 'Unsupported content type',
    description: 'The API accepts application/json only.',
  },
  rate_limited: {
    status: 429,
    title: 'Too many requests',
    description: 'The per-client request limit was reached; wait for the time in Retry-After.',
  },
  internal_error: {
    status: 500,
    title: 'Internal error',
    description: 'Something went wrong on our side. It was logged with the requestId.',
  },
});

const problemTypeSchema = z
  .object({ code: z.string(), status: z.number().int(), title: z.string(), description: z.string() })
  .meta({ id: 'ProblemType' });

/** GET /api/problems and /api/problems/:code — the documents behind every problem's `type`. */
export async function problemTypesRoutes(app: FastifyInstance) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/problems',
    {
      config: { public: true },
      schema: {
        tags: ['problems'],
        summary: 'Every problem code the API can answer with.',
        response: { 200: z.object({ items: z.array(problemTypeSchema) }) },
      },
    },
    async () => ({ items: allProblemTypes() }),
  );
  typed.get(
    '/api/problems/:code',
    {
      config: { public: true },
      schema: {
        tags: ['problems'],
        summary: 'What one problem code means (the `type` URI of a problem).',
        params: z.strictObject({ code: z.string().regex(/^[a-z_]{1,64}$/) }),
        response: { 200: problemTypeSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const found = problemType(request.params.code);
      if (!found) throw errors.notFound('problem type');
      return { code: request.params.code, ...found };
    },
  );
}

/**
 * The problem responses of a route that validates, authenticates, finds, and may conflict or refuse. Every
 * signed-in route documents these (`openapi-finish.ts` adds 413/415 where a body is read, and 429); route files
 * keep no problem maps of their own (a unit test checks).
 */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

/** The problem responses of a public route (no sign-in, nothing to change): bad input, or nothing by that name. */
export const publicProblemResponses = {
  400: problemSchema,
  404: problemSchema,
};
