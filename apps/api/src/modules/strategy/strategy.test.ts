/**
 * Strategy (issue 15): the versioned vision, the objective tree (circles refused), KPI targets and actions, and the
 * periodic review — its values are the metrics module's `kpiValues` over the period, never a sum of its own.
 * Figures come from contact rollup rows inserted here directly (March 2025).
 */
import { metricContactDay } from '@voordeur/db';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  makeOrg,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { kpiValues } from '../metrics/index.ts';
import { objectivesStatus } from './index.ts';

const t = useTestApp();

let org: TestOrg;
let other: TestOrg;
let manager: Session;
let agent: Session;
let teamlead: Session;

const YEAR = { periodFrom: '2025-01-01', periodTo: '2025-12-31' };

beforeAll(async () => {
  org = await makeOrg(t.database, 'Strategie');
  other = await makeOrg(t.database, 'Ander');
  [manager, agent, teamlead] = await Promise.all([
    signIn(t.app, org.users.manager),
    signIn(t.app, org.users.agent),
    signIn(t.app, org.users.teamlead),
  ]);
  const base = { organisationId: org.id, channel: 'phone', customerKind: 'resident', language: 'nl' };
  await t.database.db.insert(metricContactDay).values([
    // The front office: 6 of 10 answered at once (60 %); the back office 9 of 10 (90 %).
    { ...base, day: '2025-03-03', teamId: org.teams.front, ageBand: '30-44', contacts: 10, answered: 6 },
    { ...base, day: '2025-03-12', teamId: org.teams.back, ageBand: '45-64', contacts: 10, answered: 9 },
  ]);
});

const post = (s: Session, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: s.headers, payload });
const patch = (s: Session, url: string, payload: object) =>
  t.app.inject({ method: 'PATCH', url, headers: s.headers, payload });

async function objective(title: string, extra: object = {}) {
  const res = await post(manager, '/api/strategy/objectives', {
    title,
    ownerId: org.users.manager.id,
    ...YEAR,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

describe('the service vision', () => {
  it('a manager adopts versions; every employee reads the current one and the earlier ones; overdue review shown', async () => {
    const first = await post(manager, '/api/strategy/vision', {
      vision: 'Snel en zeker geholpen, via het kanaal dat bij u past.',
      mission: 'Wij helpen inwoners en ondernemers in één keer goed.',
      values: [{ name: 'Open', description: 'We laten zien wat we doen.' }],
      stakeholders: ['bewonerspanel', 'gemeenteraad'],
      adoptedOn: '2023-01-10',
      nextReviewOn: '2024-01-10',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ version: 1, reviewOverdue: true });
    const second = await post(manager, '/api/strategy/vision', {
      vision: 'Digitaal waar het kan, persoonlijk waar het moet.',
      mission: 'Wij helpen in één keer goed.',
      values: [{ name: 'Betrouwbaar' }, { name: 'Dichtbij', description: 'In de wijk.' }],
      stakeholders: ['ondernemersvereniging'],
      adoptedOn: '2025-01-15',
      nextReviewOn: '2099-01-15',
    });
    expect(second.json()).toMatchObject({ version: 2, reviewOverdue: false });
    const read = await t.app.inject({ url: '/api/strategy/vision', headers: agent.headers });
    expect(read.statusCode).toBe(200);
    expect(read.json().current).toMatchObject({
      version: 2,
      values: [
        { name: 'Betrouwbaar', description: '' },
        { name: 'Dichtbij', description: 'In de wijk.' },
      ],
    });
    // The earlier version stays readable, and is not "overdue": it was replaced.
    expect(read.json().earlier).toMatchObject([{ version: 1, reviewOverdue: false }]);
    // Another organisation has no vision yet.
    const elsewhere = await signIn(t.app, other.users.agent);
    expect((await t.app.inject({ url: '/api/strategy/vision', headers: elsewhere.headers })).json()).toEqual({
      current: null,
      earlier: [],
    });
  });

  it('an agent reads but does not write; a review before the adoption is refused', async () => {
    expectProblem(
      await post(agent, '/api/strategy/vision', {
        vision: 'x',
        mission: 'y',
        values: [{ name: 'z' }],
        stakeholders: [],
        adoptedOn: '2025-01-01',
        nextReviewOn: '2026-01-01',
      }),
      403,
      'forbidden',
    );
    const bad = expectProblem(
      await post(manager, '/api/strategy/vision', {
        vision: 'x',
        mission: 'y',
        values: [{ name: 'z' }],
        stakeholders: [],
        adoptedOn: '2025-01-01',
        nextReviewOn: '2024-01-01',
      }),
      400,
      'validation_failed',
    );
    expect(bad.errors?.map((e) => e.field)).toEqual(['nextReviewOn']);
  });
});

describe('objectives, targets and actions', () => {
  it('a circle of objectives is refused, naming parentId; so is an unknown owner, team or parent', async () => {
    const top = await objective('Inwoners zijn tevreden');
    const middle = await objective('Klantcontact in één keer goed', { parentId: top.id });
    const bottom = await objective('Telefonie in één keer goed', { parentId: middle.id });
    const circle = expectProblem(
      await patch(manager, `/api/strategy/objectives/${top.id}`, {
        parentId: bottom.id,
        version: top.version,
      }),
      422,
      'validation_failed',
    );
    expect(circle.errors?.map((e) => e.field)).toEqual(['parentId']);
    const self = expectProblem(
      await patch(manager, `/api/strategy/objectives/${top.id}`, { parentId: top.id, version: top.version }),
      422,
      'validation_failed',
    );
    expect(self.errors?.map((e) => e.field)).toEqual(['parentId']);
    // Moving the bottom one directly under the top is fine.
    const moved = await patch(manager, `/api/strategy/objectives/${bottom.id}`, {
      parentId: top.id,
      version: bottom.version,
    });
    expect(moved.json()).toMatchObject({ parentId: top.id, version: 2 });
    const unknown = expectProblem(
      await post(manager, '/api/strategy/objectives', {
        title: 'X',
        ownerId: other.users.manager.id,
        teamId: other.teams.front,
        parentId: '00000000-0000-4000-8000-000000000000',
        ...YEAR,
      }),
      422,
      'validation_failed',
    );
    expect(unknown.errors?.map((e) => e.field)).toEqual(['ownerId', 'teamId', 'parentId']);
    // An objective with objectives under it is not deleted.
    expectProblem(
      await t.app.inject({
        method: 'DELETE',
        url: `/api/strategy/objectives/${top.id}`,
        headers: manager.headers,
      }),
      422,
      'validation_failed',
    );
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/strategy/objectives/${bottom.id}`,
          headers: manager.headers,
        })
      ).statusCode,
    ).toBe(204);
  });

  it('targets take a catalogue KPI with a direction and a sensible value; actions show overdue', async () => {
    const o = await objective('Bereikbaar');
    const volume = expectProblem(
      await post(manager, `/api/strategy/objectives/${o.id}/targets`, { kpiCode: 'contacts', target: 100 }),
      422,
      'validation_failed',
    );
    expect(volume.errors?.map((e) => e.field)).toEqual(['kpiCode']);
    expectProblem(
      await post(manager, `/api/strategy/objectives/${o.id}/targets`, { kpiCode: 'fcr', target: 120 }),
      422,
      'validation_failed',
    );
    expectProblem(
      await post(manager, `/api/strategy/objectives/${o.id}/targets`, { kpiCode: 'nonsense', target: 1 }),
      400,
      'validation_failed',
    );
    const target = await post(manager, `/api/strategy/objectives/${o.id}/targets`, {
      kpiCode: 'grade_mean',
      target: 7.5,
      filter: { channel: 'phone' },
    });
    expect(target.json()).toMatchObject({
      kpiCode: 'grade_mean',
      unit: 'grade',
      direction: 'higher',
      target: 7.5,
    });
    const action = await post(manager, `/api/strategy/objectives/${o.id}/actions`, {
      title: 'Terugbelafspraak invoeren',
      ownerId: org.users.teamlead.id,
      dueOn: '2025-02-01',
    });
    expect(action.json()).toMatchObject({ status: 'open', overdue: true, ownerId: org.users.teamlead.id });
    const done = await patch(manager, `/api/strategy/actions/${action.json().id}`, {
      status: 'done',
      version: 1,
    });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false, version: 2 });
    expectProblem(
      await patch(manager, `/api/strategy/actions/${action.json().id}`, { status: 'open', version: 1 }),
      409,
      'version_conflict',
    );
    expectProblem(
      await post(agent, `/api/strategy/objectives/${o.id}/actions`, {
        title: 'x',
        ownerId: org.users.agent.id,
        dueOn: '2025-02-01',
      }),
      403,
      'forbidden',
    );
    const read = await t.app.inject({ url: `/api/strategy/objectives/${o.id}`, headers: agent.headers });
    expect(read.json()).toMatchObject({
      targets: [{ kpiCode: 'grade_mean' }],
      actions: [{ status: 'done' }],
    });
    // Not another organisation's.
    const elsewhere = await signIn(t.app, other.users.manager);
    expectProblem(
      await t.app.inject({ url: `/api/strategy/objectives/${o.id}`, headers: elsewhere.headers }),
      404,
      'not_found',
    );
    const events = await t.app.inject({
      url: `/api/audit-events?entityType=objective_action&entityId=${action.json().id}`,
      headers: (await signIn(t.app, org.users.admin)).headers,
    });
    expect(events.json().items.map((e: { action: string }) => e.action)).toEqual([
      'status_changed',
      'created',
    ]);
  });
});

describe('the periodic review', () => {
  let front: { id: string };
  let back: { id: string };
  let frontTarget: string;
  let backTarget: string;
  let wholeTarget: string;

  beforeAll(async () => {
    front = await objective('KCC in één keer goed', { teamId: org.teams.front });
    back = await objective('Backoffice in één keer goed', { teamId: org.teams.back });
    const whole = await objective('Gemeente in één keer goed');
    const add = async (id: string, payload: object) =>
      (await post(manager, `/api/strategy/objectives/${id}/targets`, payload)).json().id as string;
    frontTarget = await add(front.id, { kpiCode: 'fcr', target: 80, filter: { teamId: org.teams.front } });
    backTarget = await add(back.id, { kpiCode: 'fcr', target: 95, filter: { teamId: org.teams.back } });
    wholeTarget = await add(whole.id, { kpiCode: 'fcr', target: 70 });
  });

  it('shows each target with the value kpiValues gives for the period, met or missed', async () => {
    const res = await t.app.inject({ url: '/api/strategy/review?period=2025-03', headers: agent.headers });
    expect(res.statusCode, res.body).toBe(200);
    const review = res.json();
    expect(review).toMatchObject({
      from: '2025-03-01',
      to: '2025-03-31',
      partial: false,
      previous: '2025-02',
    });
    const targets = new Map<string, { value: number; status: string; mayExplain: boolean }>(
      review.objectives.flatMap((o: { targets: { id: string }[] }) => o.targets.map((x) => [x.id, x])),
    );
    const march = { from: '2025-03-01', to: '2025-03-31' };
    const [frontFcr] = await kpiValues(t.database.db, org.id, { ...march, teamId: org.teams.front }, ['fcr']);
    const [backFcr] = await kpiValues(t.database.db, org.id, { ...march, teamId: org.teams.back }, ['fcr']);
    const [allFcr] = await kpiValues(t.database.db, org.id, march, ['fcr']);
    expect([frontFcr!.value, backFcr!.value, allFcr!.value]).toEqual([60, 90, 75]);
    expect(targets.get(frontTarget)).toMatchObject({ value: 60, status: 'missed', mayExplain: false });
    expect(targets.get(backTarget)).toMatchObject({ value: 90, status: 'missed' });
    expect(targets.get(wholeTarget)).toMatchObject({ value: 75, status: 'met', mayExplain: false });
    // A quarter holds the same month's figures; a period with no contacts has no value (unknown).
    const quarter = (
      await t.app.inject({ url: '/api/strategy/review?period=2025-Q1', headers: agent.headers })
    ).json();
    expect(quarter).toMatchObject({ from: '2025-01-01', to: '2025-03-31' });
    const april = (
      await t.app.inject({ url: '/api/strategy/review?period=2025-04', headers: agent.headers })
    ).json();
    expect(
      april.objectives.flatMap((o: { targets: { status: string }[] }) => o.targets.map((x) => x.status)),
    ).not.toContain('missed');
    expectProblem(
      await t.app.inject({ url: '/api/strategy/review?period=2999-01', headers: agent.headers }),
      422,
      'validation_failed',
    );
    // A year no database date knows (the fuzz test found a 500 on PostgreSQL): refused as input, naming the field.
    expect(
      expectProblem(
        await t.app.inject({ url: '/api/strategy/review?period=0000-01', headers: agent.headers }),
        400,
        'validation_failed',
      ).errors,
    ).toEqual([expect.objectContaining({ field: 'period' })]);
    expectProblem(
      await t.app.inject({ url: '/api/strategy/review?period=2025-13', headers: agent.headers }),
      400,
      'validation_failed',
    );
  });

  it('a team lead explains a miss of their own team, not of another team; a met target needs no explanation', async () => {
    const mine = await t.app.inject({
      url: '/api/strategy/review?period=2025-03',
      headers: teamlead.headers,
    });
    const frontRow = mine
      .json()
      .objectives.flatMap((o: { targets: { id: string }[] }) => o.targets)
      .find((x: { id: string }) => x.id === frontTarget);
    expect(frontRow).toMatchObject({ status: 'missed', mayExplain: true });
    const put = (s: Session, payload: object) =>
      t.app.inject({ method: 'PUT', url: '/api/strategy/review/explanations', headers: s.headers, payload });
    const explained = await put(teamlead, {
      targetId: frontTarget,
      period: '2025-03',
      text: 'Twee nieuwe collega’s werkten in; de kennisbank miste antwoorden over de afvalpas.',
    });
    expect(explained.statusCode, explained.body).toBe(200);
    expect(explained.json()).toMatchObject({ improvementId: null });
    expectProblem(
      await put(teamlead, { targetId: backTarget, period: '2025-03', text: 'Niet mijn team.' }),
      403,
      'forbidden',
    );
    expectProblem(
      await put(agent, { targetId: frontTarget, period: '2025-03', text: 'x' }),
      403,
      'forbidden',
    );
    const met = expectProblem(
      await put(manager, { targetId: wholeTarget, period: '2025-03', text: 'Gehaald.' }),
      422,
      'validation_failed',
    );
    expect(met.errors?.map((e) => e.field)).toEqual(['targetId']);
    // The same years as the review itself: an explanation of 0000-01 is refused, naming the field.
    expect(
      expectProblem(
        await put(teamlead, { targetId: frontTarget, period: '0000-01', text: 'x' }),
        400,
        'validation_failed',
      ).errors?.map((e) => e.field),
    ).toEqual(['period']);
    // The manager explains the back office's miss; written again, it replaces the text.
    await put(manager, { targetId: backTarget, period: '2025-03', text: 'Eerste versie.' });
    await put(manager, { targetId: backTarget, period: '2025-03', text: 'Drukte door de WOZ-bezwaren.' });
    const after = (
      await t.app.inject({ url: '/api/strategy/review?period=2025-03', headers: agent.headers })
    ).json();
    const explanations = after.objectives
      .flatMap((o: { targets: { id: string; explanation: unknown }[] }) => o.targets)
      .filter((x: { explanation: unknown }) => x.explanation)
      .map((x: { id: string; explanation: { text: string } }) => [x.id, x.explanation.text]);
    expect(new Map(explanations)).toEqual(
      new Map([
        [frontTarget, 'Twee nieuwe collega’s werkten in; de kennisbank miste antwoorden over de afvalpas.'],
        [backTarget, 'Drukte door de WOZ-bezwaren.'],
      ]),
    );
  });

  it('a missed target becomes an improvement in one click, once, with its KPI and explanation', async () => {
    const make = (s: Session, payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/strategy/review/improvements', headers: s.headers, payload });
    expectProblem(
      await make(agent, { targetId: frontTarget, period: '2025-03', ownerId: org.users.teamlead.id }),
      403,
      'forbidden',
    );
    expectProblem(
      await make(teamlead, { targetId: backTarget, period: '2025-03', ownerId: org.users.teamlead.id }),
      403,
      'forbidden',
    );
    const made = await make(teamlead, {
      targetId: frontTarget,
      period: '2025-03',
      ownerId: org.users.teamlead.id,
    });
    expect(made.statusCode, made.body).toBe(201);
    const again = expectProblem(
      await make(teamlead, { targetId: frontTarget, period: '2025-03', ownerId: org.users.teamlead.id }),
      422,
      'validation_failed',
    );
    expect(again.errors?.map((e) => e.field)).toEqual(['targetId']);
    const review = (
      await t.app.inject({ url: '/api/strategy/review?period=2025-03', headers: agent.headers })
    ).json();
    const row = review.objectives
      .flatMap((o: { targets: { id: string }[] }) => o.targets)
      .find((x: { id: string }) => x.id === frontTarget);
    // The explanation stays; the improvement is linked to it.
    expect(row.explanation).toMatchObject({
      improvementId: made.json().improvementId,
      text: expect.stringContaining('kennisbank'),
    });
    const events = await t.app.inject({
      url: `/api/audit-events?entityType=improvement&entityId=${made.json().improvementId}`,
      headers: (await signIn(t.app, org.users.admin)).headers,
    });
    expect(events.json().items[0].changes).toMatchObject({
      origin: { after: 'strategy' },
      problem: { after: expect.stringContaining('gemeten 60% in 2025-03') },
    });
  });

  it('objectivesStatus and the overview give the last complete month per objective', async () => {
    const status = await objectivesStatus(t.database.db, org.id, new Date('2025-04-15T10:00:00Z'));
    expect(status.period).toBe('2025-03');
    const byId = new Map(status.objectives.map((o) => [o.id, o.status]));
    expect(byId.get(front.id)).toBe('missed');
    expect(byId.get(back.id)).toBe('missed');
    expect(status.met).toBeGreaterThanOrEqual(1);
    const overview = await t.app.inject({ url: '/api/excellence/overview', headers: manager.headers });
    expect(overview.statusCode, overview.body).toBe(200);
    // Today's last complete month: the 2025 objectives do not run in it.
    expect(overview.json().objectives).toMatchObject({
      period: expect.stringMatching(/^\d{4}-\d{2}$/),
      met: 0,
    });
    // No self-assessment closed in this organisation: the part says so.
    expect(overview.json().assessment).toEqual({ model: null, latest: null, trend: [] });
    expectProblem(
      await t.app.inject({ url: '/api/excellence/overview', headers: agent.headers }),
      403,
      'forbidden',
    );
  });
});
