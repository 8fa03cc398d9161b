/**
 * The investor profile: the questionnaire's keys, parsed strictly. Industry, district, cluster and park may be given
 * as ids or as names in English or Chinese; the result says how each was understood.
 */
import { z } from 'zod';
import type { ContentStore } from '../content/index.js';
import type { SearchIndex } from '../search/index.js';
import { ENTITY_TYPES, FACT_NAMES, INVESTOR_ORIGINS, INVESTOR_TYPES, STATUSES, type FactName } from './rules.schemas.js';
import type { Facts } from './evaluate.js';

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
  })
  .strict();
export type ProfileInput = z.infer<typeof profileSchema>;

export interface Understood {
  given: unknown;
  value: unknown;
  how: 'id' | 'name' | 'search' | 'value';
  label?: { en: string; zh: string };
}

export class ProfileValueError extends Error {
  constructor(readonly field: FactName, message: string) {
    super(message);
  }
}

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/ district$| area$|区$/u, '').trim();

function byName<T extends { id: string; en: Record<string, unknown>; zh: Record<string, unknown> }>(items: readonly T[], given: string, nameKey: string): T | undefined {
  const wanted = normalise(given);
  return items.find((i) => i.id === given) ?? items.find((i) => normalise(String(i.en[nameKey])) === wanted || normalise(String(i.zh[nameKey])) === wanted);
}

export function understandProfile(input: ProfileInput, store: ContentStore, index: SearchIndex): { facts: Facts; understood: Partial<Record<FactName, Understood>> } {
  const facts: Facts = {};
  const understood: Partial<Record<FactName, Understood>> = {};
  const resolveEntity = (field: FactName, given: string | undefined, items: readonly { id: string; en: Record<string, unknown>; zh: Record<string, unknown> }[], nameKey: string, searchType?: 'industries') => {
    if (given === undefined) return;
    let found = byName(items, given, nameKey);
    let how: Understood['how'] = found?.id === given ? 'id' : 'name';
    if (!found && searchType) {
      const hit = index.search(given, { lang: /\p{Script=Han}/u.test(given) ? 'zh' : 'en', type: searchType, limit: 1 }).hits[0];
      found = hit ? items.find((i) => i.id === hit.unit.id) : undefined;
      how = 'search';
    }
    if (!found) throw new ProfileValueError(field, `Could not understand ${field} "${given.slice(0, 60)}": give one of the ids listed at /api/v1/${field === 'ftz_cluster' ? 'zones' : field === 'industry' ? 'industries' : field === 'park' ? 'parks' : 'districts'} or its English or Chinese name.`);
    facts[field] = found.id;
    understood[field] = { given, value: found.id, how, label: { en: String(found.en[nameKey]), zh: String(found.zh[nameKey]) } };
  };
  resolveEntity('industry', input.industry, store.all('industries'), 'name', 'industries');
  resolveEntity('district', input.district, store.districts, 'name');
  resolveEntity('ftz_cluster', input.ftz_cluster, store.all('zones').filter((z) => z.zone_type === 'ftz_cluster'), 'name');
  resolveEntity('park', input.park, store.all('parks'), 'name');
  for (const key of FACT_NAMES) {
    if (key === 'industry' || key === 'district' || key === 'ftz_cluster' || key === 'park') continue;
    const value = input[key];
    if (value === undefined) continue;
    facts[key] = value as Facts[FactName];
    understood[key] = { given: value, value, how: 'value' };
  }
  // A cluster lies in the Pilot FTZ: saying which cluster answers "in the FTZ?" too.
  if (facts.ftz_cluster && facts.in_ftz === undefined) facts.in_ftz = true;
  return { facts, understood };
}
