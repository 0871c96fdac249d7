/**
 * Test harness: the real app on a real database (PGlite or PostgreSQL, by project), plus factories that
 * build a fresh organisation per test so tests never depend on each other's data.
 */
import { randomBytes } from 'node:crypto';
import { type Database, openDatabase, organisation } from '@voordeur/db';
import type { Role, TeamKind } from '@voordeur/shared';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { createTeam } from '../modules/teams/teams.service.ts';
import { createUser } from '../modules/users/index.ts';
import { systemCtx } from '../platform/actor.ts';
import { checkResponsesAgainstDocument } from './contract.ts';

export const TEST_PASSWORD = 'correct-horse-battery';

export const dbKind = (process.env.VOORDEUR_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

export async function openTestDatabase(): Promise<Database> {
  if (dbKind === 'postgres') return openDatabase({ url: inject('pgDatabaseUrl'), poolSize: 5 });
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  return database;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    VOORDEUR_WEB_DIST: '/nonexistent-web-dist',
    ...overrides,
  });
}

export async function testApp(database: Database, overrides: Record<string, string> = {}) {
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, logger: false });
  checkResponsesAgainstDocument(app);
  await app.ready();
  return app;
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/**
 * One database and one app for the test file, opened before its tests and closed after them.
 * Read `t.app` and `t.database` inside tests (they exist once `beforeAll` has run).
 */
export function useTestApp(overrides: Record<string, string> = {}) {
  const t = {} as { app: TestApp; database: Database };
  beforeAll(async () => {
    t.database = await openTestDatabase();
    t.app = await testApp(t.database, overrides);
  });
  afterAll(async () => {
    await t.app?.close();
    await t.database?.close();
  });
  return t;
}

const unique = () => randomBytes(5).toString('hex');

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export interface TestOrg {
  id: string;
  slug: string;
  teams: Record<'front' | 'back' | 'mgmt', string>;
  /** One user per role, plus `admin`. */
  users: Record<Role, TestUser>;
}

/** A complete organisation: three teams and one user per role. */
export async function makeOrg(database: Database, name = 'Testgemeente'): Promise<TestOrg> {
  const slug = `t-${unique()}`;
  const [org] = await database.db
    .insert(organisation)
    .values({ slug, name: `${name} ${slug}` })
    .returning();
  const ctx = systemCtx(org!.id, 'test');
  const team = async (n: string, kind: TeamKind) =>
    (await createTeam(database.db, ctx, { name: n, kind, description: '' })).id;
  const teams = {
    front: await team('KCC', 'front_office'),
    back: await team('Openbare ruimte', 'back_office'),
    mgmt: await team('Management', 'management'),
  };
  const teamOf: Record<Role, string> = {
    agent: teams.front,
    backoffice: teams.back,
    teamlead: teams.front,
    manager: teams.mgmt,
    quality: teams.mgmt,
    admin: teams.mgmt,
  };
  const users = {} as Record<Role, TestUser>;
  for (const role of Object.keys(teamOf) as Role[]) {
    const email = `${role}-${slug}@example.nl`;
    const created = await createUser(database.db, ctx, {
      email,
      name: `${role} ${slug}`,
      locale: 'nl',
      password: TEST_PASSWORD,
      memberships: [{ teamId: teamOf[role], role }],
    });
    users[role] = { id: created.user.id, email, password: TEST_PASSWORD };
  }
  return { id: org!.id, slug, teams, users };
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a cookie-authenticated request, with the CSRF token for writes. */
  headers: Record<string, string>;
}

export async function signIn(app: TestApp, user: Pick<TestUser, 'email' | 'password'>): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = cookieFrom(res.headers['set-cookie']);
  const csrfRes = await app.inject({ method: 'GET', url: '/api/auth/csrf', headers: { cookie } });
  const csrf = csrfRes.json<{ token: string }>().token;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export function cookieFrom(setCookie: string | string[] | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const session = all.find((c) => c.startsWith('voordeur_session='));
  if (!session) throw new Error('no session cookie');
  return session.split(';')[0]!;
}

export async function bearerFor(app: TestApp, session: Session, role: Role) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/tokens',
    headers: session.headers,
    payload: { name: `token ${role}`, role },
  });
  if (res.statusCode !== 201) throw new Error(`token failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ id: string; token: string }>();
  return { id: body.id, headers: { authorization: `Bearer ${body.token}` } };
}

/** Asserts the RFC 9457 shape every error must have, and returns it. */
export function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  code: string,
) {
  const body = res.json() as {
    status: number;
    code: string;
    type: string;
    title: string;
    requestId: string;
    errors?: { field: string; code?: string }[];
  };
  const problem = { statusCode: res.statusCode, contentType: String(res.headers['content-type']), ...body };
  if (
    problem.statusCode !== status ||
    problem.code !== code ||
    !problem.contentType.startsWith('application/problem+json') ||
    body.status !== status ||
    !body.type ||
    !body.title ||
    !body.requestId
  ) {
    throw new Error(`expected problem ${status} ${code}, got ${res.statusCode} ${JSON.stringify(body)}`);
  }
  return body;
}
