/**
 * What a chart shows, as plain data: one description (`ChartSpec`) from which the chart, its table, its CSV and
 * its spoken description are all built, so the four can never tell different stories. No ECharts here: this file
 * is in every page that shows a chart; ECharts itself is loaded only when a chart is drawn (`EChart.tsx`).
 */
import type { KpiUnit } from '@voordeur/shared';

export interface ChartSeries {
  /** The series' name in the legend, the table's column header and the CSV header. */
  name: string;
  /** One value per category; null where there is nothing to measure. */
  values: (number | null)[];
  /** `previous` is the comparison period: drawn dashed and grey. */
  kind?: 'current' | 'previous';
}

export interface ChartSpec {
  type: 'line' | 'bar';
  /** What the chart shows (its caption and the table's caption). */
  title: string;
  /** The header of the first column (the categories): "Maand", "Team" … */
  categoryLabel: string;
  /** The categories as shown (formatted dates, team names …). */
  categories: string[];
  /** The categories as written in the CSV (ISO dates, ids); the shown labels when absent. */
  categoryKeys?: string[];
  series: ChartSeries[];
  unit: KpiUnit;
  /** The organisation's target, drawn as a line; absent or null: none. */
  target?: number | null;
}

/** The words and number format a chart needs, in the interface language. */
export interface ChartWords {
  locale: string;
  /** "Doel" */
  target: string;
  /** The unit's short name after a number when it is not a percentage or euro ("dagen", "minuten"). */
  unitSuffix: (unit: KpiUnit) => string;
  /** Sentence parts of the spoken description. */
  describe: {
    /** "Lijngrafiek: {{title}}." / "Staafgrafiek: {{title}}." */
    kind: (type: ChartSpec['type'], title: string) => string;
    /** "{{count}} punten, van {{first}} tot {{last}}." */
    range: (count: number, first: string, last: string) => string;
    /** "{{series}}: laagste {{min}} ({{minAt}}), hoogste {{max}} ({{maxAt}}), laatste {{last}}." */
    extremes: (
      series: string,
      min: string,
      minAt: string,
      max: string,
      maxAt: string,
      last: string,
    ) => string;
    /** "Doel {{target}}: {{met}} van {{count}} op of beter dan het doel." */
    target: (target: string, met: number, count: number) => string;
    /** "Geen gegevens." */
    empty: string;
  };
}

/** A value in its unit, in the interface language: 80% · 7,4 · 12 dagen · € 3,20. */
export function formatValue(
  value: number | null,
  unit: KpiUnit,
  words: Pick<ChartWords, 'locale' | 'unitSuffix'>,
) {
  if (value === null || !Number.isFinite(value)) return '—';
  const { locale } = words;
  switch (unit) {
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
        value / 100,
      );
    case 'euro':
      return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value);
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    default: {
      const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
      const suffix = words.unitSuffix(unit);
      return suffix ? `${number} ${suffix}` : number;
    }
  }
}

/** The table view: a header row and one row per category, values formatted (the target as its own column). */
export function chartTable(spec: ChartSpec, words: ChartWords): { head: string[]; rows: string[][] } {
  const withTarget = spec.target !== undefined && spec.target !== null;
  const head = [spec.categoryLabel, ...spec.series.map((s) => s.name), ...(withTarget ? [words.target] : [])];
  const rows = spec.categories.map((category, index) => [
    category,
    ...spec.series.map((s) => formatValue(s.values[index] ?? null, spec.unit, words)),
    ...(withTarget ? [formatValue(spec.target ?? null, spec.unit, words)] : []),
  ]);
  return { head, rows };
}

/** One CSV field, quoted when it holds a separator, quote or line break (RFC 4180); formula-looking text defused. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The CSV download: the same rows as the table, values as plain numbers (a point as decimal separator, no unit
 * signs) so a spreadsheet can compute with them; the unit is named in the header. Lines end in CRLF (RFC 4180).
 */
export function chartCsv(spec: ChartSpec, words: ChartWords): string {
  const withTarget = spec.target !== undefined && spec.target !== null;
  const unit = spec.unit === 'percent' ? '%' : spec.unit === 'euro' ? '€' : words.unitSuffix(spec.unit);
  const named = (name: string) => (unit ? `${name} (${unit})` : name);
  const head = [
    spec.categoryLabel,
    ...spec.series.map((s) => named(s.name)),
    ...(withTarget ? [named(words.target)] : []),
  ];
  const number = (value: number | null | undefined) =>
    value === null || value === undefined || !Number.isFinite(value)
      ? ''
      : String(Math.round(value * 1000) / 1000);
  const keys = spec.categoryKeys ?? spec.categories;
  const lines = [
    head,
    ...keys.map((key, index) => [
      key,
      ...spec.series.map((s) => number(s.values[index])),
      ...(withTarget ? [number(spec.target)] : []),
    ]),
  ];
  return `${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Whether a value is on the good side of the target for a KPI of this direction. */
export const meets = (value: number, target: number, direction: 'higher' | 'lower') =>
  direction === 'higher' ? value >= target : value <= target;

/**
 * The chart's spoken description (ECharts' aria label and the figure's description): what kind of chart, the
 * range, per series its lowest, highest and last value, and how often the target was met — written from the data.
 */
export function chartDescription(
  spec: ChartSpec,
  words: ChartWords,
  direction: 'higher' | 'lower' | 'none' = 'none',
): string {
  const parts = [words.describe.kind(spec.type, spec.title)];
  const count = spec.categories.length;
  const measured = spec.series.some((s) => s.values.some((v) => v !== null));
  if (count === 0 || !measured) return [...parts, words.describe.empty].join(' ');
  parts.push(words.describe.range(count, spec.categories[0] ?? '', spec.categories[count - 1] ?? ''));
  const format = (value: number) => formatValue(value, spec.unit, words);
  for (const series of spec.series) {
    let min: number | null = null;
    let max: number | null = null;
    let last: number | null = null;
    spec.categories.forEach((_, index) => {
      const value = series.values[index];
      if (value === null || value === undefined) return;
      if (min === null || value < (series.values[min] as number)) min = index;
      if (max === null || value > (series.values[max] as number)) max = index;
      last = value;
    });
    if (min === null || max === null || last === null) continue;
    parts.push(
      words.describe.extremes(
        series.name,
        format(series.values[min] as number),
        spec.categories[min] ?? '',
        format(series.values[max] as number),
        spec.categories[max] ?? '',
        format(last),
      ),
    );
  }
  const target = spec.target;
  const current = spec.series.find((s) => s.kind !== 'previous');
  if (target !== undefined && target !== null && current && direction !== 'none') {
    const values = current.values.filter((v): v is number => v !== null);
    const met = values.filter((v) => meets(v, target, direction)).length;
    parts.push(words.describe.target(format(target), met, values.length));
  }
  return parts.join(' ');
}

/** A file name for the download: the title in lower case, letters and digits only. */
export function csvFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'grafiek'}.csv`;
}
