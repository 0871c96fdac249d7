/** The radar itself: ECharts with the SVG renderer, only the radar parts imported; loaded lazily by RadarChart. */
import { RadarChart as ERadar, type RadarSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  LegendComponent,
  type LegendComponentOption,
  RadarComponent,
  type RadarComponentOption,
  TooltipComponent,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([ERadar, RadarComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type Option = ComposeOption<RadarSeriesOption | RadarComponentOption | LegendComponentOption>;
/** Colours with at least 3:1 contrast against white; the agreed profile first and solid. */
const COLOURS = ['#1a5ea8', '#8a4b08', '#2e6b30', '#6a3d9a', '#6b6b6b'];

export interface RadarProps {
  axes: string[];
  series: { name: string; values: (number | null)[] }[];
  description: string;
}

export default function RadarDraw({ axes, series, description }: RadarProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = init(element, undefined, { renderer: 'svg' });
    const option: Option = {
      color: COLOURS,
      aria: { enabled: true, decal: { show: true } },
      legend: { bottom: 0, type: 'scroll' },
      tooltip: {},
      radar: {
        indicator: axes.map((name) => ({ name, max: 5, min: 0 })),
        splitNumber: 5,
        radius: '62%',
        axisName: { color: '#222', fontSize: 11 },
      },
      series: [
        {
          type: 'radar',
          data: series.map((s, i) => ({
            name: s.name,
            value: s.values.map((v) => v ?? 0),
            lineStyle: { width: i === 0 ? 3 : 1.5, type: i === 0 ? 'solid' : 'dashed' },
            areaStyle: i === 0 ? { opacity: 0.12 } : undefined,
          })),
        },
      ],
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [axes, series]);
  return <div ref={box} className="vd-assessment-radar" role="img" aria-label={description} />;
}
