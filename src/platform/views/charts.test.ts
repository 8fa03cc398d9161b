import { describe, expect, it } from 'vitest';
import { barChartSvg, styleToAttributes } from './charts.js';

describe('server-rendered charts', () => {
  it('renders an accessible SVG bar chart with every label and value, escaped', () => {
    const svg = barChartSvg({ title: 'GDP & trade', labels: ['Exports <goods>', '出口'], values: [606.55, 3001.8], unit: 'billion yuan' });
    expect(svg).toMatch(/^<svg role="img" aria-label="GDP &amp; trade"/);
    expect(svg).toContain('Exports &lt;goods&gt;');
    expect(svg).toContain('出口');
    expect(svg).toContain('3001.8');
    expect(svg).not.toContain('<goods>');
  });

  it('carries no inline style attribute, which the content security policy would block', () => {
    const svg = barChartSvg({ title: 't', labels: ['a', 'b'], values: [1, 2], unit: 'u' });
    expect(svg).not.toMatch(/\sstyle="/);
    expect(svg).toContain('font-size="12px"');
  });

  it('turns style declarations into presentation attributes', () => {
    expect(styleToAttributes('<text style="font-size:12px;fill:#000;">x</text>')).toBe('<text font-size="12px" fill="#000">x</text>');
  });
});
