import { describe, expect, it } from 'vitest';
import {
  filterSearch,
  grainFor,
  periodChoices,
  periodRange,
  pointRange,
  readFilter,
  readPeriod,
} from './period.ts';

const today = new Date(2026, 11, 6); // 6 December 2026

describe('monitoring period and filters in the URL', () => {
  it('defaults to the last complete month', () => {
    const period = readPeriod(new URLSearchParams(), today);
    expect(period).toMatchObject({
      kind: 'month',
      at: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      problem: null,
    });
  });

  it('reads months, quarters and years; a running period ends today', () => {
    expect(periodRange('quarter', '2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange('month', '2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('month', '2024-13')).toBeNull();
    expect(readPeriod(new URLSearchParams('period=year&at=2026'), today)).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-06',
    });
    // Nonsense falls back to the last complete one.
    expect(readPeriod(new URLSearchParams('period=quarter&at=x'), today).at).toBe('2026-Q3');
  });

  it('offers the complete periods before today, newest first', () => {
    expect(periodChoices('month', today, 2)).toEqual(['2026-11', '2026-10']);
    expect(periodChoices('quarter', new Date(2026, 1, 1), 2)).toEqual(['2025-Q4', '2025-Q3']);
    expect(periodChoices('year', today, 2)).toEqual(['2025', '2024']);
  });

  it('checks custom dates as the API does', () => {
    const custom = (q: string) => readPeriod(new URLSearchParams(`period=custom&${q}`), today).problem;
    expect(custom('from=2026-01-01&to=2026-02-01')).toBeNull();
    expect(custom('from=2026-02-01&to=2026-01-01')).toBe('dateOrder');
    expect(custom('from=2026-01-01&to=2026-12-07')).toBe('future');
    expect(custom('from=2020-01-01&to=2026-01-01')).toBe('tooLong');
    expect(custom('from=&to=2026-01-01')).toBe('invalid');
  });

  it('keeps filters and drill labels in the URL, never a person’s name', () => {
    const params = new URLSearchParams(
      'period=month&at=2026-10&teamId=t1&areaLabel=Noord&agentIdLabel=Jan&x=1',
    );
    expect(readFilter(params, readPeriod(params, today))).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      teamId: 't1',
    });
    expect(filterSearch(params, { kpi: 'fcr', teamId: undefined })).toBe(
      '?period=month&at=2026-10&areaLabel=Noord&kpi=fcr',
    );
  });

  it('draws a trend in a grain that gives a readable number of points', () => {
    expect(grainFor('2026-11-01', '2026-11-30')).toBe('day');
    expect(grainFor('2026-07-01', '2026-09-30')).toBe('week');
    expect(grainFor('2026-01-01', '2026-12-31')).toBe('month');
    expect(grainFor('2021-01-01', '2026-12-31')).toBe('quarter');
  });
});

describe('a trend point drills down to its own days', () => {
  const weeks = [{ period: '2026-10-26' }, { period: '2026-11-02' }, { period: '2026-11-09' }];
  const november = { from: '2026-11-01', to: '2026-11-10' };
  it('from its first day to the day before the next point, within the chosen period', () => {
    // The first week began in October: only its November days.
    expect(pointRange(weeks, 0, november)).toEqual({ from: '2026-11-01', to: '2026-11-01' });
    expect(pointRange(weeks, 1, november)).toEqual({ from: '2026-11-02', to: '2026-11-08' });
    // The last ends with the period.
    expect(pointRange(weeks, 2, november)).toEqual({ from: '2026-11-09', to: '2026-11-10' });
    expect(pointRange(weeks, 3, november)).toBeNull();
  });
  it('a month ends on its last day, also in a leap year', () => {
    const months = [{ period: '2028-02-01' }, { period: '2028-03-01' }];
    expect(pointRange(months, 0, { from: '2028-02-01', to: '2028-03-31' })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
  });
});
