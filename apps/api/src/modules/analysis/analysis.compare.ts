/**
 * One KPI under two filters — two periods (before and after an improvement) or two groups in one period — with
 * whether the difference is more than chance (issue 15, the measured effect of an improvement). The values come
 * from the metrics module's one definition per KPI (`kpiValues`); only the sums of squares a t-test needs are read
 * here, from the same rollup. The tests are the pure functions of analysis.stats.ts.
 */
import { type Db, readAll } from '@voordeur/db';
import {
  KPI_CATALOGUE,
  type KpiCode,
  type KpiComparison,
  type MetricFilter,
  SIGNIFICANCE_LEVEL,
  STATISTICS_MIN_RESPONSES,
} from '@voordeur/shared';
import jstat from 'jstat';
import { errors } from '../../plugins/errors.ts';
import { kpiBreakdown, kpiValues } from '../metrics/index.ts';
import { twoProportionZ, welchT } from './analysis.stats.ts';

const { jStat } = jstat;

/** Shares of independent events (contacts, cases, answers, calls): the two-proportion z-test fits. */
const SHARES: readonly KpiCode[] = [
  'digital_share',
  'fcr',
  'repeat_contacts',
  'avoidable_contacts',
  'callbacks_in_time',
  'norm_compliance',
  'target_compliance',
  'reopen_rate',
  'complaints_in_term',
  'complaints_founded',
  'grade_7_plus',
  'grade_5_minus',
  'solved_share',
  'phone_answered_in_target',
  'phone_abandoned',
];
/** Means whose rollup keeps the sum of squares: Welch's t-test fits. */
const MEANS: readonly KpiCode[] = ['grade_mean'];
/** Counts of events over a period: compared as rates per day. */
const COUNTS: readonly KpiCode[] = ['contacts', 'cases_opened', 'complaints'];

type TestKind = KpiComparison['test'];

const DAY_MS = 86_400_000;
const daysOf = (f: MetricFilter) => Math.round((Date.parse(f.to) - Date.parse(f.from)) / DAY_MS) + 1;
const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Conditional test of two Poisson rates: given the total N = xa + xb, xa is binomial(N, da / (da + db)) when the
 * rate per day is the same; normal approximation, two-sided.
 */
export function rateTest(xa: number, da: number, xb: number, db: number) {
  const total = xa + xb;
  const p0 = da / (da + db);
  const se = Math.sqrt(total * p0 * (1 - p0));
  if (!(se > 0)) return { statistic: 0, pValue: 1 };
  const statistic = (xa - total * p0) / se;
  return {
    statistic,
    pValue: Math.min(1, Math.max(0, 2 * (1 - jStat.normal.cdf(Math.abs(statistic), 0, 1)))),
  };
}

const empty = (which: 'a' | 'b') =>
  errors.validation(
    [{ field: 'from', message: 'There is no data for this figure in this period.' }],
    `An effect cannot be measured on an empty period (${which === 'a' ? 'the first' : 'the second'}).`,
  );

/**
 * The same KPI under filters `a` and `b`, with b − a, whether b is better and whether the difference is
 * significant. Refuses (validation_failed, field `from`) a filter whose period holds no data for the KPI.
 */
export async function compareKpi(
  db: Db,
  organisationId: string,
  code: KpiCode,
  a: MetricFilter,
  b: MetricFilter,
): Promise<KpiComparison> {
  const { unit, direction } = KPI_CATALOGUE[code];
  const [[va], [vb]] = await readAll(
    db,
    () => kpiValues(db, organisationId, a, [code]),
    () => kpiValues(db, organisationId, b, [code]),
  );
  if (!va || va.value === null || va.n === 0) throw empty('a');
  if (!vb || vb.value === null || vb.n === 0) throw empty('b');
  const da = daysOf(a);
  const db_ = daysOf(b);

  let test: TestKind = null;
  let pValue: number | null = null;
  let difference = round(vb.value - va.value);
  if (SHARES.includes(code)) {
    test = 'two_proportion_z';
    const xa = Math.round((va.value * va.n) / 100);
    const xb = Math.round((vb.value * vb.n) / 100);
    pValue = twoProportionZ(xb, vb.n, xa, va.n).pValue;
  } else if (MEANS.includes(code)) {
    // The same definition as the value, with the sum of squares Welch's test needs (metrics' kpiBreakdown).
    const [[ga], [gb]] = await readAll(
      db,
      () => kpiBreakdown(db, organisationId, a, [code]),
      () => kpiBreakdown(db, organisationId, b, [code]),
    );
    const sa = ga?.values[code];
    const sb = gb?.values[code];
    if (sa && sb && sa.n > 1 && sb.n > 1) {
      test = 'welch_t';
      pValue = welchT(
        { n: sb.n, sum: sb.part ?? 0, squares: sb.squares ?? 0 },
        { n: sa.n, sum: sa.part ?? 0, squares: sa.squares ?? 0 },
      ).pValue;
    }
  } else if (COUNTS.includes(code)) {
    test = 'rate';
    pValue = rateTest(va.value, da, vb.value, db_).pValue;
    if (da !== db_) difference = round(vb.value / db_ - va.value / da);
  }
  if (pValue !== null) pValue = Number(pValue.toPrecision(3));
  const enough = Math.min(va.n, vb.n) >= STATISTICS_MIN_RESPONSES;
  const significant = pValue === null ? null : enough && pValue < SIGNIFICANCE_LEVEL;
  const better =
    direction === 'none' || difference === 0 ? null : difference > 0 === (direction === 'higher');
  const result = {
    code,
    unit,
    direction,
    a: { from: a.from, to: a.to, value: va.value, n: va.n },
    b: { from: b.from, to: b.to, value: vb.value, n: vb.n },
    difference,
    better,
    test,
    pValue,
    significant,
  };
  return { ...result, explanation: explain(result, enough, da !== db_) };
}

// ---- the reading in plain words ----

const UNIT_WORDS: Record<KpiComparison['unit'], { nl: string; en: string }> = {
  count: { nl: '', en: '' },
  percent: { nl: '%', en: '%' },
  grade: { nl: '', en: '' },
  score: { nl: '', en: '' },
  days: { nl: ' dagen', en: ' days' },
  minutes: { nl: ' minuten', en: ' minutes' },
  euro: { nl: ' euro', en: ' euro' },
};

/** A figure as the dashboards show it (one decimal at most); a p-value with three. */
const fmt = (v: number, lang: 'nl' | 'en', digits = 1) =>
  new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits }).format(v);
const fmtP = (p: number, lang: 'nl' | 'en') =>
  p < 0.001 ? (lang === 'nl' ? 'kleiner dan 0,001' : 'below 0.001') : fmt(round(p, 3), lang, 3);

function explain(
  c: Omit<KpiComparison, 'explanation'>,
  enough: boolean,
  perDay: boolean,
): { nl: string; en: string } {
  const name = KPI_CATALOGUE[c.code].name;
  const words = (lang: 'nl' | 'en') => {
    const u = UNIT_WORDS[c.unit][lang];
    const nl = lang === 'nl';
    const first = nl
      ? `${name.nl}: eerst ${fmt(c.a.value ?? 0, lang)}${u} (n = ${c.a.n}), daarna ${fmt(c.b.value ?? 0, lang)}${u} (n = ${c.b.n}).`
      : `${name.en}: first ${fmt(c.a.value ?? 0, lang)}${u} (n = ${c.a.n}), then ${fmt(c.b.value ?? 0, lang)}${u} (n = ${c.b.n}).`;
    const diff = c.difference ?? 0;
    const size = `${fmt(Math.abs(diff), lang)}${c.unit === 'percent' ? (nl ? ' procentpunt' : ' percentage points') : u}${perDay ? (nl ? ' per dag' : ' per day') : ''}`;
    const move =
      diff === 0
        ? nl
          ? 'Er is geen verschil.'
          : 'There is no difference.'
        : nl
          ? `Dat is ${size} ${diff > 0 ? 'hoger' : 'lager'}${c.better === null ? '' : c.better ? ', en dat is beter' : ', en dat is slechter'}.`
          : `That is ${size} ${diff > 0 ? 'higher' : 'lower'}${c.better === null ? '' : c.better ? ', which is better' : ', which is worse'}.`;
    let verdict: string;
    if (c.test === null || c.pValue === null)
      verdict = nl
        ? 'Voor dit cijfer past geen toets. We kunnen dus niet zeggen of het verschil meer is dan toeval.'
        : 'No statistical test fits this figure, so we cannot say whether the difference is more than chance.';
    else if (!enough)
      verdict = nl
        ? `Er zijn te weinig metingen (minder dan ${STATISTICS_MIN_RESPONSES}) om te zeggen of het verschil echt is.`
        : `There are too few measurements (fewer than ${STATISTICS_MIN_RESPONSES}) to say whether the difference is real.`;
    else if (c.significant)
      verdict = nl
        ? `Dit verschil is waarschijnlijk geen toeval (p = ${fmtP(c.pValue, lang)}).`
        : `This difference is probably not chance (p = ${fmtP(c.pValue, lang)}).`;
    else
      verdict = nl
        ? `Dit verschil kan toeval zijn (p = ${fmtP(c.pValue, lang)}).`
        : `This difference may be chance (p = ${fmtP(c.pValue, lang)}).`;
    return `${first} ${move} ${verdict}`;
  };
  return { nl: words('nl'), en: words('en') };
}
