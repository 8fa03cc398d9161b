/**
 * The service line's report charts: ECharts rendered to SVG on the server (no client script), like the platform's
 * bar charts (src/platform/views/charts.ts), for series over categories — received and answered per week as bars,
 * the on-time rate per week as a line — and rates by long labels (a limit's name) as horizontal bars. The SVG is an image with an accessible name; the page shows the same numbers
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
    legend: { show: input.series.length > 1, top: 0, textStyle: { color: '#1d2330' } },
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

export interface LabelledBarsInput {
  title: string;
  labels: string[];
  values: number[];
  unit: string;
  max?: number;
  width?: number;
}

/**
 * A label in lines of at most `max` characters, broken between words (Chinese, without spaces, between characters):
 * server rendering measures text without the font, so ECharts' own wrapping and margins misjudge long labels.
 */
export function wrapLabel(label: string, max: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of label.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+/g) ?? []) {
    const cjk = /^[\u3000-\u9fff\uff00-\uffef]$/.test(word);
    const joined = line && !cjk && !/[\u3000-\u9fff\uff00-\uffef]$/.test(line) ? `${line} ${word}` : `${line}${word}`;
    if (line && [...joined].length * (cjk ? 2 : 1) > max) {
      lines.push(line);
      line = word;
    } else line = joined;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** Horizontal bars for long labels (a limit's name): the labels get a fixed column, wrapped by wrapLabel. */
export function labelledBarsSvg(input: LabelledBarsInput): string {
  const key = JSON.stringify(['bars', input]);
  const hit = cache.get(key);
  if (hit) return hit;
  const width = input.width ?? 720;
  const labelWidth = 260;
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width, height: Math.max(120, 48 * input.labels.length + 50) });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'sans-serif', color: '#1d2330' },
    grid: { left: labelWidth + 16, right: 56, top: 10, bottom: 36, containLabel: false },
    xAxis: { type: 'value', name: input.unit, nameLocation: 'middle', nameGap: 24, max: input.max, axisLabel: { color: '#4a5263' } },
    yAxis: { type: 'category', inverse: true, data: input.labels.map((l) => wrapLabel(l, 34)), axisLabel: { color: '#1d2330', lineHeight: 15 } },
    series: [{ type: 'bar', data: input.values, itemStyle: { color: COLOURS[1] }, barMaxWidth: 22, label: { show: true, position: 'right', color: '#1d2330' } }],
  });
  const svg = styleToAttributes(chart.renderToSVGString()).replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(input.title)}" focusable="false" `);
  chart.dispose();
  if (cache.size > 200) cache.clear();
  cache.set(key, svg);
  return svg;
}
