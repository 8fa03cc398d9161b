/**
 * Words for every field of every content kind, in both languages, with help where a field needs it: the generated
 * forms, the diff and the import's errors name fields by these labels. (Filled in by the forms part of issue #12;
 * until a field has words, its path is shown as it is.)
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import type { ContentKind } from '../content/index.js';

/** The label of the field at `path` (e.g. ['en', 'title'] or ['sources', 0, 'section']) of an item of `kind`. */
export function fieldLabel(lang: Lang, kind: ContentKind, path: readonly (string | number)[]): string {
  void lang;
  void kind;
  return path.join('.');
}

/** Help text for the field at `path`, when it has any. */
export function fieldHelp(lang: Lang, kind: ContentKind, path: readonly (string | number)[]): string | undefined {
  void lang;
  void kind;
  void path;
  return undefined;
}
