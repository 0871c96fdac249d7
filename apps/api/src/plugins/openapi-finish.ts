import { STATUS_CODES } from 'node:http';

/**
 * The last step of the OpenAPI document, over all routes at once, so that every endpoint (also one added later)
 * gets it without anyone remembering: an operationId, error responses as `application/problem+json`, the 413,
 * 415 and 429 a route can answer with, the server and licence, and no components that nothing refers to.
 */

type Json = Record<string, unknown>;
interface Operation extends Json {
  operationId?: string;
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, Response>;
}
interface Response extends Json {
  description?: string;
  content?: Record<string, { schema?: unknown }>;
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const problemRef = { $ref: '#/components/schemas/Problem' };
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `GET /api/cases/{id}/attachments/{attachmentId}` -> `getCasesByIdAttachmentsByAttachmentId`. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? ['by', ...param[1]!.split(/[^A-Za-z0-9]+/)] : segment.split(/[^A-Za-z0-9]+/);
    })
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}

function problemResponse(status: number, existing?: Response): Response {
  const schema = existing?.content ? Object.values(existing.content)[0]?.schema : undefined;
  const description =
    existing?.description && existing.description !== 'Default Response'
      ? existing.description
      : (STATUS_CODES[status] ?? 'Problem');
  return { ...existing, description, content: { [PROBLEM_MEDIA_TYPE]: { schema: schema ?? problemRef } } };
}

/** Every `$ref` to a component schema under `value`. */
function refsIn(value: unknown, into: Set<string>) {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (k === '$ref' && typeof item === 'string' && item.startsWith('#/components/schemas/'))
          into.add(item.slice('#/components/schemas/'.length));
        else stack.push(item);
      }
    }
  }
}

/** Drops component schemas that no operation reaches (directly or through other components). */
function pruneSchemas(doc: Json) {
  const components = doc.components as { schemas?: Record<string, unknown> } | undefined;
  if (!components?.schemas) return;
  const used = new Set<string>();
  refsIn(doc.paths, used);
  const seen = new Set<string>();
  const queue = [...used];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const inner = new Set<string>();
    refsIn(components.schemas[name], inner);
    queue.push(...inner);
  }
  components.schemas = Object.fromEntries(Object.entries(components.schemas).filter(([n]) => seen.has(n)));
}

export function finishDocument<T extends Json>(doc: T): T {
  const out = doc as Json;
  out.servers = [{ url: '/', description: 'This Voordeur server (the API is under /api)' }];
  out.info = {
    ...(out.info as Json),
    license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
  };
  for (const [path, item] of Object.entries((out.paths ?? {}) as Record<string, Record<string, Operation>>)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      op.operationId ??= operationIdOf(method, path);
      op.responses ??= {};
      const responses = op.responses;
      // Any path or query can carry text the input guard (plugins/input.ts) refuses; a body can be too large or
      // of a type the route does not read; every /api route is rate limited.
      const extra = [400, ...(op.requestBody ? [413, 415] : []), ...(path.startsWith('/api/') ? [429] : [])];
      for (const status of extra) responses[String(status)] ??= problemResponse(status);
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400) responses[status] = problemResponse(Number(status), response);
      }
    }
  }
  pruneSchemas(out);
  return doc;
}
