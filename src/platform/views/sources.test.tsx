import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { SourceList } from './sources.js';

const guide = { document: '000_b5e748836c3b3473.txt', section: 'Policy Support > FOREIGN INVESTMENT' };
const notice = { document: 'official-link', section: '关于进一步优化外商投资环境的若干措施', url: 'https://www.beijing.gov.cn/example' };

describe('source list', () => {
  it('cites a seed document by its title and section, and an official publication by its own title and link', () => {
    const html = render(<SourceList sources={[guide, notice]} lang="en" />);
    expect(html).toContain('<cite>Invest Beijing — Beijing Foreign Investment Guide (2024–2025)');
    expect(html).toContain('Policy Support > FOREIGN INVESTMENT');
    expect(html).toContain('<cite>关于进一步优化外商投资环境的若干措施</cite>');
    expect(html).not.toContain('official-link');
    expect(html).toContain('href="https://www.beijing.gov.cn/example"');
  });

  it('says when the item was last checked against its sources, as a date in the reader’s language', () => {
    expect(render(<SourceList sources={[guide]} lang="en" verified="2026-11-23" />)).toContain('Last checked against these sources on 23 November 2026.');
    expect(render(<SourceList sources={[guide]} lang="zh" verified="2026-11-23" />)).toContain('最近一次对照上述来源核实：2026年11月23日。');
    expect(render(<SourceList sources={[guide]} lang="en" />)).not.toContain('Last checked');
  });
});
