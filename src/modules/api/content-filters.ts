/**
 * The query filters each content kind accepts in the API. One definition serves validation (zod), filtering and
 * the OpenAPI document, so the three cannot disagree.
 */
import { z } from 'zod';
import {
  ARTICLE_SECTIONS, CONTACT_TYPES, DISTRICT_IDS, POLICY_CATEGORIES, PROCEDURE_CATEGORIES, STAT_GROUPS,
  type ContentItem, type ContentKind,
} from '../content/index.js';
import { BENEFIT_TYPES, CASE_KINDS, LIMIT_STAGES } from '../content/index.js';

export interface FilterDef<K extends ContentKind> {
  description: string;
  schema: z.ZodType<string | number>;
  matches: (item: ContentItem<K>, value: string | number) => boolean;
}

type FilterSet<K extends ContentKind> = Record<string, FilterDef<K>>;

const district = z.enum(DISTRICT_IDS);
const has = (list: readonly string[], value: string | number) => list.includes(String(value));

export const CONTENT_FILTERS: { [K in ContentKind]: FilterSet<K> } = {
  districts: {
    district_type: { description: 'core, urban, suburban, ecological or development_area', schema: z.enum(['core', 'urban', 'suburban', 'ecological', 'development_area']), matches: (i, v) => i.district_type === v },
    rate_zone: { description: 'six_urban or other (as used by the utility price tables)', schema: z.enum(['six_urban', 'other']), matches: (i, v) => i.rate_zone === v },
  },
  contacts: {
    district: { description: 'district id; "beijing" for municipal offices', schema: z.union([district, z.literal('beijing')]), matches: (i, v) => (v === 'beijing' ? i.district === null : i.district === v) },
    org_type: { description: 'kind of office', schema: z.enum(CONTACT_TYPES), matches: (i, v) => i.org_type === v },
    level: { description: 'municipal, district, park or national', schema: z.enum(['municipal', 'district', 'park', 'national']), matches: (i, v) => i.level === v },
  },
  zones: {
    zone_type: { description: 'demonstration_zone, pilot_ftz, ftz_area, ftz_cluster or airport_zone', schema: z.enum(['demonstration_zone', 'pilot_ftz', 'ftz_area', 'ftz_cluster', 'airport_zone']), matches: (i, v) => i.zone_type === v },
    parent: { description: 'id of the parent zone', schema: z.string().max(80), matches: (i, v) => i.parent === v },
    district: { description: 'district id', schema: district, matches: (i, v) => has(i.districts, v) },
  },
  industries: {
    category: { description: 'hpa, modern_service or cultural', schema: z.enum(['hpa', 'modern_service', 'cultural']), matches: (i, v) => i.category === v },
    district: { description: 'district id named in the key layout', schema: district, matches: (i, v) => has(i.districts, v) },
  },
  parks: {
    park_type: { description: 'kind of investment area', schema: z.enum(['demonstration_zone', 'science_city', 'development_area', 'bonded_zone', 'cooperation_zone', 'park']), matches: (i, v) => i.park_type === v },
    district: { description: 'district id', schema: district, matches: (i, v) => has(i.districts, v) },
  },
  projects: {
    district: { description: 'district id', schema: district, matches: (i, v) => i.district === v },
  },
  policies: {
    category: { description: 'the guide section the policy is listed in', schema: z.enum(POLICY_CATEGORIES), matches: (i, v) => i.category === v },
    level: { description: 'national, municipal, district or park', schema: z.enum(['national', 'municipal', 'district', 'park']), matches: (i, v) => i.level === v },
    topic: { description: 'topic tag, e.g. rd-centers, talent, data', schema: z.string().regex(/^[a-z0-9-]{1,40}$/), matches: (i, v) => has(i.topics, v) },
    year: { description: 'year of the document date', schema: z.coerce.number().int().min(1949).max(2100), matches: (i, v) => i.date?.startsWith(String(v)) === true },
  },
  procedures: {
    category: { description: 'procedure category', schema: z.enum(PROCEDURE_CATEGORIES), matches: (i, v) => i.category === v },
  },
  costs: {
    cost_type: { description: 'water, reclaimed_water, electricity, gas, heating, office_rent, minimum_wage or social_insurance', schema: z.enum(['water', 'reclaimed_water', 'electricity', 'gas', 'heating', 'office_rent', 'minimum_wage', 'social_insurance']), matches: (i, v) => i.cost_type === v },
  },
  statistics: {
    group: { description: 'statistics group', schema: z.enum(STAT_GROUPS), matches: (i, v) => i.group === v },
    year: { description: 'year the figure refers to', schema: z.coerce.number().int().min(1949).max(2100), matches: (i, v) => i.year === v },
  },
  glossary: {},
  articles: {
    section: { description: 'guide section', schema: z.enum(ARTICLE_SECTIONS), matches: (i, v) => i.section === v },
  },
  'site-terms': {
    applies_to: { description: 'industry or space', schema: z.enum(['industry', 'space']), matches: (i, v) => i.applies_to === v },
  },
  'rule-facts': {},
  'rule-parameters': {},
  rules: {
    policy: { description: 'id of the policy the rule is about', schema: z.string().regex(/^[a-z0-9-]{1,80}$/), matches: (i, v) => i.policy === v },
    benefit_type: { description: 'funding, tax, finance_fx, talent_visa, market_access or facilitation', schema: z.enum(BENEFIT_TYPES), matches: (i, v) => i.benefit_type === v },
  },
  'market-access-lists': {},
  'market-access-items': {
    list: { description: 'id of the list edition', schema: z.string().regex(/^[a-z0-9-]{1,80}$/), matches: (i, v) => i.list === v },
    measure: { description: 'prohibited, restricted or opened', schema: z.enum(['prohibited', 'restricted', 'opened']), matches: (i, v) => i.measure === v },
  },
  'plan-steps': {},
  'service-limits': {
    stage: { description: 'feedback, acceptance, materials or handling', schema: z.enum(LIMIT_STAGES), matches: (i, v) => i.stage === v },
    case_kind: { description: 'inquiry, demand, complaint or report', schema: z.enum(CASE_KINDS), matches: (i, v) => i.case_kinds.includes(v as never) },
  },
  'service-topics': {
    case_kind: { description: 'inquiry, demand, complaint or report', schema: z.enum(CASE_KINDS), matches: (i, v) => i.case_kinds.includes(v as never) },
  },
  'service-reply-templates': {
    topic: { description: 'id of a service topic: its templates and those for every topic', schema: z.string().regex(/^[a-z0-9-]{1,80}$/), matches: (i, v) => i.topics.length === 0 || i.topics.includes(String(v)) },
    case_kind: { description: 'inquiry, demand, complaint or report', schema: z.enum(CASE_KINDS), matches: (i, v) => i.case_kinds.includes(v as never) },
  },
};

/** Text every kind is searched in by `q`: both languages' text blocks. */
export function searchableText(item: { id: string; en: unknown; zh: unknown }): string {
  return `${item.id} ${JSON.stringify(item.en)} ${JSON.stringify(item.zh)}`.toLowerCase();
}
