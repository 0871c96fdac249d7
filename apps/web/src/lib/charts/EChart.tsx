/**
 * The drawing itself: ECharts 6 with the SVG renderer (sharp in print, readable by assistive technology through
 * the aria description), only the parts used imported from `echarts/core`. Loaded lazily by `Chart.tsx`, so
 * ECharts is one chunk that only pages with a chart fetch.
 */
import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, getInstanceByDom, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { type ChartSpec, type ChartWords, formatValue } from './chartData.ts';

use([
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  AriaComponent,
  SVGRenderer,
]);

type Option = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | AriaComponentOption
>;

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11); the previous period grey and dashed. */
const CURRENT = ['#1a5ea8', '#8a4b08', '#2e6b30', '#6a3d9a'];
const PREVIOUS = '#6b6b6b';
const TARGET = '#222222';

/** The ECharts option for a spec: the target as a marked line, the previous period dashed, aria with decals. */
export function chartOption(spec: ChartSpec, words: ChartWords, description: string): Option {
  const format = (value: unknown) => (typeof value === 'number' ? formatValue(value, spec.unit, words) : '—');
  const target = spec.target ?? null;
  let colour = 0;
  const series = spec.series.map((s, index) => {
    const previous = s.kind === 'previous';
    const color = previous ? PREVIOUS : (CURRENT[colour++ % CURRENT.length] as string);
    const markLine =
      index === 0 && target !== null
        ? {
            silent: true,
            symbol: 'none',
            lineStyle: { color: TARGET, type: 'solid' as const, width: 2 },
            label: {
              formatter: `${words.target} ${format(target)}`,
              position: 'end' as const,
              color: TARGET,
              fontSize: 11,
            },
            data: [{ yAxis: target }],
          }
        : undefined;
    if (spec.type === 'bar')
      return {
        type: 'bar',
        name: s.name,
        data: s.values,
        itemStyle: { color, opacity: previous ? 0.55 : 1 },
        markLine,
      } satisfies BarSeriesOption;
    return {
      type: 'line',
      name: s.name,
      data: s.values,
      connectNulls: false,
      // Points only where they can be told apart (fewer SVG nodes too); the tooltip and the table have every value.
      showSymbol: spec.categories.length <= 16,
      symbolSize: 6,
      itemStyle: { color },
      lineStyle: { color, width: previous ? 2 : 3, type: previous ? 'dashed' : 'solid' },
      markLine,
    } satisfies LineSeriesOption;
  });
  const values = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = Math.max(...values, target ?? 0);
  return {
    animation: false,
    aria: {
      enabled: true,
      label: { description },
      decal: { show: spec.type === 'bar' && spec.series.length > 1 },
    },
    grid: { left: 8, right: 76, top: spec.series.length > 1 ? 40 : 24, bottom: 8, containLabel: true },
    legend: spec.series.length > 1 ? { top: 0, textStyle: { color: '#222' } } : undefined,
    tooltip: { trigger: 'axis', valueFormatter: format },
    xAxis: {
      type: 'category',
      data: spec.categories,
      // Bars: every bar its name (slanted and shortened when many; the table has them whole). Lines: dates thinned out.
      axisLabel:
        spec.type === 'bar'
          ? {
              color: '#333',
              interval: 0,
              rotate: spec.categories.length > 4 ? 40 : 0,
              width: 120,
              overflow: 'truncate' as const,
            }
          : { color: '#333', hideOverlap: true },
      axisLine: { lineStyle: { color: '#767676' } },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: spec.unit === 'percent' && max <= 100 ? 100 : undefined,
      axisLabel: { color: '#333', formatter: (value: number) => format(value) },
      splitLine: { lineStyle: { color: '#e0e0e0' } },
    },
    series,
  };
}

export interface EChartProps {
  spec: ChartSpec;
  words: ChartWords;
  description: string;
  /** Called with the category's index when a bar or point is clicked (the drill-down; the table links too). */
  onSelect?: (index: number) => void;
}

/** The chart in a box that follows its container's width; the SVG is hidden from assistive technology, the box speaks. */
export default function EChart({ spec, words, description, onSelect }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = init(element, undefined, { renderer: 'svg' });
    chart.on('click', (event) => {
      if (typeof event.dataIndex === 'number') select.current?.(event.dataIndex);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    // Print at the page's width: the chart redraws to fit A4 before the browser lays the page out.
    const print = window.matchMedia('print');
    const resize = () => chart.resize();
    print.addEventListener('change', resize);
    return () => {
      print.removeEventListener('change', resize);
      observer.disconnect();
      chart.dispose();
    };
  }, []);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    getInstanceByDom(element)?.setOption(chartOption(spec, words, description), { notMerge: true });
  }, [spec, words, description]);
  return <div ref={box} className="vd-chart__canvas" role="img" aria-label={description} />;
}
