/**
 * Market-access lists as data (content/market-access/): one record per list item, so a new edition can be imported
 * from a file without code changes. `verified` says whether the text comes from an official document the platform holds.
 */
import { z } from 'zod';
import { bilingualSchema, lastVerified } from '../content.primitives.js';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const listSchema = z
  .object({
    id,
    en: z.object({ title: z.string().min(1) }).strict(),
    zh: z.object({ title: z.string().min(1) }).strict(),
    effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    issuer: bilingualSchema.optional(),
    document_number: z.string().optional(),
    /** The document number as printed in Chinese (the /zh pages show it). */
    document_number_zh: z.string().optional(),
    url: z.string().url().optional(),
    complete: z.boolean(),
    verified: z.boolean(),
    notes: bilingualSchema.optional(),
    last_verified: lastVerified,
  })
  .strict();

export const itemSchema = z
  .object({
    id,
    list: id,
    item_number: z.number().int().positive(),
    sector: bilingualSchema,
    measure: z.enum(['prohibited', 'restricted', 'opened']),
    restriction: z
      .object({ kind: z.enum(['chinese_control', 'max_foreign_share', 'jv_only', 'chinese_legal_rep', 'other']), max_foreign_share_pct: z.number().min(0).max(100).nullable() })
      .strict()
      .nullable(),
    opens_items: z.array(id).optional(),
    conditions: bilingualSchema.optional(),
    document_number: z.string().optional(),
    document_number_zh: z.string().optional(),
    en: z.object({ text: z.string().min(1) }).strict(),
    zh: z.object({ text: z.string().min(1) }).strict(),
    keywords: z.object({ en: z.array(z.string().min(1)), zh: z.array(z.string().min(1)) }).strict(),
    verified: z.boolean(),
    zh_translation: z.enum(['official', 'unofficial']).optional(),
    sources: z
      .array(z.object({ title: z.string().min(1), document: z.string().optional(), section: z.string().optional(), url: z.string().url().optional() }).strict())
      .min(1),
    last_verified: lastVerified,
  })
  .strict();

export type MarketList = z.infer<typeof listSchema>;
export type MarketItem = z.infer<typeof itemSchema>;

/** A list's or item's document number in the reader's language (the English form when no Chinese one is held). */
export function documentNumberOf(x: { document_number?: string; document_number_zh?: string }, lang: 'en' | 'zh'): string | undefined {
  return lang === 'zh' ? (x.document_number_zh ?? x.document_number) : x.document_number;
}
