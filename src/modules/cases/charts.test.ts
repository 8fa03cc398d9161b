import { describe, expect, it } from 'vitest';
import { labelledBarsSvg, seriesChartSvg, wrapLabel } from './charts.js';

describe('report charts', () => {
  it('renders series as an SVG image with its accessible name, escaped, and no inline style', () => {
    const svg = seriesChartSvg({ title: 'Received & answered', categories: ['11-09', '11-16'], unit: 'cases', series: [{ name: 'Received', type: 'bar', values: [1, 4] }, { name: 'On time <%>', type: 'line', values: [100, null] }] });
    expect(svg).toMatch(/^<svg role="img" aria-label="Received &amp; answered" focusable="false"/);
    expect(svg).toContain('On time &lt;%&gt;');
    expect(svg).not.toMatch(/\sstyle="/);
  });

  it('wraps long labels between words, and Chinese between characters', () => {
    expect(wrapLabel('Demand, complaint or report — general matter', 34)).toBe('Demand, complaint or report —\ngeneral matter');
    expect(wrapLabel('诉求、投诉、举报（一般事项）', 20)).toBe('诉求、投诉、举报（一\n般事项）');
    expect(labelledBarsSvg({ title: 't', labels: ['Demand, complaint or report — general matter'], values: [66.7], unit: '%', max: 100 })).toContain('general matter');
  });
});
