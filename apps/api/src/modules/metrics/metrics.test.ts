/**
 * The monitoring API (KPI side). Figures come from rollup rows inserted here directly (the rollups part computes
 * them from raw rows; at merge one test goes raw rows → rebuildMetrics → this API), so every expected value below
 * is worked out by hand from the rows. The live backlog and the drill-down read real cases made through the API.
 */
import {
  callback,
  caseEvent,
  caseFile,
  contact,
  metricBacklogDay,
  metricCallbackDay,
  metricCaseDay,
  metricContactDay,
  metricSurveyDay,
} from '@voordeur/db';
import { KPI_CODES, METRIC_DIMENSIONS } from '@voordeur/shared';
import { and, eq, sql } from 'drizzle-orm';
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
import { localDate } from '../calendar/index.ts';
import { registerKpiSource } from './index.ts';

const t = useTestApp();

let org: TestOrg;
let other: TestOrg;
let manager: Session;
let agent: Session;
let teamlead: Session;
let admin: Session;
let itemId: string;

/** March 2025 (31 days); the previous period is 29 January – 28 February. */
const MARCH = 'from=2025-03-01&to=2025-03-31';

beforeAll(async () => {
  org = await makeOrg(t.database, 'Metrics');
  other = await makeOrg(t.database, 'Ander');
  [manager, agent, teamlead, admin] = await Promise.all([
    signIn(t.app, org.users.manager),
    signIn(t.app, org.users.agent),
    signIn(t.app, org.users.teamlead),
    signIn(t.app, org.users.admin),
  ]);
  await publishContent(t.database.db, org.id, { items: [itemDef('lantaarnpaal')], articles: [] });
  itemId = (await t.app.inject({ url: '/api/catalogue/items/lantaarnpaal', headers: admin.headers })).json()
    .id;

  const db = t.database.db;
  const o = org.id;
  await db.insert(metricContactDay).values([
    // The agent's phone contacts (residents, Dutch).
    {
      organisationId: o,
      day: '2025-03-03',
      channel: 'phone',
      teamId: org.teams.front,
      agentUserId: org.users.agent.id,
      catalogueItemId: itemId,
      customerKind: 'resident',
      language: 'nl',
      ageBand: '30-44',
      contacts: 10,
      answered: 7,
      repeats: 2,
      statusInquiries: 1,
      handlingSeconds: 3000,
    },
    // The team lead's web contacts (businesses, English); two closed without an outcome.
    {
      organisationId: o,
      day: '2025-03-10',
      channel: 'web',
      teamId: org.teams.front,
      agentUserId: org.users.teamlead.id,
      customerKind: 'business',
      language: 'en',
      contacts: 10,
      answered: 6,
      unrecorded: 2,
    },
    // The previous period.
    {
      organisationId: o,
      day: '2025-02-15',
      channel: 'phone',
      teamId: org.teams.front,
      agentUserId: org.users.agent.id,
      contacts: 4,
      answered: 2,
    },
    // After the period: never counted.
    {
      organisationId: o,
      day: '2025-04-01',
      channel: 'phone',
      teamId: org.teams.front,
      contacts: 100,
      answered: 0,
    },
    // Another organisation's rows on the same day.
    { organisationId: other.id, day: '2025-03-03', channel: 'phone', contacts: 50, answered: 50 },
  ]);
  await db.insert(metricCaseDay).values([
    {
      organisationId: o,
      day: '2025-03-05',
      channel: 'web',
      teamId: org.teams.back,
      catalogueItemId: itemId,
      kind: 'report',
      customerKind: 'resident',
      opened: 4,
      closed: 4,
      closedInNorm: 3,
      closedInTarget: 2,
      reopened: 1,
      resolutionMinutes: 3840,
      resolutionDays: [0, 1, 2, 0, 1],
    },
    {
      organisationId: o,
      day: '2025-03-20',
      channel: 'phone',
      teamId: org.teams.back,
      kind: 'complaint',
      customerKind: 'business',
      opened: 1,
      closed: 6,
      closedInNorm: 6,
      closedInTarget: 6,
      resolutionMinutes: 2880,
      resolutionDays: [0, 6],
      complaintsClosed: 3,
      complaintsInTerm: 2,
      complaintsFounded: 1,
      complaintsPartlyFounded: 1,
      complaintsUnfounded: 1,
    },
  ]);
  await db.insert(metricSurveyDay).values({
    organisationId: o,
    day: '2025-03-07',
    channel: 'web',
    teamId: org.teams.back,
    source: 'case',
    customerKind: 'resident',
    responses: 4,
    gradeSum: 30,
    gradeAtLeast7: 3,
    gradeAtMost5: 1,
    effortSum: 16,
    effortAnswers: 4,
    solvedYes: 3,
    solvedAnswers: 4,
  });
  await db.insert(metricCallbackDay).values({
    organisationId: o,
    day: '2025-03-12',
    channel: 'phone',
    teamId: org.teams.back,
    due: 4,
    doneInTime: 3,
    doneLate: 1,
  });
  await db.insert(metricBacklogDay).values([
    {
      organisationId: o,
      day: '2025-03-31',
      channel: 'web',
      teamId: org.teams.back,
      kind: 'report',
      open: 10,
      overdue: 2,
      ageDays: 50,
    },
    {
      organisationId: o,
      day: '2025-02-28',
      channel: 'web',
      teamId: org.teams.back,
      kind: 'report',
      open: 8,
      overdue: 1,
      ageDays: 16,
    },
  ]);
});

type Value = {
  code: string;
  value: number | null;
  previous: number | null;
  target: number | null;
  n: number;
  status: string;
};
const byCode = (items: Value[]) => Object.fromEntries(items.map((i) => [i.code, i]));
const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers });

describe('the KPI catalogue and targets', () => {
  it('lists every KPI with its words, default target and audience; one KPI by code', async () => {
    const res = await get(agent, '/api/metrics/kpis');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { code: string }) => i.code)).toEqual([...KPI_CODES]);
    const fcr = items.find((i: { code: string }) => i.code === 'fcr');
    expect(fcr).toMatchObject({
      unit: 'percent',
      direction: 'higher',
      defaultTarget: 80,
      target: 80,
      targetVersion: 0,
    });
    expect(fcr.name.nl).toBe('Eerste keer goed');
    expect(fcr.audience).toContain('readOwnMetrics');
    const one = await get(manager, '/api/metrics/kpis/grade_mean');
    expect(one.json()).toMatchObject({ code: 'grade_mean', unit: 'grade', target: 7.5 });
    expectProblem(await get(manager, '/api/metrics/kpis/nonsense'), 404, 'not_found');
  });

  it('says of every KPI whether a list is behind it, and the drill-down agrees', async () => {
    const items = (await get(manager, '/api/metrics/kpis')).json().items as {
      code: string;
      drill: 'contacts' | 'cases' | 'responses' | 'callbacks' | null;
    }[];
    const drillOf = (code: string) => items.find((i) => i.code === code)!.drill;
    expect(drillOf('fcr')).toBe('contacts');
    expect(drillOf('norm_compliance')).toBe('cases');
    expect(drillOf('grade_7_plus')).toBe('responses');
    expect(drillOf('callbacks_in_time')).toBe('callbacks');
    expect(drillOf('digital_share')).toBeNull();
    expect(drillOf('phone_abandoned')).toBeNull();
    // The web links a figure to its list only when there is one: none may lead to a refusal.
    for (const { code, drill } of items) {
      const res = await get(manager, `/api/metrics/drill?${MARCH}&kpi=${code}`);
      if (drill)
        expect({ code, status: res.statusCode, kind: res.json().kind }).toEqual({
          code,
          status: 200,
          kind: drill,
        });
      else expect({ code, status: res.statusCode }).toEqual({ code, status: 400 });
    }
  });

  it('a manager sets a target with optimistic locking, audited; null goes back to the default', async () => {
    const put = (session: Session, code: string, payload: object) =>
      t.app.inject({ method: 'PUT', url: `/api/metrics/targets/${code}`, headers: session.headers, payload });
    const set = await put(manager, 'norm_compliance', { target: 95, version: 0 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ target: 95, defaultTarget: 90, targetVersion: 1 });
    expectProblem(await put(manager, 'norm_compliance', { target: 85, version: 0 }), 409, 'version_conflict');
    expectProblem(
      await put(manager, 'norm_compliance', { target: 101, version: 1 }),
      400,
      'validation_failed',
    );
    expectProblem(await put(agent, 'norm_compliance', { target: 50, version: 1 }), 403, 'forbidden');
    expectProblem(await put(manager, 'nonsense', { target: 50 }), 404, 'not_found');
    const overview = await get(manager, `/api/metrics/overview?${MARCH}&codes=norm_compliance`);
    expect(byCode(overview.json().items).norm_compliance).toMatchObject({
      value: 90,
      target: 95,
      status: 'missed',
    });
    const back = await put(manager, 'norm_compliance', { target: null, version: 1 });
    expect(back.json()).toMatchObject({ target: 90, targetVersion: 0 });
    const events = await get(admin, '/api/audit-events?entityType=kpi_target&entityId=norm_compliance');
    expect(events.json().items.map((e: { action: string }) => e.action)).toEqual(['set', 'set']);
    expect(events.json().items[1].changes).toEqual({ target: { before: 90, after: 95 } });
  });
});

describe('figures from the rollups', () => {
  it('the overview: every KPI of the period and of the previous period, computed from the rollups', async () => {
    const res = await get(manager, `/api/metrics/overview?${MARCH}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      from: '2025-03-01',
      to: '2025-03-31',
      previousFrom: '2025-01-29',
      previousTo: '2025-02-28',
    });
    const v = byCode(body.items);
    expect(v.contacts).toMatchObject({ value: 20, previous: 4, n: 20 });
    // (7 + 6) answered of 18 with an outcome; before: 2 of 4.
    expect(v.fcr).toMatchObject({ value: 72.22, previous: 50, n: 18, target: 80, status: 'missed' });
    expect(v.repeat_contacts).toMatchObject({ value: 10 });
    expect(v.avoidable_contacts).toMatchObject({ value: 15 });
    expect(v.handling_time).toMatchObject({ value: 2.5 });
    // 10 web contacts + 4 web cases of 20 contacts + 5 cases.
    expect(v.digital_share).toMatchObject({ value: 56, n: 25 });
    expect(v.cases_opened).toMatchObject({ value: 5, previous: 0 });
    expect(v.norm_compliance).toMatchObject({ value: 90, n: 10, status: 'met', previous: null });
    expect(v.target_compliance).toMatchObject({ value: 80 });
    expect(v.reopen_rate).toMatchObject({ value: 10, status: 'missed' });
    // (3840 + 2880) working minutes over 10 cases, in the calendar's working day of 510 minutes (08:30–17:00), the
    // same day as the histogram below and the drivers view.
    expect(v.resolution_mean).toMatchObject({ value: 1.32 });
    // Histogram [0, 7, 2, 0, 1]: the 9th of 10 falls on day 2.
    expect(v.resolution_p90).toMatchObject({ value: 2, n: 10 });
    expect(v.complaints).toMatchObject({ value: 3 });
    expect(v.complaints_in_term).toMatchObject({ value: 66.67, target: 100, status: 'missed' });
    expect(v.complaints_founded).toMatchObject({ value: 66.67, status: 'none' });
    expect(v.grade_mean).toMatchObject({ value: 7.5, status: 'met' });
    expect(v.grade_7_plus).toMatchObject({ value: 75 });
    expect(v.grade_5_minus).toMatchObject({ value: 25 });
    expect(v.effort_mean).toMatchObject({ value: 4 });
    expect(v.solved_share).toMatchObject({ value: 75 });
    expect(v.callbacks_in_time).toMatchObject({ value: 75, n: 4 });
    expect(v.backlog).toMatchObject({ value: 10, previous: 8 });
    expect(v.backlog_overdue).toMatchObject({ value: 2, previous: 1 });
    expect(v.backlog_age).toMatchObject({ value: 5, previous: 2 });
    // Not yet registered by the input modules: no value.
    expect(v.phone_abandoned).toMatchObject({ value: null, n: 0 });
    // Filters: a channel, a team, an item, an area.
    const phone = byCode(
      (await get(manager, `/api/metrics/overview?${MARCH}&channel=phone&codes=contacts,fcr`)).json().items,
    );
    expect(phone.contacts).toMatchObject({ value: 10 });
    expect(phone.fcr).toMatchObject({ value: 70 });
    const item = byCode(
      (
        await get(manager, `/api/metrics/overview?${MARCH}&itemId=${itemId}&codes=contacts,cases_opened`)
      ).json().items,
    );
    expect([item.contacts?.value, item.cases_opened?.value]).toEqual([10, 4]);
    const back = byCode(
      (
        await get(
          manager,
          `/api/metrics/overview?${MARCH}&teamId=${org.teams.back}&codes=contacts,cases_opened`,
        )
      ).json().items,
    );
    expect([back.contacts?.value, back.cases_opened?.value]).toEqual([0, 5]);
    const area = byCode(
      (await get(manager, `/api/metrics/overview?${MARCH}&area=Centrum&codes=contacts`)).json().items,
    );
    expect(area.contacts?.value).toBe(0);
  });

  it('segments filter every figure through the customer dimensions; their rules are checked; audited', async () => {
    const post = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/segments', headers: manager.headers, payload });
    const created = await post({
      code: 'ondernemers',
      name: { nl: 'Ondernemers', en: 'Businesses' },
      rule: { customerKind: ['business'] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      code: 'ondernemers',
      rule: { customerKind: ['business'] },
      version: 1,
    });
    const v = byCode(
      (
        await get(
          manager,
          `/api/metrics/overview?${MARCH}&segment=ondernemers&codes=contacts,fcr,cases_opened`,
        )
      ).json().items,
    );
    expect(v.contacts).toMatchObject({ value: 10 });
    expect(v.fcr).toMatchObject({ value: 75, n: 8 });
    expect(v.cases_opened).toMatchObject({ value: 1 });
    expectProblem(
      await post({ code: 'ondernemers', name: { nl: 'Dubbel' }, rule: { language: ['en'] } }),
      409,
      'segment_code_taken',
    );
    expectProblem(
      await post({ code: 'raar', name: { nl: 'Raar' }, rule: { customerKind: ['alien'] } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await post({ code: 'raar', name: { nl: 'Raar' }, rule: { shoeSize: ['42'] } }),
      400,
      'validation_failed',
    );
    expectProblem(await post({ code: 'leeg', name: { nl: 'Leeg' }, rule: {} }), 400, 'validation_failed');
    expectProblem(
      await get(manager, `/api/metrics/overview?${MARCH}&segment=onbekend`),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/segments',
        headers: agent.headers,
        payload: { code: 'x', name: { nl: 'X' }, rule: { language: ['nl'] } },
      }),
      403,
      'forbidden',
    );
    // Broadened to English speakers too: both rules' keys must match.
    const id = created.json().id;
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/segments/${id}`,
      headers: manager.headers,
      payload: {
        code: 'ondernemers',
        name: { nl: 'Ondernemers (Engels)' },
        rule: { customerKind: ['business'], language: ['nl'] },
        version: 1,
      },
    });
    expect(changed.json()).toMatchObject({ version: 2 });
    const none = byCode(
      (await get(manager, `/api/metrics/overview?${MARCH}&segment=ondernemers&codes=contacts`)).json().items,
    );
    expect(none.contacts).toMatchObject({ value: 0 });
    expectProblem(
      await t.app.inject({
        method: 'PUT',
        url: `/api/segments/${id}`,
        headers: manager.headers,
        payload: { code: 'ondernemers', name: { nl: 'X' }, rule: { language: ['nl'] }, version: 1 },
      }),
      409,
      'version_conflict',
    );
    const segments = await get(agent, '/api/segments');
    expect(segments.json().items.map((s: { code: string }) => s.code)).toEqual(['ondernemers']);
    // A segment is a breakdown dimension too.
    const split = await get(manager, `/api/metrics/breakdown?${MARCH}&kpi=contacts&by=segment`);
    expect(split.json().rows).toEqual([
      { key: 'ondernemers', label: 'Ondernemers (Engels)', value: 0, n: 0 },
    ]);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/segments/${id}`,
      headers: manager.headers,
    });
    expect(del.statusCode).toBe(204);
    const events = await get(admin, `/api/audit-events?entityType=segment&entityId=${id}`);
    expect(events.json().items.map((e: { action: string }) => e.action)).toEqual([
      'deleted',
      'updated',
      'created',
    ]);
  });

  it('series per grain, with the target', async () => {
    const res = await get(manager, '/api/metrics/series?from=2025-02-01&to=2025-03-31&kpi=fcr&grain=month');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kpi: 'fcr',
      grain: 'month',
      target: 80,
      points: [
        { period: '2025-02-01', value: 50, n: 4 },
        { period: '2025-03-01', value: 72.22, n: 18 },
      ],
    });
    const weeks = (await get(manager, `/api/metrics/series?${MARCH}&kpi=contacts&grain=week`)).json().points;
    // Weeks start on Monday: 24 February holds 1 March.
    expect(weeks[0]).toEqual({ period: '2025-02-24', value: 0, n: 0 });
    expect(weeks.find((p: { period: string }) => p.period === '2025-03-03')).toMatchObject({ value: 10 });
    const backlog = (
      await get(manager, '/api/metrics/series?from=2025-02-01&to=2025-03-31&kpi=backlog&grain=month')
    ).json().points;
    expect(backlog.map((p: { value: number }) => p.value)).toEqual([8, 10]);
    const year = (await get(manager, `/api/metrics/series?${MARCH}&kpi=resolution_p90&grain=year`)).json()
      .points;
    expect(year).toEqual([{ period: '2025-01-01', value: 2, n: 10 }]);
  });

  it('breakdowns by team, agent, channel and customer attributes, labelled in the reader’s language', async () => {
    const teams = (await get(manager, `/api/metrics/breakdown?${MARCH}&kpi=norm_compliance&by=team`)).json();
    expect(teams.rows).toEqual([{ key: org.teams.back, label: 'Openbare ruimte', value: 90, n: 10 }]);
    const agents = (await get(manager, `/api/metrics/breakdown?${MARCH}&kpi=fcr&by=agent`)).json().rows;
    expect(agents).toEqual([
      { key: org.users.agent.id, label: `agent ${org.slug}`, value: 70, n: 10 },
      { key: org.users.teamlead.id, label: `teamlead ${org.slug}`, value: 75, n: 8 },
    ]);
    const channels = await t.app.inject({
      url: `/api/metrics/breakdown?${MARCH}&kpi=contacts&by=channel`,
      headers: { ...manager.headers, 'accept-language': 'en' },
    });
    expect(channels.json().rows.map((r: { label: string }) => r.label)).toEqual(['Phone', 'Website']);
    const kinds = (
      await get(manager, `/api/metrics/breakdown?${MARCH}&kpi=grade_mean&by=customerKind`)
    ).json().rows;
    expect(kinds).toEqual([{ key: 'resident', label: 'Inwoner', value: 7.5, n: 4 }]);
    const items = (await get(manager, `/api/metrics/breakdown?${MARCH}&kpi=contacts&by=item`)).json().rows;
    expect(items.map((r: { label: string; value: number }) => [r.label, r.value])).toEqual([
      ['Dienst lantaarnpaal', 10],
      ['Geen onderwerp', 10],
    ]);
    const backlog = (await get(manager, `/api/metrics/breakdown?${MARCH}&kpi=backlog&by=team`)).json().rows;
    expect(backlog).toEqual([{ key: org.teams.back, label: 'Openbare ruimte', value: 10, n: 10 }]);
    expectProblem(
      await get(manager, `/api/metrics/breakdown?${MARCH}&kpi=norm_compliance&by=agent`),
      400,
      'validation_failed',
    );
    // Each KPI's definition names what it can be split by (the KPI page offers exactly those): the breakdown
    // answers each KPI's last split and refuses the first dimension it does not name.
    const definitions = (await get(manager, '/api/metrics/kpis')).json().items as {
      code: string;
      splits: string[];
    }[];
    const split = Object.fromEntries(definitions.map((d) => [d.code, d.splits]));
    expect(split.fcr).toContain('agent');
    expect(split.norm_compliance).not.toContain('agent');
    expect(split.norm_compliance).toContain('item');
    expect(split.phone_answered_in_target).toEqual(['channel']);
    for (const d of definitions) {
      const by = d.splits.at(-1)!;
      const res = await get(manager, `/api/metrics/breakdown?${MARCH}&kpi=${d.code}&by=${by}`);
      expect(res.statusCode, `${d.code} by ${by}: ${res.body}`).toBe(200);
      const refused = METRIC_DIMENSIONS.find((x) => !d.splits.includes(x));
      if (refused)
        expectProblem(
          await get(manager, `/api/metrics/breakdown?${MARCH}&kpi=${d.code}&by=${refused}`),
          400,
          'validation_failed',
        );
    }
  });

  it('the top items asked about and reported', async () => {
    const questions = (await get(manager, `/api/metrics/top?${MARCH}&kind=questions`)).json();
    expect(questions.items).toEqual([
      { itemId, code: 'lantaarnpaal', name: 'Dienst lantaarnpaal', count: 10 },
    ]);
    const reports = (await get(manager, `/api/metrics/top?${MARCH}&kind=reports&limit=5`)).json();
    expect(reports.items).toEqual([{ itemId, code: 'lantaarnpaal', name: 'Dienst lantaarnpaal', count: 4 }]);
  });
});

describe('KPIs of the input modules', () => {
  it('answers through the registered source, for the period and the previous period; none under a segment', async () => {
    registerKpiSource('waiting', async (_db, organisationId, filter) =>
      organisationId === org.id
        ? [{ code: 'phone_abandoned', value: filter.from === '2025-03-01' ? 4 : 6, n: 100 }]
        : [],
    );
    const v = byCode(
      (await get(manager, `/api/metrics/overview?${MARCH}&codes=phone_abandoned`)).json().items,
    );
    expect(v.phone_abandoned).toMatchObject({ value: 4, previous: 6, n: 100, target: 5, status: 'met' });
    const channels = (
      await get(manager, `/api/metrics/breakdown?${MARCH}&kpi=phone_abandoned&by=channel`)
    ).json();
    expect(channels.rows[0]).toMatchObject({ value: 4, n: 100 });
    expectProblem(
      await get(manager, `/api/metrics/breakdown?${MARCH}&kpi=phone_abandoned&by=team`),
      400,
      'validation_failed',
    );
  });
});

describe('who sees what', () => {
  it('an agent sees only their own contact figures; another agent’s figures are refused', async () => {
    const res = await get(agent, `/api/metrics/overview?${MARCH}`);
    expect(res.statusCode).toBe(200);
    const v = byCode(res.json().items);
    expect(Object.keys(v).sort()).toEqual([
      'avoidable_contacts',
      'contacts',
      'fcr',
      'handling_time',
      'repeat_contacts',
    ]);
    expect(v.contacts).toMatchObject({ value: 10, previous: 4 });
    expect(v.fcr).toMatchObject({ value: 70, previous: 50 });
    const own = await get(
      agent,
      `/api/metrics/overview?${MARCH}&agentId=${org.users.agent.id}&codes=contacts`,
    );
    expect(byCode(own.json().items).contacts?.value).toBe(10);
    expectProblem(
      await get(agent, `/api/metrics/overview?${MARCH}&agentId=${org.users.teamlead.id}`),
      403,
      'forbidden',
    );
    expectProblem(await get(agent, `/api/metrics/overview?${MARCH}&codes=norm_compliance`), 403, 'forbidden');
    expectProblem(await get(agent, `/api/metrics/series?${MARCH}&kpi=grade_mean`), 403, 'forbidden');
    const agents = (await get(agent, `/api/metrics/breakdown?${MARCH}&kpi=fcr&by=agent`)).json().rows;
    expect(agents).toEqual([{ key: org.users.agent.id, label: `agent ${org.slug}`, value: 70, n: 10 }]);
    const top = await get(agent, `/api/metrics/top?${MARCH}&kind=reports`);
    expectProblem(top, 403, 'forbidden');
  });

  it('a team lead sees their own teams and the agents in them, no other team', async () => {
    const v = byCode((await get(teamlead, `/api/metrics/overview?${MARCH}`)).json().items);
    // Both contact rows are the KCC's; the cases are another team's.
    expect(v.contacts).toMatchObject({ value: 20 });
    expect(v.cases_opened).toMatchObject({ value: 0 });
    expect(v.backlog).toMatchObject({ value: 0 });
    const ofAgent = byCode(
      (await get(teamlead, `/api/metrics/overview?${MARCH}&agentId=${org.users.agent.id}&codes=fcr`)).json()
        .items,
    );
    expect(ofAgent.fcr).toMatchObject({ value: 70, target: 80, status: 'missed' });
    const agents = (await get(teamlead, `/api/metrics/breakdown?${MARCH}&kpi=fcr&by=agent`)).json().rows;
    expect(agents.map((r: { label: string }) => r.label)).toEqual([
      `agent ${org.slug}`,
      `teamlead ${org.slug}`,
    ]);
    expectProblem(
      await get(teamlead, `/api/metrics/overview?${MARCH}&teamId=${org.teams.back}`),
      403,
      'forbidden',
    );
    expectProblem(
      await get(teamlead, `/api/metrics/overview?${MARCH}&agentId=${org.users.backoffice.id}`),
      403,
      'forbidden',
    );
  });

  it('another organisation sees none of these figures', async () => {
    const b = await signIn(t.app, other.users.manager);
    const v = byCode(
      (await get(b, `/api/metrics/overview?${MARCH}&codes=contacts,cases_opened`)).json().items,
    );
    expect([v.contacts?.value, v.cases_opened?.value]).toEqual([50, 0]);
    const withTeam = byCode(
      (await get(b, `/api/metrics/overview?${MARCH}&teamId=${org.teams.front}&codes=contacts`)).json().items,
    );
    expect(withTeam.contacts?.value).toBe(0);
  });
});

describe('bad input', () => {
  const field = async (url: string, name: string) => {
    const problem = expectProblem(await get(manager, url), 400, 'validation_failed');
    expect(problem.errors?.map((e) => e.field)).toContain(name);
  };
  it('names the field of a bad period, KPI, dimension, grain or cursor', async () => {
    await field('/api/metrics/overview?from=2025-03-31&to=2025-03-01', 'from');
    await field('/api/metrics/overview?from=2025-03-01&to=2999-01-01', 'to');
    await field('/api/metrics/overview?from=2019-01-01&to=2025-03-01', 'from');
    await field('/api/metrics/overview?from=2025-02-30&to=2025-03-01', 'from');
    await field('/api/metrics/overview?to=2025-03-01', 'from');
    await field(`/api/metrics/overview?${MARCH}&codes=fcr,nonsense`, 'codes');
    await field(`/api/metrics/overview?${MARCH}&teamId=not-a-uuid`, 'teamId');
    await field(`/api/metrics/series?${MARCH}&kpi=nonsense`, 'kpi');
    await field('/api/metrics/series?from=2024-01-01&to=2025-03-31&kpi=fcr&grain=day', 'grain');
    await field(`/api/metrics/series?${MARCH}&kpi=fcr&grain=decade`, 'grain');
    await field(`/api/metrics/breakdown?${MARCH}&kpi=fcr&by=shoeSize`, 'by');
    await field(`/api/metrics/drill?${MARCH}&kpi=digital_share`, 'kpi');
    await field(`/api/metrics/drill/csv?${MARCH}&kpi=digital_share`, 'kpi');
    await field('/api/metrics/drill/csv?from=2025-03-01&to=2031-03-31&kpi=fcr', 'to');
    await field(`/api/metrics/drill?${MARCH}&kpi=fcr&cursor=bm9uc2Vuc2U`, 'cursor');
    await field(`/api/metrics/overview?${MARCH}&unknown=1`, 'unknown');
  });

  it('five years is the longest period', async () => {
    const res = await get(manager, '/api/metrics/overview?from=2020-04-01&to=2025-03-31&codes=contacts');
    expect(res.statusCode).toBe(200);
  });
});

describe('live backlog and drill-down from the raw rows', () => {
  it('drills from norm compliance to the late cases and their breach reasons; today’s backlog is counted live', async () => {
    const post = async (description: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/cases',
          headers: agent.headers,
          payload: { itemCode: 'lantaarnpaal', description, location: { description: 'Bij de kerk' } },
        })
      ).json();
    const late = await post('Lamp kapot');
    const open = await post('Nog een lamp');
    expect(late.id).toBeTruthy();
    // The first was closed on 20 March 2025, two days after its due date, for lack of capacity.
    await t.database.db
      .update(caseFile)
      .set({
        createdAt: new Date('2025-03-10T09:00:00Z'),
        dueAt: new Date('2025-03-18T16:00:00Z'),
        closedAt: new Date('2025-03-20T10:00:00Z'),
        status: 'afgehandeld',
        breachReason: 'capacity',
      })
      .where(and(eq(caseFile.organisationId, org.id), eq(caseFile.id, late.id)));
    const res = await get(manager, `/api/metrics/drill?${MARCH}&kpi=norm_compliance`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'cases', nextCursor: null });
    expect(res.json().items).toEqual([
      expect.objectContaining({
        id: late.id,
        reference: late.reference,
        channel: late.channel,
        team: 'Openbare ruimte',
        item: 'Dienst lantaarnpaal',
        breachReason: 'capacity',
        closedAt: '2025-03-20T10:00:00.000Z',
      }),
    ]);
    expect(res.body).not.toContain('Bij de kerk');
    // Reopened on 21 March: behind the reopen rate.
    await t.database.db.insert(caseEvent).values({
      organisationId: org.id,
      caseId: late.id,
      kind: 'reopened',
      byLabel: 'test',
      at: new Date('2025-03-21T09:00:00Z'),
    });
    const reopened = (await get(manager, `/api/metrics/drill?${MARCH}&kpi=reopen_rate`)).json();
    expect(reopened.items.map((i: { id: string }) => i.id)).toEqual([late.id]);
    // The backlog of a past day is what was open at its end: on 15 March the first case (made on the 10th, closed
    // on the 20th), not the one made today; on 19 March it was also past its norm, on the 17th not yet.
    const backlogOn = async (day: string, kpi: string) =>
      (await get(manager, `/api/metrics/drill?from=${day}&to=${day}&kpi=${kpi}`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await backlogOn('2025-03-15', 'backlog')).toEqual([late.id]);
    expect(await backlogOn('2025-03-17', 'backlog_overdue')).toEqual([]);
    expect(await backlogOn('2025-03-19', 'backlog_overdue')).toEqual([late.id]);
    expect(await backlogOn('2025-03-20', 'backlog')).toEqual([]);
    // Today in Amsterdam, which counts the backlog live (UTC's date is a day behind from 23:00 UTC on).
    const today = localDate(new Date());
    const now = byCode(
      (await get(manager, `/api/metrics/overview?from=${today}&to=${today}&codes=backlog`)).json().items,
    );
    expect(now.backlog).toMatchObject({ value: 1 });
    const openList = (
      await get(manager, `/api/metrics/drill?from=${today}&to=${today}&kpi=backlog&limit=1`)
    ).json();
    expect(openList.items.map((i: { id: string }) => i.id)).toEqual([open.id]);
    // Pages with a cursor: one per page.
    const opened = await get(
      manager,
      `/api/metrics/drill?from=2025-03-01&to=${today}&kpi=cases_opened&limit=1`,
    );
    const first = opened.json();
    expect(first.items).toHaveLength(1);
    const second = (
      await get(
        manager,
        `/api/metrics/drill?from=2025-03-01&to=${today}&kpi=cases_opened&limit=1&cursor=${first.nextCursor}`,
      )
    ).json();
    expect(second.items.map((i: { id: string }) => i.id)).not.toEqual(
      first.items.map((i: { id: string }) => i.id),
    );
    expect(second.nextCursor).toBeNull();
    // An agent drills into their own contacts only, never cases of others.
    const mine = await get(agent, `/api/metrics/drill?${MARCH}&kpi=contacts`);
    expect(mine.json()).toMatchObject({ kind: 'contacts', items: [] });
  });

  it('drills from callbacks in time to those called late or not at all; never the phone number or the note', async () => {
    const db = t.database.db;
    const [c] = await db
      .insert(contact)
      .values({
        organisationId: org.id,
        channel: 'phone',
        direction: 'in',
        startedAt: new Date('2025-03-03T09:00:00Z'),
        teamId: org.teams.front,
        topic: 'Afvalpas',
        idempotencyKey: 'drill-callbacks',
      })
      .returning({ id: contact.id });
    const due = new Date('2025-03-04T12:00:00Z');
    const base = {
      organisationId: org.id,
      contactId: c!.id,
      teamId: org.teams.front,
      phone: '0612345678',
      note: 'Mevrouw wil graag na de lunch gebeld worden',
      dueAt: due,
    };
    const rows = await db
      .insert(callback)
      .values([
        { ...base, state: 'done', doneAt: new Date('2025-03-04T11:00:00Z') }, // in time
        { ...base, state: 'done', doneAt: new Date('2025-03-05T09:00:00Z') }, // late
        { ...base, state: 'open' }, // never
        { ...base, state: 'open', dueAt: new Date('2025-04-02T12:00:00Z') }, // due after March
      ])
      .returning({ id: callback.id });
    const res = await get(manager, `/api/metrics/drill?${MARCH}&kpi=callbacks_in_time`);
    expect(res.statusCode).toBe(200);
    expect(res.json().kind).toBe('callbacks');
    const items = res.json().items as { id: string; state: string; subject: string; closedAt?: string }[];
    expect(items.map((i) => i.id).sort()).toEqual([rows[1]!.id, rows[2]!.id].sort());
    expect(items.find((i) => i.id === rows[1]!.id)).toMatchObject({
      state: 'done',
      subject: 'Afvalpas',
      dueAt: due.toISOString(),
      closedAt: '2025-03-05T09:00:00.000Z',
    });
    expect(items.find((i) => i.id === rows[2]!.id)).toMatchObject({ state: 'open' });
    expect(res.body).not.toContain('0612345678');
    expect(res.body).not.toContain('lunch');
    // The agent's own figures hold no callbacks: refused, never somebody else's.
    expectProblem(await get(agent, `/api/metrics/drill?${MARCH}&kpi=callbacks_in_time`), 403, 'forbidden');
  });

  it('exports the whole list as CSV, page after page (more rows than one page of the export)', async () => {
    // 1,201 cases opened on one day of 2024 (three pages of the export's 500), in one statement.
    const n = 1201;
    await t.database.db.execute(sql`
      INSERT INTO case_file (organisation_id, reference, catalogue_item_id, item_version_id, kind, subject,
                             description, channel, team_id, status, due_at, created_at)
      SELECT ${org.id}, 'EXP-' || g, ci.id, ci.published_version_id, 'report', 'Export ' || g, '', 'web',
             ${org.teams.back}, 'nieuw', timestamptz '2024-06-20 16:00+00',
             timestamptz '2024-06-10 08:00+00' + g * interval '1 second'
      FROM generate_series(1, ${n}) g
      JOIN catalogue_item ci ON ci.organisation_id = ${org.id} AND ci.id = ${itemId}`);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/metrics/drill/csv?from=2024-06-10&to=2024-06-10&kpi=cases_opened',
      headers: manager.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="cases_opened-2024-06-10-2024-06-10.csv"',
    );
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('id,reference,subject,item,channel,team,openedAt,dueAt,closedAt,breachReason');
    const references = lines.slice(1).map((l) => l.split(',')[1]);
    // Every case once, newest first, across the pages.
    expect(references).toHaveLength(n);
    expect(new Set(references).size).toBe(n);
    expect(references[0]).toBe(`EXP-${n}`);
    expect(references.at(-1)).toBe('EXP-1');
    // The same rows as the screen's list, which pages by 200.
    const screen = (
      await get(manager, '/api/metrics/drill?from=2024-06-10&to=2024-06-10&kpi=cases_opened&limit=200')
    ).json();
    expect(screen.items.map((i: { reference: string }) => i.reference)).toEqual(references.slice(0, 200));
    // An agent asking the list of cases gets a header and nothing else; a refused request is a problem, not CSV.
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/metrics/drill/csv?from=2024-06-10&to=2024-06-10&kpi=contacts',
      headers: agent.headers,
    });
    expect(
      mine.body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    ).toEqual(['id,subject,item,channel,team,openedAt,closedAt,outcome']);
    expectProblem(
      await t.app.inject({
        method: 'GET',
        url: '/api/metrics/drill/csv?from=2024-06-10&to=2024-06-10&kpi=cases_opened',
        headers: agent.headers,
      }),
      403,
      'forbidden',
    );
  });
});
