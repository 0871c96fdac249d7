import { randomBytes } from 'node:crypto';
import {
  caseEvent,
  caseFile,
  contact,
  metricCaseDay,
  metricContactDay,
  metricSurveyDay,
  segment,
  survey,
  surveyInvitation,
  surveyResponse,
  surveyVersion,
} from '@voordeur/db';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import {
  expectProblem,
  makeOrg,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { shownGroups } from './analysis.service.ts';

const t = useTestApp();

/*
 * Test data: raw survey answers joined to cases and contacts (the drivers read those), and rollup rows written
 * directly (the rollups part fills them from raw rows; until it is merged this file inserts them itself). Every
 * expected value is computed here from the same arrays with plain formulas, or was computed with SciPy (named).
 */
const CASES = Array.from({ length: 60 }, (_, i) => {
  const days = i % 15;
  const noise = [0, 1, -1, 0][i % 4]!;
  return {
    i,
    days,
    grade: Math.min(10, Math.max(1, Math.round(9 - 0.25 * days) + noise)),
    breached: days > 10,
    reopened: i % 7 === 0,
    channel: (['web', 'phone', 'desk'] as const)[i % 3]!,
    area: i < 40 ? 'Noord' : 'Zuid',
    front: i % 2 === 0,
  };
});
const CONTACTS = Array.from({ length: 40 }, (_, j) => {
  const answered = j % 4 !== 0;
  return { j, answered, grade: answered ? 8 + (j % 3 === 0 ? 1 : 0) : 5 + (j % 2), repeat: j % 5 === 0 };
});

const PERIOD = 'from=2026-10-01&to=2026-11-30';

/** Plain least squares over pairs: the reference the SQL aggregates are checked against. */
function fit(pairs: [number, number][]) {
  const n = pairs.length;
  const mx = pairs.reduce((a, [x]) => a + x, 0) / n;
  const my = pairs.reduce((a, [, y]) => a + y, 0) / n;
  const sxx = pairs.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  const syy = pairs.reduce((a, [, y]) => a + (y - my) ** 2, 0);
  const sxy = pairs.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const slope = sxy / sxx;
  return {
    n,
    slope,
    intercept: my - slope * mx,
    r: sxy / Math.sqrt(sxx * syy),
    se: Math.sqrt((syy - slope * sxy) / (n - 2) / sxx),
  };
}

let org: TestOrg;
let manager: Session;
let teamlead: Session;

async function seed() {
  const db = t.database.db;
  org = await makeOrg(t.database);
  await publishContent(db, org.id, { items: [itemDef('lamp-kapot')] });
  const [item] = (
    (await db.execute(
      sql`SELECT id, published_version_id FROM catalogue_item WHERE organisation_id = ${org.id} AND code = 'lamp-kapot'`,
    )) as unknown as { rows: unknown[] }
  ).rows as { id: string; published_version_id: string }[];
  const [s] = await db
    .insert(survey)
    .values({ organisationId: org.id, code: 'kto', state: 'published' })
    .returning({ id: survey.id });
  const [v] = await db
    .insert(surveyVersion)
    .values({ organisationId: org.id, surveyId: s!.id, number: 1, definition: {}, state: 'published' })
    .returning({ id: surveyVersion.id });
  const answeredAt = (k: number) => new Date(Date.UTC(2026, 9, 1 + (k % 58), 10));
  const invitation = (source: 'case' | 'contact', ref: { caseId?: string; contactId?: string }) => ({
    organisationId: org.id,
    tokenHash: randomBytes(16).toString('hex'),
    tokenEncrypted: randomBytes(8),
    surveyId: s!.id,
    surveyVersionId: v!.id,
    source,
    ...ref,
    email: 'anoniem@example.nl',
    expiresAt: new Date('2027-01-01T00:00:00Z'),
  });
  // One statement per table (the answers' order follows CASES and CONTACTS, matched by reference and index).
  const cases = await db
    .insert(caseFile)
    .values(
      CASES.map((c) => ({
        organisationId: org.id,
        reference: `Z-${c.i}`,
        catalogueItemId: item!.id,
        itemVersionId: item!.published_version_id,
        kind: 'report',
        subject: 'Lamp kapot',
        description: '',
        area: c.area,
        channel: c.channel,
        teamId: c.front ? org.teams.front : org.teams.back,
        status: 'afgehandeld',
        dueAt: new Date(Date.UTC(2026, 8, 15)),
        closedAt: answeredAt(c.i),
        resolutionMinutes: c.days * 510,
        breachedAt: c.breached ? new Date(Date.UTC(2026, 8, 15)) : null,
        createdAt: new Date(Date.UTC(2026, 8, 1, 9)),
      })),
    )
    .returning({ id: caseFile.id, reference: caseFile.reference });
  const caseId = (i: number) => cases.find((r) => r.reference === `Z-${i}`)!.id;
  await db.insert(caseEvent).values(
    CASES.filter((c) => c.reopened).map((c) => ({
      organisationId: org.id,
      caseId: caseId(c.i),
      kind: 'reopened',
      byLabel: 'test',
    })),
  );
  const contacts = await db
    .insert(contact)
    .values(
      CONTACTS.map((c) => ({
        organisationId: org.id,
        channel: 'phone',
        direction: 'in',
        startedAt: answeredAt(c.j),
        endedAt: answeredAt(c.j),
        outcome: c.answered ? 'answered' : 'handed_over',
        isRepeat: c.repeat,
        teamId: org.teams.front,
        idempotencyKey: `c-${c.j}`,
      })),
    )
    .returning({ id: contact.id, key: contact.idempotencyKey });
  const contactId = (j: number) => contacts.find((r) => r.key === `c-${j}`)!.id;
  const invitations = await db
    .insert(surveyInvitation)
    .values([
      ...CASES.map((c) => invitation('case', { caseId: caseId(c.i) })),
      ...CONTACTS.map((c) => invitation('contact', { contactId: contactId(c.j) })),
    ])
    .returning({
      id: surveyInvitation.id,
      caseId: surveyInvitation.caseId,
      contactId: surveyInvitation.contactId,
    });
  const invitationOf = (ref: { caseId?: string; contactId?: string }) =>
    invitations.find((r) => (ref.caseId ? r.caseId === ref.caseId : r.contactId === ref.contactId))!.id;
  await db.insert(surveyResponse).values([
    ...CASES.map((c) => ({
      organisationId: org.id,
      invitationId: invitationOf({ caseId: caseId(c.i) }),
      surveyVersionId: v!.id,
      source: 'case',
      caseId: caseId(c.i),
      grade: c.grade,
      language: 'nl',
      channel: c.channel,
      teamId: c.front ? org.teams.front : org.teams.back,
      area: c.area,
      answeredAt: answeredAt(c.i),
    })),
    ...CONTACTS.map((c) => ({
      organisationId: org.id,
      invitationId: invitationOf({ contactId: contactId(c.j) }),
      surveyVersionId: v!.id,
      source: 'contact',
      contactId: contactId(c.j),
      grade: c.grade,
      language: 'nl',
      channel: 'phone',
      teamId: org.teams.front,
      area: 'Noord',
      answeredAt: answeredAt(c.j),
    })),
  ]);

  // ---- rollup rows (direct, see above) ----
  const dims = (day: string, over: Record<string, unknown> = {}) => ({
    organisationId: org.id,
    day,
    channel: 'phone',
    teamId: org.teams.front,
    ...over,
  });
  // FCR by area: Noord 170/200, Zuid 140/200, unknown 40/50, Oost 4/8 (too small to show).
  await db.insert(metricContactDay).values([
    { ...dims('2026-10-05', { area: 'Noord' }), contacts: 200, answered: 170, unrecorded: 0 },
    { ...dims('2026-10-06', { area: 'Zuid' }), contacts: 205, answered: 140, unrecorded: 5 },
    { ...dims('2026-11-07', { area: null }), contacts: 50, answered: 40 },
    { ...dims('2026-11-08', { area: 'Oost' }), contacts: 8, answered: 4 },
    // Outside the period: never counted.
    { ...dims('2026-09-30', { area: 'Noord' }), contacts: 1000, answered: 0 },
  ]);
  // Grades by language: nl 50 × 8 and 50 × 7; en 20 × 6 and 20 × 7.
  await db.insert(metricSurveyDay).values([
    {
      ...dims('2026-10-10', { language: 'nl' }),
      source: 'case',
      responses: 100,
      gradeSum: 750,
      gradeSquares: 5650,
    },
    {
      ...dims('2026-10-11', { language: 'en' }),
      source: 'case',
      responses: 40,
      gradeSum: 260,
      gradeSquares: 1700,
    },
  ]);
  await db.insert(segment).values({
    organisationId: org.id,
    code: 'engelstalig',
    name: { nl: 'Engelstaligen', en: 'English speakers' },
    rule: { language: ['en'] },
  });
  // Cases closed and their breach reasons: October 50 closed (6 late for capacity, 4 late without a reason);
  // November 3 late for capacity and, in the other team, 5 late because complex, 30 in time.
  const caseRow = (
    day: string,
    reason: string | null,
    closed: number,
    inNorm: number,
    team = org.teams.front,
  ) => ({
    ...dims(day, { teamId: team }),
    kind: 'report',
    breachReason: reason,
    closed,
    closedInNorm: inNorm,
    closedInTarget: inNorm,
  });
  await db
    .insert(metricCaseDay)
    .values([
      caseRow('2026-10-03', 'capacity', 6, 0),
      caseRow('2026-10-03', null, 44, 40),
      caseRow('2026-11-12', 'capacity', 3, 0),
      caseRow('2026-11-13', 'complex', 5, 0, org.teams.back),
      caseRow('2026-11-13', null, 30, 30),
    ]);
  manager = await signIn(t.app, org.users.manager);
  teamlead = await signIn(t.app, org.users.teamlead);
}

beforeAll(seed);

const get = async (who: Session, url: string) => t.app.inject({ url, headers: who.headers });

describe('drivers of the survey grade', () => {
  it('relates the grade to resolution time: bands, r and the regression with its 95 % interval', async () => {
    const res = await get(manager, `/api/analysis/drivers?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ responses: 100, minResponses: 30 });
    const days = body.items.find((d: { code: string }) => d.code === 'resolution_days');
    const ref = fit(CASES.map((c) => [c.days, c.grade]));
    expect(days).toMatchObject({ kind: 'numeric', n: 60, enough: true });
    expect(days.regression.slope).toBeCloseTo(ref.slope, 9);
    expect(days.regression.intercept).toBeCloseTo(ref.intercept, 9);
    expect(days.correlation).toBeCloseTo(ref.r, 9);
    expect(days.regression.r2).toBeCloseTo(ref.r ** 2, 9);
    // t(0.975, 58) = 2.0017174841452356 (scipy.stats.t.ppf)
    expect(days.regression.slopeHigh - ref.slope).toBeCloseTo(2.0017174841452356 * ref.se, 7);
    expect(days.regression.slopeLow).toBeLessThan(days.regression.slopeHigh);
    expect(ref.slope).toBeLessThan(0);
    expect(days.reading.nl).toMatch(
      /^Hoe langer een zaak duurt, hoe lager het cijfer: per extra werkdag gemiddeld 0,\d\d lager \(95%-betrouwbaarheid 0,\d\d tot 0,\d\d\)\.$/,
    );
    expect(days.reading.en).toMatch(/^The longer a case takes, the lower the grade/);
    // Bands: every band of this driver has fewer than the 30 answers any figure of the drivers view needs (8, 16,
    // 20, 16), so only their counts are shown.
    expect(
      days.bands.map((b: { n: number; gradeMean: number | null; share7Plus: number | null }) => [
        b.n,
        b.gradeMean,
        b.share7Plus,
      ]),
    ).toEqual([
      [8, null, null],
      [CASES.filter((c) => c.days >= 2 && c.days <= 5).length, null, null],
      [20, null, null],
      [16, null, null],
    ]);
    expect(days.bands.map((b: { key: string }) => b.key)).toEqual(['0-1', '2-5', '6-10', '11-20']);
  });

  it('yes/no drivers: the slope is the difference in mean grade; channel by analysis of variance', async () => {
    const body = (await get(manager, `/api/analysis/drivers?${PERIOD}`)).json();
    const by = (code: string) => body.items.find((d: { code: string }) => d.code === code);
    const fcr = by('first_contact_resolution');
    const ref = fit(CONTACTS.map((c) => [c.answered ? 1 : 0, c.grade]));
    expect(fcr).toMatchObject({ kind: 'binary', n: 40, enough: true });
    expect(fcr.regression.slope).toBeCloseTo(ref.slope, 9);
    expect(fcr.bands.map((b: { key: string; n: number }) => [b.key, b.n])).toEqual([
      ['1', 30],
      ['0', 10],
    ]);
    // A band of 30 answers shows its grade; one of 10 only its count.
    const answered = CONTACTS.filter((c) => c.answered);
    expect(fcr.bands[0].gradeMean).toBeCloseTo(answered.reduce((a, c) => a + c.grade, 0) / 30, 9);
    expect(fcr.bands[0].share7Plus).toBeCloseTo((100 * answered.filter((c) => c.grade >= 7).length) / 30, 9);
    expect(fcr.bands[1]).toMatchObject({ n: 10, gradeMean: null, share7Plus: null });
    expect(fcr.reading.nl).toMatch(
      /^Mensen die bij het eerste contact direct geholpen zijn geven gemiddeld een [\d,]+ hoger cijfer/,
    );
    const breach = by('norm_breach');
    expect(breach.n).toBe(60);
    expect(breach.regression.slope).toBeCloseTo(
      fit(CASES.map((c) => [c.breached ? 1 : 0, c.grade])).slope,
      9,
    );
    expect(by('reopened').n).toBe(60);
    expect(by('repeat_contact').n).toBe(40);
    const channel = by('channel');
    expect(channel.kind).toBe('categorical');
    expect(channel.bands.map((b: { key: string; n: number }) => [b.key, b.n])).toEqual([
      ['phone', 60],
      ['desk', 20],
      ['web', 20],
    ]);
    // scipy.stats.f_oneway(web, phone, desk) of the same grades: channel hardly matters in this data.
    expect(channel.anova.f).toBeCloseTo(0.4381086803105152, 8);
    expect(channel.anova.pValue).toBeCloseTo(0.6465260668428962, 8);
    expect(channel.reading.nl).toMatch(/^Het kanaal verklaart \d+% van de verschillen in cijfers\./);
  });

  it('drills from a satisfaction figure to the answers behind it, each case answer linking to its case', async () => {
    const list = async (kpi: string, extra = '') => {
      const res = await get(manager, `/api/metrics/drill?${PERIOD}&kpi=${kpi}&limit=200${extra}`);
      expect(res.statusCode).toBe(200);
      return res.json() as {
        kind: string;
        items: { grade: number; reference?: string; caseId?: string; channel: string; openedAt: string }[];
      };
    };
    const all = await list('grade_mean');
    expect(all.kind).toBe('responses');
    expect(all.items).toHaveLength(CASES.length + CONTACTS.length);
    // A share lists the answers that missed it: the grades under 7.
    const below7 = await list('grade_7_plus');
    expect(below7.items.map((i) => i.grade).sort()).toEqual(
      [...CASES, ...CONTACTS]
        .map((c) => c.grade)
        .filter((g) => g < 7)
        .sort(),
    );
    const caseAnswer = below7.items.find((i) => i.reference);
    expect(caseAnswer?.reference).toMatch(/^Z-\d+$/);
    expect(caseAnswer?.caseId).toMatch(/^[0-9a-f-]{36}$/);
    // Newest first; and the filters apply as they do to the figure.
    const times = all.items.map((i) => i.openedAt);
    expect(times).toEqual([...times].sort().reverse());
    const desk = await list('grade_mean', '&channel=desk');
    expect(desk.items).toHaveLength(CASES.filter((c) => c.channel === 'desk').length);
    expect(new Set(desk.items.map((i) => i.channel))).toEqual(new Set(['desk']));
  });

  it('shows nothing but the count on fewer than 30 answers', async () => {
    const body = (await get(manager, `/api/analysis/drivers?${PERIOD}&channel=desk`)).json();
    expect(body.responses).toBe(20);
    for (const d of body.items) {
      expect(d.enough).toBe(false);
      expect(d.bands).toEqual([]);
      expect(d.regression).toBeNull();
      expect(d.correlation).toBeNull();
    }
    const days = body.items.find((d: { code: string }) => d.code === 'resolution_days');
    expect(days.n).toBe(20);
    expect(days.reading.nl).toBe(
      'Te weinig antwoorden: 20 van de minstens 30 die nodig zijn. We laten hier daarom niets zien.',
    );
  });

  it('a team lead sees the answers of their own team only; another team is refused', async () => {
    const body = (await get(teamlead, `/api/analysis/drivers?${PERIOD}`)).json();
    expect(body.responses).toBe(30 + 40);
    expectProblem(
      await get(teamlead, `/api/analysis/drivers?${PERIOD}&teamId=${org.teams.back}`),
      403,
      'forbidden',
    );
    expectProblem(
      await get(teamlead, `/api/analysis/drivers?${PERIOD}&agentId=${org.users.backoffice.id}`),
      403,
      'forbidden',
    );
    expect(
      (await get(teamlead, `/api/analysis/drivers?${PERIOD}&agentId=${org.users.agent.id}`)).statusCode,
    ).toBe(200);
  });
});

describe('breach reasons', () => {
  it('ranks the reasons with count and share, and gives their trend per month', async () => {
    const res = await get(manager, `/api/analysis/breaches?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ closed: 88, late: 18 });
    expect(body.items.map((r: { reason: string | null; count: number }) => [r.reason, r.count])).toEqual([
      ['capacity', 9],
      ['complex', 5],
      [null, 4],
    ]);
    expect(body.items[0].share).toBeCloseTo(50, 9);
    expect(body.items[0].label).toEqual({ nl: 'Te weinig capaciteit', en: 'Not enough capacity' });
    expect(body.items[2].label.nl).toBe('Geen reden vastgelegd');
    expect(body.months).toEqual([
      {
        month: '2026-10-01',
        closed: 50,
        late: 10,
        reasons: [
          { reason: 'capacity', count: 6 },
          { reason: null, count: 4 },
        ],
      },
      {
        month: '2026-11-01',
        closed: 38,
        late: 8,
        reasons: [
          { reason: 'capacity', count: 3 },
          { reason: 'complex', count: 5 },
        ],
      },
    ]);
  });

  it('a team lead sees their own team’s reasons', async () => {
    const body = (await get(teamlead, `/api/analysis/breaches?${PERIOD}`)).json();
    expect(body).toMatchObject({ closed: 83, late: 13 });
    expect(body.items.map((r: { reason: string | null }) => r.reason)).toEqual(['capacity', null]);
  });
});

describe('equal treatment', () => {
  it('compares each area with the rest (two-proportion z-test, Holm–Bonferroni) and leaves out small groups', async () => {
    const res = await get(manager, `/api/analysis/equality?${PERIOD}&measure=fcr&by=area`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Oost (8) is too small; alone it would be the total minus the others, so the smallest shown group (unknown,
    // 50) is left out too: 58 together.
    expect(body).toMatchObject({ unit: 'percent', minGroup: 10, hiddenGroups: 2, overall: { n: 458 } });
    expect(body.groups.map((g: { key: string | null }) => g.key)).toEqual(['Noord', 'Zuid']);
    const [noord, zuid] = body.groups;
    // scipy.stats.chi2_contingency(correction=False) of each group against the rest (everybody else, the groups
    // left out too), then Holm over the two.
    expect(noord.value).toBeCloseTo(85, 9);
    expect(noord).toMatchObject({ n: 200, restN: 258 });
    expect(noord.restValue).toBeCloseTo(71.31782945736434, 9);
    expect(noord.test.name).toBe('two_proportion_z');
    expect(noord.test.statistic).toBeCloseTo(3.4665246166453083, 8);
    expect(noord.test.pValue).toBeCloseTo(0.0005272334541576352, 8);
    expect(noord.test.adjustedP).toBeCloseTo(0.0010544669083152704, 8);
    expect(zuid.test.statistic).toBeCloseTo(-3.2799411386955595, 8);
    expect(zuid.test.pValue).toBeCloseTo(0.0010382874646875625, 8);
    expect(zuid.test.adjustedP).toBeCloseTo(0.0010544669083152704, 8);
    expect([noord.test.significant, zuid.test.significant]).toEqual([true, true]);
    expect(zuid.reading.nl).toBe(
      'Eerste keer goed: 12,9 procentpunt lager dan de rest. Zo’n groot verschil komt door toeval in minder dan 1 op de 100 keer voor. Dit verschil valt op.',
    );
    expect(body.method.nl).toContain('Holm-Bonferroni');
  });

  it('never shows a group from which a small one could be worked out', () => {
    const g = (key: string, n: number) => ({ key, n, x: n, squares: n });
    const total = (groups: ReturnType<typeof g>[]) =>
      g(
        '',
        groups.reduce((a, b) => a + b.n, 0),
      );
    const keys = (groups: ReturnType<typeof g>[], overlapping = false, all = total(groups)) =>
      shownGroups(groups, all, overlapping).map((x) => x.key);
    // Two small ones of 14 together tell nothing of either: the rest stays.
    expect(keys([g('a', 200), g('b', 50), g('c', 8), g('d', 6)])).toEqual(['a', 'b']);
    // One small one alone is the total minus the rest: the smallest shown goes with it, as often as needed.
    expect(keys([g('a', 200), g('b', 50), g('c', 8)])).toEqual(['a']);
    expect(keys([g('a', 12), g('b', 10), g('c', 3)])).toEqual(['a']);
    expect(keys([g('a', 12), g('b', 3)])).toEqual([]);
    expect(keys([g('a', 200), g('b', 50)])).toEqual(['a', 'b']);
    // Segments overlap: one of nearly everybody would show the few outside it.
    const everybody = g('', 100);
    expect(keys([g('s1', 95), g('s2', 40), g('s3', 100), g('s4', 5)], true, everybody)).toEqual(['s2', 's3']);
  });

  it("compares mean grades with Welch's t-test from the rollups' sums and squares, also per segment", async () => {
    const body = (
      await get(manager, `/api/analysis/equality?${PERIOD}&measure=grade_mean&by=language`)
    ).json();
    expect(body.unit).toBe('grade');
    const en = body.groups.find((g: { key: string }) => g.key === 'en');
    // scipy.stats.ttest_ind([6]*20 + [7]*20, [8]*50 + [7]*50, equal_var=False)
    expect(en).toMatchObject({ n: 40, value: 6.5, restN: 100, restValue: 7.5 });
    expect(en.test.name).toBe('welch_t');
    expect(en.test.statistic).toBeCloseTo(-10.578896137039104, 8);
    expect(en.test.pValue).toBeLessThan(1e-10);
    expect(en.label.nl).toBe('Engels');
    const seg = (await get(manager, `/api/analysis/equality?${PERIOD}&measure=grade_mean&by=segment`)).json();
    expect(seg.groups).toHaveLength(1);
    expect(seg.groups[0]).toMatchObject({
      key: 'engelstalig',
      n: 40,
      value: 6.5,
      restN: 100,
      label: { nl: 'Engelstaligen' },
    });
    expect(seg.groups[0].test.statistic).toBeCloseTo(-10.578896137039104, 8);
    // The segment as a filter: only the English answers remain.
    const filtered = (
      await get(
        manager,
        `/api/analysis/equality?${PERIOD}&measure=grade_mean&by=language&segment=engelstalig`,
      )
    ).json();
    expect(filtered.overall).toEqual({ n: 40, value: 6.5 });
    expect(filtered.groups[0].test).toBeNull();
    expect(filtered.groups[0].reading.nl).toBe('Geen vergelijking mogelijk.');
  });
});

describe('who may read, and bad input', () => {
  it('refuses agents and back-office staff, and shows another organisation nothing of ours', async () => {
    const agent = await signIn(t.app, org.users.agent);
    expectProblem(await get(agent, `/api/analysis/drivers?${PERIOD}`), 403, 'forbidden');
    expectProblem(await get(agent, `/api/analysis/equality?${PERIOD}&measure=fcr&by=area`), 403, 'forbidden');
    const other = await makeOrg(t.database, 'Andere gemeente');
    const theirs = await signIn(t.app, other.users.manager);
    expect((await get(theirs, `/api/analysis/drivers?${PERIOD}`)).json().responses).toBe(0);
    expect((await get(theirs, `/api/analysis/breaches?${PERIOD}`)).json()).toMatchObject({
      closed: 0,
      late: 0,
      items: [],
    });
    expect((await get(theirs, `/api/analysis/equality?${PERIOD}&measure=fcr&by=area`)).json()).toMatchObject({
      groups: [],
      hiddenGroups: 0,
    });
    expect((await t.app.inject({ url: `/api/analysis/drivers?${PERIOD}` })).statusCode).toBe(401);
  });

  it('refuses bad periods, unknown fields, measures, segments and a person filter where none is kept', async () => {
    const field = async (url: string, name: string) => {
      const p = expectProblem(await get(manager, url), 400, 'validation_failed');
      expect(p.errors?.map((e) => e.field)).toContain(name);
    };
    await field('/api/analysis/drivers?from=2026-11-30&to=2026-10-01', 'from');
    await field('/api/analysis/drivers?from=2026-10-01&to=2099-01-01', 'to');
    await field('/api/analysis/drivers?from=2020-01-01&to=2025-01-01', 'to');
    await field('/api/analysis/drivers?from=2026-13-01&to=2026-11-30', 'from');
    await field(`/api/analysis/drivers?${PERIOD}&colour=red`, 'colour');
    await field(`/api/analysis/drivers?${PERIOD}&teamId=nope`, 'teamId');
    await field(`/api/analysis/equality?${PERIOD}&measure=happiness&by=area`, 'measure');
    await field(`/api/analysis/equality?${PERIOD}&measure=fcr&by=shoeSize`, 'by');
    await field(`/api/analysis/equality?${PERIOD}&measure=fcr`, 'by');
    await field(`/api/analysis/equality?${PERIOD}&measure=fcr&by=area&segment=nobody`, 'segment');
    await field(
      `/api/analysis/equality?${PERIOD}&measure=norm_compliance&by=area&agentId=${org.users.agent.id}`,
      'agentId',
    );
    await field(`/api/analysis/breaches?${PERIOD}&agentId=${org.users.agent.id}`, 'agentId');
    expect((await get(manager, '/api/analysis/drivers?from=2021-12-01&to=2026-11-30')).statusCode).toBe(200);
  });
});
