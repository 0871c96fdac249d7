/**
 * The statistics of the causes and equal-treatment views, as pure functions over sums (what SQL aggregates and the
 * rollups hold), so they are tested against textbook values without a database. Distributions come from jstat.
 */
import jstat from 'jstat';

const { jStat } = jstat;

/** Sums over pairs (x, y) as PostgreSQL's regr_* aggregates give them. */
export interface PairSums {
  n: number;
  meanX: number;
  meanY: number;
  /** Σ(x − x̄)², Σ(y − ȳ)², Σ(x − x̄)(y − ȳ): regr_sxx, regr_syy, regr_sxy. */
  sxx: number;
  syy: number;
  sxy: number;
}

export interface Regression {
  slope: number;
  intercept: number;
  slopeLow: number;
  slopeHigh: number;
  r2: number;
  pValue: number;
  correlation: number;
}

/**
 * Least-squares line y = intercept + slope·x with the 95 % confidence interval of the slope from the t distribution
 * (n − 2 degrees of freedom) and the slope's two-sided p-value. Null when x or y does not vary or n < 3.
 */
export function regression(s: PairSums, confidence = 0.95): Regression | null {
  if (s.n < 3 || !(s.sxx > 0) || !(s.syy > 0)) return null;
  const slope = s.sxy / s.sxx;
  const intercept = s.meanY - slope * s.meanX;
  const correlation = clamp(s.sxy / Math.sqrt(s.sxx * s.syy), -1, 1);
  const df = s.n - 2;
  const residual = Math.max(0, s.syy - slope * s.sxy);
  const se = Math.sqrt(residual / df / s.sxx);
  const t = jStat.studentt.inv(1 - (1 - confidence) / 2, df);
  const pValue = se === 0 ? 0 : twoSidedT(slope / se, df);
  return {
    slope,
    intercept,
    slopeLow: slope - t * se,
    slopeHigh: slope + t * se,
    r2: correlation * correlation,
    pValue,
    correlation,
  };
}

/** A group's count, sum and sum of squares (the rollups' responses, grade_sum, grade_squares). */
export interface MomentSums {
  n: number;
  sum: number;
  squares: number;
}

const mean = (g: MomentSums) => g.sum / g.n;
/** Sample variance (n − 1). */
const variance = (g: MomentSums) => Math.max(0, (g.squares - (g.sum * g.sum) / g.n) / (g.n - 1));

export interface TestResult {
  statistic: number;
  pValue: number;
}

/** Welch's t-test of two means (unequal variances; Welch–Satterthwaite degrees of freedom), two-sided. */
export function welchT(a: MomentSums, b: MomentSums): TestResult & { df: number } {
  const va = variance(a) / a.n;
  const vb = variance(b) / b.n;
  const diff = mean(a) - mean(b);
  const se2 = va + vb;
  if (se2 === 0) return { statistic: 0, pValue: diff === 0 ? 1 : 0, df: a.n + b.n - 2 };
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const statistic = diff / Math.sqrt(se2);
  return { statistic, pValue: twoSidedT(statistic, df), df };
}

/**
 * Two-proportion z-test with the pooled proportion, two-sided; z² is Pearson's chi-square of the 2×2 table
 * (R: `prop.test(x, n, correct = FALSE)`).
 */
export function twoProportionZ(x1: number, n1: number, x2: number, n2: number): TestResult {
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { statistic: 0, pValue: 1 };
  const statistic = (x1 / n1 - x2 / n2) / se;
  return { statistic, pValue: clamp(2 * (1 - jStat.normal.cdf(Math.abs(statistic), 0, 1)), 0, 1) };
}

/** One-way analysis of variance over groups given by their sums: F, its p-value and η² (explained share). */
export function oneWayAnova(groups: readonly MomentSums[]): (TestResult & { etaSquared: number }) | null {
  const used = groups.filter((g) => g.n > 0);
  const n = used.reduce((a, g) => a + g.n, 0);
  const k = used.length;
  if (k < 2 || n - k < 1) return null;
  const grand = used.reduce((a, g) => a + g.sum, 0) / n;
  const between = used.reduce((a, g) => a + g.n * (mean(g) - grand) ** 2, 0);
  const total = used.reduce((a, g) => a + g.squares, 0) - n * grand * grand;
  const within = Math.max(0, total - between);
  if (!(total > 0)) return null;
  const etaSquared = clamp(between / total, 0, 1);
  if (within === 0) return { statistic: Number.POSITIVE_INFINITY, pValue: 0, etaSquared };
  const statistic = between / (k - 1) / (within / (n - k));
  return { statistic, pValue: clamp(1 - jStat.centralF.cdf(statistic, k - 1, n - k), 0, 1), etaSquared };
}

/**
 * Holm–Bonferroni: the smallest p-value is multiplied by the number of tests m, the next by m − 1, and so on, each
 * at least the one before (and at most 1). Comparing these adjusted values with 0.05 keeps the chance of flagging
 * any group by chance alone at 5 % however many groups are tested. Returns the adjusted values in input order.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

function twoSidedT(t: number, df: number): number {
  return clamp(2 * (1 - jStat.studentt.cdf(Math.abs(t), df)), 0, 1);
}

function clamp(v: number, lo: number, hi: number) {
  return Math.min(hi, Math.max(lo, v));
}
