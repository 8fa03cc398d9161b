import { describe, expect, it } from 'vitest';
import type { SiteTerm } from '../content/index.js';
import { findTerm, spaceOf, termIn } from './terms.js';

const source = [{ document: '000_b5e748836c3b3473.txt' as const, section: 'KEY AREAS > Cultural Industry' }];
const culture: SiteTerm = { id: 'terms-culture', applies_to: 'industry', industry: 'cultural-industry', en: { terms: ['cultural', 'creative'] }, zh: { terms: ['文化'] }, sources: source, zh_translation: 'unofficial', last_verified: '2026-12-01' };
const office: SiteTerm = { id: 'space-office', applies_to: 'space', space: 'office', en: { terms: ['building'] }, zh: { terms: ['大厦'] }, sources: source, zh_translation: 'unofficial', last_verified: '2026-12-01' };
const industrial: SiteTerm = { id: 'space-industrial', applies_to: 'space', space: 'industrial', en: { terms: ['factory building'] }, zh: { terms: ['厂房'] }, sources: source, zh_translation: 'unofficial', last_verified: '2026-12-01' };

describe('site terms', () => {
  it('matches English terms at the start of a word only', () => {
    expect(findTerm(culture, { en: 'Agricultural Science Park', zh: '农业科技园' })).toBeNull();
    expect(findTerm(culture, { en: 'Cultural & Creative Park', zh: '' })).toMatchObject({ term: 'Cultural', lang: 'en' });
  });

  it('falls back to the Chinese name', () => {
    expect(findTerm(culture, { en: 'Nanzhongzhou Park', zh: '南中轴国际文化科技园' })).toMatchObject({ term: '文化', lang: 'zh' });
  });

  it('quotes the word found in the language of the page', () => {
    const hit = findTerm(culture, { en: 'Cultural Park', zh: '文化园' })!;
    expect([termIn(hit, 'en'), termIn(hit, 'zh')]).toEqual(['Cultural', '文化']);
  });

  it('lets an industrial term win over an office term inside it', () => {
    expect(spaceOf([office, industrial], { en: 'Miyun Standard Factory Building', zh: '' })?.space).toBe('industrial');
    expect(spaceOf([office, industrial], { en: 'Aviation Service Building', zh: '' })?.space).toBe('office');
    expect(spaceOf([office, industrial], { en: 'Robotics Park', zh: '' })).toBeNull();
  });
});
