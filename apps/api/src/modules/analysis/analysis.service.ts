/**
 * Causes and equal treatment (issue 14, items 4 and 5): who may see what, the period rules, and the statistics
 * over the sums the queries return. The readings in plain words come from analysis.presenter.ts.
 */
import type { Db } from '@voordeur/db';
import {
  type BreachesResponse,
  DRIVER_CODES,
  type DriverCode,
  type DriversResponse,
  EQUALITY_MIN_GROUP,
  type EqualityDimension,
  type EqualityMeasure,
  type EqualityQuery,
  type EqualityResponse,
  type MetricFilter,
  SIGNIFICANCE_LEVEL,
  STATISTICS_MIN_RESPONSES,
} from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { authorize } from '../../platform/policy.ts';
import { errors } from '../../plugins/errors.ts';
import { localDate, workingDayMinutesOf } from '../calendar/index.ts';
import { caseSettings } from '../cases/index.ts';
import { kpiBreakdown, type Measured } from '../metrics/index.ts';
import { analysisPolicy } from './analysis.policy.ts';
import * as present from './analysis.presenter.ts';
import * as q from './analysis.queries.ts';
import {
  holmAdjust,
  type MomentSums,
  oneWayAnova,
  regression,
  twoProportionZ,
  welchT,
} from './analysis.stats.ts';

/** The longest period any analysis covers. */
const MAX_YEARS = 5;

function checkPeriod(f: MetricFilter) {
  const field = (name: string, message: string) => errors.validation([{ field: name, message }], message);
  if (f.from > f.to) throw field('from', 'from must not be after to');
  if (f.to > localDate(new Date())) throw field('to', 'to must not be after today');
  const limit = new Date(`${f.from}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_YEARS);
  if (f.to >= limit.toISOString().slice(0, 10)) throw field('to', `The period is at most ${MAX_YEARS} years`);
}

/** Checks the caller and the filter, and narrows a team lead to the teams they lead. */
async function scopeOf(db: Db, ctx: Ctx, f: MetricFilter): Promise<q.Scope> {
  authorize(ctx.actor, analysisPolicy.read);
  checkPeriod(f);
  const organisationId = ctx.actor.organisationId;
  const scope: q.Scope = { ...f, organisationId };
  if (!analysisPolicy.wholeOrganisation(ctx.actor)) {
    const led = ctx.actor.userId ? await q.ledTeams(db, organisationId, ctx.actor.userId) : [];
    if (f.teamId && !led.includes(f.teamId))
      throw errors.forbidden('You see the figures of your own teams only.');
    if (f.agentId && !(await q.isMemberOf(db, organisationId, f.agentId, led)))
      throw errors.forbidden('You see the figures of the people in your own teams only.');
    scope.teamIds = led;
  }
  if (f.segment && !(await q.segmentsOf(db, organisationId)).some((s) => s.code === f.segment))
    throw errors.validation([{ field: 'segment', message: 'No such segment' }], 'No such segment.');
  return scope;
}

// ---------------------------------------------------------------- drivers

const DRIVER_KIND: Record<DriverCode, 'numeric' | 'binary' | 'categorical'> = {
  resolution_days: 'numeric',
  first_contact_resolution: 'binary',
  norm_breach: 'binary',
  channel: 'categorical',
  repeat_contact: 'binary',
  reopened: 'binary',
};

export async function drivers(db: Db, ctx: Ctx, f: MetricFilter): Promise<DriversResponse> {
  const scope = await scopeOf(db, ctx, f);
  const { total, rows } = await q.driverSums(db, scope, await workingDayMinutesOf(db, scope.organisationId));
  const items = DRIVER_CODES.map((code) => {
    const kind = DRIVER_KIND[code];
    const all = rows.find((r) => r.driver === code && r.band === null);
    const n = all?.n ?? 0;
    const base = { code, kind, name: present.driverName(code), n, enough: n >= STATISTICS_MIN_RESPONSES };
    if (!all || !base.enough)
      return {
        ...base,
        bands: [],
        correlation: null,
        regression: null,
        anova: null,
        reading: present.tooFew(n),
      };
    const bandRows = rows.filter((r) => r.driver === code && r.band !== null);
    const bands = present.orderBands(
      code,
      bandRows.map((b) => ({
        key: b.band!,
        label: present.bandLabel(code, b.band!),
        n: b.n,
        // Like every figure of the drivers view, a band's grade rests on at least 30 answers (issue 14: "never
        // shown on fewer than 30 responses"); its count is always shown.
        gradeMean: b.n >= STATISTICS_MIN_RESPONSES ? b.grade_sum / b.n : null,
        share7Plus: b.n >= STATISTICS_MIN_RESPONSES ? (100 * b.at_least_7) / b.n : null,
      })),
    );
    if (kind === 'categorical') {
      const anova = oneWayAnova(
        bandRows.map((b) => ({ n: b.n, sum: b.grade_sum, squares: b.grade_squares })),
      );
      const shown = bands.filter((b) => b.gradeMean !== null);
      const best = shown.reduce<(typeof shown)[number] | null>(
        (a, b) => (!a || b.gradeMean! > a.gradeMean! ? b : a),
        null,
      );
      const worst = shown.reduce<(typeof shown)[number] | null>(
        (a, b) => (!a || b.gradeMean! < a.gradeMean! ? b : a),
        null,
      );
      return {
        ...base,
        bands,
        correlation: null,
        regression: null,
        anova: anova ? { etaSquared: anova.etaSquared, f: anova.statistic, pValue: anova.pValue } : null,
        reading: anova ? present.channelReading(anova, best, worst) : present.noVariation(),
      };
    }
    const reg = regression({
      n,
      meanX: all.mean_x ?? 0,
      meanY: all.mean_y ?? 0,
      sxx: all.sxx ?? 0,
      syy: all.syy ?? 0,
      sxy: all.sxy ?? 0,
    });
    return {
      ...base,
      bands,
      correlation: reg?.correlation ?? null,
      regression: reg
        ? {
            slope: reg.slope,
            intercept: reg.intercept,
            slopeLow: reg.slopeLow,
            slopeHigh: reg.slopeHigh,
            r2: reg.r2,
            pValue: reg.pValue,
          }
        : null,
      anova: null,
      reading: reg ? present.regressionReading(code, kind, reg) : present.noVariation(),
    };
  });
  return { from: f.from, to: f.to, minResponses: STATISTICS_MIN_RESPONSES, responses: total, items };
}

// ---------------------------------------------------------------- breach reasons

export async function breaches(db: Db, ctx: Ctx, f: MetricFilter): Promise<BreachesResponse> {
  const scope = await scopeOf(db, ctx, f);
  if (f.agentId)
    throw errors.validation(
      [{ field: 'agentId', message: 'Breach reasons are kept per team, not per person' }],
      'Breach reasons are kept per team, not per person.',
    );
  const [rows, settings] = [await q.breachSums(db, scope), await caseSettings(db, scope.organisationId)];
  const closed = rows.reduce((a, r) => a + r.closed, 0);
  const late = rows.reduce((a, r) => a + r.late, 0);
  const perReason = new Map<string | null, number>();
  for (const r of rows) if (r.late > 0) perReason.set(r.reason, (perReason.get(r.reason) ?? 0) + r.late);
  const items = [...perReason]
    .map(([reason, count]) => ({
      reason,
      label: present.breachLabel(settings.breachReasons, reason),
      count,
      share: late ? (100 * count) / late : 0,
    }))
    .sort((a, b) => b.count - a.count || String(a.reason).localeCompare(String(b.reason)));
  const months = monthsOf(f.from, f.to).map((month) => {
    const of = rows.filter((r) => r.month === month);
    return {
      month,
      closed: of.reduce((a, r) => a + r.closed, 0),
      late: of.reduce((a, r) => a + r.late, 0),
      reasons: of.filter((r) => r.late > 0).map((r) => ({ reason: r.reason, count: r.late })),
    };
  });
  return { from: f.from, to: f.to, closed, late, items, months };
}

/** The first day of every month the period touches. */
function monthsOf(from: string, to: string) {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(`${key}-01`);
    if (key >= last) return out;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

// ---------------------------------------------------------------- equal treatment

/** The catalogue's KPI behind each measure; FCR is the only one kept per person (agent). */
const EQUALITY_KPI = {
  fcr: { agent: true, mean: false },
  norm_compliance: { agent: false, mean: false },
  solved_share: { agent: false, mean: false },
  grade_mean: { agent: false, mean: true },
} as const satisfies Record<EqualityMeasure, { agent: boolean; mean: boolean }>;

/** A group's sums: its base (people, cases or answers), successes or grade sum, and squared grades (means). */
interface GroupSums {
  key: string | null;
  n: number;
  x: number;
  squares: number;
}

const sumsOf = (key: string | null, m: Measured | undefined): GroupSums => ({
  key,
  n: m?.n ?? 0,
  x: m?.part ?? 0,
  squares: m?.squares ?? 0,
});

/** The measure's sums per group and over everyone in the scope, from the metrics module's KPI of that name. */
async function equalitySums(db: Db, s: q.Scope, measure: EqualityMeasure, by: EqualityDimension) {
  const filter: MetricFilter = {
    from: s.from,
    to: s.to,
    channel: s.channel,
    teamId: s.teamId,
    agentId: s.agentId,
    itemId: s.itemId,
    area: s.area,
    segment: s.segment,
  };
  const options = { teamIds: s.teamIds };
  const [all, groups] = await Promise.all([
    kpiBreakdown(db, s.organisationId, filter, [measure], options),
    kpiBreakdown(db, s.organisationId, filter, [measure], { ...options, by }),
  ]);
  // By key, unknown last (as the groups were always listed).
  const order = (a: GroupSums, b: GroupSums) =>
    a.key === b.key ? 0 : a.key === null ? 1 : b.key === null ? -1 : a.key < b.key ? -1 : 1;
  return {
    total: sumsOf(null, all[0]?.values[measure]),
    groups: groups.map((g) => sumsOf(g.key, g.values[measure])).sort(order),
  };
}

export async function equality(db: Db, ctx: Ctx, query: EqualityQuery): Promise<EqualityResponse> {
  const { measure, by, ...f } = query;
  const scope = await scopeOf(db, ctx, f);
  const m = EQUALITY_KPI[measure];
  if (f.agentId && !m.agent)
    throw errors.validation(
      [{ field: 'agentId', message: 'This measure is not kept per person' }],
      'This measure is not kept per person.',
    );
  const isMean = m.mean;
  const unit = isMean ? ('grade' as const) : ('percent' as const);
  const { total, groups } = await equalitySums(db, scope, measure, by);
  const value = (g: GroupSums) => (g.n > 0 ? (isMean ? g.x / g.n : (100 * g.x) / g.n) : null);
  const segments = by === 'segment' ? await q.segmentsOf(db, scope.organisationId) : [];
  const shown = shownGroups(groups, total, by === 'segment');
  const hiddenGroups = groups.filter((g) => g.n > 0).length - shown.length;
  const rows = shown.map((g) => {
    // For segments, which overlap, "the rest" is everybody outside the segment; for the other dimensions the rest
    // is the other groups together (the total minus this one) in both cases.
    const rest: GroupSums = {
      key: null,
      n: total.n - g.n,
      x: total.x - g.x,
      squares: total.squares - g.squares,
    };
    const testable = g.n >= STATISTICS_MIN_RESPONSES && rest.n >= STATISTICS_MIN_RESPONSES;
    const test = !testable
      ? null
      : isMean
        ? { name: 'welch_t' as const, ...welchT(moments(g), moments(rest)) }
        : { name: 'two_proportion_z' as const, ...twoProportionZ(g.x, g.n, rest.x, rest.n) };
    return { g, rest, test };
  });
  const tested = rows.filter((r) => r.test);
  const adjusted = holmAdjust(tested.map((r) => r.test!.pValue));
  const adjustedOf = new Map(tested.map((r, i) => [r, adjusted[i]!]));
  const out = rows.map((r) => {
    const test = r.test
      ? {
          name: r.test.name,
          statistic: r.test.statistic,
          pValue: r.test.pValue,
          adjustedP: adjustedOf.get(r)!,
          significant: adjustedOf.get(r)! < SIGNIFICANCE_LEVEL,
        }
      : null;
    const group = {
      key: r.g.key,
      label: present.groupLabel(by, r.g.key, segments),
      n: r.g.n,
      value: value(r.g),
      restN: r.rest.n,
      restValue: value(r.rest),
      test,
    };
    return { ...group, reading: present.groupReading(measure, unit, group) };
  });
  return {
    from: f.from,
    to: f.to,
    measure,
    by,
    unit,
    overall: { n: total.n, value: value(total) },
    minGroup: EQUALITY_MIN_GROUP,
    groups: out,
    hiddenGroups,
    method: present.method(isMean ? 'mean' : 'share', tested.length),
  };
}

/**
 * The groups equal treatment may show: each of at least EQUALITY_MIN_GROUP, and none from which a smaller group
 * could be worked out.
 * - Groups that split the whole (areas, kinds, languages, channels, age bands): the groups left out together are the
 *   total minus the shown ones — here, and for the same measure's total on the dashboards. When they are fewer than
 *   the minimum together (one small group alone always is), the smallest shown groups are left out too until they
 *   are not. Every "rest" then holds them and at least the minimum.
 * - Segments overlap; a segment's rest is everybody outside it, so a segment of nearly everybody would show the few
 *   outside it: it is left out when its rest is 1 to the minimum.
 */
export function shownGroups(groups: GroupSums[], total: GroupSums, overlapping: boolean): GroupSums[] {
  const big = groups.filter((g) => g.n >= EQUALITY_MIN_GROUP);
  if (overlapping) return big.filter((g) => total.n - g.n === 0 || total.n - g.n >= EQUALITY_MIN_GROUP);
  const shown = [...big];
  let leftOut = total.n - shown.reduce((sum, g) => sum + g.n, 0);
  while (leftOut > 0 && leftOut < EQUALITY_MIN_GROUP && shown.length) {
    const smallest = shown.reduce((a, b) => (b.n < a.n ? b : a));
    shown.splice(shown.indexOf(smallest), 1);
    leftOut += smallest.n;
  }
  return shown;
}

const moments = (g: GroupSums): MomentSums => ({ n: g.n, sum: g.x, squares: g.squares });
