/**
 * A user or token of organisation B can read or change nothing of organisation A — on every endpoint.
 * The endpoint list comes from the OpenAPI document, so a new endpoint without a case here fails this test.
 */
import type { Database } from '@voordeur/db';
import { apiToken, appUser, membership, team } from '@voordeur/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearerFor,
  makeOrg,
  openTestDatabase,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  type TestOrg,
  testApp,
} from './harness.ts';

let database: Database;
let app: TestApp;
let a: TestOrg;
let b: TestOrg;
let aTokenId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  a = await makeOrg(database, 'A');
  b = await makeOrg(database, 'B');
  aTokenId = (await bearerFor(app, await signIn(app, a.users.admin), 'agent')).id;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** Everything of A that B could try to read or change. */
async function snapshotOfA() {
  const byOrg = <T extends { organisationId: unknown }>(t: T) => eq(t.organisationId as never, a.id);
  return JSON.stringify({
    teams: await database.db.select().from(team).where(byOrg(team)).orderBy(team.id),
    users: (await database.db.select().from(appUser).where(byOrg(appUser)).orderBy(appUser.id)).map(
      ({ lastLoginAt, ...u }) => u,
    ),
    memberships: await database.db
      .select()
      .from(membership)
      .where(byOrg(membership))
      .orderBy(membership.userId, membership.role),
    tokens: (await database.db.select().from(apiToken).where(byOrg(apiToken)).orderBy(apiToken.id)).map(
      ({ lastUsedAt, ...t }) => t,
    ),
  });
}

type Headers = Record<string, string>;
type Case = (headers: Headers) => Promise<void>;

const aIds = () => [a.id, ...Object.values(a.teams), ...Object.values(a.users).map((u) => u.id), aTokenId];
const leaksNothingOfA = (body: string) => {
  for (const id of aIds()) expect(body).not.toContain(id);
};

function cases(): Record<string, Case | 'public'> {
  const get = async (url: string, headers: Headers) => app.inject({ url, headers });
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, headers: Headers, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return {
    'GET /healthz': 'public',
    'GET /readyz': 'public',
    'POST /api/auth/login': 'public',
    'GET /api/problems': 'public',
    'GET /api/problems/{code}': 'public',
    'GET /api/auth/me': async (h) => {
      const res = await get('/api/auth/me', h);
      // A token has no person behind the session: refused, not someone else's data.
      if (res.statusCode === 200) expect(res.json().organisation.id).toBe(b.id);
      leaksNothingOfA(res.body);
    },
    'GET /api/auth/csrf': async (h) => leaksNothingOfA((await get('/api/auth/csrf', h)).body),
    'PATCH /api/auth/me/locale': async (h) =>
      leaksNothingOfA((await send('PATCH', '/api/auth/me/locale', h, { locale: 'en' })).body),
    'POST /api/auth/password': async (h) => {
      const res = await send('POST', '/api/auth/password', h, {
        currentPassword: 'wrong-password',
        newPassword: 'whatever-long-enough',
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    },
    'GET /api/auth/tokens': async (h) => leaksNothingOfA((await get('/api/auth/tokens', h)).body),
    'POST /api/auth/tokens': async (h) => {
      const res = await send('POST', '/api/auth/tokens', h, { name: 'b', role: 'agent' });
      leaksNothingOfA(res.body);
    },
    'DELETE /api/auth/tokens/{id}': async (h) => {
      const res = await send('DELETE', `/api/auth/tokens/${aTokenId}`, h);
      expect([403, 404]).toContain(res.statusCode);
    },
    'GET /api/teams': async (h) => {
      const res = await get('/api/teams', h);
      expect(res.statusCode).toBe(200);
      leaksNothingOfA(res.body);
    },
    'GET /api/teams/{id}': async (h) =>
      expect((await get(`/api/teams/${a.teams.front}`, h)).statusCode).toBe(404),
    'POST /api/teams': async (h) =>
      leaksNothingOfA(
        (await send('POST', '/api/teams', h, { name: `B-${Date.now()}`, kind: 'back_office' })).body,
      ),
    'PATCH /api/teams/{id}': async (h) =>
      expect(
        (await send('PATCH', `/api/teams/${a.teams.front}`, h, { name: 'Hacked', version: 1 })).statusCode,
      ).toBe(404),
    'GET /api/users': async (h) => {
      const res = await get('/api/users', h);
      expect(res.statusCode).toBe(200);
      leaksNothingOfA(res.body);
    },
    'GET /api/users/{id}': async (h) =>
      expect((await get(`/api/users/${a.users.agent.id}`, h)).statusCode).toBe(404),
    'POST /api/users': async (h) => {
      const res = await send('POST', '/api/users', h, {
        email: `x-${Date.now()}@example.nl`,
        name: 'X',
        password: 'long-enough-password',
        memberships: [{ teamId: a.teams.front, role: 'admin' }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('memberships.0.teamId');
    },
    'PATCH /api/users/{id}': async (h) =>
      expect(
        (await send('PATCH', `/api/users/${a.users.admin.id}`, h, { active: false, version: 1 })).statusCode,
      ).toBe(404),
    'POST /api/users/{id}/password': async (h) =>
      expect(
        (await send('POST', `/api/users/${a.users.admin.id}/password`, h, { password: 'taken-over-by-b' }))
          .statusCode,
      ).toBe(404),
    'GET /api/audit-events': async (h) => {
      const all = await get('/api/audit-events?limit=200', h);
      expect(all.statusCode).toBe(200);
      leaksNothingOfA(all.body);
      const aimed = await get(
        `/api/audit-events?entityId=${a.users.admin.id}&actorId=${a.users.admin.id}`,
        h,
      );
      expect(aimed.json().items).toEqual([]);
    },
    // Last: it ends B's session.
    'POST /api/auth/logout': async (h) => leaksNothingOfA((await send('POST', '/api/auth/logout', h)).body),
  };
}

describe('organisation isolation', () => {
  it('has a case for every endpoint in the API document', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(Object.keys(cases()).sort());
  });

  for (const via of ['session', 'token'] as const) {
    it(`B's admin (${via}) reads and changes nothing of A`, async () => {
      const before = await snapshotOfA();
      const session = await signIn(app, b.users.admin);
      const headers = via === 'session' ? session.headers : (await bearerFor(app, session, 'admin')).headers;
      for (const [operation, run] of Object.entries(cases())) {
        if (run === 'public') continue;
        try {
          await run(headers);
        } catch (error) {
          throw new Error(`${operation}: ${(error as Error).message}`);
        }
      }
      expect(await snapshotOfA()).toBe(before);
      // A's people and A's token still work as before.
      await signIn(app, { email: a.users.admin.email, password: TEST_PASSWORD });
    });
  }
});
