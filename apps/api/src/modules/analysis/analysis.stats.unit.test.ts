import { describe, expect, it } from 'vitest';
import { holmAdjust, oneWayAnova, regression, twoProportionZ, welchT } from './analysis.stats.ts';

/** Every expected value below was computed with SciPy 1.17 (or R, named) and written down. */
describe('analysis statistics against textbook values', () => {
  it('regression: slope, intercept, r, the slope’s 95 % interval and p (scipy.stats.linregress)', () => {
    // x = 1..5, y = 2, 4, 5, 4, 5: x̄ 3, ȳ 4, Sxx 10, Syy 6, Sxy 6.
    const r = regression({ n: 5, meanX: 3, meanY: 4, sxx: 10, syy: 6, sxy: 6 })!;
    expect(r.slope).toBeCloseTo(0.6, 10);
    expect(r.intercept).toBeCloseTo(2.2, 10);
    expect(r.correlation).toBeCloseTo(0.7745966692414835, 10);
    expect(r.r2).toBeCloseTo(0.6, 10);
    // slope ± t(0.975, 3) × 0.28284271247461895
    expect(r.slopeLow).toBeCloseTo(-0.30013174529127307, 8);
    expect(r.slopeHigh).toBeCloseTo(1.5001317452912732, 8);
    expect(r.pValue).toBeCloseTo(0.12402706265755445, 8);
  });

  it('regression is refused when x or y does not vary or there are fewer than 3 pairs', () => {
    expect(regression({ n: 5, meanX: 3, meanY: 4, sxx: 0, syy: 6, sxy: 0 })).toBeNull();
    expect(regression({ n: 5, meanX: 3, meanY: 4, sxx: 10, syy: 0, sxy: 0 })).toBeNull();
    expect(regression({ n: 2, meanX: 3, meanY: 4, sxx: 1, syy: 1, sxy: 1 })).toBeNull();
  });

  it("Welch's t-test from sums and sums of squares (scipy.stats.ttest_ind, equal_var=False)", () => {
    // a = 8 7 9 6 8 7 9 8 7 8; b = 6 5 7 6 4 6 7 5 6 5 6 7
    const w = welchT({ n: 10, sum: 77, squares: 601 }, { n: 12, sum: 70, squares: 418 });
    expect(w.statistic).toBeCloseTo(4.620231017326446, 8);
    expect(w.df).toBeCloseTo(19.202857899198083, 8);
    expect(w.pValue).toBeCloseTo(0.00018205891789827228, 8);
  });

  it('two-proportion z-test: z² is the chi-square of R prop.test(c(45, 30), c(100, 100), correct = FALSE)', () => {
    const z = twoProportionZ(45, 100, 30, 100);
    expect(z.statistic ** 2).toBeCloseTo(4.8, 10);
    expect(z.statistic).toBeGreaterThan(0);
    expect(z.pValue).toBeCloseTo(0.028459736916310638, 8);
    expect(twoProportionZ(0, 40, 0, 60)).toEqual({ statistic: 0, pValue: 1 });
  });

  it('one-way ANOVA from group sums (scipy.stats.f_oneway([7,8,9,6], [5,6,5,4,6], [8,9,9]))', () => {
    const sums = (g: number[]) => ({
      n: g.length,
      sum: g.reduce((a, b) => a + b, 0),
      squares: g.reduce((a, b) => a + b * b, 0),
    });
    const a = oneWayAnova([sums([7, 8, 9, 6]), sums([5, 6, 5, 4, 6]), sums([8, 9, 9])])!;
    expect(a.statistic).toBeCloseTo(13.393700787401569, 8);
    expect(a.pValue).toBeCloseTo(0.002005882746241437, 8);
    // η² = SSB / SST = 17.01 / 23.36 (by hand: grand mean 6.9167)
    expect(a.etaSquared).toBeCloseTo(0.7485, 3);
  });

  it('Holm–Bonferroni (R p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm"))', () => {
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    for (const [i, v] of [0.03, 0.06, 0.06, 0.02].entries()) expect(adjusted[i]).toBeCloseTo(v, 12);
    // R: p.adjust(c(0.5, 0.9), "holm") = 1, 1 (never above 1, never below the one before)
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
});
