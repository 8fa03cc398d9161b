/**
 * Content management's shared words (messages.en.ts / messages.zh.ts). Each part (forms, workflow pages, bulk, rules,
 * freshness) keeps its own page strings in its own messages.<part>.ts catalogue; these are the words they all use.
 */
import { defineMessages, type Lang } from '../../platform/i18n/i18n.js';
import type { ContentKind } from '../content/index.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';
import type { RefusalReason } from './revision-workflow.js';

export const t = defineMessages({ en, zh });

export function kindLabel(lang: Lang, kind: ContentKind): string {
  return t(lang, `editorial.kind.${kind}`);
}

export function refusalText(lang: Lang, reason: RefusalReason): string {
  return t(lang, `editorial.refusal.${reason}`);
}
