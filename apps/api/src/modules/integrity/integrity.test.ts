/**
 * The integrity register (issue 15, element 5): the integrity officer alone — every other role gets 403 on every
 * endpoint, admin included; every read and change is audited, without the register's contents.
 */
import { ROLES } from '@voordeur/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  makeOrg,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';

const t = useTestApp();

let org: TestOrg;
let officer: Session;
let admin: Session;

beforeAll(async () => {
  org = await makeOrg(t.database, 'Integriteit');
  [officer, admin] = await Promise.all([signIn(t.app, org.users.integrity), signIn(t.app, org.users.admin)]);
});

const SUMMARY = 'Medewerker gaf een vergunning af aan het bedrijf van een familielid';
const PEOPLE = 'Medewerker vergunningen (team Backoffice)';

describe('the integrity register', () => {
  let id: string;

  it('the integrity officer records, lists, reads and closes a report; closing asks for the outcome', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/integrity/records',
      headers: officer.headers,
      payload: {
        kind: 'conflict_of_interest',
        occurredOn: '2025-05-02',
        summary: SUMMARY,
        peopleConcerned: PEOPLE,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'open', outcome: null, measures: '', version: 1 });
    id = created.json().id;
    const list = await t.app.inject({ url: '/api/integrity/records', headers: officer.headers });
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(
      (await t.app.inject({ url: `/api/integrity/records/${id}`, headers: officer.headers })).json(),
    ).toMatchObject({ summary: SUMMARY, peopleConcerned: PEOPLE });
    const investigating = await t.app.inject({
      method: 'PATCH',
      url: `/api/integrity/records/${id}`,
      headers: officer.headers,
      payload: { status: 'investigating', measures: 'Dossier overgedragen aan een collega.', version: 1 },
    });
    expect(investigating.json()).toMatchObject({ status: 'investigating', version: 2 });
    const noOutcome = expectProblem(
      await t.app.inject({
        method: 'PATCH',
        url: `/api/integrity/records/${id}`,
        headers: officer.headers,
        payload: { status: 'closed', version: 2 },
      }),
      400,
      'validation_failed',
    );
    expect(noOutcome.errors?.map((e) => e.field)).toEqual(['outcome']);
    const closed = await t.app.inject({
      method: 'PATCH',
      url: `/api/integrity/records/${id}`,
      headers: officer.headers,
      payload: { status: 'closed', outcome: 'Gesprek gevoerd; vergunning opnieuw beoordeeld.', version: 2 },
    });
    expect(closed.json()).toMatchObject({ status: 'closed', version: 3 });
    expectProblem(
      await t.app.inject({
        method: 'PATCH',
        url: `/api/integrity/records/${id}`,
        headers: officer.headers,
        payload: { measures: 'x', version: 2 },
      }),
      409,
      'version_conflict',
    );
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/integrity/records',
        headers: officer.headers,
        payload: { kind: 'report', occurredOn: '2999-01-01', summary: 'x' },
      }),
      400,
      'validation_failed',
    );
  });

  it('every other role gets 403 on every endpoint, admin included', async () => {
    const sessions = await Promise.all(
      ROLES.filter((r) => r !== 'integrity').map((role) => signIn(t.app, org.users[role])),
    );
    for (const s of sessions) {
      const calls = [
        t.app.inject({ url: '/api/integrity/records', headers: s.headers }),
        t.app.inject({ url: `/api/integrity/records/${id}`, headers: s.headers }),
        t.app.inject({
          method: 'POST',
          url: '/api/integrity/records',
          headers: s.headers,
          payload: { kind: 'report', occurredOn: '2025-01-01', summary: 'x' },
        }),
        t.app.inject({
          method: 'PATCH',
          url: `/api/integrity/records/${id}`,
          headers: s.headers,
          payload: { measures: 'x', version: 3 },
        }),
      ];
      for (const res of await Promise.all(calls)) expectProblem(res, 403, 'forbidden');
    }
  });

  it('another organisation’s integrity officer does not find the record', async () => {
    const other = await makeOrg(t.database, 'Elders');
    const theirs = await signIn(t.app, other.users.integrity);
    expectProblem(
      await t.app.inject({ url: `/api/integrity/records/${id}`, headers: theirs.headers }),
      404,
      'not_found',
    );
    expect(
      (await t.app.inject({ url: '/api/integrity/records', headers: theirs.headers })).json().items,
    ).toEqual([]);
  });

  it('every read and change is in the audit trail, without what the register says', async () => {
    const events = await t.app.inject({
      url: '/api/audit-events?entityType=integrity_record',
      headers: admin.headers,
    });
    expect(events.statusCode).toBe(200);
    const actions = events.json().items.map((e: { action: string }) => e.action);
    // Newest first: two status changes, the read of the record, the read of the list, the recording.
    expect(actions).toEqual(['status_changed', 'status_changed', 'viewed', 'viewed_overview', 'created']);
    const text = JSON.stringify(events.json());
    for (const secret of [SUMMARY, PEOPLE, 'Dossier overgedragen', 'Gesprek gevoerd'])
      expect(text).not.toContain(secret);
  });
});
