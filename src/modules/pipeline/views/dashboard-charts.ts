/**
 * The pipeline dashboard's charts: Apache ECharts rendered to SVG on the server (no client script), bars of one or
 * more series over categories — stages, years, districts. A chart is an image with an accessible name; the table that
 * follows it on the page holds the same numbers and is the accessible source of truth. Series are told apart by a
 * pattern (ECharts' decals) as well as colour, and named in a legend. Rendered charts are cached by their inputs.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import { styleToAttributes } from '../../../platform/views/charts.js';

/** Loaded on the first chart drawn, not at start-up (most processes never draw this dashboard). */
let loaded: typeof Echarts | null = null;
const echarts = (): typeof Echarts => (loaded ??= createRequire(import.meta.url)('echarts') as typeof Echarts);

export interface BarSeries {
  name: string;
  values: number[];
}

export interface BarsInput {
  /** The chart's accessible name. */
  title: string;
  categories: string[];
  series: BarSeries[];
  /** The value axis's name, with its unit ("days", "CNY million"). */
  unit: string;
  /** Bars along the categories (stages, years) or across, for long names (districts, industries). */
  direction: 'columns' | 'rows';
}

/** At least 3:1 against white; the second and third also differ in lightness, and each series has its own pattern. */
const COLOURS = ['#1a4fa0', '#b3261e', '#1f6f43'];
const INK = '#1d2330';
const MUTED = '#4a5263';
const MAX_LABEL = 28;
/** The column of category names of horizontal bars, in pixels. */
const LABEL_WIDTH = 200;

const cache = new Map<string, string>();

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const shortLabel = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);

function optionOf(input: BarsInput) {
  const rows = input.direction === 'rows';
  const categoryAxis = {
    type: 'category',
    data: input.categories.map(shortLabel),
    inverse: rows,
    // Server rendering measures text without the page's font, so long names get a fixed column and are cut to it.
    axisLabel: rows ? { color: INK, interval: 0, width: LABEL_WIDTH - 12, overflow: 'truncate' } : { color: MUTED, hideOverlap: true, interval: 0 },
  };
  const valueAxis = { type: 'value', name: input.unit, nameLocation: 'middle', nameGap: rows ? 24 : 44, minInterval: 1, axisLabel: { color: MUTED }, nameTextStyle: { color: MUTED } };
  const several = input.series.length > 1;
  return {
    animation: false,
    color: COLOURS,
    aria: { enabled: true, label: { enabled: false }, decal: { show: several } },
    textStyle: { fontFamily: 'sans-serif', color: INK },
    legend: { show: several, top: 0, textStyle: { color: INK } },
    grid: rows ? { left: LABEL_WIDTH, right: 56, top: several ? 36 : 12, bottom: 40, containLabel: false } : { left: 8, right: 16, top: several ? 36 : 12, bottom: 8, containLabel: true },
    xAxis: rows ? valueAxis : categoryAxis,
    yAxis: rows ? categoryAxis : valueAxis,
    series: input.series.map((s) => ({
      name: s.name,
      type: 'bar',
      data: s.values,
      barMaxWidth: 22,
      label: { show: !several || rows, position: rows ? 'right' : 'top', color: INK, fontSize: 11 },
    })),
  };
}

export function barsSvg(input: BarsInput): string {
  const key = JSON.stringify(input);
  const hit = cache.get(key);
  if (hit) return hit;
  const perCategory = input.direction === 'rows' ? 18 * input.series.length + 14 : 0;
  const height = input.direction === 'rows' ? Math.max(140, perCategory * input.categories.length + 90) : 300;
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width: 720, height });
  chart.setOption(optionOf(input));
  // Several charts share a page: the decals' pattern ids (zr0-p0…) get the chart's own prefix so none points at another's.
  const prefix = `pd${createHash('sha1').update(key).digest('hex').slice(0, 8)}`;
  const svg = styleToAttributes(chart.renderToSVGString())
    .replace(/zr\d+-p(\d+)/g, `${prefix}-p$1`)
    .replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(input.title)}" focusable="false" `);
  chart.dispose();
  if (cache.size > 200) cache.clear();
  cache.set(key, svg);
  return svg;
}
