import { appUser, auditEvent } from '@voordeur/db';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectProblem, makeOrg, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const newUser = (teamId: string, email = `new-${Math.random().toString(36).slice(2)}@example.nl`) => ({
  email,
  name: 'Nieuwe Collega',
  locale: 'nl',
  password: 'a-long-enough-password',
  memberships: [
    { teamId, role: 'agent' },
    { teamId, role: 'teamlead' },
  ],
});

describe('users', () => {
  it('an admin creates a user with several roles; the change is audited with the secret redacted', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: newUser(org.teams.front),
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user.memberships.map((m: { role: string }) => m.role).sort()).toEqual(['agent', 'teamlead']);
    const me = await signIn(t.app, { email: user.email, password: 'a-long-enough-password' });
    expect((await t.app.inject({ url: '/api/auth/me', headers: me.headers })).json().roles).toEqual([
      'agent',
      'teamlead',
    ]);
    const [event] = await t.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, user.id), eq(auditEvent.action, 'created')));
    expect(event!.actorUserId).toBe(org.users.admin.id);
    expect((event!.changes as Record<string, { after: unknown }>).passwordHash!.after).toBe('[redacted]');
    expect(JSON.stringify(event!.changes)).not.toContain('argon2');
  });

  it('refuses a duplicate e-mail, an unknown team and non-admins, and then stores nothing', async () => {
    const org = await makeOrg(t.database);
    const other = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const teamlead = await signIn(t.app, org.users.teamlead);
    const before = await t.database.db.select().from(appUser).where(eq(appUser.organisationId, org.id));
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.headers,
        payload: newUser(org.teams.front, org.users.agent.email),
      }),
      409,
      'email_taken',
    );
    const foreign = expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.headers,
        payload: newUser(other.teams.front),
      }),
      400,
      'validation_failed',
    );
    expect(foreign.errors?.map((e) => e.field)).toEqual(['memberships.0.teamId', 'memberships.1.teamId']);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: teamlead.headers,
        payload: newUser(org.teams.front),
      }),
      403,
      'forbidden',
    );
    const after = await t.database.db.select().from(appUser).where(eq(appUser.organisationId, org.id));
    expect(after).toHaveLength(before.length);
  });

  it('updates with optimistic locking: a stale version is a 409 and changes nothing', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const url = `/api/users/${org.users.agent.id}`;
    const current = (await t.app.inject({ url, headers: admin.headers })).json();
    const first = await t.app.inject({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { name: 'Eerste', version: current.version },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(current.version + 1);
    const stale = await t.app.inject({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { name: 'Tweede', version: current.version },
    });
    expectProblem(stale, 409, 'version_conflict');
    expect((await t.app.inject({ url, headers: admin.headers })).json().name).toBe('Eerste');
  });

  it('never leaves the organisation without an active admin', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const url = `/api/users/${org.users.admin.id}`;
    const current = (await t.app.inject({ url, headers: admin.headers })).json();
    const demote = await t.app.inject({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { memberships: [{ teamId: org.teams.mgmt, role: 'manager' }], version: current.version },
    });
    expectProblem(demote, 409, 'last_admin');
    const deactivate = await t.app.inject({
      method: 'PATCH',
      url,
      headers: admin.headers,
      payload: { active: false, version: current.version },
    });
    expectProblem(deactivate, 409, 'last_admin');
    expect((await t.app.inject({ url, headers: admin.headers })).json()).toMatchObject({
      active: true,
      version: current.version,
    });
  });

  it('deactivating a user ends their sessions; an admin password reset too', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const agent = await signIn(t.app, org.users.agent);
    const url = `/api/users/${org.users.agent.id}`;
    const v = (await t.app.inject({ url, headers: admin.headers })).json().version;
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url,
          headers: admin.headers,
          payload: { active: false, version: v },
        })
      ).statusCode,
    ).toBe(200);
    expectProblem(
      await t.app.inject({ url: '/api/auth/me', headers: agent.headers }),
      401,
      'session_expired',
    );

    const bo = await signIn(t.app, org.users.backoffice);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${org.users.backoffice.id}/password`,
      headers: admin.headers,
      payload: { password: 'reset-by-the-admin' },
    });
    expect(reset.statusCode).toBe(204);
    expectProblem(await t.app.inject({ url: '/api/auth/me', headers: bo.headers }), 401, 'session_expired');
    await signIn(t.app, { email: org.users.backoffice.email, password: 'reset-by-the-admin' });
  });

  it('lists users for team leads, managers and quality, not for agents', async () => {
    const org = await makeOrg(t.database);
    for (const role of ['teamlead', 'manager', 'quality', 'admin'] as const) {
      const s = await signIn(t.app, org.users[role]);
      const res = await t.app.inject({ url: '/api/users', headers: s.headers });
      expect(res.statusCode).toBe(200);
      // Every user of the test organisation: one per role.
      expect(res.json().items).toHaveLength(Object.keys(org.users).length);
    }
    for (const role of ['agent', 'backoffice', 'integrity'] as const) {
      const s = await signIn(t.app, org.users[role]);
      expectProblem(await t.app.inject({ url: '/api/users', headers: s.headers }), 403, 'forbidden');
    }
  });

  it('refuses a common, guessable or personal password wherever one is chosen, naming the field and reason', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { ...newUser(org.teams.front), password: 'password1234' },
    });
    expect(expectProblem(created, 400, 'validation_failed').errors).toEqual([
      { field: 'password', code: 'password_too_common', message: expect.any(String) },
    ]);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${org.users.agent.id}/password`,
      headers: admin.headers,
      payload: { password: 'aaaaaaaaaaaa' },
    });
    expect(expectProblem(reset, 400, 'validation_failed').errors).toEqual([
      { field: 'password', code: 'password_guessable', message: expect.any(String) },
    ]);
    const agent = await signIn(t.app, org.users.agent);
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: agent.headers,
      // The agent's e-mail address's local part ("agent-t-…") with a year.
      payload: {
        currentPassword: org.users.agent.password,
        newPassword: `${org.users.agent.email.split('@')[0]}2026`,
      },
    });
    expect(expectProblem(own, 400, 'validation_failed').errors).toEqual([
      { field: 'newPassword', code: 'password_personal', message: expect.any(String) },
    ]);
    // Nothing changed: the old password still works.
    await signIn(t.app, org.users.agent);
  });
});
