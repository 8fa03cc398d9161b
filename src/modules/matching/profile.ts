/**
 * The investor profile: the questionnaire's keys, parsed strictly. Industry, district, cluster and park may be given
 * as ids or as names in English or Chinese; the result says how each was understood.
 */
import { z } from 'zod';
import type { ContentStore } from '../content/index.js';
import type { SearchIndex } from '../search/index.js';
import { BUSINESS_LINES, ENTITY_TYPES, FACT_NAMES, INVESTOR_ORIGINS, INVESTOR_TYPES, STATUSES, type FactName } from '../content/index.js';
import { evidenceSet, type Facts } from './evaluate.js';
import type { UnderstoodJson } from './match.schemas.js';
import { readAnswer, type AnswerKind, type ReadAnswer } from './read-answer.js';
import { valuesInDescription } from './read-description.js';

const flag = z.union([z.boolean(), z.enum(['true', 'false', 'yes', 'no', '是', '否', 'on'])]).transform((v) => v === true || v === 'true' || v === 'yes' || v === '是' || v === 'on');
const amount = z.coerce.number().min(0).max(1e13);
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.array(z.enum(values)), z.string()]).transform((v, ctx) => {
    const items = Array.isArray(v) ? v : v.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = items.filter((i) => !(values as readonly string[]).includes(i));
    if (bad.length) ctx.addIssue({ code: 'custom', message: `unknown value "${bad[0]}"; allowed: ${values.join(', ')}` });
    return items as T[number][];
  });

export const profileSchema = z
  .object({
    industry: z.string().trim().min(1).max(200).optional(),
    activity: z.string().trim().min(1).max(500).optional(),
    entity_type: z.enum(ENTITY_TYPES).optional(),
    district: z.string().trim().min(1).max(60).optional(),
    in_ftz: flag.optional(),
    ftz_cluster: z.string().trim().min(1).max(80).optional(),
    park: z.string().trim().min(1).max(120).optional(),
    investment_usd: amount.optional(),
    paid_in_capital_usd: amount.optional(),
    revenue_cny: amount.optional(),
    staff: z.coerce.number().int().min(0).max(10_000_000).optional(),
    foreign_share_pct: z.coerce.number().min(0).max(100).optional(),
    statuses: list(STATUSES).optional(),
    investor_origin: z.enum(INVESTOR_ORIGINS).optional(),
    investor_type: z.enum(INVESTOR_TYPES).optional(),
    hires_foreign_staff: flag.optional(),
    imports_goods: flag.optional(),
    exports_goods: flag.optional(),
    business_lines: list(BUSINESS_LINES).optional(),
    authorised_by_parent: flag.optional(),
    industry_encouraged: flag.optional(),
    stable_investment_years: z.coerce.number().int().min(0).max(200).optional(),
    permanent_resident_id: flag.optional(),
  })
  .strict();
export type ProfileInput = z.infer<typeof profileSchema>;

/** How one answer was read (the API's `understood`): its value, how it was found, its label, and why. */
export type Understood = UnderstoodJson;

/** Kept for callers that refuse nothing but still name a field (the pages' form errors). */
export class ProfileValueError extends Error {
  constructor(readonly field: FactName, message: string) {
    super(message);
  }
}

type Note = { en: string; zh: string };
const NOTE = {
  unknown: (given: string): Note => ({
    en: `"${given.slice(0, 60)}" matched none of our districts, parks, clusters or industries: it is left as not yet known, so the rules that need it say what is missing.`,
    zh: `“${given.slice(0, 60)}”未能对应到任何区、园区、组团或产业：暂按“尚不清楚”处理，需要该信息的规则会列出所缺内容。`,
  }),
  subPark: (name: Note): Note => ({ en: `${name.en} is a sub-park of the Zhongguancun National Independent Innovation Demonstration Zone.`, zh: `${name.zh}是中关村国家自主创新示范区的分园。` }),
  derived: (name: Note): Note => ({ en: `Not given: follows from the park (${name.en}).`, zh: `未填写：由所在园区（${name.zh}）推定。` }),
  search: (words: string): Note => ({ en: `Read by search (${words}): check that this is what you meant.`, zh: `通过检索（${words}）识别，请确认是否符合您的意思。` }),
  words: (words: string): Note => ({ en: `Read from the words "${words}".`, zh: `根据“${words}”一词识别。` }),
  described: (words: string): Note => ({
    en: `Read from your description ("${words}"); anything it does not mention stays not yet known.`,
    zh: `根据您的描述（“${words}”）识别；描述未提及的内容仍按“尚不清楚”处理。`,
  }),
};

function noteOf(read: ReadAnswer): Note | null {
  if (read.subPark) return NOTE.subPark(read.subPark.label);
  if (read.how === 'search') return NOTE.search(read.matched ?? '');
  if (read.how === 'key_area' || read.how === 'alias') return NOTE.words(read.matched ?? '');
  return null;
}

export function understandProfile(input: ProfileInput, store: ContentStore, index: SearchIndex): { facts: Facts; understood: Partial<Record<FactName, Understood>> } {
  const facts: Facts = {};
  const understood: Partial<Record<FactName, Understood>> = {};
  const free: Record<AnswerKind, string | undefined> = { industry: input.industry, district: input.district, ftz_cluster: input.ftz_cluster, park: input.park };
  let subPark: ReadAnswer['subPark'];
  for (const [field, given] of Object.entries(free) as [AnswerKind, string | undefined][]) {
    if (given === undefined) continue;
    const read = readAnswer(field, given, store, index);
    if (read.id === null) {
      understood[field] = { given, value: null, how: 'unknown', label: null, note: NOTE.unknown(given) };
      continue;
    }
    facts[field] = read.id;
    understood[field] = { given, value: read.id, how: read.how, label: read.label, note: noteOf(read) };
    if (read.subPark) subPark = read.subPark;
  }
  for (const key of FACT_NAMES) {
    if (key in free) continue;
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined) continue;
    facts[key] = value as Facts[FactName];
    understood[key] = { given: value as Understood['given'], value: value as Understood['value'], how: 'value', label: null, note: null };
  }
  // The investor's description (activity, and an industry given in words) is evidence of business lines, and of the
  // industry when none was given: read as such and said so, never as more than it says.
  const description = [input.activity, input.industry].filter(Boolean).join(' · ');
  if (description && facts.business_lines === undefined) {
    const named = valuesInDescription(store, 'business_lines', description);
    if (named.length) {
      facts.business_lines = evidenceSet(named.map((n) => n.value));
      const words = named.map((n) => n.term).join(', ');
      understood.business_lines = { given: null, value: named.map((n) => n.value), how: 'derived', label: null, note: NOTE.described(words) };
    }
  }
  if (input.activity && facts.industry === undefined && understood.industry === undefined) {
    const read = readAnswer('industry', input.activity, store, index);
    if (read.id && read.how !== 'search') {
      facts.industry = read.id;
      understood.industry = { given: null, value: read.id, how: 'derived', label: read.label, note: NOTE.described(read.matched ?? input.activity.slice(0, 60)) };
    }
  }
  // A sub-park lies in one district (Haidian Park in Haidian): naming it answers "which district?" too.
  if (subPark && facts.district === undefined && subPark.districts.length === 1) {
    const district = subPark.districts[0];
    facts.district = district;
    const d = store.districts.find((x) => x.id === district)!;
    understood.district = { given: null, value: district, how: 'derived', label: { en: d.en.name, zh: d.zh.name }, note: NOTE.derived(subPark.label) };
  }
  // A cluster lies in the Pilot FTZ: saying which cluster answers "in the FTZ?" too.
  if (facts.ftz_cluster && facts.in_ftz === undefined) facts.in_ftz = true;
  return { facts, understood };
}
