/**
 * Content schemas: the contract between the data files under content/ and the platform.
 * Every content kind is a folder of JSON files; each file is an array of items of that kind.
 * Text a person reads lives in the item's `en` and `zh` blocks; language-neutral facts sit beside them.
 */
import { z } from 'zod';

import { checkTariffRows } from './kinds/tariff-rows.js';
import { itemSchema as marketAccessItemSchema, listSchema as marketAccessListSchema } from './kinds/market-access.schemas.js';
import { factQuestionSchema, parameterSchema, ruleSchema } from './kinds/rules.schemas.js';
import { planStepSchema } from './kinds/plan.schemas.js';
import { serviceLimitSchema, serviceReplyTemplateSchema, serviceTopicSchema } from './kinds/service-line.schemas.js';
import { base, bilingualSchema, districtId, id, linkSchema, sourceSchema, text, url } from './content.primitives.js';

export { SOURCE_DOCUMENTS, DISTRICT_IDS, sourceSchema, bilingualSchema, type Bilingual } from './content.primitives.js';

const cellSchema = z.union([z.string(), z.number(), z.null(), bilingualSchema]);
export const tableSchema = z
  .object({
    id,
    en: z.object({ caption: text }).strict(),
    zh: z.object({ caption: text }).strict(),
    columns: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z][a-z0-9_]*$/),
            en: text,
            zh: text,
            type: z.enum(['text', 'number', 'percent']),
            /** Unit of a number column, e.g. {en: "yuan/cu.m", zh: "元/立方米"}. */
            unit: bilingualSchema.optional(),
            /** A machine-readable column (e.g. district ids for a row) that pages do not display. */
            hidden: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1),
    rows: z.array(z.record(z.string(), cellSchema)).min(1),
    notes: z.array(bilingualSchema).default([]),
  })
  .strict();
export type ContentTable = z.infer<typeof tableSchema>;

export const districtSchema = z
  .object({
    ...base,
    id: districtId,
    district_type: z.enum(['core', 'urban', 'suburban', 'ecological', 'development_area']),
    /** How the utility price tables classify this place. */
    rate_zone: z.enum(['six_urban', 'other']),
    /** Name of the feature in the map GeoJSON (absent for BDA, which is not a district). */
    geo_name: z.string().optional(),
    en: z.object({ name: text, summary: text }).strict(),
    zh: z.object({ name: text, summary: text }).strict(),
  })
  .strict();

export const CONTACT_TYPES = [
  'commerce_bureau', 'development_reform', 'investment_promotion', 'hr_social_security', 'real_estate_registration',
  'exit_entry', 'market_regulation', 'forex', 'tax', 'customs', 'planning_natural_resources', 'intellectual_property',
  'complaints', 'government_service', 'park_management', 'science_technology', 'other',
] as const;
export const contactSchema = z
  .object({
    ...base,
    level: z.enum(['municipal', 'district', 'park', 'national']),
    district: districtId.nullable(),
    org_type: z.enum(CONTACT_TYPES),
    en: z.object({ name: text, address: text.optional(), hours: text.optional(), notes: text.optional() }).strict(),
    zh: z.object({ name: text, address: text.optional(), hours: text.optional(), notes: text.optional() }).strict(),
    /** Numbers as printed, with country/area code normalised to "+86 10 ...". */
    phones: z.array(z.object({ number: text, label: bilingualSchema.optional() }).strict()).default([]),
    fax: z.string().optional(),
    email: z.string().optional(),
    website: url.optional(),
    postcode: z.string().regex(/^\d{6}$/).optional(),
  })
  .strict();

const narrative = z.object({ name: text, summary: text, points: z.array(text).default([]) }).strict();
export const zoneSchema = z
  .object({
    ...base,
    zone_type: z.enum(['demonstration_zone', 'pilot_ftz', 'ftz_area', 'ftz_cluster', 'airport_zone']),
    parent: id.optional(),
    districts: z.array(districtId).default([]),
    planned_area_km2: z.number().positive().optional(),
    en: narrative.extend({ focus: z.array(text).default([]), key_layout: z.array(text).default([]) }).strict(),
    zh: narrative.extend({ focus: z.array(text).default([]), key_layout: z.array(text).default([]) }).strict(),
  })
  .strict();

const industryText = z
  .object({
    name: text,
    summary: text.optional(),
    advantages: z.array(text).default([]),
    key_areas: z.array(text).default([]),
    key_layout: z.array(text).default([]),
  })
  .strict();
export const industrySchema = z
  .object({
    ...base,
    category: z.enum(['hpa', 'modern_service', 'cultural']),
    districts: z.array(districtId).default([]),
    parks: z.array(id).default([]),
    en: industryText,
    zh: industryText,
  })
  .strict();

const parkText = z
  .object({ name: text, description: text, management_body: text.optional(), address: text.optional() })
  .strict();
/**
 * A part of a park that has no page of its own but is named by investors and rules, such as the Zhongguancun
 * demonstration zone's sub-parks ("Haidian Park"): answering it decides the park's rules and the district.
 */
const subParkSchema = z
  .object({
    id,
    districts: z.array(districtId).min(1),
    en: z.object({ name: text, aliases: z.array(text).default([]) }).strict(),
    zh: z.object({ name: text, aliases: z.array(text).default([]) }).strict(),
    sources: z.array(sourceSchema).min(1),
  })
  .strict();

export const parkSchema = z
  .object({
    ...base,
    /** Other names investors use (abbreviations, former names), in either language. */
    aliases: z.array(text).default([]),
    sub_parks: z.array(subParkSchema).default([]),
    park_type: z.enum(['demonstration_zone', 'science_city', 'development_area', 'bonded_zone', 'cooperation_zone', 'park']),
    parent: id.optional(),
    districts: z.array(districtId).default([]),
    planned_area_km2: z.number().positive().optional(),
    en: parkText,
    zh: parkText,
    phones: z.array(text).default([]),
    fax: z.string().optional(),
    email: z.string().optional(),
    website: url.optional(),
  })
  .strict();

export const projectSchema = z
  .object({
    ...base,
    district: districtId,
    /** Position in the district's list as printed. */
    number: z.number().int().positive(),
    en: z.object({ name: text }).strict(),
    zh: z.object({ name: text }).strict(),
  })
  .strict();

export const POLICY_CATEGORIES = [
  'industrial-planning', 'foreign-investment', 'headquarters-economy', 'srdi-smes', 'two-zones',
  'sci-tech-innovation-center', 'digital-economy', 'consumption-center', 'talent', 'industrial-parks',
  'business-environment',
] as const;
const policyPart = z
  .object({
    number: z.number().int().positive(),
    group: bilingualSchema.optional(),
    en: z.object({ title: text.optional(), text }).strict(),
    zh: z.object({ title: text.optional(), text }).strict(),
    departments: z.array(bilingualSchema).default([]),
  })
  .strict();
/** Who a policy is for, as a facet of the policy library. */
export const POLICY_AUDIENCES = [
  'foreign-invested-enterprises', 'rd-centers', 'headquarters', 'smes', 'srdi-enterprises', 'high-tech-enterprises',
  'startups', 'talents', 'financial-institutions', 'hk-macao-investors', 'park-enterprises', 'all-enterprises',
] as const;

export const policySchema = z
  .object({
    ...base,
    category: z.enum(POLICY_CATEGORIES),
    level: z.enum(['national', 'municipal', 'district', 'park']),
    /** Document number exactly as printed in the source, e.g. "Beijing Government Notice [2021] No.21". */
    doc_number: z.string().optional(),
    doc_number_zh: z.string().optional(),
    issuer: bilingualSchema.optional(),
    /** ISO date (YYYY-MM-DD, or YYYY-MM when only the month can be read, e.g. from the URL path). */
    date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).optional(),
    /** A second date the sources give, when it differs from `date` (the 2021 Several Measures: issued 9 Dec, released 29 Dec). */
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    url: url.optional(),
    topics: z.array(id).default([]),
    audiences: z.array(z.enum(POLICY_AUDIENCES)).default([]),
    /** Ids of industries (content/industries) the policy is about; empty when it is not industry-specific. */
    industries: z.array(id).default([]),
    interpretations: z.array(z.object({ url: url.optional(), en: z.object({ title: text }).strict(), zh: z.object({ title: text }).strict() }).strict()).default([]),
    en: z.object({ title: text, summary: text }).strict(),
    zh: z.object({ title: text, summary: text }).strict(),
    parts: z.array(policyPart).default([]),
  })
  .strict();

const stepSchema = z
  .object({
    en: z.object({ title: text, text: text.optional(), documents: z.array(text).default([]) }).strict(),
    zh: z.object({ title: text, text: text.optional(), documents: z.array(text).default([]) }).strict(),
    authority: bilingualSchema.optional(),
    time_limit: bilingualSchema.optional(),
    links: z.array(linkSchema).default([]),
  })
  .strict();
export const PROCEDURE_CATEGORIES = ['establishment', 'operation', 'projects', 'finance-tax', 'customs', 'land-property', 'complaints', 'entry-residence', 'labour'] as const;
export const procedureSchema = z
  .object({
    ...base,
    category: z.enum(PROCEDURE_CATEGORIES),
    order: z.number().int().nonnegative(),
    en: z.object({ title: text, summary: text }).strict(),
    zh: z.object({ title: text, summary: text }).strict(),
    steps: z.array(stepSchema).default([]),
    tables: z.array(tableSchema).default([]),
    contacts: z.array(id).default([]),
    links: z.array(linkSchema).default([]),
  })
  .strict();

export const costSchema = z
  .object({
    ...base,
    cost_type: z.enum(['water', 'reclaimed_water', 'electricity', 'gas', 'heating', 'office_rent', 'minimum_wage', 'social_insurance']),
    en: z.object({ title: text, summary: text }).strict(),
    zh: z.object({ title: text, summary: text }).strict(),
    /** Period the prices apply to, as printed (e.g. "2024 Q4"). */
    period: bilingualSchema.optional(),
    tables: z.array(tableSchema).min(1),
  })
  .strict()
  // The rows the cost estimator prices from are found by key: a missing or duplicated key fails the content check.
  .superRefine(checkTariffRows);

export const STAT_GROUPS = ['economy', 'opening_up', 'business_environment', 'innovation', 'infrastructure', 'industry', 'finance', 'digital_economy', 'culture', 'talent'] as const;
export const statisticSchema = z
  .object({
    ...base,
    group: z.enum(STAT_GROUPS),
    year: z.number().int().min(1949).max(2030),
    value: z.number(),
    unit: bilingualSchema,
    /** Growth or change as printed ("YoY ▲ 5.2%"). */
    change: bilingualSchema.optional(),
    /** Items that give a different figure for the same thing; both are kept with their context. */
    conflicts_with: z.array(id).default([]),
    en: z.object({ label: text, context: text.optional() }).strict(),
    zh: z.object({ label: text, context: text.optional() }).strict(),
  })
  .strict();

export const glossarySchema = z
  .object({
    ...base,
    aliases: z.array(text).default([]),
    /** The district, park, zone or industry the term names, so a free-text answer using the term can be read as it. */
    refers_to: z.object({ kind: z.enum(['districts', 'parks', 'zones', 'industries']), id }).strict().optional(),
    en: z.object({ term: text, definition: text }).strict(),
    zh: z.object({ term: text, definition: text }).strict(),
  })
  .strict();

const articleBlock = z
  .object({
    en: z.object({ heading: text.optional(), paragraphs: z.array(text).default([]), bullets: z.array(text).default([]) }).strict(),
    zh: z.object({ heading: text.optional(), paragraphs: z.array(text).default([]), bullets: z.array(text).default([]) }).strict(),
  })
  .strict();
export const ARTICLE_SECTIONS = ['overview', 'development-strength', 'development-strategy', 'two-zones', 'business-environment', 'life', 'news'] as const;
export const articleSchema = z
  .object({
    ...base,
    section: z.enum(ARTICLE_SECTIONS),
    order: z.number().int().nonnegative(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    en: z.object({ title: text, summary: text.optional() }).strict(),
    zh: z.object({ title: text, summary: text.optional() }).strict(),
    blocks: z.array(articleBlock).min(1),
  })
  .strict();

/** Folder name under content/ → schema of each item in its files. */
/**
 * Words that tie a project name or a cluster's text to an industry or to a kind of space, for site selection. A match
 * is shown to the investor as the evidence ("name contains 'robot'"), so terms are specific phrases from the guide.
 */
const terms = z.object({ terms: z.array(text).min(1) }).strict();
export const siteTermSchema = z.discriminatedUnion('applies_to', [
  z.object({ ...base, applies_to: z.literal('industry'), industry: id, en: terms, zh: terms }).strict(),
  z.object({ ...base, applies_to: z.literal('space'), space: z.enum(['office', 'industrial']), en: terms, zh: terms }).strict(),
]);

export const CONTENT_KINDS = {
  districts: districtSchema,
  contacts: contactSchema,
  zones: zoneSchema,
  industries: industrySchema,
  parks: parkSchema,
  projects: projectSchema,
  policies: policySchema,
  procedures: procedureSchema,
  costs: costSchema,
  statistics: statisticSchema,
  glossary: glossarySchema,
  articles: articleSchema,
  'site-terms': siteTermSchema,
  // The investor tools' data: policy rules, market-access lists and the setup-plan template.
  'rule-facts': factQuestionSchema,
  'rule-parameters': parameterSchema,
  rules: ruleSchema,
  'market-access-lists': marketAccessListSchema,
  'market-access-items': marketAccessItemSchema,
  'plan-steps': planStepSchema,
  // The enterprise service line's catalogue: time limits (with units) and topics.
  'service-limits': serviceLimitSchema,
  'service-topics': serviceTopicSchema,
  'service-reply-templates': serviceReplyTemplateSchema,
} as const;

/**
 * Where a kind's files are when they do not fill a folder named after the kind: the rules, their parameters and
 * their questions share content/rules/, and a market-access list's items sit next to lists.json.
 */
export const CONTENT_FILES: Partial<Record<ContentKind, { folder: string; file: (name: string) => boolean }>> = {
  'rule-facts': { folder: 'rules', file: (name) => name === 'facts.json' },
  'rule-parameters': { folder: 'rules', file: (name) => name === 'parameters.json' },
  rules: { folder: 'rules', file: (name) => name === 'rules.json' },
  'market-access-lists': { folder: 'market-access', file: (name) => name === 'lists.json' },
  'market-access-items': { folder: 'market-access', file: (name) => name !== 'lists.json' },
  'plan-steps': { folder: 'plan', file: () => true },
  'service-limits': { folder: 'service-line', file: (name) => name === 'limits.json' },
  'service-topics': { folder: 'service-line', file: (name) => name === 'topics.json' },
  'service-reply-templates': { folder: 'service-line', file: (name) => name === 'reply-templates.json' },
};
export type ContentKind = keyof typeof CONTENT_KINDS;
/**
 * Kinds the site cannot serve without: every kind feeds a page, the API or a tool, so an empty one (a deleted folder
 * loaded with --allow-removals) makes /readyz answer 503 naming it.
 */
export const REQUIRED_KINDS: readonly ContentKind[] = Object.keys(CONTENT_KINDS) as ContentKind[];
export type ContentItem<K extends ContentKind> = z.infer<(typeof CONTENT_KINDS)[K]>;
export type District = ContentItem<'districts'>;
export type Contact = ContentItem<'contacts'>;
export type Zone = ContentItem<'zones'>;
export type Industry = ContentItem<'industries'>;
export type Park = ContentItem<'parks'>;
export type Project = ContentItem<'projects'>;
export type Policy = ContentItem<'policies'>;
export type Procedure = ContentItem<'procedures'>;
export type Cost = ContentItem<'costs'>;
export type Statistic = ContentItem<'statistics'>;
export type GlossaryTerm = ContentItem<'glossary'>;
export type Article = ContentItem<'articles'>;
export type SiteTerm = ContentItem<'site-terms'>;
