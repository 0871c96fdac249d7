/**
 * Bad input gets a clear 4xx problem that names the cause — never a 500, never a partial write.
 */
import type { Database } from '@voordeur/db';
import { apiToken, appUser, auditEvent, membership, team } from '@voordeur/db';
import { count } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearerFor,
  expectProblem,
  makeOrg,
  openTestDatabase,
  type Session,
  signIn,
  type TestApp,
  type TestOrg,
  testApp,
} from './harness.ts';

let database: Database;
let app: TestApp;
let org: TestOrg;
let admin: Session;

beforeAll(async () => {
  database = await openTestDatabase({ reuse: true });
  app = await testApp(database);
  org = await makeOrg(database);
  admin = await signIn(app, org.users.admin);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function rowCounts() {
  const n = async (
    t: typeof team | typeof appUser | typeof membership | typeof apiToken | typeof auditEvent,
  ) => (await database.db.select({ n: count() }).from(t))[0]!.n;
  return {
    team: await n(team),
    user: await n(appUser),
    membership: await n(membership),
    token: await n(apiToken),
    audit: await n(auditEvent),
  };
}

const post = (url: string, payload: string | object, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url,
    headers: { ...admin.headers, 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

describe('bad input', () => {
  it('malformed JSON, an empty body and wrong content types', async () => {
    const before = await rowCounts();
    expect(
      expectProblem(await post('/api/teams', '{"name": "x",'), 400, 'invalid_json').errors?.[0]?.field,
    ).toBe('body');
    expectProblem(await post('/api/teams', ''), 400, 'empty_body');
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
      'multipart/form-data; boundary=x',
    ]) {
      const p = expectProblem(
        await post('/api/teams', 'name=x', { 'content-type': type }),
        415,
        'unsupported_media_type',
      );
      expect(p.errors?.[0]?.field).toBe('content-type');
    }
    expectProblem(
      await post('/api/teams', { name: 'x'.repeat(2_000_000), kind: 'back_office' }),
      413,
      'body_too_large',
    );
    expect(await rowCounts()).toEqual(before);
  });

  it('wrong types, unknown fields and over-long strings name the field', async () => {
    const before = await rowCounts();
    const fields = async (payload: object) =>
      expectProblem(await post('/api/teams', payload), 400, 'validation_failed').errors?.map((e) => e.field);
    expect(await fields({ name: 123, kind: 'back_office' })).toEqual(['name']);
    expect(await fields({ name: 'X', kind: 'back_office', colour: 'red' })).toEqual(['colour']);
    expect(await fields({ name: 'x'.repeat(201), kind: 'back_office' })).toEqual(['name']);
    expect(await fields({ name: 'X', kind: 'back_office', description: 'd'.repeat(2001) })).toEqual([
      'description',
    ]);
    expect(await fields({ name: '   ', kind: 'back_office' })).toEqual(['name']);
    expect(await fields([1, 2])).toEqual(['body']);
    const user = expectProblem(
      await post('/api/users', {
        email: `${'a'.repeat(250)}@example.nl`,
        name: 'X',
        password: 'p',
        memberships: [{ teamId: 'nope', role: 'king' }],
      }),
      400,
      'validation_failed',
    );
    expect(user.errors?.map((e) => e.field).sort()).toEqual([
      'email',
      'memberships.0.role',
      'memberships.0.teamId',
      'password',
    ]);
    expect(await rowCounts()).toEqual(before);
  });

  it('bad path and query parameters', async () => {
    const p = expectProblem(
      await app.inject({ url: '/api/teams/not-a-uuid', headers: admin.headers }),
      400,
      'validation_failed',
    );
    expect(p.errors?.[0]?.field).toBe('id');
    expectProblem(
      await app.inject({ url: '/api/teams/00000000-0000-4000-8000-000000000000', headers: admin.headers }),
      404,
      'not_found',
    );
    expectProblem(
      await app.inject({ url: '/api/no-such-endpoint', headers: admin.headers }),
      404,
      'not_found',
    );
    expectProblem(
      await app.inject({ url: '/api/audit-events?limit=-1', headers: admin.headers }),
      400,
      'validation_failed',
    );
  });

  it('missing or forged CSRF tokens, expired sessions, and a token of another organisation', async () => {
    const before = await rowCounts();
    const write = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/teams',
        headers,
        payload: { name: 'CSRF', kind: 'back_office' },
      });
    expectProblem(await write({ cookie: admin.cookie }), 403, 'csrf_missing');
    expectProblem(
      await write({ cookie: admin.cookie, 'x-csrf-token': `${admin.csrf}x` }),
      403,
      'csrf_invalid',
    );
    expectProblem(
      await write({ cookie: 'voordeur_session=made-up-session', 'x-csrf-token': admin.csrf }),
      401,
      'session_expired',
    );
    const other = await makeOrg(database);
    const foreign = await bearerFor(app, await signIn(app, other.users.admin), 'admin');
    const afterOther = await rowCounts();
    expectProblem(
      await app.inject({ url: `/api/teams/${org.teams.front}`, headers: foreign.headers }),
      404,
      'not_found',
    );
    expectProblem(
      await app.inject({
        method: 'PATCH',
        url: `/api/users/${org.users.agent.id}`,
        headers: foreign.headers,
        payload: { active: false, version: 1 },
      }),
      404,
      'not_found',
    );
    expect((await rowCounts()).team).toBe(afterOther.team);
    expect(before.team).toBeLessThan(afterOther.team);
  });

  it('random bodies on every write endpoint give 4xx problems, never a 500', async () => {
    const targets = [
      ['POST', '/api/teams'],
      ['PATCH', `/api/teams/${org.teams.back}`],
      ['POST', '/api/users'],
      ['PATCH', `/api/users/${org.users.agent.id}`],
      ['POST', `/api/users/${org.users.agent.id}/password`],
      ['POST', '/api/auth/tokens'],
      ['PATCH', '/api/auth/me/locale'],
      ['POST', '/api/auth/password'],
      ['POST', '/api/auth/login'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.jsonValue(), async ([method, url], body) => {
        const res = await app.inject({
          method,
          url,
          headers: { ...admin.headers, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 150 },
    );
  });
});

describe('rate limits', () => {
  it('answer with a 429 problem on the API and on login', async () => {
    const limited = await testApp(database, { RATE_LIMIT_PER_MINUTE: '3', LOGIN_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.inject({ url: '/api/teams' })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      expectProblem(await limited.inject({ url: '/api/teams' }), 429, 'rate_limited');
      expect((await limited.inject({ url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('text no database can store, and errors before routing (issue 11)', () => {
  const send = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: string) =>
    app.inject({
      method,
      url,
      headers: { ...admin.headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { payload } : {}),
    });

  it('NUL characters and unpaired surrogates are a 400 naming the field, on both databases', async () => {
    const before = await rowCounts();
    const field = async (res: Awaited<ReturnType<typeof send>>, code: string) => {
      const p = expectProblem(res, 400, 'validation_failed');
      expect(p.errors).toHaveLength(1);
      expect(p.errors?.[0]?.code).toBe(code);
      return p.errors?.[0]?.field;
    };
    expect(await field(await send('GET', '/api/cases?status=%00'), 'nul_character')).toBe('status');
    expect(await field(await send('GET', '/api/search?q=a%00b'), 'nul_character')).toBe('q');
    expect(
      await field(
        await send('POST', '/api/customers', '{"kind":"resident","name":"a\\u0000b"}'),
        'nul_character',
      ),
    ).toBe('name');
    expect(
      await field(
        await send('POST', '/api/customers', '{"kind":"resident","name":"a\\ud800b"}'),
        'unpaired_surrogate',
      ),
    ).toBe('name');
    expect(
      await field(
        await send('POST', '/api/teams', '{"name":"x","kind":"back_office","description":"\\udc00"}'),
        'unpaired_surrogate',
      ),
    ).toBe('description');
    // Nested, and in a key: the path is named.
    expect(
      await field(
        await send('PUT', '/api/calendar', '{"definition":{"closures":[{"reason":"\\u0000"}]}}'),
        'nul_character',
      ),
    ).toBe('definition.closures.0.reason');
    expect(
      await field(
        await send('POST', '/api/teams', '{"name":"x","kind":"back_office","a\\u0000":1}'),
        'nul_character',
      ),
    ).toBe('a?');
    expect(await field(await send('GET', '/api/catalogue/items/a%00b'), 'nul_character')).toBe('code');
    // A paired surrogate (an emoji) is ordinary text.
    expect(
      (await send('POST', '/api/teams', '{"name":"Team \\ud83d\\ude00","kind":"back_office"}')).statusCode,
    ).toBe(201);
    const { team: t, audit, ...rest } = await rowCounts();
    const { team: t0, audit: a0, ...rest0 } = before;
    expect(rest).toEqual(rest0);
    expect(t).toBe(t0 + 1);
  });

  it('a version beyond a database integer is a 400 naming it (found by the fuzz test: was a 500)', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/message-templates/message',
      headers: admin.headers,
      payload: { name: 'X', subject: { nl: 'X', en: 'X' }, body: { nl: 'X', en: 'X' }, version: 2147483648 },
    });
    expect(expectProblem(res, 400, 'validation_failed').errors?.[0]?.field).toBe('version');
  });

  it('any whole number beyond a database integer is refused once for every route, naming the field', async () => {
    // PATCH /api/users/{id} with version 2^31 was a 500 on PostgreSQL (found by the fuzz test after the merge).
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/users/${org.users.agent.id}`,
      headers: admin.headers,
      payload: { version: 2147483648 },
    });
    const p = expectProblem(res, 400, 'validation_failed');
    expect(p.errors?.[0]).toMatchObject({ field: 'version', code: 'number_out_of_range' });
    const nested = expectProblem(
      await send(
        'POST',
        '/api/teams',
        JSON.stringify({ name: 'x', kind: 'back_office', extra: [{ n: -2147483649 }] }),
      ),
      400,
      'validation_failed',
    );
    expect(nested.errors?.[0]).toMatchObject({ field: 'extra.0.n', code: 'number_out_of_range' });
  });

  it('JSON nested deeper than any input of ours is refused, not parsed into the database', async () => {
    const deep = `{"name":"x","kind":"back_office","description":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const p = expectProblem(await send('POST', '/api/teams', deep), 400, 'validation_failed');
    expect(p.errors?.[0]?.code).toBe('too_deep');
    expect(p.errors?.[0]?.field).toMatch(/^description(\.0)+$/);
  });

  it('a badly encoded path and an over-long path parameter are problem+json', async () => {
    const bad = expectProblem(await send('GET', '/api/cases/%ZZ'), 400, 'bad_url');
    expect(bad.errors?.[0]?.field).toBe('path');
    const long = expectProblem(await send('GET', `/api/cases/${'a'.repeat(101)}`), 414, 'path_too_long');
    expect(long.errors?.[0]?.field).toBe('path');
  });

  it('an over-long URL (over HTTP, where the parser refuses it) is a 431 problem', async () => {
    const server = await testApp(database);
    try {
      const address = await server.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${address}/api/cases?q=${'a'.repeat(20_000)}`);
      expect(res.status).toBe(431);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await res.json()) as { code: string; status: number; requestId: string };
      expect(body).toMatchObject({ code: 'headers_too_large', status: 431 });
      expect(body.requestId).toBe(res.headers.get('x-request-id'));
    } finally {
      await server.close();
    }
  });
});
