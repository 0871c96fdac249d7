import { appUser, auditEvent, improvement, metricContactDay, metricSurveyDay } from '@voordeur/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/actor.ts';
import { AppError } from '../../plugins/errors.ts';
import {
  expectProblem,
  makeOrg,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { compareKpi } from '../analysis/index.ts';
import { createImprovement, improvementOverview, improvementsOfTeam } from './index.ts';

const t = useTestApp();

/*
 * Rollup rows written directly (two weeks, 7 days each), and the expected values computed by hand or with SciPy:
 *   FCR: week A 140 of 200 answered (70 %), week B 204 of 240 (85 %):
 *        scipy.stats.chi2_contingency([[140,60],[204,36]], correction=False) → p = 0.000149 (= the z-test's).
 *   Contacts: 200 against 240 in 7 days each: z = (200 − 220) / √110 = −1.907, p = 0.0565.
 *   Grade: A 25 × 7 and 25 × 8 (mean 7.5), B 25 × 7 and 25 × 9 (mean 8):
 *        scipy.stats.ttest_ind(b, a, equal_var=False) → t = 3.1305, df = 72.06, p = 0.00252.
 */
const A = { from: '2026-10-05', to: '2026-10-11' };
const B = { from: '2026-10-12', to: '2026-10-18' };
const C = { from: '2026-10-19', to: '2026-10-25' };
const EMPTY = { from: '2026-09-01', to: '2026-09-07' };

let org: TestOrg;

beforeAll(async () => {
  const db = t.database.db;
  org = await makeOrg(t.database);
  const dims = (day: string) => ({ organisationId: org.id, day, channel: 'phone', teamId: org.teams.front });
  await db.insert(metricContactDay).values([
    { ...dims('2026-10-06'), contacts: 120, answered: 80 },
    { ...dims('2026-10-09'), contacts: 80, answered: 60 },
    { ...dims('2026-10-14'), contacts: 240, answered: 204 },
    { ...dims('2026-10-20'), contacts: 20, answered: 20 },
  ]);
  await db.insert(metricSurveyDay).values([
    { ...dims('2026-10-07'), source: 'case', responses: 50, gradeSum: 375, gradeSquares: 25 * 49 + 25 * 64 },
    { ...dims('2026-10-15'), source: 'case', responses: 50, gradeSum: 400, gradeSquares: 25 * 49 + 25 * 81 },
  ]);
});

const problemOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, fields: (e.errors ?? []).map((f) => f.field) };
    throw e;
  }
  throw new Error('expected a problem');
};

describe('compareKpi', () => {
  it('words its figures to one decimal, as the dashboards show them', async () => {
    const dims = (day: string) => ({
      organisationId: org.id,
      day,
      channel: 'phone',
      teamId: org.teams.front,
    });
    await t.database.db.insert(metricContactDay).values([
      { ...dims('2026-08-04'), contacts: 3, answered: 2 },
      { ...dims('2026-08-11'), contacts: 3, answered: 1 },
    ]);
    const c = await compareKpi(
      t.database.db,
      org.id,
      'fcr',
      { from: '2026-08-03', to: '2026-08-09' },
      { from: '2026-08-10', to: '2026-08-16' },
    );
    expect(c.explanation.nl).toContain(
      'Eerste keer goed: eerst 66,7% (n = 3), daarna 33,3% (n = 3). Dat is 33,3 procentpunt lager',
    );
    expect(c.explanation.en).toContain(
      'first 66.7% (n = 3), then 33.3% (n = 3). That is 33.3 percentage points lower',
    );
  });

  it('compares a share with the two-proportion z-test', async () => {
    const c = await compareKpi(t.database.db, org.id, 'fcr', A, B);
    expect(c.a).toEqual({ ...A, value: 70, n: 200 });
    expect(c.b).toEqual({ ...B, value: 85, n: 240 });
    expect(c.difference).toBe(15);
    expect(c.better).toBe(true);
    expect(c.test).toBe('two_proportion_z');
    expect(c.pValue).toBeCloseTo(0.000149, 5);
    expect(c.significant).toBe(true);
    expect(c.explanation.nl).toContain('waarschijnlijk geen toeval');
    expect(c.explanation.en).toContain('probably not chance');
  });

  it('compares a mean with Welch’s t-test from the sums of squares', async () => {
    const c = await compareKpi(t.database.db, org.id, 'grade_mean', A, B);
    expect([c.a.value, c.a.n, c.b.value, c.b.n]).toEqual([7.5, 50, 8, 50]);
    expect(c.test).toBe('welch_t');
    expect(c.pValue).toBeCloseTo(0.00252, 4);
    expect(c.significant).toBe(true);
    expect(c.better).toBe(true);
  });

  it('compares counts as rates per day', async () => {
    const c = await compareKpi(t.database.db, org.id, 'contacts', A, B);
    expect([c.a.value, c.b.value, c.difference]).toEqual([200, 240, 40]);
    expect(c.test).toBe('rate');
    expect(c.pValue).toBeCloseTo(0.0565, 4);
    expect(c.significant).toBe(false);
    expect(c.better).toBeNull();
    expect(c.explanation.nl).toContain('kan toeval zijn');
  });

  it('has no test for a figure none fits, and says so', async () => {
    const c = await compareKpi(t.database.db, org.id, 'handling_time', A, B);
    expect(c.test).toBeNull();
    expect(c.significant).toBeNull();
    expect(c.explanation.nl).toContain('geen toets');
  });

  it('is never significant on fewer than 30', async () => {
    // Week C: 20 of 20 answered; against week A p ≈ 0.004, but 20 contacts are too few to call it real.
    const c = await compareKpi(t.database.db, org.id, 'fcr', A, C);
    expect(c.b).toMatchObject({ value: 100, n: 20 });
    expect(c.pValue).toBeLessThan(0.05);
    expect(c.significant).toBe(false);
    expect(c.explanation.en).toContain('too few');
  });

  it('refuses an effect measured on an empty period', async () => {
    expect(await problemOf(compareKpi(t.database.db, org.id, 'fcr', EMPTY, B))).toEqual({
      code: 'validation_failed',
      fields: ['from'],
    });
    expect(await problemOf(compareKpi(t.database.db, org.id, 'contacts', A, EMPTY))).toEqual({
      code: 'validation_failed',
      fields: ['from'],
    });
  });
});

describe('createImprovement', () => {
  it('creates a proposal in plan with its KPIs, audited', async () => {
    const ctx = systemCtx(org.id, 'test');
    const { id } = await createImprovement(t.database.db, ctx, {
      title: 'Uitleg paspoortkosten',
      problem: 'Veel mensen bellen over de kosten.',
      ownerId: org.users.teamlead.id,
      origin: 'manual',
      teamId: org.teams.front,
      elementCode: 'se-8',
      kpis: [{ code: 'fcr', filter: { channel: 'phone' } }],
    });
    const [row] = await t.database.db
      .select()
      .from(improvement)
      .where(and(eq(improvement.organisationId, org.id), eq(improvement.id, id)));
    expect(row).toMatchObject({ status: 'plan', quickWin: false, origin: 'manual', version: 1 });
    const team = await improvementsOfTeam(t.database.db, org.id, org.teams.front);
    expect(team.map((i) => i.id)).toContain(id);
    const overview = await improvementOverview(t.database.db, org.id);
    expect(overview.openByAge.under30).toBeGreaterThanOrEqual(1);
    expect(overview.openByElement).toContainEqual({ elementCode: 'se-8', name: null, count: 1 });
    // The excellence overview names the element as the Service Excellence model does.
    const manager = await signIn(t.app, org.users.manager);
    const shown = await t.app.inject({ url: '/api/excellence/overview', headers: manager.headers });
    expect(shown.json().improvements.openByElement).toContainEqual({
      elementCode: 'se-8',
      name: {
        nl: 'Klantbeleving ontwerpen en vernieuwen',
        en: 'Designing and renewing the resident experience',
      },
      count: 1,
    });
  });

  it('refuses an owner who is not an active user of the organisation', async () => {
    const ctx = systemCtx(org.id, 'test');
    const input = { title: 'X', problem: 'Y', origin: 'manual' as const };
    const other = await makeOrg(t.database, 'Andere gemeente');
    expect(
      await problemOf(createImprovement(t.database.db, ctx, { ...input, ownerId: other.users.agent.id })),
    ).toEqual({ code: 'validation_failed', fields: ['ownerId'] });
    await t.database.db
      .update(appUser)
      .set({ active: false })
      .where(and(eq(appUser.organisationId, org.id), eq(appUser.id, org.users.backoffice.id)));
    expect(
      await problemOf(createImprovement(t.database.db, ctx, { ...input, ownerId: org.users.backoffice.id })),
    ).toEqual({ code: 'validation_failed', fields: ['ownerId'] });
  });
});

describe('the improvements API', () => {
  let manager: Session;
  let agent: Session;
  const send = (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    manager = await signIn(t.app, org.users.manager);
    agent = await signIn(t.app, org.users.agent);
  });

  const proposal = {
    title: 'Terugbellen binnen een dag',
    problem: 'Mensen bellen opnieuw omdat ze niet worden teruggebeld.',
    expectedEffect: 'Meer vragen in één keer goed.',
    origin: 'manual',
    teamId: undefined as string | undefined,
    kpis: [{ code: 'fcr' }, { code: 'contacts', filter: { channel: 'phone' } }, { code: 'complaints' }],
  };

  it('lets every employee read and only stewards propose; the owner must be an active user', async () => {
    expect((await send(agent, 'GET', '/api/improvements')).statusCode).toBe(200);
    expectProblem(
      await send(agent, 'POST', '/api/improvements', { ...proposal, ownerId: org.users.agent.id }),
      403,
      'forbidden',
    );
    const other = await makeOrg(t.database, 'Buurgemeente');
    const bad = await send(manager, 'POST', '/api/improvements', {
      ...proposal,
      ownerId: other.users.manager.id,
    });
    expectProblem(bad, 400, 'validation_failed');
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['ownerId']);
    const badTeam = await send(manager, 'POST', '/api/improvements', {
      ...proposal,
      ownerId: org.users.manager.id,
      teamId: other.teams.front,
    });
    expectProblem(badTeam, 400, 'validation_failed');
    const owners = (await send(manager, 'GET', '/api/improvements/owners')).json().items;
    expect(owners.map((o: { id: string }) => o.id)).toContain(org.users.teamlead.id);
  });

  it('moves through plan, do, check, act and done; measures the effect; publishes it', async () => {
    const created = await send(manager, 'POST', '/api/improvements', {
      ...proposal,
      ownerId: org.users.teamlead.id,
      teamId: org.teams.front,
    });
    expect(created.statusCode).toBe(201);
    const { id, version, nextStatuses } = created.json();
    expect(nextStatuses).toEqual(['do', 'stopped']);
    const moveTo = (status: string, v: number, extra: object = {}) =>
      send(manager, 'POST', `/api/improvements/${id}/status`, { status, version: v, ...extra });
    expectProblem(await moveTo('done', version), 400, 'validation_failed');
    const started = await moveTo('do', version);
    expect(started.json()).toMatchObject({ status: 'do', version: version + 1 });
    expect(started.json().doAt).not.toBeNull();
    expectProblem(await moveTo('check', version), 409, 'version_conflict');
    expect((await moveTo('check', version + 1)).json().status).toBe('check');
    // Before the measurement: less than a week since "do" began.
    const early = (await send(manager, 'GET', `/api/improvements/${id}/effect`)).json();
    expect(early.before).toBeNull();
    expect(early.reason.nl).toContain('nog geen hele week');
    // "do" began on Monday 12 October, checked on Monday 19 October: one whole week after, one before.
    await t.database.db
      .update(improvement)
      .set({ doAt: new Date('2026-10-12T08:00:00Z'), checkAt: new Date('2026-10-19T08:00:00Z') })
      .where(and(eq(improvement.organisationId, org.id), eq(improvement.id, id)));
    const measured = (await send(manager, 'GET', `/api/improvements/${id}/effect`)).json();
    expect(measured.before).toEqual(A);
    expect(measured.after).toEqual(B);
    const [fcr, contacts, complaints] = measured.items;
    expect(fcr.comparison).toMatchObject({ difference: 15, test: 'two_proportion_z', significant: true });
    expect(contacts.comparison).toMatchObject({ test: 'rate', significant: false });
    expect(complaints.comparison).toBeNull();
    expect(complaints.reason.nl).toContain('lege periode');
    expect((await moveTo('act', version + 2)).json().status).toBe('act');
    const done = await moveTo('done', version + 3);
    expect(done.json()).toMatchObject({ status: 'done', nextStatuses: [] });
    const kept = (await send(agent, 'GET', `/api/improvements/${id}/effect`)).json();
    expect(kept.measuredAt).not.toBeNull();
    expect(kept.items[0].comparison.pValue).toBeCloseTo(0.000149, 5);
    // Not on the public page until published with words for the public.
    const page = async () => (await t.app.inject({ method: 'GET', url: `/p/${org.slug}/prestaties` })).body;
    expect(await page()).not.toMatch(/verbeterd/i);
    const publish = (body: object) =>
      send(manager, 'PUT', `/api/improvements/${id}/publication`, { version: version + 4, ...body });
    const missing = await publish({ publicSummaryNl: ' ', published: true });
    expectProblem(missing, 400, 'validation_failed');
    const published = await publish({
      publicSummaryNl: 'Wie belt, wordt nu binnen een werkdag teruggebeld.',
      publicSummaryEn: 'If you call, we now call you back within one working day.',
      published: true,
    });
    expect(published.json()).toMatchObject({ published: true });
    const html = await page();
    expect(html).toContain('Wat we hebben verbeterd');
    expect(html).toContain('Wie belt, wordt nu binnen een werkdag teruggebeld.');
    expect(html).toContain('Eerste keer goed: eerst 70% (n = 200), daarna 85% (n = 240).');
    expect(html).not.toContain('Terugbellen binnen een dag');
    const en = (await t.app.inject({ method: 'GET', url: `/p/${org.slug}/prestaties?lang=en` })).body;
    expect(en).toContain('What we have improved');
    const open = await t.app.inject({
      method: 'GET',
      url: `/api/public/performance?organisation=${org.slug}&period=2026`,
    });
    expect(open.statusCode).toBe(200);
    const [shown] = open.json().improvements;
    expect(shown.summary.en).toBe('If you call, we now call you back within one working day.');
    expect(shown.effects.map((e: { code: string }) => e.code)).toEqual(['fcr', 'contacts']);
    expect(JSON.stringify(shown)).not.toContain(org.users.teamlead.id);
  });

  it('lets a quick win go from plan to done, and stops one only with a reason', async () => {
    const quick = (
      await send(manager, 'POST', '/api/improvements', {
        ...proposal,
        title: 'Openingstijden op de site',
        ownerId: org.users.manager.id,
        quickWin: true,
        kpis: [],
      })
    ).json();
    expect(quick.nextStatuses).toEqual(['do', 'done', 'stopped']);
    const done = await send(manager, 'POST', `/api/improvements/${quick.id}/status`, {
      status: 'done',
      version: quick.version,
    });
    expect(done.json().status).toBe('done');
    const other = (
      await send(manager, 'POST', '/api/improvements', {
        ...proposal,
        ownerId: org.users.manager.id,
        kpis: [],
      })
    ).json();
    const stop = (extra: object) =>
      send(manager, 'POST', `/api/improvements/${other.id}/status`, {
        status: 'stopped',
        version: other.version,
        ...extra,
      });
    const noReason = await stop({});
    expectProblem(noReason, 400, 'validation_failed');
    const stopped = await stop({ stopReason: 'Een landelijke oplossing komt eraan.' });
    expect(stopped.json()).toMatchObject({
      status: 'stopped',
      stopReason: 'Een landelijke oplossing komt eraan.',
    });
    const edit = await send(manager, 'PUT', `/api/improvements/${other.id}`, {
      title: 'X',
      problem: 'Y',
      ownerId: org.users.manager.id,
      version: stopped.json().version,
    });
    expectProblem(edit, 400, 'validation_failed');
    const quickOnes = (await send(agent, 'GET', '/api/improvements?status=done')).json().items;
    expect(quickOnes.map((i: { id: string }) => i.id)).toContain(quick.id);
    const fresh = (await send(agent, 'GET', '/api/improvements?age=under30')).json().items;
    expect(fresh.every((i: { status: string }) => ['plan', 'do', 'check', 'act'].includes(i.status))).toBe(
      true,
    );
  });

  it('edits an open proposal with optimistic locking, audited', async () => {
    const created = (
      await send(manager, 'POST', '/api/improvements', { ...proposal, ownerId: org.users.manager.id })
    ).json();
    const body = {
      title: 'Terugbellen binnen vier uur',
      problem: created.problem,
      ownerId: org.users.teamlead.id,
      kpis: [{ code: 'fcr', filter: { teamId: org.teams.front } }],
      version: created.version,
    };
    const edited = await send(manager, 'PUT', `/api/improvements/${created.id}`, body);
    expect(edited.json()).toMatchObject({
      title: 'Terugbellen binnen vier uur',
      ownerId: org.users.teamlead.id,
    });
    expect(edited.json().kpis).toEqual([
      { id: expect.any(String), code: 'fcr', filter: { teamId: org.teams.front } },
    ]);
    expectProblem(
      await send(manager, 'PUT', `/api/improvements/${created.id}`, body),
      409,
      'version_conflict',
    );
    const events = await t.database.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.organisationId, org.id), eq(auditEvent.entityId, created.id)));
    expect(events.map((e) => e.action).sort()).toEqual(['created', 'updated']);
  });
});
