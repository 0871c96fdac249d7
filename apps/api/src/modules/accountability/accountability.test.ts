import { catalogueItem, metricCaseDay, metricContactDay, metricSurveyDay } from '@voordeur/db';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { complaintItemDef, itemDef, publishContent } from '../../test/catalogue-fixtures.ts';
import {
  expectProblem,
  makeOrg,
  type Session,
  signIn,
  type TestOrg,
  useTestApp,
} from '../../test/harness.ts';
import { localDate } from '../calendar/index.ts';
import { kpiValues } from '../metrics/index.ts';
import { type OpenData, openDataRows } from './accountability.presenter.ts';
import { count, mean, partOf, protectParts, publicPeriods, share } from './accountability.service.ts';

/**
 * Public accountability against rollup rows written here directly (the rollups are kept by the metrics module;
 * until it is merged this file inserts them itself): the public page, the open data (JSON = CSV), suppression
 * below 5, and the periodic report's access.
 */
const t = useTestApp();

let org: TestOrg;
let other: TestOrg;
let manager: Session;
let agent: Session;
const ids: Record<string, string> = {};
const spans = publicPeriods();
/** A day in the last complete quarter, and one earlier in the four quarters before it. */
const inQuarter = spans.quarter.from.replace(/-01$/, '-15');
const earlier = spans.year.from.replace(/-01$/, '-20');
const quarterCode = `${spans.quarter.from.slice(0, 4)}-Q${Math.ceil(Number(spans.quarter.from.slice(5, 7)) / 3)}`;

const api = (query: string) => t.app.inject({ method: 'GET', url: `/api/public/performance?${query}` });

beforeAll(async () => {
  org = await makeOrg(t.database);
  other = await makeOrg(t.database, 'Andere gemeente');
  await publishContent(t.database.db, org.id, {
    items: [
      itemDef('lamp-kapot', { name: { nl: 'Lantaarnpaal kapot', en: 'Street light broken' } }),
      itemDef('afval', { name: { nl: 'Afval naast de container' } }),
      complaintItemDef('klacht', { name: { nl: 'Klacht indienen' } }),
      itemDef('laptop', { audience: 'internal', name: { nl: 'Laptop kapot' } }),
    ],
  });
  for (const row of await t.database.db
    .select({ id: catalogueItem.id, code: catalogueItem.code })
    .from(catalogueItem)
    .where(eq(catalogueItem.organisationId, org.id)))
    ids[row.code] = row.id;
  [manager, agent] = await Promise.all([signIn(t.app, org.users.manager), signIn(t.app, org.users.agent)]);

  const db = t.database.db;
  const base = { organisationId: org.id, teamId: org.teams.back };
  await db.insert(metricCaseDay).values([
    // Street light, last quarter: 8 in time, 2 late (too busy) → 80 %, the reason's count suppressed.
    {
      ...base,
      day: inQuarter,
      channel: 'web',
      catalogueItemId: ids['lamp-kapot'],
      kind: 'report',
      closed: 8,
      closedInNorm: 8,
      closedInTarget: 6,
      opened: 12,
    },
    {
      ...base,
      day: inQuarter,
      channel: 'phone',
      catalogueItemId: ids['lamp-kapot'],
      kind: 'report',
      breachReason: 'capacity',
      closed: 2,
    },
    // Earlier in the year: 15 in time, 6 late waiting for another party.
    {
      ...base,
      day: earlier,
      channel: 'web',
      catalogueItemId: ids['lamp-kapot'],
      kind: 'report',
      closed: 15,
      closedInNorm: 15,
      closedInTarget: 15,
    },
    {
      ...base,
      day: earlier,
      channel: 'web',
      catalogueItemId: ids['lamp-kapot'],
      kind: 'report',
      breachReason: 'third_party',
      closed: 6,
    },
    // Litter: 3 closed, all in time — too few to publish.
    {
      ...base,
      day: inQuarter,
      channel: 'web',
      catalogueItemId: ids.afval,
      kind: 'report',
      closed: 3,
      closedInNorm: 3,
      closedInTarget: 3,
    },
    // Complaints: 9 decided, 8 in term; 4 founded (suppressed), so the next smallest (5 unfounded) is too.
    {
      ...base,
      teamId: org.teams.front,
      day: inQuarter,
      channel: 'email',
      catalogueItemId: ids.klacht,
      kind: 'complaint',
      closed: 9,
      closedInNorm: 9,
      closedInTarget: 9,
      complaintsClosed: 9,
      complaintsInTerm: 8,
      complaintsFounded: 4,
      complaintsUnfounded: 5,
    },
    // The internal item and another organisation never count.
    {
      ...base,
      day: inQuarter,
      channel: 'web',
      catalogueItemId: ids.laptop,
      kind: 'request',
      closed: 50,
      closedInNorm: 50,
    },
    {
      organisationId: other.id,
      day: inQuarter,
      channel: 'web',
      kind: 'report',
      closed: 99,
      closedInNorm: 1,
      complaintsClosed: 40,
    },
  ]);
  await db.insert(metricSurveyDay).values([
    {
      organisationId: org.id,
      day: inQuarter,
      channel: 'web',
      source: 'case',
      responses: 12,
      gradeSum: 90,
      gradeAtLeast7: 10,
      solvedYes: 9,
      solvedAnswers: 12,
    },
    {
      organisationId: org.id,
      day: inQuarter,
      channel: 'phone',
      source: 'contact',
      responses: 3,
      gradeSum: 15,
      gradeAtLeast7: 1,
    },
    // Employees served by the internal front office are not the public's figures.
    {
      organisationId: org.id,
      day: inQuarter,
      channel: 'web',
      source: 'contact',
      customerKind: 'employee',
      responses: 100,
      gradeSum: 100,
    },
    {
      organisationId: other.id,
      day: inQuarter,
      channel: 'web',
      source: 'case',
      responses: 50,
      gradeSum: 500,
    },
  ]);
  await db.insert(metricContactDay).values([
    {
      organisationId: org.id,
      day: inQuarter,
      channel: 'phone',
      contacts: 52,
      answered: 40,
      unrecorded: 2,
      repeats: 5,
    },
    { organisationId: org.id, day: inQuarter, channel: 'web', contacts: 4, answered: 4 },
    {
      organisationId: org.id,
      day: inQuarter,
      channel: 'desk',
      customerKind: 'employee',
      contacts: 70,
      answered: 0,
    },
    { organisationId: other.id, day: inQuarter, channel: 'phone', contacts: 500, answered: 1 },
  ]);
});

const hidden = { value: null, suppressed: true };
const withheld = { value: null, suppressed: true, withheld: true };
const shown = (value: number) => ({ value, suppressed: false });

describe('open data', () => {
  it('suppresses counts of 1–4 and shares or means resting on them; a part follows its published base', () => {
    expect([count(0), count(4), count(5)]).toEqual([shown(0), hidden, shown(5)]);
    expect([share(1, 4), share(0, 0), share(3, 6)]).toEqual([
      hidden,
      { value: null, suppressed: false },
      shown(50),
    ]);
    expect([mean(20, 4), mean(35, 5)]).toEqual([hidden, shown(7)]);
    // 3 of 6 in time: the share says so, so the count is published with it; 3 of 3 is not.
    expect([partOf(3, 6), partOf(3, 3)]).toEqual([shown(3), hidden]);
  });

  it('withholds a count from which a suppressed one could be worked out, and only then', () => {
    const parts = (raw: number[], totalShown = true, unpublished = 0) =>
      protectParts(raw.map(count), raw, totalShown, unpublished);
    // 8 late (published as closed − in norm): 6 and 2 — the 2 would be 8 − 6.
    expect(parts([6, 2])).toEqual([withheld, hidden]);
    // The smallest shown count goes, never a zero.
    expect(parts([9, 6, 0, 2])).toEqual([shown(9), withheld, shown(0), hidden]);
    // Two unknowns cannot be told apart: two suppressed, or one and a remainder not published.
    expect(parts([6, 2, 3])).toEqual([shown(6), hidden, hidden]);
    expect(parts([6, 2], true, 7)).toEqual([shown(6), hidden]);
    // A small remainder alone (late without a reason: total − shown) is protected too.
    expect(parts([6, 9], true, 3)).toEqual([withheld, shown(9)]);
    // Nothing to work out from when the total is not published.
    expect(parts([6, 2], false)).toEqual([shown(6), hidden]);
  });

  it('answers the figures of a quarter: per service, channel and complaints, small counts suppressed', async () => {
    const res = await api(`organisation=${org.slug}&period=${quarterCode}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const data = res.json<OpenData>();
    expect(data.organisation).toEqual({ name: expect.stringContaining('Testgemeente'), slug: org.slug });
    expect(data.licence.url).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
    expect(data.period).toEqual({
      code: quarterCode,
      from: spans.quarter.from,
      to: spans.quarter.to,
      complete: true,
    });
    expect(data.minimumCount).toBe(5);
    // Published external services only, by name.
    expect(data.services.map((s) => s.code)).toEqual(['afval', 'klacht', 'lamp-kapot']);
    const lamp = data.services.find((s) => s.code === 'lamp-kapot')!;
    expect(lamp.norm).toEqual({ amount: 5, unit: 'working_days' });
    expect(lamp.closed).toEqual(shown(10));
    expect(lamp.closedInNorm).toEqual(shown(8));
    expect(lamp.normCompliance).toEqual(shown(80));
    expect(lamp.breachReasons).toEqual([
      {
        code: 'capacity',
        label: { nl: expect.stringContaining('te druk'), en: expect.any(String) },
        late: hidden,
      },
    ]);
    const litter = data.services.find((s) => s.code === 'afval')!;
    expect([litter.closed, litter.closedInNorm, litter.normCompliance]).toEqual([hidden, hidden, hidden]);
    expect(data.satisfaction).toEqual([
      { channel: 'web', responses: shown(12), gradeMean: shown(7.5), gradeAtLeast7: shown(83.3) },
      { channel: 'phone', responses: hidden, gradeMean: hidden, gradeAtLeast7: hidden },
    ]);
    expect(data.firstContactResolution).toEqual([
      { channel: 'phone', contacts: shown(50), firstContactResolution: shown(80) },
      { channel: 'web', contacts: hidden, firstContactResolution: hidden },
      { channel: 'all', contacts: shown(54), firstContactResolution: shown(81.5) },
    ]);
    expect(data.complaints).toEqual({
      decided: shown(9),
      decidedInTerm: shown(88.9),
      founded: hidden,
      partlyFounded: shown(0),
      // Shown, it would give away the founded ones (9 − 5 − 0 − 0): withheld, and said so.
      unfounded: withheld,
      withdrawn: shown(0),
    });
    // Nothing about a person: no names, addresses or ids of people in any field.
    expect(res.body).not.toMatch(/@|customer|agent|user/i);
  });

  it('answers the same figures as CSV, streamed, one row per figure', async () => {
    const [json, csv] = await Promise.all([
      api(`organisation=${org.slug}&period=${quarterCode}`),
      api(`organisation=${org.slug}&period=${quarterCode}&format=csv`),
    ]);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain(`prestaties-${org.slug}-${quarterCode}.csv`);
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    const expected = [...openDataRows(json.json<OpenData>())].map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])),
    );
    expect(rows).toEqual(expected);
    expect(rows.find((r) => r.subject === 'lamp-kapot' && r.measure === 'normCompliance')).toMatchObject({
      value: '80',
      suppressed: 'false',
    });
    expect(rows.find((r) => r.subject === 'afval' && r.measure === 'closed')).toMatchObject({
      value: '',
      suppressed: 'true',
    });
  });

  it('takes a year that has begun (up to today) and refuses anything else, naming the period', async () => {
    const year = localDate(new Date()).slice(0, 4);
    const res = await api(`organisation=${org.slug}&period=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<OpenData>().period).toMatchObject({
      from: `${year}-01-01`,
      to: localDate(new Date()),
      complete: false,
    });
    for (const period of ['2026-13', '2026-Q5', 'gisteren', `${Number(year) + 1}`, '2026-11']) {
      const bad = await api(`organisation=${org.slug}&period=${period}`);
      const problem = expectProblem(bad, 400, 'validation_failed');
      expect(problem.errors?.[0]?.field).toBe('period');
    }
    expectProblem(await api(`organisation=${org.slug}&period=${year}&format=xml`), 400, 'validation_failed');
    expectProblem(await api(`organisation=nergens-${org.slug}&period=${year}`), 404, 'not_found');
  });

  it("publishes the catalogue's FCR: the same figure as the metrics module's kpiValues for the period", async () => {
    const fcrOf = async (organisationId: string, channel?: string) => {
      const [value] = await kpiValues(
        t.database.db,
        organisationId,
        { from: spans.quarter.from, to: spans.quarter.to, ...(channel ? { channel } : {}) },
        ['fcr'],
      );
      return value!.value === null ? null : Math.round(value!.value * 10) / 10;
    };
    // The organisation without employees' contacts: the public total is monitoring's total.
    const others = (await api(`organisation=${other.slug}&period=${quarterCode}`)).json<OpenData>();
    const all = others.firstContactResolution.find((r) => r.channel === 'all')!;
    expect(all.firstContactResolution.value).toBe(await fcrOf(other.id));
    expect(all.firstContactResolution.value).toBe(0.2);
    // Per channel (the employees' desk contacts are not the public's): the phone's figure is monitoring's.
    const mine = (await api(`organisation=${org.slug}&period=${quarterCode}`)).json<OpenData>();
    const phone = mine.firstContactResolution.find((r) => r.channel === 'phone')!;
    expect(phone.firstContactResolution.value).toBe(await fcrOf(org.id, 'phone'));
    expect(phone.firstContactResolution.value).toBe(80);
  });
});

describe('the public page', () => {
  it('shows norms, results, reasons, satisfaction, complaints and FCR without login or script', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/p/${org.slug}/prestaties` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    expect(html).toContain('Hoe goed helpen wij u?');
    expect(html).not.toContain('<script');
    expect(html).toContain('Lantaarnpaal kapot');
    expect(html).toContain('binnen 5 werkdagen');
    // Street light: 80 % last quarter, 23 of 31 (74,2 %) over the year; the reasons in public words.
    expect(html).toContain('80%');
    expect(html).toContain('74,2%');
    // Over the year 8 late: 6 waiting for another party, 2 too busy. The 2 are suppressed; the 6 would give them
    // away (31 − 23 − 6), so it is withheld.
    expect(html).toContain('We moesten wachten op een andere organisatie (aantal keer te laat niet getoond)');
    expect(html).not.toContain('(6 keer te laat)');
    expect(html).toContain('Het was te druk: we hadden te weinig mensen (minder dan 5 keer te laat)');
    expect(html).toContain('minder dan 5');
    // Charts as SVG images with a name, each with its table; the internal item is not there.
    expect(html).toMatch(/<svg role="img" aria-label="Percentage op tijd klaar per dienst/);
    expect(html).not.toContain('Laptop kapot');
    // "Wat we hebben verbeterd" shows published improvements only: this organisation has none, so nothing is
    // promised (improvements.test.ts publishes one and finds the section, in nl and en and in the open data).
    expect(html).not.toMatch(/verbeterd/i);
    const en = await t.app.inject({ method: 'GET', url: `/p/${org.slug}/prestaties?lang=en` });
    expect(en.body).toContain('How well do we help you?');
    expect(en.body).toContain('Street light broken');
    const missing = await t.app.inject({ method: 'GET', url: '/p/bestaat-niet-xyz/prestaties' });
    expect(missing.statusCode).toBe(404);
  });
});

describe('the periodic report', () => {
  it('sends whoever is not signed in to the login, and refuses a role without readMetrics', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: `/rapportage/${quarterCode}` });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(
      `/login?next=${encodeURIComponent(`/rapportage/${quarterCode}`)}`,
    );
    const refused = await t.app.inject({
      method: 'GET',
      url: `/rapportage/${quarterCode}`,
      headers: { cookie: agent.cookie },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Geen toegang');
  });

  it("shows a manager the period's KPIs against target and previous period, trends and every section", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/rapportage/${quarterCode}`,
      headers: { cookie: manager.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const html = res.body;
    expect(html).toContain('Rapportage dienstverlening');
    expect(html).not.toContain('<script');
    for (const heading of [
      'Kerncijfers',
      'Ontwikkeling',
      'Normnaleving per dienst',
      'Normnaleving per team',
      'Redenen van te laat afhandelen',
      'Klachten',
      'Tevredenheid per kanaal',
      'Eerste keer goed per kanaal',
    ])
      expect(html).toContain(heading);
    // FCR 81,5 % against the default target of 80: met. Norm compliance over all the quarter's cases (the
    // internal ones too): 8 + 3 + 9 + 50 of 10 + 3 + 9 + 50.
    expect(html).toMatch(
      /Eerste keer goed \(%\)<\/th><td[^>]*>81,5<\/td><td[^>]*>—<\/td><td[^>]*>80<\/td><td[^>]*>✓ Gehaald/,
    );
    expect(html).toContain('97,2');
    // No backlog snapshot in the quarter: the backlog is not known, shown as a dash (never a 0 that reads as real).
    expect(html).toMatch(/Openstaande zaken aan het eind[^<]*<\/th><td[^>]*>—</);
    expect(html).toContain('@page');
    expect((html.match(/<svg role="img"/g) ?? []).length).toBeGreaterThanOrEqual(4);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/rapportage/2026-14',
      headers: { cookie: manager.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Deze periode kennen wij niet');
    // The month that is running, in English: figures up to today, and it says so.
    const running = await t.app.inject({
      method: 'GET',
      url: `/rapportage/${localDate(new Date()).slice(0, 7)}?lang=en`,
      headers: { cookie: manager.cookie },
    });
    expect(running.statusCode).toBe(200);
    expect(running.body).toContain('Service report');
    expect(running.body).toContain('This period has not ended yet');
  });
});
