import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';

const require = createRequire(import.meta.url);
let loaded: typeof Echarts | undefined;
/** ECharts loads with the first chart drawn: every API test file imports the app, and few draw a chart. */
const echarts = () => {
  loaded ??= require('echarts') as typeof Echarts;
  return loaded;
};

/**
 * Charts drawn on the server as SVG (ECharts' server-side rendering): for pages that send no script — the public
 * performance page and the periodic report. Each chart carries its description as the SVG's accessible name
 * (`role="img"`, `aria-label`) and is always shown next to a table of the same figures; the colours print in
 * black and white too (a solid and a dashed line, text labels on bars).
 */
export interface ChartSeries {
  name: string;
  /** One value per category; null where there is no figure (suppressed or nothing measured). */
  values: (number | null)[];
}

export interface ChartInput {
  /** What the chart shows, in words: its accessible name. */
  description: string;
  categories: string[];
  series: ChartSeries[];
  /** The value axis runs to this (100 for percentages); free when absent. */
  max?: number;
  /** A target drawn as a dashed line. */
  target?: { value: number; label: string } | undefined;
  /** Appended to values on labels and the axis: '%' for percentages. */
  suffix?: string;
  /** How a value is written on labels and the axis (the page's language: "78,3"); plain numbers when absent. */
  format?: (value: number) => string;
  width?: number;
  /** For bars: the categories down the side (long names, many categories); the height follows their number. */
  horizontal?: boolean;
  height?: number;
}

/** Colours with enough contrast on white (WCAG 1.4.11: ≥ 3:1) that differ in lightness as well. */
const COLOURS = ['#1c4f8c', '#b34700', '#2b6d3a', '#5b3f8c'];
const TEXT = '#1a1a1a';

const escapeAttribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function render(option: Echarts.EChartsCoreOption, input: ChartInput): string {
  const chart = echarts().init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: input.width ?? 640,
    height: input.height ?? 280,
  });
  try {
    chart.setOption({
      animation: false,
      aria: { enabled: true, label: { description: input.description } },
      textStyle: { color: TEXT, fontFamily: 'system-ui, sans-serif', fontSize: 13 },
      color: COLOURS,
      ...option,
    });
    const svg = chart.renderToSVGString();
    // The SVG is an image with a name (screen readers read the description; the table next to it has the figures).
    return svg.replace(
      '<svg ',
      `<svg role="img" aria-label="${escapeAttribute(input.description)}" focusable="false" style="max-width:100%;height:auto" `,
    );
  } finally {
    chart.dispose();
  }
}

const written = (input: ChartInput, value: number) =>
  `${input.format ? input.format(value) : value}${input.suffix ?? ''}`;

const valueAxis = (input: ChartInput) => ({
  type: 'value',
  min: 0,
  max: input.max,
  axisLabel: { color: TEXT, formatter: (v: number) => written(input, v) },
  splitLine: { lineStyle: { color: '#d0d0d0' } },
});

const targetLine = (input: ChartInput) =>
  input.target
    ? {
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: TEXT, width: 1.5 },
          label: { formatter: input.target.label, color: TEXT, position: 'insideEndTop' },
          data: [{ yAxis: input.target.value }],
        },
      }
    : {};

/** Bars per category (one colour per series), with the value written on each bar. */
export function barChartSvg(input: ChartInput): string {
  if (input.horizontal) return horizontalBars(input);
  return render(
    {
      grid: { left: 56, right: 24, top: input.series.length > 1 ? 40 : 24, bottom: 56 },
      legend: input.series.length > 1 ? { top: 0, textStyle: { color: TEXT } } : undefined,
      xAxis: {
        type: 'category',
        data: input.categories,
        axisLabel: { color: TEXT, interval: 0, width: 110, overflow: 'break' },
      },
      yAxis: valueAxis(input),
      series: input.series.map((s, i) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        barMaxWidth: 48,
        label: {
          show: true,
          position: 'top',
          color: TEXT,
          formatter: (p: { value: number | null }) =>
            p.value === null || p.value === undefined ? '' : written(input, p.value),
        },
        ...(i === 0 ? targetLine(input) : {}),
      })),
    },
    input,
  );
}

/** A line per series over the categories (periods), the target dashed. */
export function lineChartSvg(input: ChartInput): string {
  return render(
    {
      grid: { left: 56, right: 24, top: input.series.length > 1 ? 40 : 24, bottom: 40 },
      legend: input.series.length > 1 ? { top: 0, textStyle: { color: TEXT } } : undefined,
      xAxis: { type: 'category', data: input.categories, axisLabel: { color: TEXT } },
      yAxis: valueAxis(input),
      series: input.series.map((s, i) => ({
        type: 'line',
        name: s.name,
        data: s.values,
        connectNulls: false,
        symbol: i === 0 ? 'circle' : 'rect',
        symbolSize: 7,
        lineStyle: { width: 2.5, type: i === 0 ? 'solid' : 'dotted' },
        ...(i === 0 ? targetLine(input) : {}),
      })),
    },
    input,
  );
}

function horizontalBars(input: ChartInput): string {
  const rows = input.categories.length * input.series.length;
  const height = input.height ?? Math.max(120, 48 + rows * 30);
  return render(
    {
      grid: { left: 8, right: 56, top: input.series.length > 1 ? 36 : 12, bottom: 28, containLabel: true },
      legend: input.series.length > 1 ? { top: 0, textStyle: { color: TEXT } } : undefined,
      yAxis: {
        type: 'category',
        inverse: true,
        data: input.categories,
        axisLabel: { color: TEXT, width: 220, overflow: 'truncate' },
      },
      xAxis: valueAxis(input),
      series: input.series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        barMaxWidth: 22,
        label: {
          show: true,
          position: 'right',
          color: TEXT,
          formatter: (p: { value: number | null }) =>
            p.value === null || p.value === undefined ? '' : written(input, p.value),
        },
      })),
    },
    { ...input, height },
  );
}
