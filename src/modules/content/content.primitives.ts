/**
 * The building blocks every content schema shares (ids, text, sources, the two languages), kept apart from
 * content.schemas.ts so the investor tools' own data schemas can use them and still be content kinds.
 */
import { z } from 'zod';

export const SOURCE_DOCUMENTS = [
  '000_b5e748836c3b3473.txt',
  '001_96245e74ec1f0559.txt',
  '002_e716eea7ff78fa04.txt',
  '003_bfb5a1247504e30b.txt',
  '004_9c9a9b945e8f608f.txt',
] as const;

export const DISTRICT_IDS = [
  'dongcheng', 'xicheng', 'chaoyang', 'haidian', 'fengtai', 'shijingshan', 'mentougou', 'fangshan',
  'tongzhou', 'shunyi', 'daxing', 'changping', 'pinggu', 'huairou', 'miyun', 'yanqing', 'bda',
] as const;

export const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lowercase words joined by hyphens');
export const text = z.string().trim().min(1);
export const url = z.string().url().refine((u) => /^https?:\/\//.test(u), 'only http(s) links');
export const districtId = z.enum(DISTRICT_IDS);

/**
 * A source that is not one of the seed documents: an official publication on the web (a new notice an editor adds).
 * Its `section` is the publication's title as printed and its `url` is required.
 */
export const OFFICIAL_LINK = 'official-link';

export const sourceSchema = z
  .object({
    document: z.enum([...SOURCE_DOCUMENTS, OFFICIAL_LINK]),
    /** Heading path in the source, e.g. "INVESTMENT COST > Water Prices in Beijing"; for an official link, its title. */
    section: text,
    url: url.optional(),
  })
  .strict()
  .refine((s) => s.document !== OFFICIAL_LINK || s.url !== undefined, { message: 'an official link needs its address', path: ['url'] });

/** The day someone last checked an item against its sources (YYYY-MM-DD): the freshness report counts from it. */
export const lastVerified = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Two-language string, used inside tables, issuers and departments. */
export const bilingualSchema = z.object({ en: text, zh: text }).strict();
export type Bilingual = z.infer<typeof bilingualSchema>;

export const linkSchema = z.object({ url, en: text, zh: text }).strict();

/** Fields every item has. `zh_translation` says whether the Chinese text is official (printed in a source) or ours. */
export const base = {
  id,
  sources: z.array(sourceSchema).min(1),
  zh_translation: z.enum(['official', 'unofficial']),
  last_verified: lastVerified,
  /**
   * About this data: how a figure or entry was read from its source (a misprint, a contradiction, a repost date).
   * Shown only inside the item's "About this data" disclosure; the item's own text speaks to the investor.
   */
  data_note: bilingualSchema.optional(),
};
