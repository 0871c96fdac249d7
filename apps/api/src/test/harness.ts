/**
 * Test harness: the real app on a real database (PGlite or PostgreSQL, by project), plus factories that
 * build a fresh organisation per test so tests never depend on each other's data.
 */
import { randomBytes } from 'node:crypto';
import { appUser, customer, type Database, organisation } from '@voordeur/db';
import { dbKind, openTestDatabase } from '@voordeur/db/testing';
import type { Role, TeamKind } from '@voordeur/shared';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { createTeam } from '../modules/teams/index.ts';
import { createUserWithPasswordHash } from '../modules/users/index.ts';
import { systemCtx } from '../platform/actor.ts';
import { loggerOptions } from '../platform/logging.ts';
import { decryptIdentifier } from '../platform/personal-data.ts';
import { hashPassword } from '../platform/secrets.ts';
import { checkResponsesAgainstDocument } from './contract.ts';

export const TEST_PASSWORD = 'correct-horse-battery';
/**
 * Its argon2id hash, made once per worker: every test user has this password, and hashing it for each of the
 * seven users of every `makeOrg` was a fifth of the suite's CPU time. Signing in still verifies it for real.
 */
let testPasswordHash: Promise<string> | undefined;
/** What a test's Prometheus scraper sends to read /metrics. */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';

export { dbKind, openTestDatabase };

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    LOGIN_FAILURES_PER_IP: '100000',
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    VOORDEUR_WEB_DIST: '/nonexistent-web-dist',
    ...overrides,
  });
}

/**
 * Every log line of this test file's apps, at trace level (each test file has its own module instance). At the
 * end of the file `useTestApp` checks that none carries the personal data in the database.
 */
export const capturedLog: string[] = [];
const captureLog = {
  ...loggerOptions('trace'),
  stream: { write: (line: string) => void capturedLog.push(line) },
};

export async function testApp(database: Database, overrides: Record<string, string> = {}) {
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, logger: captureLog });
  checkResponsesAgainstDocument(app, JSON.stringify(overrides));
  await app.ready();
  return app;
}

/** The BSN, or nothing when another key encrypted it (tests of keys share the server's database). */
function readableBsn(blob: Buffer): string | undefined {
  try {
    return decryptIdentifier(blob);
  } catch {
    return undefined;
  }
}

/**
 * Fails when a captured log line holds a customer's name, e-mail address, phone number, birth date or BSN, or a
 * staff member's name or e-mail address, from anywhere in the database: every test file that uses
 * `useTestApp` is also a log-privacy test of what it did.
 */
export async function expectNoPersonalDataInLog(database: Database) {
  // A problem's stable code ("code":"validation_failed") is ours, not a person's: a fuzzed customer may be named so.
  const log = capturedLog
    .join('')
    .replace(/"code":"[a-z_]+"/g, '')
    .toLowerCase();
  if (!log) return;
  const [customers, users] = await Promise.all([
    database.db
      .select({
        name: customer.name,
        email: customer.email,
        phone: customer.phone,
        dateOfBirth: customer.dateOfBirth,
        bsn: customer.bsnEncrypted,
      })
      .from(customer),
    database.db.select({ name: appUser.name, email: appUser.email }).from(appUser),
  ]);
  const values = new Set<string>();
  const add = (v: string | null | undefined, min = 6) => {
    if (v && v.length >= min) values.add(v.toLowerCase());
  };
  for (const c of customers) {
    add(c.name);
    add(c.email);
    add(c.phone);
    add(c.phone?.replace(/^\+31/, ''), 9);
    add(c.dateOfBirth);
    if (c.bsn) add(readableBsn(c.bsn), 9);
  }
  for (const u of users) {
    add(u.name, 8);
    add(u.email);
  }
  const found = [...values].filter((v) => log.includes(v));
  if (found.length) {
    const lines = capturedLog.filter((l) => found.some((f) => l.toLowerCase().includes(f))).slice(0, 3);
    throw new Error(`personal data in the log: ${found.slice(0, 5).join(', ')}\n${lines.join('')}`);
  }
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/**
 * One database and one app for the test file, opened before its tests and closed after them.
 * Read `t.app` and `t.database` inside tests (they exist once `beforeAll` has run).
 */
export function useTestApp(overrides: Record<string, string> = {}, options: { ownDatabase?: boolean } = {}) {
  const t = {} as { app: TestApp; database: Database };
  beforeAll(async () => {
    // A database an earlier file of this worker used, emptied (`reuse`), unless the file measures the database
    // itself: on PostgreSQL autovacuum then still works through the earlier files' deletions, and its snapshots keep
    // VACUUM FULL from removing old rows (metrics.rollup.test.ts measures the rollups' size after a rebuild).
    t.database = await openTestDatabase({ reuse: !options.ownDatabase });
    t.app = await testApp(t.database, overrides);
  });
  afterAll(async () => {
    try {
      if (t.database) await expectNoPersonalDataInLog(t.database);
    } finally {
      await t.app?.close();
      await t.database?.close();
    }
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
    integrity: teams.mgmt,
  };
  const users = {} as Record<Role, TestUser>;
  for (const role of Object.keys(teamOf) as Role[]) {
    const email = `${role}-${slug}@example.nl`;
    testPasswordHash ??= hashPassword(TEST_PASSWORD);
    const created = await createUserWithPasswordHash(
      database.db,
      ctx,
      { email, name: `${role} ${slug}`, locale: 'nl', memberships: [{ teamId: teamOf[role], role }] },
      await testPasswordHash,
    );
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

/**
 * A plain HTML form post to a server-rendered page as a browser sends it from one of our own pages: urlencoded, with
 * `Sec-Fetch-Site: same-origin`. `headers` add to or override those (a cookie, another site, no Sec-Fetch-Site).
 */
export function postForm(
  app: TestApp,
  url: string,
  fields: Record<string, string>,
  options: { headers?: Record<string, string | undefined>; remoteAddress?: string } = {},
) {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    'sec-fetch-site': 'same-origin',
  };
  for (const [name, value] of Object.entries(options.headers ?? {}))
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  return app.inject({
    method: 'POST',
    url,
    headers,
    payload: new URLSearchParams(fields).toString(),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
}

/** A file of a multipart form post: the field it was chosen in, its name and bytes. */
export interface FormFile {
  name: string;
  fileName: string;
  data: Buffer;
}

/**
 * A `multipart/form-data` post as a browser sends a form with files: the fields in order (a name may repeat), then
 * the files.
 */
export function postMultipart(
  app: TestApp,
  url: string,
  fields: [string, string][],
  files: FormFile[] = [],
  options: { remoteAddress?: string } = {},
) {
  const b = 'voordeurformboundary';
  const parts = [
    ...fields.map(([k, v]) =>
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    ),
    ...files.flatMap((f) => [
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${b}--\r\n`),
  ];
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
    payload: Buffer.concat(parts),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
}

/** Imports an address register (the CSV of `POST /api/addresses/import`) as the organisation's administrator. */
export async function importRegister(app: TestApp, admin: Session, csv: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/addresses/import',
    headers: { ...admin.headers, 'content-type': 'text/csv' },
    payload: csv,
  });
  if (res.statusCode !== 200) throw new Error(`address import: ${res.statusCode} ${res.body}`);
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
