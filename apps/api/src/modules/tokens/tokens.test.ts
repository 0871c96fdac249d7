import { apiToken } from '@voordeur/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bearerFor, expectProblem, makeOrg, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

describe('API tokens', () => {
  it('are created once, stored hashed, and work as Bearer with exactly their role', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: admin.headers,
      payload: { name: 'Telefonie', role: 'agent', expiresInDays: 30 },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.token).toMatch(/^vdr_[A-Za-z0-9_-]{40,}$/);
    expect(created.prefix).toBe(created.token.slice(0, 10));
    const [row] = await t.database.db.select().from(apiToken).where(eq(apiToken.id, created.id));
    expect(row!.tokenHash).not.toContain(created.token);
    expect(JSON.stringify(row)).not.toContain(created.token);
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await t.app.inject({ url: '/api/teams', headers: bearer })).statusCode).toBe(200);
    // An agent token may not read users, though its creator (admin) may.
    expectProblem(await t.app.inject({ url: '/api/users', headers: bearer }), 403, 'forbidden');
    // Bearer writes need no CSRF token.
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/auth/me/locale',
          headers: bearer,
          payload: { locale: 'en' },
        })
      ).statusCode,
    ).toBe(403);
    const list = await t.app.inject({ url: '/api/auth/tokens', headers: admin.headers });
    expect(
      list.json().items.map((x: { id: string; lastUsedAt: string | null }) => [x.id, x.lastUsedAt !== null]),
    ).toContainEqual([created.id, true]);
    expect(JSON.stringify(list.json())).not.toContain(created.token);
  });

  it('cannot be made for a role the caller does not hold, nor by a token', async () => {
    const org = await makeOrg(t.database);
    const agent = await signIn(t.app, org.users.agent);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: agent.headers,
        payload: { name: 'x', role: 'admin' },
      }),
      403,
      'forbidden',
    );
    const own = await bearerFor(t.app, agent, 'agent');
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: own.headers,
        payload: { name: 'x', role: 'agent' },
      }),
      403,
      'forbidden',
    );
    // The agent sees only its own tokens.
    const admin = await signIn(t.app, org.users.admin);
    await bearerFor(t.app, admin, 'manager');
    const mine = await t.app.inject({ url: '/api/auth/tokens', headers: agent.headers });
    expect(mine.json().items.map((x: { id: string }) => x.id)).toEqual([own.id]);
  });

  it('stop working when revoked or expired; a malformed header is refused', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const tok = await bearerFor(t.app, admin, 'quality');
    expect((await t.app.inject({ url: '/api/audit-events', headers: tok.headers })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${tok.id}`, headers: admin.headers }))
        .statusCode,
    ).toBe(204);
    expectProblem(await t.app.inject({ url: '/api/teams', headers: tok.headers }), 401, 'invalid_token');

    const t2 = await bearerFor(t.app, admin, 'quality');
    await t.database.db
      .update(apiToken)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiToken.id, t2.id));
    expectProblem(await t.app.inject({ url: '/api/teams', headers: t2.headers }), 401, 'invalid_token');

    expectProblem(
      await t.app.inject({ url: '/api/teams', headers: { authorization: 'Basic abc' } }),
      401,
      'invalid_token',
    );
    expectProblem(
      await t.app.inject({
        url: '/api/teams',
        headers: { authorization: 'Bearer vdr_unknownunknownunknown' },
      }),
      401,
      'invalid_token',
    );
  });

  it('can be revoked by their creator, not by another non-admin', async () => {
    const org = await makeOrg(t.database);
    const agent = await signIn(t.app, org.users.agent);
    const teamlead = await signIn(t.app, org.users.teamlead);
    const tok = await bearerFor(t.app, agent, 'agent');
    expectProblem(
      await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${tok.id}`, headers: teamlead.headers }),
      403,
      'forbidden',
    );
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${tok.id}`, headers: agent.headers }))
        .statusCode,
    ).toBe(204);
  });
});
