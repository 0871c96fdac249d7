import { describe, expect, it } from 'vitest';
import { expectProblem, makeOrg, signIn, useTestApp } from '../../test/harness.ts';

const t = useTestApp();

const week = (open: string) => ({
  openingHours: { 1: [{ open, close: '17:00' }], 2: [{ open, close: '17:00' }] },
  closures: [],
});

describe('the working calendar', () => {
  it('is saved first with version 0, then only with the version read; a stale version changes nothing', async () => {
    const org = await makeOrg(t.database);
    const admin = (await signIn(t.app, org.users.admin)).headers;
    const put = (definition: object, version: number) =>
      t.app.inject({ method: 'PUT', url: '/api/calendar', headers: admin, payload: { definition, version } });
    const read = async () => (await t.app.inject({ url: '/api/calendar', headers: admin })).json();

    expect((await read()).version).toBe(0);
    const first = await put(week('08:00'), 0);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(1);
    // A second "first" save (someone else saved meanwhile) is refused, not stored over the first.
    expectProblem(await put(week('10:00'), 0), 409, 'version_conflict');
    const second = await put(week('09:00'), 1);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().version).toBe(2);
    expectProblem(await put(week('11:00'), 1), 409, 'version_conflict');
    const now = await read();
    expect(now.version).toBe(2);
    expect(now.definition.openingHours['1']).toEqual([{ open: '09:00', close: '17:00' }]);
  });
});
