import { appUser, improvement, metricContactDay, metricSurveyDay } from '@voordeur/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/actor.ts';
import { AppError } from '../../plugins/errors.ts';
import { makeOrg, type TestOrg, useTestApp } from '../../test/harness.ts';
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
    expect(overview.openByElement).toContainEqual({ elementCode: 'se-8', count: 1 });
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
