/**
 * The form values ↔ item conversion: coercion by schema type, blank optional/nullable fields, lists and their
 * "Add another"/"Remove", and a lossless round trip of every real content item of every kind through its form values.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { realContent } from '../../../../test/helpers/test-app.js';
import { CONTENT_KINDS, type ContentKind } from '../../content/index.js';
import { kindSlot, slotOf } from './model.js';
import { addEntry, flatten, parseValues, removeEntry } from './values.js';

describe('parseValues coerces by schema type', () => {
  const schema = z.object({
    name: z.string().min(1),
    nick: z.string().optional(),
    area: z.number().positive().optional(),
    count: z.number(),
    open: z.boolean(),
    level: z.enum(['a', 'b']).nullable(),
    words: z.array(z.string()).default([]),
    maybe: z.array(z.string()).optional(),
    parts: z.array(z.object({ n: z.number(), en: z.object({ text: z.string() }) })).default([]),
  });
  const slot = slotOf(schema);

  it('reads numbers, yes/no and choices, and leaves blank optional fields out', () => {
    const { data } = parseValues(slot, {
      name: 'Haidian', nick: '  ', area: '1,234.5', count: '7', open: 'false', level: '', '_n.words': '3', 'words.0': 'x', 'words.1': '', 'words.2': 'y',
      '_n.parts': '1', 'parts.0.n': '2', 'parts.0.en.text': 'line one\r\nline two',
    });
    expect(data).toEqual({ name: 'Haidian', area: 1234.5, count: 7, open: false, level: null, words: ['x', 'y'], parts: [{ n: 2, en: { text: 'line one\nline two' } }] });
  });

  it('keeps what cannot be read as typed, so the schema names the field and nothing typed is lost', () => {
    const { data } = parseValues(slot, { name: '', count: 'seven', open: '', level: 'c' });
    expect(data).toMatchObject({ name: '', count: 'seven', level: 'c', words: [] });
    expect(data).not.toHaveProperty('open');
    const issues = schema.safeParse(data).error!.issues.map((i) => i.path.join('.'));
    expect(issues).toEqual(expect.arrayContaining(['name', 'count', 'open', 'level']));
  });

  it('adds a blank entry and removes one, moving the later ones up', () => {
    const values = flatten(slot, { name: 'n', count: 1, open: true, level: 'a', words: [], parts: [{ n: 1, en: { text: 'a' } }, { n: 2, en: { text: 'b' } }, { n: 3, en: { text: 'c' } }] });
    const added = addEntry(values, 'parts');
    expect((parseValues(slot, added).data as { parts: unknown[] }).parts).toHaveLength(4);
    const removed = removeEntry(values, 'parts', 1);
    expect((parseValues(slot, removed).data as { parts: unknown[] }).parts).toEqual([{ n: 1, en: { text: 'a' } }, { n: 3, en: { text: 'c' } }]);
  });

  it('reads a JSON area and reports text that is not JSON at its field', () => {
    const json = slotOf(z.object({ value: z.union([z.number(), z.array(z.string())]) }));
    expect(parseValues(json, { value: '[ "a", "b" ]' }).data).toEqual({ value: ['a', 'b'] });
    const bad = parseValues(json, { value: '[a' });
    expect(bad.problems).toEqual([expect.objectContaining({ path: ['value'], code: 'invalid_json' })]);
  });
});

describe('every real item survives its form unchanged', async () => {
  const set = (await realContent()) as unknown as Record<ContentKind, unknown[]>;
  it.each(Object.keys(CONTENT_KINDS) as ContentKind[])('%s', (kind) => {
    const slot = kindSlot(kind);
    expect(set[kind].length).toBeGreaterThan(0);
    for (const item of set[kind]) {
      const values = flatten(slot, item);
      const { data, problems } = parseValues(slot, values);
      expect(problems).toEqual([]);
      expect(data, (item as { id: string }).id).toEqual(item);
    }
  });
});
