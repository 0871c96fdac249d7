/**
 * The periods public accountability speaks of: a month (`2026-11`), a quarter (`2026-Q3`) or a year (`2026`), as
 * local (Europe/Amsterdam) dates, `to` inclusive — the days the rollup tables are kept by.
 */
export type PeriodKind = 'month' | 'quarter' | 'year';

export interface Period {
  kind: PeriodKind;
  /** `2026-11`, `2026-Q3` or `2026`. */
  code: string;
  /** First day. */
  from: string;
  /** Last day of the period (inclusive), whether or not it has passed. */
  end: string;
  year: number;
  /** Month 1–12 or quarter 1–4; 0 for a year. */
  part: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function make(kind: PeriodKind, year: number, part: number): Period {
  if (kind === 'year')
    return { kind, code: String(year), from: `${year}-01-01`, end: `${year}-12-31`, year, part };
  if (kind === 'quarter') {
    const m = (part - 1) * 3 + 1;
    return {
      kind,
      code: `${year}-Q${part}`,
      from: `${year}-${pad(m)}-01`,
      end: `${year}-${pad(m + 2)}-${pad(lastDay(year, m + 2))}`,
      year,
      part,
    };
  }
  return {
    kind,
    code: `${year}-${pad(part)}`,
    from: `${year}-${pad(part)}-01`,
    end: `${year}-${pad(part)}-${pad(lastDay(year, part))}`,
    year,
    part,
  };
}

/** Reads a period's code, or undefined when it is not one of the three shapes (years 2000–2999). */
export function parsePeriod(code: string, kinds: readonly PeriodKind[] = ['month', 'quarter', 'year']) {
  let m = /^(2\d{3})$/.exec(code);
  if (m && kinds.includes('year')) return make('year', Number(m[1]), 0);
  m = /^(2\d{3})-Q([1-4])$/.exec(code);
  if (m && kinds.includes('quarter')) return make('quarter', Number(m[1]), Number(m[2]));
  m = /^(2\d{3})-(0[1-9]|1[0-2])$/.exec(code);
  if (m && kinds.includes('month')) return make('month', Number(m[1]), Number(m[2]));
  return undefined;
}

/** The period of the same kind just before. */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'year') return make('year', p.year - 1, 0);
  const parts = p.kind === 'quarter' ? 4 : 12;
  return p.part === 1 ? make(p.kind, p.year - 1, parts) : make(p.kind, p.year, p.part - 1);
}

/** The period containing a date. */
export function periodOf(kind: PeriodKind, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return make(kind, year, kind === 'year' ? 0 : kind === 'quarter' ? Math.ceil(month / 3) : month);
}

/** The first day of the month `months` before the month of `day` (negative: after). */
export function monthsBefore(day: string, months: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 - months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}

const MONTHS = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
} as const;

/** A day as people write it: "3 november 2026" / "3 November 2026". */
export function dayLabel(day: string, language: 'nl' | 'en'): string {
  return `${Number(day.slice(8, 10))} ${MONTHS[language][Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/** A month as people write it: "november 2026". */
export function monthLabel(day: string, language: 'nl' | 'en'): string {
  return `${MONTHS[language][Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/** A span of whole months: "juli – september 2026", "oktober 2025 – september 2026". */
export function spanLabel(from: string, to: string, language: 'nl' | 'en'): string {
  const a = MONTHS[language][Number(from.slice(5, 7)) - 1]!;
  const b = monthLabel(to, language);
  if (from.slice(0, 7) === to.slice(0, 7)) return b;
  return from.slice(0, 4) === to.slice(0, 4) ? `${a} – ${b}` : `${monthLabel(from, language)} – ${b}`;
}

/** The period's name: "november 2026", "3e kwartaal 2026" / "Q3 2026", "2026". */
export function periodLabel(p: Period, language: 'nl' | 'en'): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter')
    return language === 'nl' ? `${p.part}e kwartaal ${p.year}` : `Q${p.part} ${p.year}`;
  return monthLabel(p.from, language);
}
