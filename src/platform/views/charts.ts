/**
 * Charts rendered to SVG on the server with Apache ECharts (no client script). A rendered chart is cached by
 * its inputs: rendering costs a few milliseconds, a cache hit nothing.
 */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';

/**
 * ECharts is loaded on the first chart, not at start-up: importing it took ~0.45 s of a ~3 s restart, and most
 * processes render a chart only when the statistics pages are first asked for (then the page is cached).
 */
let loaded: typeof Echarts | null = null;
const echartsLib = (): typeof Echarts => (loaded ??= createRequire(import.meta.url)('echarts') as typeof Echarts);

export interface BarChartInput {
  /** Accessible name of the chart. */
  title: string;
  labels: string[];
  values: number[];
  unit: string;
  width?: number;
}

const cache = new Map<string, string>();

/** Horizontal bars, one per label, value labels at the bar ends; colours meet 3:1 contrast on white. */
export function barChartSvg(input: BarChartInput): string {
  const key = JSON.stringify(input);
  const hit = cache.get(key);
  if (hit) return hit;
  const width = input.width ?? 640;
  const height = Math.max(120, 34 * input.labels.length + 50);
  const chart = echartsLib().init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 90, top: 10, bottom: 24, containLabel: true },
    // The page's stylesheet sets the real font stack; a plain family keeps quotes out of the SVG.
    textStyle: { fontFamily: 'sans-serif', color: '#1d2330' },
    xAxis: { type: 'value', name: input.unit, nameLocation: 'middle', nameGap: 22, axisLabel: { color: '#4a5263' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: input.labels.map((l) => (l.length > 34 ? `${l.slice(0, 33)}…` : l)),
      axisLabel: { color: '#1d2330', width: 220, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: input.values,
        itemStyle: { color: '#b3261e' },
        barMaxWidth: 22,
        label: { show: true, position: 'right', color: '#1d2330' },
      },
    ],
  });
  const svg = styleToAttributes(chart.renderToSVGString())
    .replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(input.title)}" focusable="false" `);
  chart.dispose();
  if (cache.size > 500) cache.clear();
  cache.set(key, svg);
  return svg;
}

/**
 * The strict CSP (style-src 'self') blocks inline style attributes, so ECharts' `style="font-size:12px;…"` becomes
 * the equivalent SVG presentation attributes (`font-size="12px"`), which are not styles and are allowed.
 */
export function styleToAttributes(svg: string): string {
  return svg.replace(/\sstyle="([^"]*)"/g, (_, declarations: string) =>
    declarations
      .split(';')
      .map((d) => d.split(':'))
      .filter(([name, value]) => name?.trim() && value?.trim() && /^[a-z-]+$/.test(name.trim()))
      .map(([name, value]) => ` ${name.trim()}="${escapeAttribute(value.trim())}"`)
      .join(''),
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
