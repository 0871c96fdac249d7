/**
 * The response contract: every response the tests see from a documented operation is checked against the
 * OpenAPI document — its status must be documented, its media type documented for that status, and its body
 * must match the documented schema. `testApp()` installs the check on every app the tests build, so the whole
 * API test suite doubles as a contract test; a file fails (in its afterAll, contract.setup.ts) when any
 * response broke the contract.
 */

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

interface Violation {
  operation: string;
  status: number;
  problem: string;
}

const violations: Violation[] = [];

/** What broke the contract in this test file so far (and forgets it). */
export function takeContractViolations(): Violation[] {
  return violations.splice(0);
}

type Doc = {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>
  >;
};

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** A checker over one app's document; validators are compiled once per operation, status and media type. */
export function contractChecker(doc: Doc) {
  // inlineRefs: false: each component is compiled once and shared by the operations that refer to it.
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: false, inlineRefs: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema(doc as object, 'openapi');
  const compiled = new Map<string, ValidateFunction>();

  return function check(method: string, route: string, status: number, contentType: string, body: unknown) {
    const path = route.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const op = doc.paths[path]?.[method.toLowerCase()];
    if (!op) return undefined; // not a documented operation (docs UI, metrics, web app, hidden routes)
    const operation = `${method} ${path}`;
    const responses = op.responses ?? {};
    const key =
      String(status) in responses
        ? String(status)
        : `${String(status)[0]}XX` in responses
          ? `${String(status)[0]}XX`
          : 'default';
    const response = responses[key];
    if (!response) return { operation, status, problem: `status ${status} is not documented` };
    if (status === 204 || !response.content) return undefined;
    const media = contentType.split(';')[0]!.trim().toLowerCase();
    if (!(media in response.content))
      return {
        operation,
        status,
        problem: `media type ${media || 'none'} is not documented (documented: ${Object.keys(response.content).join(', ')})`,
      };
    if (body === undefined) return undefined; // a stream or a file: its type is what can be checked
    const ref = `openapi#/${pointer('paths', path, method.toLowerCase(), 'responses', key, 'content', media, 'schema')}`;
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      compiled.set(ref, validate);
    }
    if (validate(body)) return undefined;
    const first = validate.errors?.[0];
    return {
      operation,
      status,
      problem: `body does not match the schema: ${first?.instancePath || '/'} ${first?.message ?? ''}`,
    };
  };
}

/**
 * The checker of each kind of app a test worker built: the apps of one configuration have one document, and making
 * it (~0.3 s) and compiling its validators again for every test file cost a tenth of the suite's setup.
 */
const checkers = new Map<string, ReturnType<typeof contractChecker>>();

/**
 * Checks every response of this app against its own OpenAPI document (installed by the test harness). `kind` names
 * the app's configuration: apps of one kind share their document's checker.
 */
export function checkResponsesAgainstDocument(app: FastifyInstance, kind: string) {
  let check: ReturnType<typeof contractChecker> | undefined;
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (!route) return payload;
    check ??= checkers.get(kind);
    if (!check) {
      check = contractChecker(app.swagger() as unknown as Doc);
      checkers.set(kind, check);
    }
    const contentType = String(reply.getHeader('content-type') ?? '');
    let body: unknown;
    if (typeof payload === 'string') {
      body = /json/.test(contentType) ? safeParse(payload) : payload;
    }
    const found = check(request.method, route, reply.statusCode, contentType, body);
    if (found) violations.push(found);
    return payload;
  });
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol('not JSON');
  }
}
