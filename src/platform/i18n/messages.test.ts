/**
 * Every catalogue of UI strings — the platform's and each module's messages.ts — says the same thing in both
 * languages: the same keys, the same {placeholders} per key, no empty value, and no English sentence in Chinese.
 * The compiler already checks the keys (ChineseMessages); this guards what it cannot see inside the strings.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { latinSentences } from '../../../test/helpers/latin-sentences.js';
import { en } from './catalogue.en.js';
import { zh } from './catalogue.zh.js';
import { defineMessages, t, type Lang } from './i18n.js';

type Catalogues = Readonly<Record<Lang, Readonly<Record<string, string>>>>;

const MODULES = join(import.meta.dirname, '../../modules');

/**
 * Each module's catalogues, found on disk so a new one is checked without being listed here: messages.ts and any
 * messages.<part>.ts beside it (a module with several pages keeps one catalogue per part), not their .en/.zh files.
 */
const CATALOGUE_FILE = /^messages(\.(?!en\.ts$|zh\.ts$)[\w-]+)?\.ts$/;

async function moduleCatalogues(): Promise<[string, Catalogues][]> {
  const found: [string, Catalogues][] = [];
  const seen = new Set<unknown>();
  for (const module of readdirSync(MODULES, { withFileTypes: true })) {
    if (!module.isDirectory()) continue;
    for (const file of readdirSync(join(MODULES, module.name)).filter((name) => CATALOGUE_FILE.test(name) && !/\.(en|zh)\.ts$/.test(name)).sort()) {
      const exports: Record<string, unknown> = await import(pathToFileURL(join(MODULES, module.name, file)).href);
      for (const [name, value] of Object.entries(exports)) {
        // A translator re-exported by another catalogue file is checked once.
        if (typeof value !== 'function' || !('catalogues' in value) || seen.has(value)) continue;
        seen.add(value);
        found.push([`${module.name}/${file}/${name}`, value.catalogues as Catalogues]);
      }
    }
  }
  return found;
}

const catalogues: [string, Catalogues][] = [['platform', { en, zh }], ...(await moduleCatalogues())];

function placeholders(message: string): string[] {
  return [...new Set(message.match(/\{\w+\}/g) ?? [])].sort();
}

/** The Chinese text shown for an English key: a plural's `.one` falls back to `.other`, as the translator does. */
function chineseFor(chinese: Readonly<Record<string, string>>, key: string): string | undefined {
  return chinese[key] ?? (key.endsWith('.one') ? chinese[`${key.slice(0, -'.one'.length)}.other`] : undefined);
}

describe.each(catalogues)('the %s catalogue', (_name, { en: english, zh: chinese }) => {
  it('has a Chinese text for every English key and no other key', () => {
    expect(Object.keys(english).filter((key) => chineseFor(chinese, key) === undefined)).toEqual([]);
    expect(Object.keys(chinese).filter((key) => english[key] === undefined)).toEqual([]);
  });

  it('has the same placeholders in both languages', () => {
    const differing = Object.keys(english).flatMap((key) => {
      const [inEnglish, inChinese] = [placeholders(english[key]), placeholders(chineseFor(chinese, key) ?? '')];
      return inEnglish.join() === inChinese.join() ? [] : [`${key}: ${inEnglish.join()} ≠ ${inChinese.join()}`];
    });
    expect(differing).toEqual([]);
  });

  it('has no empty text', () => {
    const empty = (messages: Readonly<Record<string, string>>) => Object.keys(messages).filter((key) => messages[key].trim() === '');
    expect([...empty(english), ...empty(chinese)]).toEqual([]);
  });

  it('has no English sentence in Chinese', () => {
    expect(Object.entries(chinese).filter(([, text]) => latinSentences(text).length > 0)).toEqual([]);
  });
});

it('no key is defined by two catalogues, so each string has one owner', () => {
  const owners = new Map<string, string[]>();
  for (const [name, { en: english }] of catalogues) for (const key of Object.keys(english)) owners.set(key, [...(owners.get(key) ?? []), name]);
  expect([...owners].filter(([, names]) => names.length > 1)).toEqual([]);
});

describe('a translator', () => {
  const items = defineMessages({
    en: { 'items.count.one': '{count} item', 'items.count.other': '{count} items', 'items.greeting': 'Hello {name}' },
    zh: { 'items.count.other': '{count} 项', 'items.greeting': '你好，{name}' },
  });

  it('picks the plural form by the locale\'s rules and fills the placeholders', () => {
    expect([items('en', 'items.count', { count: 1 }), items('en', 'items.count', { count: 2 }), items('zh', 'items.count', { count: 1 })]).toEqual(['1 item', '2 items', '1 项']);
    expect(items('zh', 'items.greeting', { name: '王' })).toBe('你好，王');
    expect(t('en', 'pagination.status', { page: 2, pages: 5 })).toBe('Page 2 of 5');
  });

  it('accepts only its catalogue\'s keys: the compiler refuses the lines below (tsc fails if it ever accepts them)', () => {
    // @ts-expect-error: no catalogue has this key
    expect(() => t('en', 'no.such.key')).toThrow('Missing message');
    // @ts-expect-error: a module's key is not the platform's
    expect(() => t('en', 'projects.count', { count: 1 })).toThrow('Missing message');
    // @ts-expect-error: a plural group is addressed by its base key
    expect(items('en', 'items.count.one')).toBe('{count} item');
    // @ts-expect-error: a plural group needs a count
    expect(() => items('en', 'items.count')).toThrow('Missing message');
  });
});
