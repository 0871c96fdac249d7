import type { Db } from '@voordeur/db';
import {
  type CatalogueItemDefinition,
  KPI_CATALOGUE,
  type KpiCode,
  PUBLIC_MIN_COUNT,
} from '@voordeur/shared';
import { errors } from '../../plugins/errors.ts';
import { localDate } from '../calendar/index.ts';
import { type KpiBreakdownOptions, type KpiGroup, kpiBreakdown, type Measured } from '../metrics/index.ts';
import {
  monthsBefore,
  type Period,
  type PeriodKind,
  parsePeriod,
  periodOf,
  previousPeriod,
} from './accountability.periods.ts';
import * as q from './accountability.queries.ts';
import { publicReason } from './accountability.words.ts';

/**
 * Public accountability (issue 14, items 6 and 7): per service the published norm and how often it was kept, why
 * not, satisfaction and first-contact resolution per channel, complaints and their outcomes — for the public page,
 * the open data and the periodic report. Every count below PUBLIC_MIN_COUNT is suppressed (and a share resting on
 * fewer), so no figure can single out a person.
 */

/** A published figure: null and `suppressed` when it rests on fewer than PUBLIC_MIN_COUNT (cases, answers …). */
export interface Figure {
  value: number | null;
  suppressed: boolean;
  /** Suppressed although 5 or more: a smaller suppressed figure could otherwise be worked out from it. */
  withheld?: true;
}

export type LocalText = { nl: string; en: string };

export interface ServicePerformance {
  code: string;
  name: LocalText;
  kind: string;
  norm: { amount: number; unit: string };
  closed: Figure;
  closedInNorm: Figure;
  /** Percentage of the closed cases closed within the public norm. */
  normCompliance: Figure;
  /** Why cases were closed after the norm, most frequent first. */
  reasons: { code: string; label: LocalText; late: Figure }[];
}

export interface ChannelSatisfaction {
  channel: string;
  responses: Figure;
  gradeMean: Figure;
  /** Percentage of grades 7 or more. */
  gradeAtLeast7: Figure;
}

export interface ChannelResolution {
  /** A channel, or `all`. */
  channel: string;
  /** Contacts with a recorded outcome. */
  contacts: Figure;
  /** Percentage answered in the contact itself. */
  firstContactResolution: Figure;
}

export interface ComplaintFigures {
  decided: Figure;
  /** Percentage decided within the legal (Awb) term. */
  decidedInTerm: Figure;
  founded: Figure;
  partlyFounded: Figure;
  unfounded: Figure;
  withdrawn: Figure;
}

export interface Performance {
  from: string;
  to: string;
  services: ServicePerformance[];
  satisfaction: ChannelSatisfaction[];
  firstContactResolution: ChannelResolution[];
  complaints: ComplaintFigures;
}

const hidden: Figure = { value: null, suppressed: true };
/** Not measured (e.g. a backlog without a snapshot): shown as a dash, not suppressed. */
const unknown: Figure = { value: null, suppressed: false };

/** A count: shown from PUBLIC_MIN_COUNT (and 0, which is nobody); 1–4 suppressed. */
export function count(n: number): Figure {
  return n > 0 && n < PUBLIC_MIN_COUNT ? hidden : { value: n, suppressed: false };
}

/** A count that is part of a base published with its share: shown (or suppressed) with the base. */
export function partOf(part: number, base: number): Figure {
  return count(base).suppressed ? hidden : { value: part, suppressed: false };
}

/** A percentage of `base` (one decimal); suppressed when the base is 1–4, null when there is nothing to measure. */
export function share(part: number, base: number): Figure {
  if (base === 0) return { value: null, suppressed: false };
  if (base < PUBLIC_MIN_COUNT) return hidden;
  return { value: Math.round((part / base) * 1000) / 10, suppressed: false };
}

/** A mean (one decimal) over `n` answers, suppressed below PUBLIC_MIN_COUNT. */
export function mean(sum: number, n: number): Figure {
  if (n === 0) return { value: null, suppressed: false };
  if (n < PUBLIC_MIN_COUNT) return hidden;
  return { value: Math.round((sum / n) * 10) / 10, suppressed: false };
}

/** A count of 5 or more not published, so that a suppressed one cannot be worked out from it. */
const withheld: Figure = { value: null, suppressed: true, withheld: true };

/**
 * Counts that add up to a shown total, with `unpublished` of the total in no published part (a remainder the reader
 * can work out as total − parts). When exactly one part is unknown and it is small — one suppressed count, or the
 * remainder of 1–4 — it could be worked out from the total and the others, so the next smallest shown count (not
 * zero) is withheld too. Two unknowns cannot be told apart.
 */
export function protectParts(parts: Figure[], raw: number[], totalShown: boolean, unpublished = 0): Figure[] {
  const out = [...parts];
  const suppressed = out.filter((f) => f.suppressed).length;
  const unknowns = suppressed + (unpublished > 0 ? 1 : 0);
  const smallRemainder = unpublished > 0 && unpublished < PUBLIC_MIN_COUNT;
  if (!totalShown || unknowns !== 1 || !(suppressed === 1 || smallRemainder)) return out;
  let smallest = -1;
  for (let i = 0; i < out.length; i++)
    if (!out[i]!.suppressed && raw[i]! > 0 && (smallest < 0 || raw[i]! < raw[smallest]!)) smallest = i;
  if (smallest >= 0) out[smallest] = withheld;
  return out;
}

export interface Organisation {
  id: string;
  slug: string;
  name: string;
}

export async function findOrganisation(db: Db, slug: string): Promise<Organisation | undefined> {
  return q.organisationBySlug(db, slug);
}

/** The organisation's own words for its breach reasons (case settings), by code. */
async function reasonLabels(db: Db, organisationId: string): Promise<Map<string, LocalText>> {
  const row = await q.organisationById(db, organisationId);
  const labels = new Map<string, LocalText>();
  const list = Array.isArray(row?.breachReasons) ? row.breachReasons : [];
  for (const r of list as { code?: unknown; label?: { nl?: unknown; en?: unknown } }[]) {
    if (typeof r.code !== 'string' || typeof r.label?.nl !== 'string') continue;
    labels.set(r.code, {
      nl: r.label.nl,
      en: typeof r.label.en === 'string' ? r.label.en : r.label.nl,
    });
  }
  return labels;
}

/** Employees served by the internal front office: their contacts and answers are not the public's figures. */
const PUBLIC: KpiBreakdownOptions = { exceptCustomerKinds: ['employee'] };

/** The catalogue's KPIs (metrics module: one definition per KPI) over a span, per group. */
function kpis(
  db: Db,
  organisationId: string,
  span: q.Span,
  codes: readonly KpiCode[],
  options: KpiBreakdownOptions = {},
) {
  return kpiBreakdown(db, organisationId, { from: span.from, to: span.to }, codes, options);
}

const part = (m: Measured | undefined) => m?.part ?? 0;
const base = (m: Measured | undefined) => m?.n ?? 0;
const total = (groups: KpiGroup[]) => groups[0]!.values;

/** The figures of one span of days. */
export async function performance(db: Db, organisationId: string, span: q.Span): Promise<Performance> {
  const [services, perItem, late, perChannel, fcrAll, complaints, outcomes, labels] = await Promise.all([
    q.publishedServices(db, organisationId),
    kpis(db, organisationId, span, ['norm_compliance'], { by: 'item' }),
    q.lateByItemAndReason(db, organisationId, span),
    kpis(db, organisationId, span, ['grade_mean', 'grade_7_plus', 'fcr'], { ...PUBLIC, by: 'channel' }),
    kpis(db, organisationId, span, ['fcr'], PUBLIC),
    kpis(db, organisationId, span, ['complaints', 'complaints_in_term']),
    q.complaintOutcomes(db, organisationId, span),
    reasonLabels(db, organisationId),
  ]);
  const closed = perItem.map((g) => ({
    itemId: g.key,
    closed: base(g.values.norm_compliance),
    inNorm: part(g.values.norm_compliance),
  }));
  const closedOf = new Map(closed.map((r) => [r.itemId, r]));
  const servicePerformance = services
    .map((s): ServicePerformance => {
      const definition = s.definition as CatalogueItemDefinition;
      const c = closedOf.get(s.id);
      const itemLate = late.filter((l) => l.itemId === s.id && l.late > 0);
      const given = itemLate
        .filter((l) => l.reason)
        .sort((a, b) => b.late - a.late || a.reason!.localeCompare(b.reason!));
      // The late cases add up to closed − closed in norm, both published: a reason's count suppressed alone (or a
      // small number of late cases without a reason) could be worked out from the others.
      const lateCounts = protectParts(
        given.map((l) => count(l.late)),
        given.map((l) => l.late),
        !count(c?.closed ?? 0).suppressed,
        itemLate.filter((l) => !l.reason).reduce((sum, l) => sum + l.late, 0),
      );
      const reasons = given.map((l, i) => ({
        code: l.reason!,
        label: publicReason(l.reason!, labels.get(l.reason!)),
        late: lateCounts[i]!,
      }));
      return {
        code: s.code,
        name: { nl: definition.name.nl, en: definition.name.en ?? definition.name.nl },
        kind: s.kind,
        norm: definition.norms.serviceNorm,
        closed: count(c?.closed ?? 0),
        // A part of a published base: the share already tells it, so it follows the base's suppression.
        closedInNorm: partOf(c?.inNorm ?? 0, c?.closed ?? 0),
        normCompliance: share(c?.inNorm ?? 0, c?.closed ?? 0),
        reasons,
      };
    })
    .sort((a, b) => a.name.nl.localeCompare(b.name.nl, 'nl'));

  const satisfaction = perChannel
    .map((g) => ({ channel: g.key ?? '', grade: g.values.grade_mean, atLeast7: g.values.grade_7_plus }))
    .filter((r) => base(r.grade) > 0)
    .sort((a, b) => base(b.grade) - base(a.grade) || a.channel.localeCompare(b.channel))
    .map((r) => ({
      channel: r.channel,
      responses: count(base(r.grade)),
      gradeMean: mean(part(r.grade), base(r.grade)),
      gradeAtLeast7: share(part(r.atLeast7), base(r.atLeast7)),
    }));

  const recorded = perChannel
    .map((g) => ({ channel: g.key ?? '', base: base(g.values.fcr), answered: part(g.values.fcr) }))
    .filter((r) => r.base > 0)
    .sort((a, b) => b.base - a.base || a.channel.localeCompare(b.channel));
  const all = total(fcrAll).fcr;
  const firstContactResolution = [
    ...recorded.map((r) => ({
      channel: r.channel,
      contacts: count(r.base),
      firstContactResolution: share(r.answered, r.base),
    })),
    { channel: 'all', contacts: count(base(all)), firstContactResolution: share(part(all), base(all)) },
  ];

  const { complaints: complaintCount, complaints_in_term: inTerm } = total(complaints);
  const decided = count(base(complaintCount));
  const raw = [outcomes.founded, outcomes.partlyFounded, outcomes.unfounded, outcomes.withdrawn];
  const [founded, partlyFounded, unfounded, withdrawn] = protectParts(
    raw.map(count),
    raw,
    !decided.suppressed,
  );
  return {
    from: span.from,
    to: span.to,
    services: servicePerformance,
    satisfaction,
    firstContactResolution,
    complaints: {
      decided,
      decidedInTerm: share(part(inTerm), base(inTerm)),
      founded: founded!,
      partlyFounded: partlyFounded!,
      unfounded: unfounded!,
      withdrawn: withdrawn!,
    },
  };
}

/** The periods of the public page: the last complete quarter, and the four quarters up to its end. */
export function publicPeriods(today = localDate(new Date())) {
  const quarter = previousPeriod(periodOf('quarter', today));
  return {
    quarter: { from: quarter.from, to: quarter.end },
    year: { from: monthsBefore(quarter.from, 9), to: quarter.end },
  };
}

/**
 * A period asked for by its code: one of `kinds`, begun by today; figures up to today when it has not ended.
 * Otherwise 400 validation_failed naming the field.
 */
export function askedPeriod(
  code: string,
  kinds: readonly PeriodKind[],
  field = 'period',
  today = localDate(new Date()),
) {
  const period = parsePeriod(code, kinds);
  const shapes = { month: '2026-11', quarter: '2026-Q3', year: '2026' };
  if (!period)
    throw errors.validation(
      [{ field, message: `A period such as ${kinds.map((k) => shapes[k]).join(', ')}` }],
      `The period is not valid: ${field}.`,
    );
  if (period.from > today)
    throw errors.validation(
      [{ field, message: 'The period has not begun yet' }],
      `The period is not valid: ${field}.`,
    );
  return { period, to: period.end < today ? period.end : today, complete: period.end < today };
}

// ---- the periodic report -----------------------------------------------------------------------------------

/** The KPIs of the report, in its order; their direction says which way is good. */
export const REPORT_KPIS = [
  { code: 'contacts', unit: 'count', direction: 'none' },
  { code: 'fcr', unit: 'percent', direction: 'higher' },
  { code: 'repeat_contacts', unit: 'percent', direction: 'lower' },
  { code: 'cases_opened', unit: 'count', direction: 'none' },
  { code: 'norm_compliance', unit: 'percent', direction: 'higher' },
  { code: 'target_compliance', unit: 'percent', direction: 'higher' },
  { code: 'reopen_rate', unit: 'percent', direction: 'lower' },
  { code: 'backlog', unit: 'count', direction: 'lower' },
  { code: 'backlog_overdue', unit: 'count', direction: 'lower' },
  { code: 'complaints', unit: 'count', direction: 'none' },
  { code: 'complaints_in_term', unit: 'percent', direction: 'higher' },
  { code: 'complaints_founded', unit: 'percent', direction: 'lower' },
  { code: 'grade_mean', unit: 'grade', direction: 'higher' },
  { code: 'grade_7_plus', unit: 'percent', direction: 'higher' },
  { code: 'solved_share', unit: 'percent', direction: 'higher' },
] as const satisfies readonly { code: KpiCode; unit: string; direction: 'higher' | 'lower' | 'none' }[];

export type ReportKpiCode = (typeof REPORT_KPIS)[number]['code'];

export interface ReportKpi {
  code: ReportKpiCode;
  unit: string;
  direction: 'higher' | 'lower' | 'none';
  value: Figure;
  previous: Figure;
  target: number | null;
  status: 'met' | 'missed' | 'none';
}

/** The report's KPIs that count contacts and answers: employees' (internal front office) are left out. */
const CONTACT_KPIS = [
  'contacts',
  'fcr',
  'repeat_contacts',
  'grade_mean',
  'grade_7_plus',
  'solved_share',
] as const;
const CASE_KPIS = REPORT_KPIS.map((k) => k.code).filter(
  (c) => !(CONTACT_KPIS as readonly string[]).includes(c),
) as ReportKpiCode[];

/** Which figure of the suppression layer a KPI's value is published as. */
function figureOf(code: ReportKpiCode, m: Measured | undefined): Figure {
  const unit = KPI_CATALOGUE[code].unit;
  // No backlog snapshot at the end of the span: the backlog then is not known (never a 0 that reads as real).
  if (m?.value === null && (code === 'backlog' || code === 'backlog_overdue')) return unknown;
  if (unit === 'count') return count(m?.value ?? 0);
  if (unit === 'percent') return share(part(m), base(m));
  return mean(part(m), base(m));
}

async function kpiFigures(db: Db, organisationId: string, span: q.Span) {
  const [contacts, cases] = await Promise.all([
    kpis(db, organisationId, span, CONTACT_KPIS, PUBLIC),
    kpis(db, organisationId, span, CASE_KPIS),
  ]);
  const values = { ...total(contacts), ...total(cases) };
  return Object.fromEntries(REPORT_KPIS.map((k) => [k.code, figureOf(k.code, values[k.code])])) as Record<
    ReportKpiCode,
    Figure
  >;
}

export interface TrendPoint {
  period: string;
  fcr: Figure;
  normCompliance: Figure;
  gradeMean: Figure;
}

export interface Report {
  organisation: Organisation;
  period: Period;
  to: string;
  complete: boolean;
  previous: Period;
  kpis: ReportKpi[];
  grain: q.TrendGrain;
  trend: TrendPoint[];
  performance: Performance;
  teams: { team: string | null; closed: Figure; normCompliance: Figure; targetCompliance: Figure }[];
}

/** Every period's first day (of the grain) from `from` to `to`, so a week or month without figures still shows. */
function buckets(from: string, to: string, grain: q.TrendGrain): string[] {
  const out: string[] = [];
  const start = new Date(`${from}T00:00:00Z`);
  if (grain === 'week') start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  else start.setUTCDate(1);
  for (const d = start; d.toISOString().slice(0, 10) <= to; ) {
    out.push(d.toISOString().slice(0, 10));
    if (grain === 'week') d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

/** The periodic report of a month, quarter or year, against the targets and the previous period. */
export async function periodicReport(
  db: Db,
  organisationId: string,
  asked: { period: Period; to: string; complete: boolean },
): Promise<Report> {
  const { period, to } = asked;
  const previous = previousPeriod(period);
  const span = { from: period.from, to };
  const grain: q.TrendGrain = period.kind === 'year' ? 'month' : 'week';
  const [org, now, before, targetRows, perf, contactTrend, caseTrend, teams, teamNames] = await Promise.all([
    q.organisationById(db, organisationId),
    kpiFigures(db, organisationId, span),
    kpiFigures(db, organisationId, { from: previous.from, to: previous.end }),
    q.targets(db, organisationId),
    performance(db, organisationId, span),
    kpis(db, organisationId, span, ['fcr', 'grade_mean'], { ...PUBLIC, grain }),
    kpis(db, organisationId, span, ['norm_compliance'], { grain }),
    kpis(db, organisationId, span, ['norm_compliance', 'target_compliance'], { by: 'team' }),
    q.teamNames(db, organisationId),
  ]);
  const targetOf = new Map(targetRows.map((t) => [t.code, Number(t.target)]));
  const nameOf = new Map(teamNames.map((t) => [t.id, t.name]));
  const kpiRows = REPORT_KPIS.map((k): ReportKpi => {
    // The organisation's own target, else the catalogue's (as on the dashboards).
    const target = targetOf.get(k.code) ?? KPI_CATALOGUE[k.code].defaultTarget;
    const value = now[k.code];
    const status =
      target === null || value.value === null || k.direction === 'none'
        ? 'none'
        : (k.direction === 'higher' ? value.value >= target : value.value <= target)
          ? 'met'
          : 'missed';
    return { ...k, value, previous: before[k.code], target, status };
  });
  const contactsOf = new Map(contactTrend.map((g) => [g.key, g.values]));
  const casesOf = new Map(caseTrend.map((g) => [g.key, g.values]));
  const trend = buckets(period.from, to, grain).map((p) => {
    const c = casesOf.get(p)?.norm_compliance;
    const k = contactsOf.get(p);
    return {
      period: p,
      fcr: share(part(k?.fcr), base(k?.fcr)),
      normCompliance: share(part(c), base(c)),
      gradeMean: mean(part(k?.grade_mean), base(k?.grade_mean)),
    };
  });
  return {
    organisation: { id: organisationId, slug: org!.slug, name: org!.name },
    period,
    to,
    complete: asked.complete,
    previous,
    kpis: kpiRows,
    grain,
    trend,
    performance: perf,
    teams: teams
      .map((g) => ({
        team: g.key ? (nameOf.get(g.key) ?? null) : null,
        norm: g.values.norm_compliance,
        target: g.values.target_compliance,
      }))
      .filter((t) => base(t.norm) > 0)
      .sort((a, b) => (a.team ?? '').localeCompare(b.team ?? '', 'nl'))
      .map((t) => ({
        team: t.team,
        closed: count(base(t.norm)),
        normCompliance: share(part(t.norm), base(t.norm)),
        targetCompliance: share(part(t.target), base(t.target)),
      })),
  };
}
