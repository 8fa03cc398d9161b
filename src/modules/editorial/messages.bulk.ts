/**
 * Strings of the bulk pages — per-kind import (form, preview with every problem by row and field, commit) and export
 * (messages.bulk.en.ts / .zh.ts) — and the sentence for each problem code an import row can have.
 */
import { defineMessages, type Lang } from '../../platform/i18n/i18n.js';
import type { StoredProblem } from '../content/index.js';
import { bulkEn } from './messages.bulk.en.js';
import { bulkZh } from './messages.bulk.zh.js';

export const tBulk = defineMessages({ en: bulkEn, zh: bulkZh });

const SIMPLE = [
  'invalid_value', 'invalid_union', 'unknown_reference', 'duplicate_id', 'id_changed', 'missing_id', 'duplicate_in_file', 'open_revision',
  'not_object', 'bad_column', 'duplicate_column', 'no_id_column', 'cell_not_number', 'cell_not_boolean', 'cell_not_json', 'cell_conflict',
] as const;

/** The review queue's notice after an import (`urls.staffContentReview(lang, { notice: IMPORT_NOTICE })`). */
export const IMPORT_NOTICE = 'imported';
export function importNoticeText(lang: Lang): string {
  return tBulk(lang, 'editorial.bulk.done');
}

/** Why a row's field was refused, in `lang` (the field itself is named in its own column). */
export function bulkReason(lang: Lang, problem: StoredProblem): string {
  const params = problem.params ?? {};
  const s = (key: string) => (params[key] === undefined || params[key] === null ? '' : Array.isArray(params[key]) ? (params[key] as unknown[]).join(', ') : String(params[key]));
  const words = { minimum: s('minimum'), maximum: s('maximum'), keys: s('keys'), reference: s('reference'), expected: s('expected'), value: s('value') };
  if ((SIMPLE as readonly string[]).includes(problem.code)) return tBulk(lang, `editorial.bulk.reason.${problem.code as (typeof SIMPLE)[number]}`, words);
  switch (problem.code) {
    case 'invalid_type':
      return /received undefined/.test(problem.message) ? tBulk(lang, 'editorial.bulk.reason.missing') : tBulk(lang, 'editorial.bulk.reason.invalid_type');
    case 'too_small':
      if (params.origin === 'string') return tBulk(lang, 'editorial.bulk.reason.text');
      if (params.origin === 'array' || params.origin === 'set') return tBulk(lang, 'editorial.bulk.reason.too_small.array', words);
      return tBulk(lang, 'editorial.bulk.reason.too_small.number', words);
    case 'too_big':
      return tBulk(lang, 'editorial.bulk.reason.too_big', words);
    case 'invalid_format': {
      const pattern = s('pattern');
      if (params.format === 'url' || /http\(s\)/.test(problem.message)) return tBulk(lang, 'editorial.bulk.reason.url');
      if (pattern.includes('\\d{4}')) return tBulk(lang, 'editorial.bulk.reason.date');
      if (pattern.includes('[a-z0-9]+(?:')) return tBulk(lang, 'editorial.bulk.reason.id');
      return tBulk(lang, 'editorial.bulk.reason.invalid_format');
    }
    case 'unrecognized_keys':
      return tBulk(lang, 'editorial.bulk.reason.unrecognized_keys', words);
    case 'custom':
      if (/official link/.test(problem.message)) return tBulk(lang, 'editorial.bulk.reason.official_link');
      if (/^only http/.test(problem.message)) return tBulk(lang, 'editorial.bulk.reason.url');
      return tBulk(lang, 'editorial.bulk.reason.custom');
    default:
      return tBulk(lang, 'editorial.bulk.reason.other');
  }
}
