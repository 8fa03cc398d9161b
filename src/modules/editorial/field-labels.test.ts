/** Every field a kind's form can show has words in both languages (a new schema field without a label fails here). */
import { describe, expect, it } from 'vitest';
import { CONTENT_KINDS, type ContentKind } from '../content/index.js';
import { fieldHelp, fieldLabel, hasKeyLabel } from './field-labels.js';
import { fieldPaths } from './schema-form/model.js';

describe('field labels', () => {
  it.each(Object.keys(CONTENT_KINDS) as ContentKind[])('every field of %s has an English and a Chinese label', (kind) => {
    const paths = fieldPaths(kind);
    expect(paths.length).toBeGreaterThan(2);
    const missing = paths.flatMap((path) => {
      const key = path[path.length - 1];
      return (['en', 'zh'] as const).filter((lang) => !hasKeyLabel(lang, kind, key)).map((lang) => `${lang}: ${path.join('.')}`);
    });
    expect(missing).toEqual([]);
  });

  it('names a field with its position and language', () => {
    expect(fieldLabel('en', 'policies', ['sources', 0, 'section'])).toBe('Sources 1 › Section or title');
    expect(fieldLabel('zh', 'policies', ['zh', 'summary'])).toBe('摘要（中文）');
    expect(fieldLabel('en', 'policies', ['parts', 2, 'en', 'text'])).toBe('Parts (articles) 3 › Text (English)');
    expect(fieldLabel('en', 'projects', ['number'])).toBe('Position in the district’s list');
  });

  it('has help for the fields that need it, in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      for (const path of [['sources'], ['last_verified'], ['zh_translation'], ['doc_number'], ['data_note', 'en'], ['sources', 1, 'section']]) {
        expect(fieldHelp(lang, 'policies', path), path.join('.')).toBeTruthy();
      }
      expect(fieldHelp(lang, 'rules', ['relevance'])).toBeTruthy();
    }
    expect(fieldHelp('en', 'policies', ['en', 'title'])).toBeUndefined();
  });
});
