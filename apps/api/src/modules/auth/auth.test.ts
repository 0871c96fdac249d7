import { appUser, session } from '@voordeur/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  cookieFrom,
  expectProblem,
  makeOrg,
  signIn,
  TEST_PASSWORD,
  testApp,
  useTestApp,
} from '../../test/harness.ts';

const t = useTestApp({ LOGIN_LOCK_AFTER_FAILURES: '3' });

describe('login', () => {
  it('starts a session in an httpOnly SameSite cookie and returns the caller', async () => {
    const org = await makeOrg(t.database);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.users.agent.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      email: org.users.agent.email,
      roles: ['agent'],
      organisation: { id: org.id },
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/voordeur_session=[A-Za-z0-9_-]{40,}/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    // Only the hash of the cookie value is stored.
    const value = cookieFrom(res.headers['set-cookie']).split('=')[1]!;
    const rows = await t.database.db.select().from(session).where(eq(session.userId, org.users.agent.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(value);
    const me = await t.app.inject({
      url: '/api/auth/me',
      headers: { cookie: cookieFrom(res.headers['set-cookie']) },
    });
    expect(me.json()).toMatchObject({
      id: org.users.agent.id,
      memberships: [{ role: 'agent', teamKind: 'front_office' }],
    });
  });

  it('refuses a wrong password and an unknown address alike', async () => {
    const org = await makeOrg(t.database);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: org.users.agent.email, password: 'nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.nl', password: 'nope' },
    });
    expectProblem(wrong, 401, 'invalid_credentials');
    expectProblem(unknown, 401, 'invalid_credentials');
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('locks an account after repeated failures, answering exactly as for an address without an account', async () => {
    const org = await makeOrg(t.database);
    const email = org.users.backoffice.email;
    const login = (payload: { email: string; password: string }) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
    /** What a caller can compare: status, headers that could differ, and the body without its request id. */
    const seen = async (payload: { email: string; password: string }) => {
      const res = await login(payload);
      const { requestId: _, ...body } = res.json();
      return {
        status: res.statusCode,
        retryAfter: res.headers['retry-after'],
        type: res.headers['content-type'],
        body,
      };
    };
    for (let i = 0; i < 3; i++) {
      expectProblem(await login({ email, password: 'bad' }), 401, 'invalid_credentials');
    }
    const unknown = await seen({ email: 'nobody-at-all@example.nl', password: 'bad' });
    expect(unknown.status).toBe(401);
    // Locked now: the right password and a wrong one get the unknown address's answer, to the byte.
    expect(await seen({ email, password: TEST_PASSWORD })).toEqual(unknown);
    expect(await seen({ email, password: 'bad' })).toEqual(unknown);
    const [locked] = await t.database.db.select().from(appUser).where(eq(appUser.email, email));
    expect(locked!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(locked!.lockedUntil!.getTime()).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    // The lock-out is in the audit trail.
    const admin = await signIn(t.app, org.users.admin);
    const audit = await t.app.inject({
      url: `/api/audit-events?entityId=${org.users.backoffice.id}`,
      headers: admin.headers,
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('locked');
    // Once the lock has passed, the right password works and the counter resets.
    await t.database.db
      .update(appUser)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(appUser.email, email));
    expect((await login({ email, password: TEST_PASSWORD })).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(appUser).where(eq(appUser.email, email));
    expect(row!.failedLoginCount).toBe(0);
  });

  it('throttles failed sign-ins per client IP, for known and unknown addresses alike', async () => {
    const org = await makeOrg(t.database);
    const app = await testApp(t.database, { LOGIN_FAILURES_PER_IP: '4', LOGIN_LOCK_AFTER_FAILURES: '100' });
    try {
      const login = (email: string, password: string, remoteAddress: string) =>
        app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });
      // Four failures from one address, spread over accounts that exist and one that does not.
      for (const email of [
        org.users.agent.email,
        org.users.admin.email,
        'nobody@example.nl',
        'x@example.nl',
      ]) {
        expectProblem(await login(email, 'bad', '10.0.0.7'), 401, 'invalid_credentials');
      }
      // Now that address waits, whichever account it names (and even with the right password).
      const known = await login(org.users.agent.email, TEST_PASSWORD, '10.0.0.7');
      const unknown = await login('nobody@example.nl', 'bad', '10.0.0.7');
      expectProblem(known, 429, 'login_throttled');
      expectProblem(unknown, 429, 'login_throttled');
      expect(Number(known.headers['retry-after'])).toBeGreaterThan(0);
      expect(known.json().detail).toBe(unknown.json().detail);
      // Another address is not affected.
      expect((await login(org.users.agent.email, TEST_PASSWORD, '10.0.0.8')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('refuses a deactivated user', async () => {
    const org = await makeOrg(t.database);
    await t.database.db.update(appUser).set({ active: false }).where(eq(appUser.id, org.users.agent.id));
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: org.users.agent.email, password: TEST_PASSWORD },
      }),
      401,
      'invalid_credentials',
    );
  });
});

describe('sessions', () => {
  it('ends the session at logout; the old cookie then reads as expired', async () => {
    const org = await makeOrg(t.database);
    const s = await signIn(t.app, org.users.agent);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expectProblem(
      await t.app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } }),
      401,
      'session_expired',
    );
  });

  it('treats an expired session as expired, not as a server error', async () => {
    const org = await makeOrg(t.database);
    const s = await signIn(t.app, org.users.agent);
    await t.database.db
      .update(session)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(session.userId, org.users.agent.id));
    const res = await t.app.inject({ url: '/api/teams', headers: { cookie: s.cookie } });
    expectProblem(res, 401, 'session_expired');
    expect(String(res.headers['set-cookie'])).toContain('voordeur_session=;');
  });

  it('requires authentication on API routes', async () => {
    expectProblem(await t.app.inject({ url: '/api/teams' }), 401, 'unauthenticated');
    expectProblem(await t.app.inject({ url: '/api/auth/me' }), 401, 'unauthenticated');
  });
});

describe('CSRF', () => {
  it('requires the session token on cookie-authenticated writes, and only that session’s token', async () => {
    const org = await makeOrg(t.database);
    const a = await signIn(t.app, org.users.agent);
    const b = await signIn(t.app, org.users.admin);
    const write = (headers: Record<string, string>) =>
      t.app.inject({ method: 'PATCH', url: '/api/auth/me/locale', headers, payload: { locale: 'en' } });
    expectProblem(await write({ cookie: a.cookie }), 403, 'csrf_missing');
    expectProblem(await write({ cookie: a.cookie, 'x-csrf-token': 'forged-token' }), 403, 'csrf_invalid');
    expectProblem(await write({ cookie: a.cookie, 'x-csrf-token': b.csrf }), 403, 'csrf_invalid');
    expect((await write(a.headers)).statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: a.cookie } });
    expect(me.json().locale).toBe('en');
  });

  it('checks CSRF before reading the body, so a forged write learns nothing about validation', async () => {
    const org = await makeOrg(t.database);
    const s = await signIn(t.app, org.users.admin);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/teams',
      headers: { cookie: s.cookie },
      payload: { bogus: true },
    });
    expectProblem(res, 403, 'csrf_missing');
  });
});

describe('password change', () => {
  it('checks the current password, ends other sessions, keeps this one', async () => {
    const org = await makeOrg(t.database);
    const here = await signIn(t.app, org.users.agent);
    const elsewhere = await signIn(t.app, org.users.agent);
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: here.headers,
        payload: { currentPassword, newPassword },
      });
    const wrong = expectProblem(await change('not-it', 'a-brand-new-password'), 400, 'wrong_password');
    expect(wrong.errors?.[0]?.field).toBe('currentPassword');
    const short = expectProblem(await change(TEST_PASSWORD, 'short'), 400, 'validation_failed');
    expect(short.errors?.[0]?.field).toBe('newPassword');
    expect((await change(TEST_PASSWORD, 'a-brand-new-password')).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: here.cookie } })).statusCode).toBe(
      200,
    );
    expectProblem(
      await t.app.inject({ url: '/api/auth/me', headers: { cookie: elsewhere.cookie } }),
      401,
      'session_expired',
    );
    await expect(signIn(t.app, { email: org.users.agent.email, password: TEST_PASSWORD })).rejects.toThrow();
    await signIn(t.app, { email: org.users.agent.email, password: 'a-brand-new-password' });
    const [row] = await t.database.db.select().from(appUser).where(eq(appUser.id, org.users.agent.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
