/**
 * Words for every field of every content kind, in both languages, with help where a field needs it: the generated
 * forms, the diff and the import's errors name fields by these labels. A field's words are found by its name, or by
 * `<kind>.<name>` where a kind means something else by it (messages.fields.*.ts).
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { ContentKind } from '../content/index.js';
import { tForms } from './messages.fields.js';

function lookup(lang: Lang, prefix: string, kind: ContentKind, key: string): string | undefined {
  const catalogue = tForms.catalogues[lang];
  return catalogue[`${prefix}.${kind}.${key}`] ?? catalogue[`${prefix}.${key}`];
}

/** The label of one field name of `kind` (no language or position): "Title", "Sources". */
export function keyLabel(lang: Lang, kind: ContentKind, key: string): string {
  return lookup(lang, 'editorial.field', kind, key) ?? key;
}

/** Whether the catalogue has words for a field name in `lang` (the label test walks every kind with it). */
export function hasKeyLabel(lang: Lang, kind: ContentKind, key: string): boolean {
  return lookup(lang, 'editorial.field', kind, key) !== undefined;
}

const LANGUAGE_WORDS: Record<Lang, Record<'en' | 'zh', string>> = { en: { en: 'English', zh: 'Chinese' }, zh: { en: '英文', zh: '中文' } };

/**
 * The label of the field at `path` (e.g. ['en', 'title'] or ['sources', 0, 'section']) of an item of `kind`, with its
 * position and language: "Sources 1 › Section or title", "Title (English)".
 */
export function fieldLabel(lang: Lang, kind: ContentKind, path: readonly (string | number)[]): string {
  const crumbs: string[] = [];
  let language: 'en' | 'zh' | null = null;
  path.forEach((segment, i) => {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) {
      if (crumbs.length > 0) crumbs[crumbs.length - 1] += ` ${Number(segment) + 1}`;
      return;
    }
    if ((segment === 'en' || segment === 'zh') && (i < path.length - 1 || crumbs.length > 0)) {
      language = segment;
      return;
    }
    if (segment === '_t') return;
    crumbs.push(keyLabel(lang, kind, segment));
  });
  const text = crumbs.join(' › ') || keyLabel(lang, kind, 'id');
  if (!language) return text;
  return lang === 'en' ? `${text} (${LANGUAGE_WORDS.en[language]})` : `${text}（${LANGUAGE_WORDS.zh[language]}）`;
}

/** Help text for the field at `path`, when it has any. */
export function fieldHelp(lang: Lang, kind: ContentKind, path: readonly (string | number)[]): string | undefined {
  const key = [...path].reverse().find((segment): segment is string => typeof segment === 'string' && !/^\d+$/.test(segment) && segment !== 'en' && segment !== 'zh');
  return key === undefined ? undefined : lookup(lang, 'editorial.help', kind, key);
}
