/**
 * The KPI side of monitoring: the catalogue with the organisation's targets, KPI values for a period and its
 * previous period, series, breakdowns, drill-down and the top items — all from the daily rollups (the live backlog
 * and the drill-down read the raw rows), in the scope the caller may see.
 */
import { type Db, readAll } from '@voordeur/db';
import {
  CHANNELS,
  KPI_CATALOGUE,
  KPI_CODES,
  type KpiCode,
  type KpiValue,
  type Locale,
  type MetricDimension,
  type MetricDrillKind,
  type MetricFilter,
  type MetricGrain,
  type SegmentRule,
  segmentRuleSchema,
} from '@voordeur/shared';
import type { Ctx } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/policy.ts';
import { channelName } from '../../platform/public-words.ts';
import { errors } from '../../plugins/errors.ts';
import { instantOf, localDate, workingDayMinutesOf } from '../calendar/index.ts';
import { metricErrors } from './metrics.errors.ts';
import {
  factsOf,
  isContactOnly,
  isExternal,
  kpiSource,
  type Measured,
  measure,
  type Sums,
  splitsOf,
  statusOf,
} from './metrics.kpis.ts';
import { metricsPolicy } from './metrics.policy.ts';
import * as q from './metrics.queries.ts';

/** The longest period one request may cover. */
export const MAX_PERIOD_YEARS = 5;
/** Day points of a series at most (a year). */
export const MAX_DAY_POINTS = 366;

export type Level = 'organisation' | 'team' | 'own';

export interface Period {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  /** Today's local date: a period ending today counts the backlog live. */
  today: string;
}

// ---- dates (local calendar dates as yyyy-mm-dd) ----

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number) => toDay(ms(day) + n * DAY_MS);
const addMonths = (day: string, n: number) => {
  const d = new Date(ms(day));
  d.setUTCMonth(d.getUTCMonth() + n);
  return toDay(d.getTime());
};

/** Validates a period and derives the previous period of the same length, right before it. */
export function periodOf(filter: Pick<MetricFilter, 'from' | 'to'>, now = new Date()): Period {
  const today = localDate(now);
  if (filter.from > filter.to) throw metricErrors.field('from', 'The period starts after it ends.');
  if (filter.to > today) throw metricErrors.field('to', 'The period may not end after today.');
  if (filter.from < addMonths(addDays(filter.to, 1), -12 * MAX_PERIOD_YEARS))
    throw metricErrors.field('from', `A period is at most ${MAX_PERIOD_YEARS} years.`);
  const days = Math.round((ms(filter.to) - ms(filter.from)) / DAY_MS) + 1;
  const previousTo = addDays(filter.from, -1);
  return {
    from: filter.from,
    to: filter.to,
    previousFrom: addDays(previousTo, -(days - 1)),
    previousTo,
    today,
  };
}

// ---- scope ----

export interface Scoped {
  scope: q.MetricScope;
  level: Level;
  /** The teams of a team lead (for the input modules' KPIs: one team is passed on). */
  teamIds?: string[];
}

/** Which figures the caller may see, and the filter turned into that scope; 403 for someone else's figures. */
export async function scopeOf(db: Db, ctx: Ctx, filter: MetricFilter): Promise<Scoped> {
  const { actor } = ctx;
  authorize(actor, metricsPolicy.readCatalogue);
  const organisationId = actor.organisationId;
  const rules = filter.segment ? [await ruleOf(db, organisationId, filter.segment)] : [];
  const base: q.MetricScope = {
    organisationId,
    channel: filter.channel,
    teamId: filter.teamId,
    agentId: filter.agentId,
    itemId: filter.itemId,
    area: filter.area,
    rules,
  };
  if (metricsPolicy.readOrganisation(actor)) return { scope: base, level: 'organisation' };
  const led =
    actor.userId && metricsPolicy.readTeams(actor) ? await q.ledTeams(db, organisationId, actor.userId) : [];
  if (led.length > 0) {
    if (filter.teamId && !led.includes(filter.teamId))
      throw errors.forbidden('You see the figures of the teams you lead only.');
    if (
      filter.agentId &&
      filter.agentId !== actor.userId &&
      !(await q.isMemberOfAny(db, organisationId, filter.agentId, led))
    )
      throw errors.forbidden('You see the figures of the agents in your teams only.');
    return { scope: { ...base, teamIds: led }, level: 'team', teamIds: led };
  }
  if (actor.userId && metricsPolicy.readOwn(actor)) {
    if (filter.agentId && filter.agentId !== actor.userId)
      throw errors.forbidden('You see your own figures only.');
    return { scope: { ...base, agentId: actor.userId }, level: 'own' };
  }
  throw errors.forbidden();
}

const AUDIENCE: Record<Level, 'readMetrics' | 'readTeamMetrics' | 'readOwnMetrics'> = {
  organisation: 'readMetrics',
  team: 'readTeamMetrics',
  own: 'readOwnMetrics',
};

export const visibleAt = (level: Level, code: KpiCode) =>
  (KPI_CATALOGUE[code].audience as readonly string[]).includes(AUDIENCE[level]);

function requireVisible(level: Level, code: KpiCode) {
  if (!visibleAt(level, code)) throw errors.forbidden('This figure is not shown at your level.');
}

/** A segment's rule by its code; 400 naming `segment` when the organisation has none by that code. */
async function ruleOf(db: Db, organisationId: string, code: string): Promise<SegmentRule> {
  const found = await q.findSegmentByCode(db, organisationId, code);
  if (!found) throw metricErrors.field('segment', 'No segment with this code.');
  return found.rule as SegmentRule;
}

/** A segment's rule by its code, or undefined (for other modules: the public page, the report). */
export async function segmentRule(db: Db, organisationId: string, code: string) {
  const found = await q.findSegmentByCode(db, organisationId, code);
  return found ? (found.rule as SegmentRule) : undefined;
}

// ---- parameters ----

export function parseKpi(value: string, field = 'kpi'): KpiCode {
  if (!(KPI_CODES as readonly string[]).includes(value)) throw metricErrors.field(field, 'Unknown KPI code.');
  return value as KpiCode;
}

export function parseCodes(value: string | undefined): KpiCode[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return [...new Set(value.split(',').map((c) => parseKpi(c.trim(), 'codes')))];
}

// ---- targets ----

async function targetsOf(db: Db, organisationId: string) {
  const own = new Map((await q.listTargets(db, organisationId)).map((t) => [t.kpiCode, t]));
  return (code: KpiCode) => {
    const mine = own.get(code);
    return {
      target: mine ? Number(mine.target) : KPI_CATALOGUE[code].defaultTarget,
      version: mine?.version ?? 0,
    };
  };
}

export async function listDefinitions(db: Db, ctx: Ctx) {
  authorize(ctx.actor, metricsPolicy.readCatalogue);
  const target = await targetsOf(db, ctx.actor.organisationId);
  return KPI_CODES.map((code) => ({
    code,
    ...KPI_CATALOGUE[code],
    ...target(code),
    drill: drillOf(code),
    drillShows: drillShows(code),
    splits: splitsOf(code),
  }));
}

export async function getDefinition(db: Db, ctx: Ctx, code: string) {
  authorize(ctx.actor, metricsPolicy.readCatalogue);
  if (!(KPI_CODES as readonly string[]).includes(code)) throw errors.notFound('KPI');
  const target = await targetsOf(db, ctx.actor.organisationId);
  return {
    code: code as KpiCode,
    ...KPI_CATALOGUE[code as KpiCode],
    ...target(code as KpiCode),
    drill: drillOf(code as KpiCode),
    drillShows: drillShows(code as KpiCode),
    splits: splitsOf(code as KpiCode),
  };
}

/** Sets the organisation's target of a KPI (null: back to the default), with optimistic locking; audited. */
export async function setTarget(
  db: Db,
  ctx: Ctx,
  code: string,
  input: { target: number | null; version?: number | undefined },
) {
  authorize(ctx.actor, metricsPolicy.manageTargets);
  if (!(KPI_CODES as readonly string[]).includes(code)) throw errors.notFound('KPI');
  const kpi = code as KpiCode;
  const { unit } = KPI_CATALOGUE[kpi];
  if (input.target !== null && unit === 'percent' && input.target > 100)
    throw metricErrors.field('target', 'A percentage is at most 100.');
  if (input.target !== null && unit === 'grade' && (input.target < 1 || input.target > 10))
    throw metricErrors.field('target', 'A grade is from 1 to 10.');
  if (input.target !== null && unit === 'score' && (input.target < 1 || input.target > 5))
    throw metricErrors.field('target', 'A score is from 1 to 5.');
  const organisationId = ctx.actor.organisationId;
  const version = input.version ?? 0;
  await db.transaction(async (tx) => {
    const before = await q.findTarget(tx, organisationId, kpi, true);
    if ((before?.version ?? 0) !== version) throw errors.versionConflict();
    let changed: unknown;
    if (input.target === null)
      changed = before ? await q.deleteTarget(tx, organisationId, kpi, version) : true;
    else if (before) changed = await q.updateTarget(tx, organisationId, kpi, version, input.target);
    else changed = await q.insertTarget(tx, organisationId, kpi, input.target);
    if (!changed) throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'kpi_target',
      entityId: kpi,
      action: 'set',
      before: { target: before ? Number(before.target) : KPI_CATALOGUE[kpi].defaultTarget },
      after: { target: input.target ?? KPI_CATALOGUE[kpi].defaultTarget },
    });
  });
  return getDefinition(db, ctx, kpi);
}

// ---- values ----

type Bucketed = Map<string | null, Sums>;

/** Reads the rollups the KPIs need, per group key. */
async function sumsFor(
  db: Db,
  scope: q.MetricScope,
  codes: readonly KpiCode[],
  from: string,
  to: string,
  grouping: q.Grouping,
): Promise<Bucketed> {
  const out: Bucketed = new Map();
  const at = (key: string | null) => {
    const found = out.get(key);
    if (found) return found;
    const s: Sums = {};
    out.set(key, s);
    return s;
  };
  const facts = factsOf(codes);
  const reads: (() => Promise<void>)[] = [];
  for (const fact of ['contact', 'case', 'survey', 'callback'] as const) {
    if (!facts.has(fact)) continue;
    // Only the contact rollup knows the agent: an agent's other figures are not measured.
    if (scope.agentId && fact !== 'contact') continue;
    reads.push(() =>
      q.rollupSums(db, fact, scope, from, to, grouping).then((rows) => {
        for (const { key, ...sums } of rows) (at(key) as Record<string, unknown>)[fact] = sums;
      }),
    );
  }
  if (codes.includes('resolution_p90') && !scope.agentId)
    reads.push(() =>
      q.resolutionHistogram(db, scope, from, to, grouping).then((rows) => {
        for (const r of rows) {
          const s = at(r.key);
          s.resolutionDays ??= [];
          s.resolutionDays[r.day] = (s.resolutionDays[r.day] ?? 0) + r.count;
        }
      }),
    );
  let minutesPerDay: number | undefined;
  if (codes.includes('resolution_mean'))
    reads.push(async () => {
      minutesPerDay = await workingDayMinutesOf(db, scope.organisationId);
    });
  await readAll(db, ...reads);
  for (const s of out.values()) {
    if (s.resolutionDays) s.resolutionDays = Array.from(s.resolutionDays, (v) => v ?? 0);
    if (minutesPerDay) s.minutesPerDay = minutesPerDay;
  }
  return out;
}

const BACKLOG_CODES: readonly KpiCode[] = ['backlog', 'backlog_overdue', 'backlog_age'];

/** The backlog at the end of a day: live for today (and later), else the day's snapshot; undefined when none. */
async function backlogAt(db: Db, scope: q.MetricScope, day: string, today: string) {
  if (scope.agentId) return undefined;
  const rows =
    day >= today
      ? await q.liveBacklog(db, scope, { kind: 'total' })
      : await q.backlogSnapshot(db, scope, [day], { kind: 'total' });
  const [row] = rows;
  return row ? { open: row.open, overdue: row.overdue, ageDays: row.ageDays } : undefined;
}

/**
 * The filter an input module gets: the caller's, with a team lead's one team when they lead exactly one; none (no
 * figure) for agents, for a team lead of several teams who named none, and under a segment.
 */
function externalFilter(
  scoped: Scoped,
  filter: MetricFilter,
  from: string,
  to: string,
): MetricFilter | undefined {
  // Agents see no such figures; the input modules know no segments, so a segment's figure would be the whole's.
  if (scoped.level === 'own' || filter.segment) return undefined;
  const { segment: _segment, ...rest } = filter;
  if (scoped.level === 'team' && !filter.teamId) {
    if (scoped.teamIds?.length !== 1) return undefined;
    return { ...rest, from, to, teamId: scoped.teamIds[0] };
  }
  return { ...rest, from, to };
}

async function externalValues(
  db: Db,
  organisationId: string,
  codes: readonly KpiCode[],
  filter: MetricFilter | undefined,
): Promise<Map<KpiCode, Measured>> {
  const out = new Map<KpiCode, Measured>();
  if (!filter) return out;
  const sourcesNeeded = new Set(codes.filter(isExternal).flatMap((c) => KPI_CATALOGUE[c].reads));
  await readAll(
    db,
    ...[...sourcesNeeded].map((source) => async () => {
      const fn = kpiSource(source);
      if (!fn) return;
      for (const v of await fn(db, organisationId, filter))
        if (codes.includes(v.code)) out.set(v.code, { value: v.value, n: v.n });
    }),
  );
  return out;
}

const nothing: Measured = { value: null, n: 0 };

async function valuesIn(
  db: Db,
  scoped: Scoped,
  filter: MetricFilter,
  period: Period,
  codes: readonly KpiCode[],
): Promise<KpiValue[]> {
  const { scope } = scoped;
  const internal = codes.filter((c) => !isExternal(c));
  const backlogAsked = internal.some((c) => BACKLOG_CODES.includes(c));
  const [split, backlogNow, backlogBefore, extNow, extBefore, target] = await readAll(
    db,
    () =>
      sumsFor(db, scope, internal, period.previousFrom, period.to, {
        kind: 'split',
        currentFrom: period.from,
      }),
    async () => (backlogAsked ? backlogAt(db, scope, period.to, period.today) : undefined),
    async () => (backlogAsked ? backlogAt(db, scope, period.previousTo, period.today) : undefined),
    () =>
      externalValues(db, scope.organisationId, codes, externalFilter(scoped, filter, period.from, period.to)),
    () =>
      externalValues(
        db,
        scope.organisationId,
        codes,
        externalFilter(scoped, filter, period.previousFrom, period.previousTo),
      ),
    () => targetsOf(db, scope.organisationId),
  );
  const current: Sums = { ...(split.get('current') ?? {}), ...(backlogNow ? { backlog: backlogNow } : {}) };
  const previous: Sums = {
    ...(split.get('previous') ?? {}),
    ...(backlogBefore ? { backlog: backlogBefore } : {}),
  };
  const agentOnly = Boolean(scope.agentId);
  return codes.map((code) => {
    const { unit, direction } = KPI_CATALOGUE[code];
    const unmeasured = agentOnly && !KPI_CATALOGUE[code].reads.every((r) => r === 'contact');
    const now = isExternal(code)
      ? (extNow.get(code) ?? nothing)
      : unmeasured
        ? nothing
        : measure(code, current);
    const before = isExternal(code)
      ? (extBefore.get(code) ?? nothing)
      : unmeasured
        ? nothing
        : measure(code, previous);
    const goal = target(code).target;
    return {
      code,
      unit,
      direction,
      value: now.value,
      previous: before.value,
      target: goal,
      n: now.n,
      status: statusOf(code, now.value, goal),
    };
  });
}

/** GET /api/metrics/overview: the KPIs the caller may see (or those asked for) for a period and the one before. */
export async function overview(db: Db, ctx: Ctx, filter: MetricFilter, codesParam?: string) {
  const period = periodOf(filter);
  const scoped = await scopeOf(db, ctx, filter);
  const asked = parseCodes(codesParam);
  if (asked) for (const code of asked) requireVisible(scoped.level, code);
  const codes = asked ?? KPI_CODES.filter((c) => visibleAt(scoped.level, c));
  const items = await valuesIn(db, scoped, filter, period, codes);
  return {
    from: period.from,
    to: period.to,
    previousFrom: period.previousFrom,
    previousTo: period.previousTo,
    items,
  };
}

/**
 * KPI values of the whole organisation for a filter (its `segment` by code), for other modules (the public
 * page, the periodic report, the analysis). No caller scope: the caller decides what it may publish.
 */
export async function kpiValues(
  db: Db,
  organisationId: string,
  filter: MetricFilter,
  codes: readonly KpiCode[] = KPI_CODES,
  now = new Date(),
) {
  const period = periodOf(filter, now);
  const rules = filter.segment ? [await ruleOf(db, organisationId, filter.segment)] : [];
  const scoped: Scoped = {
    level: 'organisation',
    scope: { organisationId, ...withoutSegment(filter), rules },
  };
  return valuesIn(db, scoped, filter, period, codes);
}

const withoutSegment = (f: MetricFilter) => ({
  channel: f.channel,
  teamId: f.teamId,
  agentId: f.agentId,
  itemId: f.itemId,
  area: f.area,
});

// ---- series ----

/** The first day of the grain's period that holds the day. */
export function periodStart(day: string, grain: MetricGrain): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  switch (grain) {
    case 'day':
      return day;
    case 'week': {
      const weekday = (new Date(ms(day)).getUTCDay() + 6) % 7; // Monday 0
      return addDays(day, -weekday);
    }
    case 'month':
      return `${day.slice(0, 7)}-01`;
    case 'quarter':
      return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    case 'year':
      return `${y}-01-01`;
  }
}

function nextStart(start: string, grain: MetricGrain): string {
  switch (grain) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'month':
      return addMonths(start, 1);
    case 'quarter':
      return addMonths(start, 3);
    case 'year':
      return addMonths(start, 12);
  }
}

async function seriesIn(
  db: Db,
  scoped: Scoped,
  filter: MetricFilter,
  period: Period,
  kpi: KpiCode,
  grain: MetricGrain,
) {
  const { scope } = scoped;
  const buckets: { start: string; from: string; to: string }[] = [];
  for (let start = periodStart(period.from, grain); start <= period.to; start = nextStart(start, grain)) {
    const end = addDays(nextStart(start, grain), -1);
    buckets.push({
      start,
      from: start < period.from ? period.from : start,
      to: end > period.to ? period.to : end,
    });
  }
  const target = (await targetsOf(db, scope.organisationId))(kpi).target;
  const unmeasured = Boolean(scope.agentId) && !isContactOnly(kpi);
  let measured: Measured[];
  if (unmeasured) measured = buckets.map(() => nothing);
  else if (isExternal(kpi))
    measured = await readAll(
      db,
      ...buckets.map((b) => async () => {
        const found = await externalValues(
          db,
          scope.organisationId,
          [kpi],
          externalFilter(scoped, filter, b.from, b.to),
        );
        return found.get(kpi) ?? nothing;
      }),
    );
  else if (BACKLOG_CODES.includes(kpi)) {
    // The backlog at each period's end: the snapshot of its last day, live for today.
    const ends = buckets.map((b) => b.to);
    const past = ends.filter((d) => d < period.today);
    const [snapshots, live] = await readAll(
      db,
      () => q.backlogSnapshot(db, scope, past, { kind: 'day' }),
      async () => (ends.some((d) => d >= period.today) ? q.liveBacklog(db, scope, { kind: 'total' }) : []),
    );
    const byDay = new Map(snapshots.map((r) => [r.key, r]));
    measured = ends.map((d) => {
      const row = d >= period.today ? live[0] : byDay.get(d);
      return row ? measure(kpi, { backlog: row }) : nothing;
    });
  } else {
    const sums = await sumsFor(db, scope, [kpi], period.from, period.to, { kind: 'grain', grain });
    measured = buckets.map((b) => measure(kpi, sums.get(b.start) ?? {}));
  }
  return {
    kpi,
    grain,
    target,
    points: buckets.map((b, i) => ({ period: b.start, value: measured[i]!.value, n: measured[i]!.n })),
  };
}

/** GET /api/metrics/series: one KPI per day, week, month, quarter or year of the period. */
export async function series(db: Db, ctx: Ctx, filter: MetricFilter, kpiParam: string, grain: MetricGrain) {
  const period = periodOf(filter);
  const kpi = parseKpi(kpiParam);
  const scoped = await scopeOf(db, ctx, filter);
  requireVisible(scoped.level, kpi);
  const days = Math.round((ms(period.to) - ms(period.from)) / DAY_MS) + 1;
  if (grain === 'day' && days > MAX_DAY_POINTS)
    throw metricErrors.field('grain', `Per day at most ${MAX_DAY_POINTS} days; choose week or month.`);
  return seriesIn(db, scoped, filter, period, kpi, grain);
}

/** One KPI's series for the whole organisation, for other modules (the public page, the report). */
export async function kpiSeries(
  db: Db,
  organisationId: string,
  filter: MetricFilter,
  kpi: KpiCode,
  grain: MetricGrain,
  now = new Date(),
) {
  const period = periodOf(filter, now);
  const rules = filter.segment ? [await ruleOf(db, organisationId, filter.segment)] : [];
  return seriesIn(
    db,
    { level: 'organisation', scope: { organisationId, ...withoutSegment(filter), rules } },
    filter,
    period,
    kpi,
    grain,
  );
}

// ---- breakdown ----

const KIND_WORDS: Record<string, { nl: string; en: string }> = {
  resident: { nl: 'Inwoner', en: 'Resident' },
  business: { nl: 'Ondernemer', en: 'Business' },
  employee: { nl: 'Medewerker (intern)', en: 'Employee (internal)' },
};
const LANGUAGE_WORDS: Record<string, { nl: string; en: string }> = {
  nl: { nl: 'Nederlands', en: 'Dutch' },
  en: { nl: 'Engels', en: 'English' },
};
const UNKNOWN = { nl: 'Onbekend', en: 'Unknown' };
const NO_TEAM = { nl: 'Geen team', en: 'No team' };
const NO_ITEM = { nl: 'Geen onderwerp', en: 'No subject' };

async function labelsFor(
  db: Db,
  ctx: Ctx,
  by: MetricDimension,
  keys: (string | null)[],
  language: Locale,
): Promise<(key: string | null) => string> {
  const organisationId = ctx.actor.organisationId;
  const ids = keys.filter((k): k is string => k !== null);
  switch (by) {
    case 'channel':
      return (k) => (k ? channelName(k, language) : UNKNOWN[language]);
    case 'customerKind':
      return (k) => (k ? (KIND_WORDS[k]?.[language] ?? k) : UNKNOWN[language]);
    case 'language':
      return (k) => (k ? (LANGUAGE_WORDS[k]?.[language] ?? k) : UNKNOWN[language]);
    case 'ageBand':
      return (k) => (k ? (language === 'nl' ? `${k} jaar` : `${k} years`) : UNKNOWN[language]);
    case 'area':
      return (k) => k ?? UNKNOWN[language];
    case 'team': {
      const names = new Map((await q.teamNames(db, organisationId)).map((t) => [t.id, t.name]));
      return (k) => (k ? (names.get(k) ?? k) : NO_TEAM[language]);
    }
    case 'item': {
      const rows = await q.itemNames(db, organisationId, ids);
      const names = new Map(
        rows.map((r) => {
          const name = (r.definition as { name?: { nl?: string; en?: string } } | null)?.name;
          return [r.id, (language === 'en' && name?.en) || name?.nl || r.code];
        }),
      );
      return (k) => (k ? (names.get(k) ?? k) : NO_ITEM[language]);
    }
    case 'agent': {
      if (!metricsPolicy.seeAgentNames(ctx.actor) && !(ids.length === 1 && ids[0] === ctx.actor.userId)) {
        const numbered = new Map(
          ids.map((id, i) => [id, `${language === 'nl' ? 'Medewerker' : 'Agent'} ${i + 1}`]),
        );
        return (k) => (k ? (numbered.get(k) ?? k) : UNKNOWN[language]);
      }
      const names = new Map((await q.userNames(db, organisationId, ids)).map((u) => [u.id, u.name]));
      return (k) => (k ? (names.get(k) ?? k) : UNKNOWN[language]);
    }
    case 'segment':
      return (k) => k ?? UNKNOWN[language];
  }
}

/** GET /api/metrics/breakdown: one KPI per channel, team, agent, item, area, segment or customer attribute. */
export async function breakdown(
  db: Db,
  ctx: Ctx,
  filter: MetricFilter,
  kpiParam: string,
  by: MetricDimension,
  language: Locale,
) {
  const period = periodOf(filter);
  const kpi = parseKpi(kpiParam);
  const scoped = await scopeOf(db, ctx, filter);
  requireVisible(scoped.level, kpi);
  const { scope } = scoped;
  const contactOnly = isContactOnly(kpi);
  if (!splitsOf(kpi).includes(by))
    throw metricErrors.field(
      'by',
      isExternal(kpi)
        ? 'This figure is split by channel only.'
        : 'Only the contact figures are measured per agent.',
    );
  const unmeasured = Boolean(scope.agentId) && !contactOnly;

  let rows: { key: string | null; label: string; value: number | null; n: number }[];
  if (unmeasured) rows = [];
  else if (by === 'segment') {
    const segments = await q.listSegments(db, scope.organisationId);
    rows = [];
    for (const s of segments) {
      const m = await measureWith(db, scoped, filter, period, kpi, {
        ...scope,
        rules: [...scope.rules, s.rule as SegmentRule],
      });
      const name = s.name as { nl: string; en?: string };
      rows.push({ key: s.code, label: (language === 'en' && name.en) || name.nl, ...m });
    }
  } else if (isExternal(kpi)) {
    rows = [];
    for (const channel of CHANNELS) {
      const found = await externalValues(
        db,
        scope.organisationId,
        [kpi],
        externalFilter(scoped, { ...filter, channel }, period.from, period.to),
      );
      const m = found.get(kpi);
      if (m && m.n > 0) rows.push({ key: channel, label: channelName(channel, language), ...m });
    }
  } else {
    const grouping: q.Grouping = { kind: 'dimension', by };
    let byKey: Map<string | null, Sums>;
    if (BACKLOG_CODES.includes(kpi)) {
      const found =
        period.to >= period.today
          ? await q.liveBacklog(db, scope, grouping)
          : await q.backlogSnapshot(db, scope, [period.to], grouping);
      byKey = new Map(found.map(({ key, ...b }) => [key, { backlog: b }]));
    } else byKey = await sumsFor(db, scope, [kpi], period.from, period.to, grouping);
    const label = await labelsFor(db, ctx, by, [...byKey.keys()], language);
    rows = [...byKey].map(([key, sums]) => {
      const { value, n } = measure(kpi, sums);
      return { key, label: label(key), value, n };
    });
  }
  rows.sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
  return { kpi, by, rows };
}

async function measureWith(
  db: Db,
  scoped: Scoped,
  filter: MetricFilter,
  period: Period,
  kpi: KpiCode,
  scope: q.MetricScope,
): Promise<Measured> {
  const [value] = await valuesIn(db, { ...scoped, scope }, filter, period, [kpi]);
  return { value: value!.value, n: value!.n };
}

// ---- drill-down ----

const CONTACT_DRILL: Partial<Record<KpiCode, q.ContactDrill>> = {
  contacts: 'all',
  handling_time: 'all',
  fcr: 'not_answered',
  repeat_contacts: 'repeats',
  avoidable_contacts: 'avoidable',
};
const CASE_DRILL: Partial<Record<KpiCode, q.CaseDrill>> = {
  cases_opened: 'opened',
  norm_compliance: 'late',
  target_compliance: 'late_target',
  resolution_mean: 'closed',
  resolution_p90: 'closed',
  reopen_rate: 'reopened',
  complaints: 'complaints',
  complaints_founded: 'complaints',
  complaints_in_term: 'complaints_late',
  backlog: 'open',
  backlog_age: 'open',
  backlog_overdue: 'open_overdue',
};
/** Satisfaction: for a mean every answer, for a share the answers that missed it. */
const RESPONSE_DRILL: Partial<Record<KpiCode, q.ResponseDrill>> = {
  grade_mean: 'all',
  grade_7_plus: 'below_7',
  grade_5_minus: 'at_most_5',
  effort_mean: 'with_effort',
  solved_share: 'not_solved',
};

type Words = { nl: string; en: string };
/** What each list holds, in words (the drill-down page's first line, and the KPI's definition). */
const CONTACT_SHOWS: Record<q.ContactDrill, Words> = {
  all: { nl: 'Alle contacten die in de periode begonnen.', en: 'Every contact that started in the period.' },
  not_answered: {
    nl: 'De contacten die niet meteen zijn beantwoord: doorgezet naar een zaak, een terugbelverzoek of een andere uitkomst.',
    en: 'The contacts not answered at once: passed on as a case, a callback or another outcome.',
  },
  repeats: {
    nl: 'De contacten over een vraag die de persoon eerder stelde.',
    en: 'The contacts about a question the person had asked before.',
  },
  avoidable: {
    nl: 'De contacten waarin iemand alleen vroeg hoe het met een zaak staat, of een eerder contact herhaalde. Betere informatie of de volgpagina had ze kunnen voorkomen.',
    en: 'The contacts that only asked how a case stands, or repeated an earlier contact. Better information or the tracking page could have prevented them.',
  },
};
const CASE_SHOWS: Record<q.CaseDrill, Words> = {
  opened: { nl: 'De zaken die in de periode binnenkwamen.', en: 'The cases that came in during the period.' },
  closed: { nl: 'De zaken die in de periode zijn afgerond.', en: 'The cases closed in the period.' },
  late: {
    nl: 'De zaken die in de periode zijn afgerond na de servicenorm, met de reden.',
    en: 'The cases closed in the period after their service norm, with the reason.',
  },
  late_target: {
    nl: 'De zaken die in de periode zijn afgerond na het interne doel.',
    en: 'The cases closed in the period after the internal target.',
  },
  reopened: {
    nl: 'De zaken die in de periode weer zijn geopend.',
    en: 'The cases reopened in the period.',
  },
  complaints: {
    nl: 'De klachten die in de periode zijn afgehandeld.',
    en: 'The complaints handled in the period.',
  },
  complaints_late: {
    nl: 'De klachten die in de periode zijn afgehandeld na de wettelijke termijn.',
    en: 'The complaints handled in the period after the legal term.',
  },
  open: {
    nl: 'De zaken die openstonden aan het eind van de periode (bij een periode tot vandaag: nu).',
    en: 'The cases open at the end of the period (for a period up to today: now).',
  },
  open_overdue: {
    nl: 'De zaken die aan het eind van de periode (of nu) openstonden en al over de servicenorm waren.',
    en: 'The cases open at the end of the period (or now) that were already past their service norm.',
  },
};
const RESPONSE_SHOWS: Record<q.ResponseDrill, Words> = {
  all: {
    nl: 'Alle antwoorden op de tevredenheidsvraag in de periode.',
    en: 'Every survey answer in the period.',
  },
  below_7: { nl: 'De antwoorden met een cijfer lager dan 7.', en: 'The answers with a grade below 7.' },
  at_most_5: {
    nl: 'De antwoorden met een cijfer van 5 of lager.',
    en: 'The answers with a grade of 5 or lower.',
  },
  with_effort: {
    nl: 'De antwoorden die zeggen hoe makkelijk het ging.',
    en: 'The answers that say how easy it was.',
  },
  not_solved: {
    nl: 'De antwoorden van mensen die zeggen dat hun vraag niet is opgelost.',
    en: 'The answers of people who say their question was not solved.',
  },
};
const CALLBACK_SHOWS: Words = {
  nl: 'De terugbelverzoeken van de periode die niet op tijd zijn gebeld: nog open, of te laat gebeld.',
  en: "The period's callbacks not made in time: still open, or made late.",
};

/** What the list behind a KPI holds, in words; null when there is no list. */
function drillShows(kpi: KpiCode): Words | null {
  switch (drillOf(kpi)) {
    case 'contacts':
      return CONTACT_SHOWS[CONTACT_DRILL[kpi]!];
    case 'cases':
      return CASE_SHOWS[CASE_DRILL[kpi]!];
    case 'responses':
      return RESPONSE_SHOWS[RESPONSE_DRILL[kpi]!];
    case 'callbacks':
      return CALLBACK_SHOWS;
    case null:
      return null;
  }
}

/** Which list `drill` gives behind a KPI, if any (the digital share, queue, cost and mystery figures have none). */
function drillOf(kpi: KpiCode): MetricDrillKind | null {
  if (CONTACT_DRILL[kpi]) return 'contacts';
  if (CASE_DRILL[kpi]) return 'cases';
  if (RESPONSE_DRILL[kpi]) return 'responses';
  return kpi === 'callbacks_in_time' ? 'callbacks' : null;
}

function decodeCursor(cursor: string | undefined): q.DrillCursor | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    !at ||
    !id ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at) ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)
  )
    throw metricErrors.field('cursor', 'Not a cursor of this list.');
  return { at, id };
}
const encodeCursor = (at: string, id: string) => Buffer.from(`${at}|${id}`, 'utf8').toString('base64url');

/** The page of the list behind a KPI that starts after the cursor (one row more than asked: is there a next?). */
async function drillRows(
  db: Db,
  scope: q.MetricScope,
  kpi: KpiCode,
  start: Date,
  end: Date,
  language: Locale,
  limit: number,
  cursor: q.DrillCursor | undefined,
): Promise<q.DrillPage> {
  const kind = drillOf(kpi);
  switch (kind) {
    case 'contacts':
      return {
        kind,
        rows: await q.drillContacts(db, scope, CONTACT_DRILL[kpi]!, start, end, language, limit, cursor),
      };
    case 'cases':
      return {
        kind,
        rows: await q.drillCases(db, scope, CASE_DRILL[kpi]!, start, end, language, limit, cursor),
      };
    case 'responses':
      return {
        kind,
        rows: await q.drillResponses(db, scope, RESPONSE_DRILL[kpi]!, start, end, language, limit, cursor),
      };
    case 'callbacks':
      return { kind, rows: await q.drillCallbacks(db, scope, start, end, language, limit, cursor) };
    case null:
      throw metricErrors.field('kpi', 'There is no list of cases or contacts behind this figure.');
  }
}

/** What a drill-down asks, checked: the period, the KPI and the caller's right to it, as instants. */
async function drillRequest(db: Db, ctx: Ctx, filter: MetricFilter, kpiParam: string) {
  const period = periodOf(filter);
  const kpi = parseKpi(kpiParam);
  const scoped = await scopeOf(db, ctx, filter);
  requireVisible(scoped.level, kpi);
  const kind = drillOf(kpi);
  if (!kind) throw metricErrors.field('kpi', 'There is no list of cases or contacts behind this figure.');
  return {
    kpi,
    kind,
    scope: scoped.scope,
    period,
    start: instantOf(period.from, '00:00'),
    end: instantOf(addDays(period.to, 1), '00:00'),
  };
}

/**
 * GET /api/metrics/drill: the cases, contacts, survey answers or callbacks behind a KPI (for a rate: the ones that
 * missed it — late cases, contacts not answered at once, grades under 7, callbacks not done in time), newest first.
 */
export async function drill(
  db: Db,
  ctx: Ctx,
  filter: MetricFilter,
  kpiParam: string,
  limit: number,
  cursorParam: string | undefined,
  language: Locale,
) {
  const r = await drillRequest(db, ctx, filter, kpiParam);
  const cursor = decodeCursor(cursorParam);
  const found = await drillRows(db, r.scope, r.kpi, r.start, r.end, language, limit, cursor);
  const last = found.rows[limit - 1];
  return {
    page: { kind: found.kind, rows: found.rows.slice(0, limit) } as q.DrillPage,
    nextCursor: found.rows.length > limit && last ? encodeCursor(last.sortAt, last.id) : null,
  };
}

/** Rows per query of the CSV export. */
const EXPORT_PAGE = 500;

/**
 * GET /api/metrics/drill/csv: every row of the same list, for a spreadsheet. The request is checked before anything
 * is sent; the rows are then read page after page (keyset, as the screen does) and handed on one page at a time,
 * so a year of a city's contacts is never held in memory.
 */
export async function drillExport(
  db: Db,
  ctx: Ctx,
  filter: MetricFilter,
  kpiParam: string,
  language: Locale,
) {
  const r = await drillRequest(db, ctx, filter, kpiParam);
  async function* pages(): AsyncGenerator<q.DrillPage> {
    let cursor: q.DrillCursor | undefined;
    for (;;) {
      const found = await drillRows(db, r.scope, r.kpi, r.start, r.end, language, EXPORT_PAGE, cursor);
      const rows = found.rows.slice(0, EXPORT_PAGE);
      yield { kind: found.kind, rows } as q.DrillPage;
      const last = rows.at(-1);
      if (found.rows.length <= EXPORT_PAGE || !last) return;
      cursor = { at: last.sortAt, id: last.id };
    }
  }
  return { kpi: r.kpi, kind: r.kind, from: r.period.from, to: r.period.to, pages: pages() };
}

// ---- top items ----

/** GET /api/metrics/top: the items asked about most (questions, from contacts) or reported most (reports). */
export async function top(
  db: Db,
  ctx: Ctx,
  filter: MetricFilter,
  kind: 'questions' | 'reports',
  limit: number,
  language: Locale,
) {
  const period = periodOf(filter);
  const scoped = await scopeOf(db, ctx, filter);
  requireVisible(scoped.level, kind === 'questions' ? 'contacts' : 'cases_opened');
  if (kind === 'reports' && scoped.scope.agentId) return { items: [] };
  return { items: await q.topItems(db, scoped.scope, period.from, period.to, kind, language, limit) };
}

// ---- segments ----

export async function listSegments(db: Db, ctx: Ctx) {
  authorize(ctx.actor, metricsPolicy.listSegments);
  return q.listSegments(db, ctx.actor.organisationId);
}

function checkRule(rule: SegmentRule) {
  const parsed = segmentRuleSchema.parse(rule);
  if (!Object.values(parsed).some((v) => v !== undefined))
    throw metricErrors.field('rule', 'Name at least one customer attribute.');
  // Store each list once, in a stable order.
  return Object.fromEntries(
    Object.entries(parsed)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, [...new Set(v as string[])].sort()]),
  ) as SegmentRule;
}

export async function createSegment(
  db: Db,
  ctx: Ctx,
  input: { code: string; name: { nl: string; en?: string | undefined }; rule: SegmentRule },
) {
  authorize(ctx.actor, metricsPolicy.manageSegments);
  const organisationId = ctx.actor.organisationId;
  const rule = checkRule(input.rule);
  return db.transaction(async (tx) => {
    const created = await q.insertSegment(tx, { organisationId, code: input.code, name: input.name, rule });
    if (!created) throw metricErrors.segmentCodeTaken();
    await recordAudit(tx, ctx, {
      entityType: 'segment',
      entityId: created.id,
      action: 'created',
      after: { code: created.code, name: created.name, rule: created.rule },
    });
    return created;
  });
}

export async function updateSegment(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { code: string; name: { nl: string; en?: string | undefined }; rule: SegmentRule; version: number },
) {
  authorize(ctx.actor, metricsPolicy.manageSegments);
  const organisationId = ctx.actor.organisationId;
  const rule = checkRule(input.rule);
  return db.transaction(async (tx) => {
    const before = await q.findSegment(tx, organisationId, id);
    if (!before) throw errors.notFound('segment');
    if (input.code !== before.code) {
      const other = await q.findSegmentByCode(tx, organisationId, input.code);
      if (other) throw metricErrors.segmentCodeTaken();
    }
    const updated = await q.updateSegment(tx, organisationId, id, input.version, {
      code: input.code,
      name: input.name,
      rule,
    });
    if (!updated) throw errors.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'segment',
      entityId: id,
      action: 'updated',
      before: { code: before.code, name: before.name, rule: before.rule },
      after: { code: updated.code, name: updated.name, rule: updated.rule },
    });
    return updated;
  });
}

export async function deleteSegment(db: Db, ctx: Ctx, id: string) {
  authorize(ctx.actor, metricsPolicy.manageSegments);
  const organisationId = ctx.actor.organisationId;
  await db.transaction(async (tx) => {
    const gone = await q.deleteSegment(tx, organisationId, id);
    if (!gone) throw errors.notFound('segment');
    await recordAudit(tx, ctx, {
      entityType: 'segment',
      entityId: id,
      action: 'deleted',
      before: { code: gone.code, name: gone.name, rule: gone.rule },
    });
  });
}

// ---- the catalogue's KPIs for other modules, per group, with what they rest on ----

export interface KpiBreakdownOptions {
  /** Split per dimension (or per segment of the organisation, keyed by its code); absent: one row, key `all`. */
  by?: MetricDimension | undefined;
  /** Split per week or month (key: its first day, yyyy-mm-dd); not with `by`. */
  grain?: 'week' | 'month' | undefined;
  /** Only these teams (a team lead's own). */
  teamIds?: readonly string[] | undefined;
  /** Leave out customers of these kinds (the public figures leave out employees); unknown customers stay in. */
  exceptCustomerKinds?: readonly string[] | undefined;
}

export interface KpiGroup {
  key: string | null;
  /** Each asked KPI: its value, base `n` and the unrounded `part` (and `squares` for a mean grade). */
  values: Record<KpiCode, Measured>;
}

/**
 * The catalogue's KPIs of one period for other modules (the public page, the periodic report, equal treatment):
 * the same definition as monitoring's figures, per group, with the part and base each value rests on so the caller
 * can suppress or test it. Only KPIs of the rollups (the input modules' KPIs answer null); the backlog at the
 * period's end only in total or per dimension. No caller scope: the caller decides what it may show. A period is
 * validated as monitoring's (422 naming `from` or `to`); an unknown segment code is refused (field `segment`).
 */
export async function kpiBreakdown(
  db: Db,
  organisationId: string,
  filter: MetricFilter,
  codes: readonly KpiCode[],
  options: KpiBreakdownOptions = {},
  now = new Date(),
): Promise<KpiGroup[]> {
  const period = periodOf(filter, now);
  const rules = filter.segment ? [await ruleOf(db, organisationId, filter.segment)] : [];
  const scope: q.MetricScope = {
    organisationId,
    ...withoutSegment(filter),
    rules,
    teamIds: options.teamIds,
    exceptCustomerKinds: options.exceptCustomerKinds,
  };
  const internal = codes.filter((c) => !isExternal(c));
  const measured = (sums: Sums) =>
    Object.fromEntries(codes.map((c) => [c, internal.includes(c) ? measure(c, sums) : nothing])) as Record<
      KpiCode,
      Measured
    >;
  const backlogAsked = internal.some((c) => BACKLOG_CODES.includes(c));
  const rollupCodes = internal.filter((c) => !BACKLOG_CODES.includes(c));

  if (options.by === 'segment') {
    const groups: KpiGroup[] = [];
    for (const s of await q.listSegments(db, organisationId)) {
      const inSegment = { ...scope, rules: [...rules, s.rule as SegmentRule] };
      const [sums, backlog] = await readAll(
        db,
        () => sumsFor(db, inSegment, rollupCodes, period.from, period.to, { kind: 'total' }),
        async () => (backlogAsked ? backlogAt(db, inSegment, period.to, period.today) : undefined),
      );
      groups.push({
        key: s.code,
        values: measured({ ...(sums.get('all') ?? {}), ...(backlog ? { backlog } : {}) }),
      });
    }
    return groups;
  }

  const grouping: q.Grouping = options.by
    ? { kind: 'dimension', by: options.by }
    : options.grain
      ? { kind: 'grain', grain: options.grain }
      : { kind: 'total' };
  const [sums, backlog] = await readAll(
    db,
    () => sumsFor(db, scope, rollupCodes, period.from, period.to, grouping),
    async () =>
      !backlogAsked || grouping.kind === 'grain' || scope.agentId
        ? []
        : period.to >= period.today
          ? q.liveBacklog(db, scope, grouping)
          : q.backlogSnapshot(db, scope, [period.to], grouping),
  );
  const keyOf = (key: string | null) => (grouping.kind === 'total' ? 'all' : key);
  for (const { key, ...b } of backlog) {
    const at = sums.get(keyOf(key)) ?? {};
    at.backlog = b;
    sums.set(keyOf(key), at);
  }
  if (grouping.kind === 'total' && !sums.has('all')) sums.set('all', {});
  return [...sums].map(([key, s]) => ({ key, values: measured(s) }));
}
// ---- end of the KPIs for other modules ----
