/** Query schemas of the search, suggestion and answer endpoints, and the serialised result shape. */
import { z } from 'zod';
import { CONTENT_KINDS, type ContentKind } from '../content/index.js';
import type { SearchHit } from './search-index.js';
import type { Lang } from '../../platform/i18n/i18n.js';

const kinds = Object.keys(CONTENT_KINDS) as [ContentKind, ...ContentKind[]];

export const searchQuerySchema = z
  .object({
    q: z.string().trim().min(1, 'q is required: the words to search for').max(300),
    lang: z.enum(['en', 'zh']).default('en'),
    type: z.enum(kinds).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(10),
    offset: z.coerce.number().int().min(0).max(1000).default(0),
  })
  .strict();

export const suggestQuerySchema = z
  .object({ q: z.string().trim().min(1, 'q is required').max(100), lang: z.enum(['en', 'zh']).default('en'), limit: z.coerce.number().int().min(1).max(20).default(8) })
  .strict();

export const answerQuerySchema = z
  .object({ q: z.string().trim().min(2, 'q is required: a question of at least two characters').max(300), lang: z.enum(['en', 'zh']).optional() })
  .strict();

export function serialiseHit(hit: SearchHit, lang: Lang) {
  const { unit } = hit;
  return {
    type: unit.type,
    id: unit.id,
    title: unit.title[lang],
    snippet: hit.snippet,
    passage: unit.passage[lang],
    url: unit.url[lang],
    score: hit.score,
    source: { document: unit.source.document, section: unit.source.section, ...(unit.source.url ? { url: unit.source.url } : {}) },
  };
}

/** A question written in Chinese characters is answered in Chinese unless another language is asked for. */
export function languageOf(question: string): Lang {
  const han = question.match(/\p{Script=Han}/gu)?.length ?? 0;
  const visible = question.replace(/\s/g, '').length;
  return han >= 2 && han / visible >= 0.3 ? 'zh' : 'en';
}
