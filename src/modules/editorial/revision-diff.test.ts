import { describe, expect, it } from 'vitest';
import { diffItems, flatten, schemaOrder } from './revision-diff.js';

const policy = {
  id: 'p1',
  sources: [{ document: 'doc.txt', section: 'One' }],
  zh_translation: 'unofficial',
  last_verified: '2026-11-01',
  category: 'talent',
  en: { title: 'Talent measures', summary: 'Grants of up to 100,000 yuan for each hire.' },
  zh: { title: '人才措施', summary: '每名人才最高补贴十万元。' },
};

describe('diffItems', () => {
  it('lists only the fields that differ, with word runs for English and character runs for Chinese', () => {
    const after = structuredClone(policy);
    after.en.summary = 'Grants of up to 100,000 yuan for every hire.';
    after.zh.summary = '每名人才最高补贴二十万元。';
    const diff = diffItems('en', 'policies', policy, after);
    expect(diff.changes.map((c) => c.path.join('.'))).toEqual(['en.summary', 'zh.summary']);
    const en = diff.changes[0];
    expect(en.change).toBe('changed');
    expect(en.parts?.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['each']);
    expect(en.parts?.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['every']);
    expect(en.parts?.map((p) => p.text).join('')).toContain('Grants of up to ');
    const zh = diff.changes[1];
    expect(zh.parts?.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toBe('二');
    expect(zh.parts?.filter((p) => p.kind === 'removed')).toEqual([]);
  });

  it('orders fields as the schema lists them, not as the data (or jsonb) happens to hold them', () => {
    // Keys in a jumbled order, as jsonb returns them.
    const before = { zh: policy.zh, en: policy.en, category: 'talent', id: 'p1', sources: policy.sources };
    const after = { en: { ...policy.en, title: 'New title' }, zh: { ...policy.zh, title: '新标题' }, category: 'digital-economy', id: 'p1', sources: [{ document: 'doc.txt', section: 'Two' }] };
    const diff = diffItems('en', 'policies', before, after);
    expect(diff.changes.map((c) => c.path.join('.'))).toEqual(['sources.0.section', 'category', 'en.title', 'zh.title']);
  });

  it('shows added and removed fields and list entries', () => {
    const after = { ...policy, sources: [...policy.sources, { document: 'official-link', section: 'Gov', url: 'https://www.gov.cn/x' }], data_note: 'Checked' } as Record<string, unknown>;
    delete after.category;
    const diff = diffItems('en', 'policies', policy, after);
    const summary = diff.changes.map((c) => `${c.change}:${c.path.join('.')}`);
    expect(summary).toEqual(['added:sources.1.document', 'added:sources.1.section', 'added:sources.1.url', 'added:data_note', 'removed:category']);
    expect(diff.changes.find((c) => c.change === 'removed')?.before).toBe('talent');
  });

  it('says a withdrawal is the item leaving the site, and a new item has every field added', () => {
    expect(diffItems('en', 'policies', policy, null)).toEqual({ withdrawal: true, isNew: false, changes: [] });
    const created = diffItems('en', 'policies', null, policy);
    expect(created.isNew).toBe(true);
    expect(created.changes.every((c) => c.change === 'added')).toBe(true);
    expect(created.changes).toHaveLength(flatten(policy).size);
    expect(created.changes[0].path).toEqual(['id']);
  });

  it('names fields through fieldLabel', () => {
    const diff = diffItems('zh', 'policies', policy, { ...policy, category: 'digital-economy' });
    expect(diff.changes[0].label).toBeTruthy();
    expect(diff.changes[0].label).not.toBe('');
  });

  it('shows a rewritten text whole (old removed, new added) rather than as scattered word runs', () => {
    const diff = diffItems('en', 'policies', policy, { ...policy, en: { ...policy.en, summary: 'Completely different wording about office rents.' } });
    expect(diff.changes[0].parts).toEqual([
      { kind: 'removed', text: policy.en.summary },
      { kind: 'same', text: ' ' },
      { kind: 'added', text: 'Completely different wording about office rents.' },
    ]);
  });

  it('sorts list indices by number', () => {
    const order = schemaOrder('policies');
    expect([['sources', 10, 'section'], ['sources', 2, 'section']].sort(order)).toEqual([['sources', 2, 'section'], ['sources', 10, 'section']]);
  });
});
