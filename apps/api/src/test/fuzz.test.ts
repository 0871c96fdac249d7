/**
 * Hostile input on every operation of the OpenAPI document: random and hostile paths, queries and bodies (NUL
 * characters, unpaired surrogates, 1 MB strings, deep nesting, wrong types, bad percent-encoding) never give a
 * 5xx, and every refusal is problem+json. The operations and their parameters come from the document, so a new
 * endpoint is fuzzed without anyone adding it here. Requests are built from each operation's documented
 * schemas (so many pass validation and reach the services and the database), with one part made hostile.
 * Every response is also checked against the document by the harness (test/contract.ts).
 * `FUZZ_RUNS` (default 3) sets the random requests per operation, on top of one sweep of each hostile kind.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemDef, publishContent } from './catalogue-fixtures.ts';
import { bearerFor, makeOrg, signIn, type TestOrg, useTestApp } from './harness.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3);

type Schema = Record<string, unknown>;
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { mediaType: string; schema: Schema };
}
type Doc = {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: Schema }> } }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

/** A value already percent-encoded for a URL (bad encodings cannot be made from a string). */
class Encoded {
  constructor(readonly text: string) {}
}

const t = useTestApp();
let org: TestOrg;
let doc: Doc;
let tokens: Record<string, string>[];
/** Identifiers of things that exist, so that some requests reach real rows. */
const known = { uuids: [] as string[], codes: ['lamp-kapot'] as string[] };

beforeAll(async () => {
  org = await makeOrg(t.database);
  await publishContent(t.database.db, org.id, { items: [itemDef('lamp-kapot')] });
  const admin = await signIn(t.app, org.users.admin);
  // Bearer tokens: a fuzzed logout or password change cannot end them. The admin's own user id is left out of
  // the pool below, so a fuzzed PATCH cannot deactivate the caller.
  tokens = [
    (await bearerFor(t.app, admin, 'admin')).headers,
    (await bearerFor(t.app, admin, 'backoffice')).headers,
    (await bearerFor(t.app, admin, 'agent')).headers,
  ];
  const post = async (url: string, payload: object) =>
    (await t.app.inject({ method: 'POST', url, headers: tokens[0]!, payload })).json() as { id: string };
  const customer = await post('/api/customers', { kind: 'resident', name: 'Fuzz Persoon' });
  const kase = await post('/api/cases', {
    itemCode: 'lamp-kapot',
    description: 'Lamp kapot',
    location: { description: 'Dorpsstraat 1' },
    customerId: customer.id,
  });
  const contact = await post('/api/contacts', { channel: 'phone', customerId: customer.id });
  known.uuids.push(
    ...Object.values(org.teams),
    org.users.agent.id,
    org.users.backoffice.id,
    customer.id,
    kase.id,
    contact.id,
  );
  known.codes.push(org.slug, 'message', 'validation_failed');
  doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
});

function operations(): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const content = op.requestBody?.content ?? {};
      const mediaType = Object.keys(content)[0];
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        ...(mediaType ? { body: { mediaType, schema: content[mediaType]!.schema ?? {} } } : {}),
      });
    }
  }
  return ops;
}

// ---- hostile values ------------------------------------------------------------------------------------------

/** Past the 1 MiB body limit; in a URL it is cut to what a URL could carry at all (see `encode`). */
const HUGE = 'x'.repeat(1024 * 1024 + 10);
/** Over HTTP, a URL longer than 16 KiB is refused (431) before the app; past that only inject could send it. */
const URL_MAX = 17_000;
const nested = (depth: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};
const kinds = {
  nul: () => fc.constantFrom('\u0000', 'a\u0000b', 'Dorpsstraat 1\u0000'),
  surrogate: () => fc.constantFrom('\ud800', 'x\udfff', 'a\ud83d', '\ude00b'),
  huge: () => fc.constantFrom(HUGE, 'é'.repeat(300_000)),
  deep: () => fc.integer({ min: 40, max: 3000 }).map(nested),
  wrongType: () =>
    fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    ),
  odd: () =>
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('', ' ', '-1', '0', '1e309', "'; select pg_sleep(1); --", '../../etc/passwd', '😀'),
    ),
} as const;
type Kind = keyof typeof kinds;
const KINDS = Object.keys(kinds) as Kind[];
/** The kinds every operation gets at least once; `odd` values come in the random runs. */
const SWEPT = KINDS.filter((k) => k !== 'odd');
const hostile = (kind?: Kind): fc.Arbitrary<unknown> =>
  kind ? kinds[kind]() : fc.oneof(...KINDS.map((k) => kinds[k]() as fc.Arbitrary<unknown>));
/** Hostile values only URLs can carry: bad percent-encoding and an encoded surrogate half. */
const hostileEncoded = fc.constantFrom(new Encoded('%ZZ'), new Encoded('%ED%A0%80'), new Encoded('%C0%80'));

// ---- values from the documented schemas ---------------------------------------------------------------------

function resolve(schema: Schema): Schema {
  let s = schema;
  for (let i = 0; i < 10 && typeof s.$ref === 'string'; i++) {
    const name = (s.$ref as string).replace('#/components/schemas/', '');
    s = doc.components?.schemas?.[name] ?? {};
  }
  return s;
}

function stringFrom(s: Schema): fc.Arbitrary<unknown> {
  const max = Math.min(Number(s.maxLength ?? 40), 40);
  const min = Math.min(Number(s.minLength ?? 0), max);
  switch (s.format) {
    case 'uuid':
      return fc.oneof(fc.constantFrom(...known.uuids), fc.constant(randomUUID()));
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.constantFrom('fuzz@example.nl', 'a@b.c');
  }
  if (typeof s.pattern === 'string') {
    try {
      return fc.oneof(fc.stringMatching(new RegExp(s.pattern)), fc.constantFrom(...known.codes));
    } catch {
      // a pattern fast-check cannot generate from: plain strings below
    }
  }
  return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.constantFrom(...known.codes));
}

const built = new WeakMap<Schema, fc.Arbitrary<unknown>>();

/** Values that match a documented schema (mostly: formats and patterns as far as fast-check can). */
function valueFrom(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema ?? {});
  if (depth > 6) return fc.constant(null);
  const cached = built.get(s);
  if (cached) return cached;
  const arbitrary = buildValue(s, depth);
  built.set(s, arbitrary);
  return arbitrary;
}

function buildValue(s: Schema, depth: number): fc.Arbitrary<unknown> {
  const alternatives = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => valueFrom(a, depth + 1)));
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringFrom(s);
    case 'integer':
      return fc.integer({ min: Number(s.minimum ?? -5), max: Number(s.maximum ?? 1000) });
    case 'number':
      return fc.double({ min: Number(s.minimum ?? -5), max: Number(s.maximum ?? 1000), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFrom(s.items as Schema, depth + 1), {
        minLength: Math.min(Number(s.minItems ?? 0), 3),
        maxLength: Math.min(Number(s.maxItems ?? 3), 3),
      });
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      if (!Object.keys(properties).length) {
        const extra = typeof s.additionalProperties === 'object' ? (s.additionalProperties as Schema) : {};
        return fc.dictionary(fc.string({ maxLength: 12 }), valueFrom(extra, depth + 1), { maxKeys: 3 });
      }
      const model = Object.fromEntries(
        Object.entries(properties).map(([k, p]) => [k, valueFrom(p, depth + 1)]),
      );
      return fc.record(model, { requiredKeys: ((s.required ?? []) as string[]).filter((k) => k in model) });
    }
  }
  return fc.jsonValue({ maxDepth: 2 });
}

/** Replaces one randomly chosen leaf (or the whole value) with a hostile one. */
function withHostileLeaf(value: unknown, pick: number, replacement: unknown): unknown {
  const leaves: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object') return;
    const entries = Array.isArray(v) ? v.map((item, i) => [i, item] as const) : Object.entries(v);
    for (const [key, item] of entries) {
      leaves.push({ parent: v as Record<string, unknown>, key });
      walk(item);
    }
  };
  walk(value);
  if (!leaves.length) return replacement;
  const leaf = leaves[pick % leaves.length]!;
  (leaf.parent as Record<string | number, unknown>)[leaf.key] = replacement;
  return value;
}

// ---- requests ----------------------------------------------------------------------------------------------

/** Percent-encodes what a client could send; an unpaired surrogate goes as the (invalid) bytes a buggy client sends. */
function encode(value: unknown): string {
  if (value instanceof Encoded) return value.text;
  const text = (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).slice(0, URL_MAX);
  return text
    .split(/([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/)
    .map((part, i) => (i % 2 ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

interface Request {
  auth: number;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: unknown;
}

type Target = 'path' | 'query' | 'body' | 'none';

function requestFor(op: Operation, target: Target, kind?: Kind): fc.Arbitrary<Request> {
  const of = (where: Parameter['in']) => op.parameters.filter((p) => p.in === where);
  const bad = fc.oneof(hostile(kind), ...(kind ? [] : [hostileEncoded]));
  // One parameter of the target part is hostile, the others are what the document says.
  const params = (where: 'path' | 'query') =>
    fc.nat().chain((pick) => {
      const list = of(where);
      const chosen = target === where && list.length ? list[pick % list.length]!.name : undefined;
      return fc.record(
        Object.fromEntries(list.map((p) => [p.name, p.name === chosen ? bad : valueFrom(p.schema)])),
        {
          requiredKeys: list
            .filter((p) => p.in === 'path' || p.required || p.name === chosen)
            .map((p) => p.name),
        },
      );
    });
  const headers = fc.record(
    Object.fromEntries(of('header').map((p) => [p.name, fc.stringMatching(/^[\x21-\x7e]{1,80}$/)])),
    { requiredKeys: [] },
  );
  const body = op.body
    ? target === 'body'
      ? fc
          .tuple(valueFrom(op.body.schema), fc.nat(), bad, fc.nat({ max: 9 }))
          .map(([v, pick, b, whole]) => (whole === 0 ? b : withHostileLeaf(v, pick, b)))
      : valueFrom(op.body.schema)
    : fc.constant(undefined);
  return fc.record({
    auth: fc.nat({ max: 2 }),
    path: params('path'),
    query: params('query'),
    headers,
    body,
  }) as fc.Arbitrary<Request>;
}

const minimal = new WeakMap<Schema, fc.Arbitrary<unknown>>();

/** Like `valueFrom`, but objects carry their required properties only: more often valid as a whole. */
function minimalFrom(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema ?? {});
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type !== 'object' || !s.properties || depth > 6) return valueFrom(s, depth);
  const cached = minimal.get(s);
  if (cached) return cached;
  const properties = s.properties as Record<string, Schema>;
  const required = ((s.required ?? []) as string[]).filter((k) => k in properties);
  const arbitrary = fc.record(
    Object.fromEntries(required.map((k) => [k, minimalFrom(properties[k], depth + 1)])),
  );
  minimal.set(s, arbitrary);
  return arbitrary;
}

/** Where a single hostile value can go in a request: each path and query parameter, each leaf of the body. */
function locations(op: Operation, base: Request): ((r: Request, v: unknown) => void)[] {
  const at: ((r: Request, v: unknown) => void)[] = [];
  for (const p of op.parameters) {
    if (p.in === 'path') at.push((r, v) => (r.path[p.name] = v));
    if (p.in === 'query') at.push((r, v) => (r.query[p.name] = v));
  }
  if (op.body) {
    const leaves = (v: unknown, path: (string | number)[]): (string | number)[][] =>
      v && typeof v === 'object'
        ? Object.entries(v).flatMap(([k, item]) => {
            const key = Array.isArray(v) ? Number(k) : k;
            return [[...path, key], ...leaves(item, [...path, key])];
          })
        : [];
    at.push((r, v) => (r.body = v));
    for (const path of leaves(base.body, [])) {
      at.push((r, v) => {
        let parent = r.body as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        parent[path.at(-1)!] = v;
      });
    }
  }
  return at;
}

function payloadOf(op: Operation, body: unknown): { type?: string; payload?: string | Buffer } {
  if (!op.body || body === undefined) return {};
  if (op.body.mediaType === 'multipart/form-data') {
    const name = typeof body === 'string' ? body.slice(0, 200) : 'a.pdf';
    return {
      type: 'multipart/form-data; boundary=fuzz',
      payload: Buffer.concat([
        Buffer.from(`--fuzz\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`),
        Buffer.from(typeof body === 'string' ? body.slice(0, 1000) : '%PDF-1.4 fuzz'),
        Buffer.from('\r\n--fuzz--\r\n'),
      ]),
    };
  }
  if (op.body.mediaType.startsWith('text/'))
    return { type: op.body.mediaType, payload: typeof body === 'string' ? body : JSON.stringify(body) };
  return { type: 'application/json', payload: JSON.stringify(body) };
}

async function send(op: Operation, r: Request) {
  const url =
    op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encode(r.path[name] ?? 'x')) +
    (Object.keys(r.query).length
      ? `?${Object.entries(r.query)
          .map(([k, v]) => `${encodeURIComponent(k)}=${encode(v)}`)
          .join('&')}`
      : '');
  const { type, payload } = payloadOf(op, r.body);
  const res = await t.app.inject({
    method: op.method as 'GET',
    url,
    headers: { ...r.headers, ...tokens[r.auth]!, ...(type ? { 'content-type': type } : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });
  const where = `${op.method} ${op.path} -> ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, where).toBeLessThan(500);
  if (res.statusCode >= 400) {
    expect(String(res.headers['content-type']), where).toMatch(/^application\/problem\+json/);
    const problem = res.json() as { status: number; code: string };
    expect(problem.status, where).toBe(res.statusCode);
    expect(problem.code, where).toMatch(/^[a-z_]+$/);
  }
}

describe('hostile input on every operation of the API document', () => {
  it('finds the operations in the document', () => {
    expect(operations().length).toBeGreaterThan(90);
  });

  it('each kind of hostile value in every parameter and body field of every operation: no 5xx, only problem+json', async () => {
    for (const op of operations()) {
      // A request that is otherwise as valid as the schemas make it (required fields only), deterministic.
      const [base] = fc.sample(
        fc.record({
          auth: fc.constant(0),
          path: fc.record(
            Object.fromEntries(
              op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, valueFrom(p.schema)]),
            ),
          ),
          query: fc.constant({}),
          headers: fc.constant({}),
          body: op.body ? minimalFrom(op.body.schema) : fc.constant(undefined),
        }),
        { numRuns: 1, seed: 11 },
      ) as Request[];
      const at = locations(op, base!);
      for (const [k, kind] of SWEPT.entries()) {
        const [value] = fc.sample(hostile(kind), { numRuns: 1, seed: 11 + k });
        // Text no database can store goes everywhere; the costlier kinds to one place each.
        const places = kind === 'nul' || kind === 'surrogate' ? at : at.length ? [at[k % at.length]!] : [];
        for (const place of places) {
          const r = structuredClone(base!);
          place(r, value);
          await send(op, r);
        }
      }
    }
  });

  it('random requests from the documented schemas, one part hostile: no 5xx, only problem+json', async () => {
    for (const op of operations()) {
      const targets: Target[] = ['none', 'body', 'query', 'path'].filter(
        (x) => x === 'none' || (x === 'body' ? !!op.body : op.parameters.some((p) => p.in === x)),
      ) as Target[];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...targets).chain((target) => requestFor(op, target)),
          async (r) => send(op, r),
        ),
        { numRuns: RUNS },
      );
    }
  });
});
