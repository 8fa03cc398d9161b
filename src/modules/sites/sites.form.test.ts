/** The "where to locate" GET form: numbers as people type them, every error at once, and the locations to compare. */
import { beforeAll, describe, expect, it } from 'vitest';
import { realContent } from '../../../test/helpers/test-app.js';
import { ContentStore } from '../content/index.js';
import { parseSiteForm, SITE_FORM_KEYS } from './sites.form.js';

let store: ContentStore;
beforeAll(async () => {
  store = new ContentStore(1, await realContent());
});

describe('the locations form', () => {
  it('accepts areas and budgets written with thousands separators', () => {
    const form = parseSiteForm({ industry: 'pharmaceutical-health', area: '1,000', max_rent: '1，000', ftz: 'yes', bonded: '' }, store, 'en');
    expect(form.errors).toEqual([]);
    expect(form.request).toMatchObject({ industry: 'pharmaceutical-health', needs: { area_m2: 1000, max_rent_per_m2: 1000, ftz: true, bonded_zone: false }, limit: 5 });
  });

  it('reports every invalid answer in the order of the form, in Chinese on Chinese pages', () => {
    const form = parseSiteForm({ industry: 'mining', origin: 'atlantis', space: 'garage', area: 'abc', max_rent: '-3' }, store, 'zh');
    expect(form.request).toBeNull();
    expect(form.errors.map((e) => e.field)).toEqual(['industry', 'origin', 'space', 'area', 'max_rent']);
    expect(form.errors[3].message).toBe('请输入面积（平方米），须大于0且不超过1000000。');
  });

  it('ranks nothing before a need is given, but still compares the locations ticked (three at most)', () => {
    const form = parseSiteForm({ industry: ' ', compare: ['haidian', 'park:beijing-etdz', 'not a key!', 'bda', 'daxing'] }, store, 'en');
    expect(form).toMatchObject({ submitted: false, request: null, errors: [] });
    expect(form.compare).toEqual([{ kind: 'district', id: 'haidian' }, { kind: 'park', id: 'beijing-etdz' }, { kind: 'district', id: 'bda' }]);
  });

  it('carries the needs, not the comparison, along in links', () => {
    expect(SITE_FORM_KEYS).toEqual(['industry', 'origin', 'space', 'area', 'ftz', 'bonded', 'airport', 'cluster', 'max_rent']);
  });
});
