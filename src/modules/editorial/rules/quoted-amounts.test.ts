import { describe, expect, it } from 'vitest';
import { realContent } from '../../../../test/helpers/test-app.js';
import { amountSpellings, quotes, staleSentences } from './quoted-amounts.js';

describe('sentences that quote a threshold', () => {
  it('knows the ways an amount is written, and does not take a longer number for it', () => {
    expect(amountSpellings(2_000_000)).toEqual(expect.arrayContaining(['2000000', '2,000,000', '2 million', '200万']));
    expect(quotes('at least USD 2 million', 2_000_000)).toBe(true);
    expect(quotes('不低于200万美元', 2_000_000)).toBe(true);
    expect(quotes('at least USD 12 million', 2_000_000)).toBe(false);
    expect(quotes('不低于1200万美元', 2_000_000)).toBe(false);
    expect(quotes('USD 2.5 million', 2_000_000)).toBe(false);
  });

  it('lists the R&D headquarters threshold’s sentences when only the amount changes, and none once they say the new one', async () => {
    const content = await realContent();
    const before = content['rule-parameters'].find((p) => p.id === 'rd_hq_min_paid_in_capital_usd')!;
    const after = { ...before, value: 1_000_000 };
    const stale = staleSentences(before, after, content.rules);
    expect(stale).toEqual(expect.arrayContaining([
      { ruleId: null, lang: 'en', sentence: before.en.label },
      { ruleId: null, lang: 'zh', sentence: before.zh.label },
      { ruleId: 'rd-hq-confirmation', lang: 'en', sentence: 'Total paid-in registered capital in Beijing of at least USD 2 million' },
      { ruleId: 'rd-hq-confirmation', lang: 'zh', sentence: '在京实缴注册资本总额不低于200万美元' },
    ]));
    const renamed = { ...after, en: { label: before.en.label.replace('$2 million', '$1 million') }, zh: { label: before.zh.label.replace('200万', '100万') } };
    const rules = content.rules.map((rule) => JSON.parse(JSON.stringify(rule).replaceAll('USD 2 million', 'USD 1 million').replaceAll('200万美元', '100万美元')));
    expect(staleSentences(before, renamed, rules)).toEqual([]);
    expect(staleSentences(before, before, content.rules)).toEqual([]);
  });
});
