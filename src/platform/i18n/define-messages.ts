/**
 * A catalogue of UI strings in both languages, owned by the code that shows them, and the translator over it. The
 * translator's key parameter is the union of the catalogue's keys, so a mistyped or removed key is a compile error,
 * and a computed key must be built from a typed list (`parks.type.${ParkType}`), never from any string.
 *
 * Plurals: a key ending in `.one` makes a plural group; it is addressed by its base key with a numeric `count`
 * (`t(lang, 'projects.count', { count: 3 })`), and Intl.PluralRules picks `.one` or `.other`. Chinese has one plural
 * form, so its catalogue may leave `.one` out: `.other` serves every count.
 */
import type { Lang } from './i18n.js';

export type MessageParams = Readonly<Record<string, string | number>>;
type PluralCategory = 'one' | 'other';

/** English strings of a catalogue; the keys are what the compiler checks. */
export type EnglishMessages = Readonly<Record<string, string>>;

/** Base keys of the plural groups (`projects.count` for `projects.count.one` / `projects.count.other`). */
export type PluralKeyOf<En> = keyof En extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;

/** Keys a caller may pass: plain keys, and plural groups by their base key (their `.one`/`.other` forms are not). */
export type MessageKeyOf<En> = Exclude<keyof En & string, `${PluralKeyOf<En>}.${PluralCategory}`> | PluralKeyOf<En>;

/** The Chinese catalogue of an English one: every key and no other (`satisfies ChineseMessages<typeof en>`); `.one` optional. */
export type ChineseMessages<En> = Record<Exclude<keyof En & string, `${string}.one`>, string> &
  Partial<Record<keyof En & `${string}.one`, string>>;

/** Plural groups require a numeric count; other keys take optional placeholders. */
export type ParamsFor<Key, Plural> = [Key] extends [Plural] ? [params: MessageParams & { count: number }] : [params?: MessageParams];

export interface Translator<Key extends string, Plural extends string = never> {
  <K extends Key>(lang: Lang, key: K, ...params: ParamsFor<K, Plural>): string;
  /** Both catalogues, for the consistency tests. */
  readonly catalogues: Readonly<Record<Lang, Readonly<Record<string, string>>>>;
}

/** The keys a translator accepts, to type a key held in a variable (`const NOTICES: Record<Notice, KeyOf<typeof t>>`). */
export type KeyOf<T> = T extends Translator<infer Key, infer _Plural> ? Key : never;

/** The rest of the keys under a prefix: `KeySuffix<typeof t, 'estimator.error.'>` is every field with its own error message. */
export type KeySuffix<T, Prefix extends string> = KeyOf<T> extends infer Key ? (Key extends `${Prefix}${infer Rest}` ? Rest : never) : never;

const pluralRules: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en'), zh: new Intl.PluralRules('zh') };

/** `t(lang, key, params)` over a pair of catalogues: `{name}` placeholders are filled from `params`. */
export function defineMessages<const En extends EnglishMessages>(catalogues: {
  en: En;
  zh: ChineseMessages<NoInfer<En>>;
}): Translator<MessageKeyOf<En>, PluralKeyOf<En>> {
  const byLang: Record<Lang, Readonly<Record<string, string>>> = catalogues;
  const translate = (lang: Lang, key: string, params: MessageParams = {}): string => {
    const catalogue = byLang[lang];
    let message = catalogue[key];
    if (message === undefined && typeof params.count === 'number') {
      message = catalogue[`${key}.${pluralRules[lang].select(params.count)}`] ?? catalogue[`${key}.other`];
    }
    if (message === undefined) throw new Error(`Missing message "${key}" for ${lang}`);
    return message.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? `{${name}}` : String(params[name])));
  };
  return Object.assign(translate, { catalogues: byLang }) as Translator<MessageKeyOf<En>, PluralKeyOf<En>>;
}
