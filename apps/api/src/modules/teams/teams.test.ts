import { describe, expect, it } from 'vitest';
import { expectProblem, makeOrg, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

describe('teams', () => {
  it('every signed-in person lists the teams with their member count', async () => {
    const org = await makeOrg(t.database);
    const agent = await signIn(t.app, org.users.agent);
    const res = await t.app.inject({ url: '/api/teams', headers: agent.headers });
    expect(res.statusCode).toBe(200);
    expect(
      res.json().items.map((t: { name: string; memberCount: number }) => [t.name, t.memberCount]),
    ).toEqual([
      ['KCC', 2],
      ['Management', 4], // manager, quality, admin, integrity officer
      ['Openbare ruimte', 1],
    ]);
  });

  it('an admin creates and renames a team; names are unique per organisation, case-insensitively', async () => {
    const org = await makeOrg(t.database);
    const admin = await signIn(t.app, org.users.admin);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/teams',
      headers: admin.headers,
      payload: { name: 'Belastingen', kind: 'back_office' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Belastingen',
      description: '',
      version: 1,
      memberCount: 0,
    });
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/teams',
        headers: admin.headers,
        payload: { name: 'kcc', kind: 'front_office' },
      }),
      409,
      'team_name_taken',
    );
    const id = created.json().id;
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/teams/${id}`,
      headers: admin.headers,
      payload: { name: 'Belastingen en WOZ', version: 1 },
    });
    expect(renamed.json()).toMatchObject({ name: 'Belastingen en WOZ', version: 2 });
    expectProblem(
      await t.app.inject({
        method: 'PATCH',
        url: `/api/teams/${id}`,
        headers: admin.headers,
        payload: { description: 'x', version: 1 },
      }),
      409,
      'version_conflict',
    );
    const events = await t.app.inject({
      url: `/api/audit-events?entityType=team&entityId=${id}`,
      headers: admin.headers,
    });
    expect(events.json().items.map((e: { action: string }) => e.action)).toEqual(['updated', 'created']);
    expect(events.json().items[0].changes).toEqual({
      name: { before: 'Belastingen', after: 'Belastingen en WOZ' },
    });
  });

  it('only admins change teams', async () => {
    const org = await makeOrg(t.database);
    const manager = await signIn(t.app, org.users.manager);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/teams',
        headers: manager.headers,
        payload: { name: 'X', kind: 'back_office' },
      }),
      403,
      'forbidden',
    );
  });
});
