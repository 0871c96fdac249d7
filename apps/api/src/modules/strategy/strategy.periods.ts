/** Review periods: a month `2026-11` or a quarter `2026-Q4`, as days (local dates, `to` inclusive). */

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export interface ReviewPeriod {
  period: string;
  from: string;
  to: string;
  previous: string;
  next: string;
}

export function reviewPeriod(period: string): ReviewPeriod {
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  if (rest.startsWith('Q')) {
    const quarter = Number(rest.slice(1));
    const first = (quarter - 1) * 3 + 1;
    return {
      period,
      from: `${year}-${pad(first)}-01`,
      to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}`,
      previous: quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`,
      next: quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`,
    };
  }
  const month = Number(rest);
  return {
    period,
    from: `${year}-${pad(month)}-01`,
    to: `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
    previous: month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`,
    next: month === 12 ? `${year + 1}-01` : `${year}-${pad(month + 1)}`,
  };
}

/** The last complete month before the day `today` (a local date). */
export function lastCompleteMonth(today: string) {
  return reviewPeriod(today.slice(0, 7)).previous;
}
