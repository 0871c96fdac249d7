import { localDate } from '../calendar/index.ts';

/** The last complete quarter before `now` (local dates). */
export function lastCompleteQuarter(now = new Date()) {
  const [y, m] = localDate(now).split('-').map(Number) as [number, number];
  const q0 = Math.floor((m - 1) / 3); // this quarter, 0-based
  const year = q0 === 0 ? y - 1 : y;
  const quarter = q0 === 0 ? 3 : q0 - 1;
  const fromMonth = quarter * 3 + 1;
  const last = new Date(Date.UTC(year, fromMonth + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(fromMonth)}-01`, to: `${year}-${pad(fromMonth + 2)}-${pad(last)}` };
}
