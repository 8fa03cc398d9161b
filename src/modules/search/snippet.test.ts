import { describe, expect, it } from 'vitest';
import { highlightParts, snippetOf } from './snippet.js';

describe('snippets and highlights', () => {
  it('marks a Chinese name matched by bigrams as one span', () => {
    expect(highlightParts('北京市海淀区商务局电话', ['海淀', '区商', '务局'])).toEqual([
      { text: '北京市', match: false },
      { text: '海淀区商务局', match: true },
      { text: '电话', match: false },
    ]);
  });

  it('marks English words including their inflected forms', () => {
    const parts = highlightParts('Policies for R&D centres', ['policy', 'centre']);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Policies', 'centres']);
  });

  it('cuts a long passage around the first match', () => {
    const passage = `${'x '.repeat(200)}the minimum wage is 2420 yuan ${'y '.repeat(200)}`;
    const snippet = snippetOf(passage, ['minimum']);
    expect(snippet).toContain('minimum wage is 2420');
    expect(snippet.length).toBeLessThan(200);
  });
});
