import { describe, expect, it } from 'vitest';
import { processTerm, queryTerms, tokenize } from './tokenize.js';

describe('search tokens', () => {
  it('finds Chinese words, including names the dictionary does not know, through bigrams', () => {
    const tokens = tokenize('海淀区人力资源和社会保障局');
    expect(tokens).toContain('海淀');
    expect(tokens).toContain('人力');
    expect(tokens).toContain('社会');
  });

  it('keeps numbers, codes and "R&D" whole', () => {
    expect(tokenize('Tel 88496768, USD 2 million, R&D centre, 9.5 yuan')).toEqual(expect.arrayContaining(['88496768', 'r&d', '9.5']));
  });

  it('stems English plurals and verb forms so variants match', () => {
    expect(processTerm('policies')).toBe(processTerm('policy'));
    expect(processTerm('offices')).toBe(processTerm('office'));
    expect(processTerm('registration')).toBe('registration');
    expect(processTerm('address')).toBe('address');
  });

  it('drops question words from queries but keeps the meaning', () => {
    expect(queryTerms('what is the phone number of the commerce bureau')).toEqual(['phone', 'number', 'commerce', 'bureau']);
    const zh = queryTerms('外资研发中心有什么支持政策');
    expect(zh).toEqual(expect.arrayContaining(['外资', '研发', '中心', '政策']));
    expect(zh).not.toContain('什么');
  });
});
