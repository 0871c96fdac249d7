/**
 * The monitoring API as fixture data (issue 14, dashboards), served to the browser with `page.route` until the
 * kpis part's API is merged: THE one file the coordinator replaces with the real API (raw rows → rebuildMetrics).
 * Every answer is parsed with the shared zod schemas and every request's filter with `metricFilterSchema`, so a
 * drift between the web and the contract breaks the spec instead of passing silently.
 */
import type { Page } from '@playwright/test';
import { z } from 'zod';
import {
  KPI_CODES,
  KPI_DIRECTIONS,
  KPI_UNITS,
  type KpiCode,
  kpiBreakdownRowSchema,
  kpiSeriesPointSchema,
  kpiValueSchema,
  METRIC_DIMENSIONS,
  METRIC_GRAINS,
  metricFilterSchema,
} from '../../packages/shared/src/metrics.ts';

const words = z.object({ nl: z.string(), en: z.string() });
const definitionSchema = z.object({
  code: z.enum(KPI_CODES),
  unit: z.enum(KPI_UNITS),
  direction: z.enum(KPI_DIRECTIONS),
  name: words,
  formula: words,
  source: words,
  defaultTarget: z.number().nullable(),
  target: z.number().nullable(),
  audience: z.array(z.string()),
});
const drillSchema = z.object({
  kind: z.enum(['cases', 'contacts']),
  items: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string().optional(),
      subject: z.string(),
      channel: z.string().nullable(),
      team: z.string().nullable(),
      item: z.string().nullable(),
      openedAt: z.string(),
      closedAt: z.string().nullable().optional(),
      dueAt: z.string().nullable().optional(),
      breachReason: z.string().nullable().optional(),
      outcome: z.string().nullable().optional(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

type Unit = (typeof KPI_UNITS)[number];
type Direction = (typeof KPI_DIRECTIONS)[number];
/** The KPIs the dashboards show, with Dutch and English names; the rest get their code as name. */
const KNOWN: Partial<Record<KpiCode, [Unit, Direction, number | null, string, string]>> = {
  norm_compliance: ['percent', 'higher', 90, 'Op tijd volgens de norm', 'On time by the norm'],
  fcr: ['percent', 'higher', 80, 'Eerste keer goed', 'First-time right'],
  backlog: ['count', 'none', null, 'Openstaande zaken', 'Open cases'],
  backlog_overdue: ['count', 'lower', 0, 'Te laat en nog open', 'Overdue and open'],
  resolution_mean: ['days', 'lower', 5, 'Gemiddelde doorlooptijd', 'Mean resolution time'],
  callbacks_in_time: ['percent', 'higher', 95, 'Op tijd teruggebeld', 'Called back in time'],
  complaints_in_term: ['percent', 'higher', 100, 'Klachten binnen de termijn', 'Complaints within term'],
  grade_mean: ['grade', 'higher', 7.5, 'Gemiddeld rapportcijfer', 'Mean grade'],
  digital_share: ['percent', 'higher', 60, 'Digitaal aandeel', 'Digital share'],
  avoidable_contacts: ['percent', 'lower', 10, 'Vermijdbaar contact', 'Avoidable contact'],
  contacts: ['count', 'none', null, 'Contacten', 'Contacts'],
  cases_opened: ['count', 'none', null, 'Nieuwe zaken', 'New cases'],
  handling_time: ['minutes', 'lower', 6, 'Gemiddelde gespreksduur', 'Mean handling time'],
  repeat_contacts: ['percent', 'lower', 10, 'Herhaald contact', 'Repeat contact'],
};
const definition = (code: KpiCode) => {
  const [unit, direction, target, nl, en] = KNOWN[code] ?? (['count', 'none', null, code, code] as const);
  return definitionSchema.parse({
    code,
    unit,
    direction,
    name: { nl, en },
    formula: { nl: `Zo berekenen we ${nl.toLowerCase()}.`, en: `How we calculate ${en.toLowerCase()}.` },
    source: { nl: 'Zaken en contacten in Voordeur', en: 'Cases and contacts in Voordeur' },
    defaultTarget: target,
    target,
    audience: ['readMetrics'],
  });
};

/** The three teams of the fixture: Zuid is the worst on norm compliance. */
export const TEAMS = [
  { id: '00000000-0000-4000-8000-00000000a001', name: 'Team Noord', norm: 93 },
  { id: '00000000-0000-4000-8000-00000000a002', name: 'Team Zuid', norm: 61 },
  { id: '00000000-0000-4000-8000-00000000a003', name: 'Team Centrum', norm: 84 },
];
export const LATE_CASE = {
  id: '00000000-0000-4000-8000-00000000c001',
  reference: 'Z-2026-0042',
  breachReason: 'Wachten op aannemer',
};

/** A value near `base` that differs per index, the same in every run. */
const wobble = (base: number, index: number, spread: number) =>
  base + ((index * 37) % 11) * (spread / 10) - spread / 2;

const value = (code: KpiCode, index = 0) => {
  const d = definition(code);
  if (d.unit === 'percent') return Math.round(wobble((d.target ?? 70) - 3, index, 12) * 10) / 10;
  if (d.unit === 'grade') return Math.round(wobble(7.3, index, 1) * 10) / 10;
  if (d.unit === 'days' || d.unit === 'minutes') return Math.round(wobble(6, index, 3) * 10) / 10;
  return Math.round(wobble(120, index, 60));
};

const status = (code: KpiCode, v: number | null) => {
  const d = definition(code);
  if (v === null || d.target === null || d.direction === 'none') return 'none' as const;
  return (d.direction === 'higher' ? v >= d.target : v <= d.target) ? ('met' as const) : ('missed' as const);
};

/** The periods of a grain between two days (first day of each), as the API gives them. */
function periods(from: string, to: string, grain: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  if (grain === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (grain === 'month' || grain === 'quarter' || grain === 'year') d.setUTCDate(1);
  if (grain === 'quarter') d.setUTCMonth(Math.floor(d.getUTCMonth() / 3) * 3);
  if (grain === 'year') d.setUTCMonth(0);
  while (d.toISOString().slice(0, 10) <= to && out.length < 400) {
    out.push(d.toISOString().slice(0, 10));
    if (grain === 'day') d.setUTCDate(d.getUTCDate() + 1);
    else if (grain === 'week') d.setUTCDate(d.getUTCDate() + 7);
    else if (grain === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else if (grain === 'quarter') d.setUTCMonth(d.getUTCMonth() + 3);
    else d.setUTCFullYear(d.getUTCFullYear() + 1);
  }
  return out;
}

/** The previous period of the same length, right before. */
function previous(from: string, to: string) {
  const day = 86_400_000;
  const length = (Date.parse(to) - Date.parse(from)) / day + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { previousFrom: iso(Date.parse(from) - length * day), previousTo: iso(Date.parse(from) - day) };
}

/** What the browser asked for, recorded for the spec's checks. */
export interface Asked {
  path: string;
  params: Record<string, string>;
}

/** Serve the monitoring API from fixture data; returns the list of requests the page made. */
export async function serveMonitoringFixture(page: Page): Promise<Asked[]> {
  const asked: Asked[] = [];
  /** The previous periods the overview named: their series come out lower. */
  const earlier = new Set<string>();
  await page.route(/\/api\/(metrics|segments)(\/|\?|$)/, async (route) => {
    const url = new URL(route.request().url());
    const params = Object.fromEntries(url.searchParams);
    asked.push({ path: url.pathname, params });
    const json = (body: unknown) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    const { codes, kpi, grain, by, limit, cursor, kind, ...rest } = params;
    if (url.pathname === '/api/segments') return json({ items: [] });
    if (url.pathname === '/api/metrics/kpis') return json({ items: KPI_CODES.map(definition) });
    if (url.pathname.startsWith('/api/metrics/kpis/'))
      return json(definition(url.pathname.split('/').pop() as KpiCode));
    // Every other call takes the filter: it must be one the API accepts.
    const filter = metricFilterSchema.parse(rest);
    if (url.pathname === '/api/metrics/overview') {
      const list = (codes?.split(',') ?? KPI_CODES) as KpiCode[];
      earlier.add(previous(filter.from, filter.to).previousFrom);
      return json({
        from: filter.from,
        to: filter.to,
        ...previous(filter.from, filter.to),
        items: list.map((code, index) => {
          const d = definition(code);
          const v = value(code, index);
          return kpiValueSchema.parse({
            code,
            unit: d.unit,
            direction: d.direction,
            value: v,
            previous: value(code, index + 3),
            target: d.target,
            n: 240 + index,
            status: status(code, v),
          });
        }),
      });
    }
    if (url.pathname === '/api/metrics/series') {
      const code = z.enum(KPI_CODES).parse(kpi);
      const g = z.enum(METRIC_GRAINS).parse(grain);
      return json({
        kpi: code,
        grain: g,
        target: definition(code).target,
        // The previous period a little lower, so its dashed line shows beside this period's.
        points: periods(filter.from, filter.to, g).map((period, index) =>
          kpiSeriesPointSchema.parse({
            period,
            value: earlier.has(filter.from)
              ? Math.round(value(code, index + 5) * 9) / 10
              : value(code, index),
            n: 20 + index,
          }),
        ),
      });
    }
    if (url.pathname === '/api/metrics/breakdown') {
      const code = z.enum(KPI_CODES).parse(kpi);
      const dimension = z.enum(METRIC_DIMENSIONS).parse(by);
      const rows =
        dimension === 'team'
          ? TEAMS.map((t, i) => ({
              key: t.id,
              label: t.name,
              value: code === 'norm_compliance' ? t.norm : value(code, i),
              n: 80 + i,
            }))
          : dimension === 'channel'
            ? ['phone', 'web', 'desk', 'email'].map((c, i) => ({
                key: c,
                label: c,
                value: value(code, i),
                n: 50 + i,
              }))
            : dimension === 'agent'
              ? ['a', 'b', 'c'].map((a, i) => ({
                  key: `00000000-0000-4000-8000-00000000b00${i + 1}`,
                  label: `Medewerker ${a.toUpperCase()}`,
                  value: code === 'fcr' ? [72, 85, 91][i] : value(code, i),
                  n: 40 + i,
                }))
              : ['Centrum', 'Noord', 'Zuid'].map((a, i) => ({
                  key: a,
                  label: a,
                  value: value(code, i),
                  n: 30 + i,
                }));
      return json({ kpi: code, by: dimension, rows: rows.map((r) => kpiBreakdownRowSchema.parse(r)) });
    }
    if (url.pathname === '/api/metrics/drill') {
      const code = z.enum(KPI_CODES).parse(kpi);
      z.coerce.number().int().min(1).max(500).parse(limit);
      const contacts = [
        'contacts',
        'fcr',
        'handling_time',
        'repeat_contacts',
        'digital_share',
        'avoidable_contacts',
      ].includes(code);
      const team = TEAMS.find((t) => t.id === filter.teamId);
      return json(
        drillSchema.parse({
          kind: contacts ? 'contacts' : 'cases',
          items: [
            {
              ...(contacts ? { id: '00000000-0000-4000-8000-00000000d001' } : LATE_CASE),
              subject: 'Losliggende stoeptegel',
              channel: 'web',
              team: team?.name ?? 'Team Noord',
              item: 'Melding openbare ruimte',
              openedAt: `${filter.from}T09:00:00.000Z`,
              ...(contacts
                ? { outcome: 'Beantwoord' }
                : { dueAt: `${filter.from}T17:00:00.000Z`, closedAt: `${filter.to}T12:00:00.000Z` }),
            },
          ],
          nextCursor: cursor ? null : null,
        }),
      );
    }
    if (url.pathname === '/api/metrics/top') {
      return json({
        items: Array.from({ length: 10 }, (_, i) => ({
          itemId: `00000000-0000-4000-8000-0000000e00${String(i).padStart(2, '0')}`,
          code: `item-${i}`,
          name: `${kind === 'reports' ? 'Melding' : 'Vraag'} ${i + 1}`,
          count: 100 - i * 7,
        })),
      });
    }
    return route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{}' });
  });
  return asked;
}
