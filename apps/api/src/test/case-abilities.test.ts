import type { CaseAbilities, Role } from '@voordeur/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { complaintItemDef, itemDef, publishContent } from './catalogue-fixtures.ts';
import { dbKind, makeOrg, type Session, signIn, type TestOrg, useTestApp } from './harness.ts';

/*
 * A case's `abilities` are what the web offers; the actions are what the API takes. For a few roles and every
 * kind of case state, each ability the presenter says true is accepted by its endpoint (on a fresh case in that
 * state) and each false one is refused (403 for the role, 422 for the state). A rule changed on one side only
 * fails here.
 *
 * On the embedded database only: it compares two parts of the API's own code (the presenter's abilities and the
 * endpoints' rules), which no database changes, and it was the suite's second-longest file on each database (33–37
 * s of a worker, ~250 requests making fresh cases). Every endpoint it calls runs on PostgreSQL too, in cases.test.ts
 * and the other case files (ADR 0023, addendum "one database for a test of the API's own rules").
 */

const t = useTestApp();
let org: TestOrg;
let admin: Session;
const sessions = {} as Record<Role, Session>;
const ROLES_UNDER_TEST = ['agent', 'backoffice', 'teamlead', 'manager'] as const satisfies readonly Role[];

interface CaseBody {
  id: string;
  version: number;
  workflow: { key: string; reachable: boolean }[];
  abilities: CaseAbilities;
}

const send = (method: 'GET' | 'POST', url: string, s: Session, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

async function ok(method: 'GET' | 'POST', url: string, payload?: object): Promise<CaseBody> {
  const res = await send(method, url, admin, payload);
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}
const read = (id: string, s = admin) => send('GET', `/api/cases/${id}`, s).then((r) => r.json<CaseBody>());
const step = (c: CaseBody, path: string, body: object = {}) =>
  ok('POST', `/api/cases/${c.id}/${path}`, { ...body, version: c.version });

const intake = (itemCode = 'lamp-kapot') =>
  ok('POST', '/api/cases', {
    itemCode,
    description: 'Lamp voor nummer 12 is uit',
    location: { description: 'Dorpsstraat 12' },
  });

let main: CaseBody;

/** Every state a case can be in that changes what may be done to it; each call makes a fresh case. */
const STATES: Record<string, () => Promise<CaseBody>> = {
  open: () => intake(),
  suspendedExtended: async () => {
    let c = await step(await intake(), 'transitions', { to: 'in_behandeling' });
    c = await step(c, 'extend', { extension: { amount: 2, unit: 'working_days' }, reason: 'Onderdelen' });
    return step(c, 'suspend', { reason: 'Wacht op foto' });
  },
  waitingStatus: async () =>
    step(await step(await intake(), 'transitions', { to: 'in_behandeling' }), 'transitions', {
      to: 'wacht_op_melder',
    }),
  closed: async () =>
    step(await step(await intake(), 'transitions', { to: 'in_behandeling' }), 'transitions', {
      to: 'afgehandeld',
    }),
  mergedDuplicate: async () => step(await intake(), 'merge', { mainCaseId: main.id }),
  childTask: async () => {
    const parent = await intake();
    const child = await ok('POST', `/api/cases/${parent.id}/children`, {
      teamId: org.teams.back,
      description: 'Kabel controleren',
      version: parent.version,
    });
    return read(child.id);
  },
  parentWithOpenChild: async () => {
    const parent = await step(await intake(), 'transitions', { to: 'in_behandeling' });
    await step(parent, 'children', { teamId: org.teams.back, description: 'Kabel controleren' });
    return read(parent.id);
  },
  complaintUndecided: async () => step(await intake('klacht'), 'transitions', { to: 'in_behandeling' }),
  complaintDecided: async () => {
    let c = await step(await intake('klacht'), 'transitions', { to: 'in_behandeling' });
    for (const body of [
      { action: 'acknowledge' },
      { action: 'advisory_committee' },
      { action: 'extend', weeks: 2, reason: 'Commissie' },
      { action: 'decide', outcome: 'founded', text: 'U heeft gelijk.' },
    ])
      c = await step(c, 'complaint', body);
    return c;
  },
};

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The request behind each boolean ability, as the web sends it. */
const ACTIONS: Record<
  Exclude<keyof CaseAbilities, 'transition' | 'complaint'>,
  (c: CaseBody, s: Session) => ReturnType<typeof send>
> = {
  message: (c, s) => send('POST', `/api/cases/${c.id}/messages`, s, { direction: 'out', body: 'Wij komen.' }),
  reply: (c, s) => send('POST', `/api/cases/${c.id}/messages`, s, { direction: 'in', body: 'Dank u.' }),
  note: (c, s) => send('POST', `/api/cases/${c.id}/notes`, s, { body: 'Intern.' }),
  attachment: (c, s) => {
    const boundary = 'voordeurboundary';
    return t.app.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/attachments`,
      headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lamp.png"\r\nContent-Type: image/png\r\n\r\n`,
        ),
        png,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
  },
  suspend: (c, s) => send('POST', `/api/cases/${c.id}/suspend`, s, { reason: 'Wacht', version: c.version }),
  resume: (c, s) => send('POST', `/api/cases/${c.id}/resume`, s, { version: c.version }),
  extend: (c, s) =>
    send('POST', `/api/cases/${c.id}/extend`, s, {
      extension: { amount: 2, unit: 'working_days' },
      reason: 'Onderdelen',
      version: c.version,
    }),
  assign: (c, s) =>
    send('POST', '/api/cases/assign', s, {
      cases: [{ id: c.id, version: c.version }],
      assigneeId: org.users.backoffice.id,
    }),
  claim: (c, s) => send('POST', `/api/cases/${c.id}/claim`, s, { version: c.version }),
  child: (c, s) =>
    send('POST', `/api/cases/${c.id}/children`, s, {
      teamId: org.teams.back,
      description: 'Deeltaak',
      version: c.version,
    }),
  merge: (c, s) => send('POST', `/api/cases/${c.id}/merge`, s, { mainCaseId: main.id, version: c.version }),
  reopen: (c, s) =>
    send('POST', `/api/cases/${c.id}/reopen`, s, { reason: 'Toch niet klaar', version: c.version }),
  // Allowed only after the person asked to reopen (tracking.test.ts): here it is refused in every state.
  refuseReopen: (c, s) =>
    send('POST', `/api/cases/${c.id}/reopen-refusal`, s, { reason: 'Is opgelost', version: c.version }),
};

const COMPLAINT_STEPS: Record<CaseAbilities['complaint'][number], object> = {
  acknowledge: { action: 'acknowledge' },
  hearing: { action: 'hearing', held: false },
  advisory_committee: { action: 'advisory_committee' },
  extend: { action: 'extend', weeks: 2, reason: 'Commissie' },
  decide: { action: 'decide', outcome: 'founded', text: 'U heeft gelijk.' },
};

/** Every request behind the abilities of a case, named, with whether the abilities allow it. */
function requests(c: CaseBody) {
  const a = c.abilities;
  return [
    ...Object.entries(ACTIONS).map(([name, run]) => ({
      name,
      allowed: a[name as keyof typeof ACTIONS],
      run,
    })),
    // Every status the workflow leads to from here: offered exactly when the API takes the case there.
    ...c.workflow
      .filter((s) => s.reachable)
      .map((s) => ({
        name: `transition:${s.key}`,
        allowed: a.transition.includes(s.key),
        run: (x: CaseBody, session: Session) =>
          send('POST', `/api/cases/${x.id}/transitions`, session, { to: s.key, version: x.version }),
      })),
    ...Object.entries(COMPLAINT_STEPS).map(([key, body]) => ({
      name: `complaint:${key}`,
      allowed: a.complaint.includes(key as keyof typeof COMPLAINT_STEPS),
      run: (x: CaseBody, session: Session) =>
        send('POST', `/api/cases/${x.id}/complaint`, session, { ...body, version: x.version }),
    })),
  ];
}

beforeAll(async () => {
  org = await makeOrg(t.database);
  await publishContent(t.database.db, org.id, {
    items: [itemDef('lamp-kapot', { intakeFields: [] }), complaintItemDef()],
  });
  admin = await signIn(t.app, org.users.admin);
  for (const role of ROLES_UNDER_TEST) sessions[role] = await signIn(t.app, org.users[role]);
  main = await intake();
});

describe.runIf(dbKind === 'pglite')('case abilities match what the API accepts', () => {
  for (const [state, make] of Object.entries(STATES)) {
    it(`for ${ROLES_UNDER_TEST.join(', ')} on a case that is ${state}`, { timeout: 120_000 }, async () => {
      const shared = await make();
      const drift: string[] = [];
      let offered = 0;
      for (const role of ROLES_UNDER_TEST) {
        const seen = await read(shared.id, sessions[role]);
        for (const r of requests(seen)) {
          // An allowed action changes the case: it runs on a fresh case in the same state. A refused one does not.
          const target = r.allowed ? await read((await make()).id, sessions[role]) : seen;
          const res = await r.run(target, sessions[role]);
          if (r.allowed) offered++;
          const accepted = res.statusCode < 300;
          const refused = res.statusCode === 403 || res.statusCode === 422;
          if (r.allowed ? !accepted : !refused)
            drift.push(
              `${role} ${r.name}: abilities say ${r.allowed}, API answered ${res.statusCode} ${res.body}`,
            );
        }
      }
      expect(drift).toEqual([]);
      // Not a test that cannot fail: in each state somebody may do something.
      expect(offered).toBeGreaterThan(0);
    });
  }

  it('a manager reads along and is offered nothing; an agent only notes, replies and attachments', async () => {
    const c = await intake();
    const none = { transition: [], complaint: [] };
    expect((await read(c.id, sessions.manager)).abilities).toMatchObject(none);
    expect(Object.values((await read(c.id, sessions.manager)).abilities).filter((v) => v === true)).toEqual(
      [],
    );
    const agent = (await read(c.id, sessions.agent)).abilities;
    expect(
      Object.entries(agent)
        .filter(([, v]) => v === true)
        .map(([k]) => k)
        .sort(),
    ).toEqual(['attachment', 'note', 'reply']);
  });
});
