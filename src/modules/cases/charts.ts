/**
 * The service line's report charts: ECharts rendered to SVG on the server (no client script), like the platform's
 * bar charts (src/platform/views/charts.ts), for series over categories — received and answered per week as bars,
 * the on-time rate per week as a line. The SVG is an image with an accessible name; the page shows the same numbers
 * in a table beside it, since a chart alone is not accessible. Rendered charts are cached by their inputs.
 */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import { styleToAttributes } from '../../platform/views/charts.js';

let loaded: typeof Echarts | null = null;
const echartsLib = (): typeof Echarts => (loaded ??= createRequire(import.meta.url)('echarts') as typeof Echarts);

export interface ChartSeries {
  name: string;
  /** null: no value for that category (a gap in a line). */
  values: (number | null)[];
  type: 'bar' | 'line';
}

export interface SeriesChartInput {
  /** Accessible name of the chart. */
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Axis name (unit). */
  unit: string;
  /** Upper end of the value axis (100 for a rate in per cent); otherwise from the data. */
  max?: number;
  width?: number;
  height?: number;
}

/** Colours with at least 3:1 contrast on white, told apart by more than hue (bars vs line, the legend names them). */
const COLOURS = ['#1a4fa0', '#b3261e', '#1f6f43'];

const cache = new Map<string, string>();

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function seriesChartSvg(input: SeriesChartInput): string {
  const key = JSON.stringify(input);
  const hit = cache.get(key);
  if (hit) return hit;
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width: input.width ?? 720, height: input.height ?? 300 });
  chart.setOption({
    animation: false,
    color: COLOURS,
    textStyle: { fontFamily: 'sans-serif', color: '#1d2330' },
    legend: { top: 0, textStyle: { color: '#1d2330' } },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: input.categories, axisLabel: { color: '#4a5263', hideOverlap: true } },
    yAxis: { type: 'value', name: input.unit, max: input.max, minInterval: 1, axisLabel: { color: '#4a5263' }, nameTextStyle: { color: '#4a5263' } },
    series: input.series.map((s) => ({
      name: s.name,
      type: s.type,
      data: s.values.map((v) => (v === null ? '-' : v)),
      barMaxWidth: 18,
      ...(s.type === 'line' ? { symbol: 'circle', symbolSize: 7, connectNulls: false, lineStyle: { width: 2 } } : {}),
    })),
  });
  const svg = styleToAttributes(chart.renderToSVGString()).replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(input.title)}" focusable="false" `);
  chart.dispose();
  if (cache.size > 200) cache.clear();
  cache.set(key, svg);
  return svg;
}
