/**
 * Policy rules as data (content/rules/): who a policy applies to, as a condition tree over the investor's facts,
 * with named, dated threshold parameters. No policy condition is written in TypeScript.
 */
import { z } from 'zod';
import { sourceSchema, bilingualSchema, lastVerified, DISTRICT_IDS } from '../content.primitives.js';

const id = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ENTITY_TYPES = ['wfoe', 'jv', 'rep_office', 'rd_center', 'regional_hq', 'branch'] as const;
export const STATUSES = ['high_tech', 'srdi', 'hq_authorised', 'rd_hq', 'listed', 'sme', 'tech_sme', 'unicorn'] as const;
export const INVESTOR_ORIGINS = ['foreign', 'hong_kong', 'macao', 'taiwan'] as const;
/** Some policies are for natural persons (permanent residence), others for enterprises ("non-natural person investors"). */
export const INVESTOR_TYPES = ['company', 'individual'] as const;
/**
 * Lines of business some policies are written for (the guide names them more narrowly than an industry):
 * AI, robots, stem cells / gene therapy, hospitals, first stores, data export…
 */
export const BUSINESS_LINES = [
  'ai', 'robotics', 'embodied_intelligence', 'new_materials', 'energy_storage', 'low_altitude', 'synthetic_biology',
  'cell_gene_therapy', 'brain_computer_interface', 'itai', 'telecom_vas', 'data_export', 'hospital', 'tcm_hospital',
  'retail_consumer', 'first_store', 'art_trading', 'incubator', 'tech_transfer', 'park_operation', 'manufacturing',
] as const;

/** The investor's facts: the questionnaire's keys. `type` drives parsing and which operators make sense. */
export const FACTS = {
  industry: { type: 'industry' },
  activity: { type: 'text' },
  entity_type: { type: 'enum', values: ENTITY_TYPES },
  district: { type: 'district' },
  in_ftz: { type: 'boolean' },
  ftz_cluster: { type: 'zone' },
  park: { type: 'park' },
  investment_usd: { type: 'number' },
  paid_in_capital_usd: { type: 'number' },
  revenue_cny: { type: 'number' },
  staff: { type: 'number' },
  foreign_share_pct: { type: 'number' },
  statuses: { type: 'set', values: STATUSES },
  investor_origin: { type: 'enum', values: INVESTOR_ORIGINS },
  investor_type: { type: 'enum', values: INVESTOR_TYPES },
  hires_foreign_staff: { type: 'boolean' },
  imports_goods: { type: 'boolean' },
  exports_goods: { type: 'boolean' },
  business_lines: { type: 'set', values: BUSINESS_LINES },
  /** Foreign-invested R&D headquarters: "authorized by overseas parent companies". */
  authorised_by_parent: { type: 'boolean' },
  /** Permanent residence through investment: "in the encouraged industries listed in the 'Guidance Catalogue…'". */
  industry_encouraged: { type: 'boolean' },
  /** Permanent residence through investment: "maintained stable investment conditions … for the three consecutive years". */
  stable_investment_years: { type: 'number' },
  /** Founders using a Foreigner Permanent Resident ID Card to start an enterprise. */
  permanent_resident_id: { type: 'boolean' },
} as const;
export type FactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as [FactName, ...FactName[]];

const label = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();

export const leafSchema = z
  .object({
    fact: z.enum(FACT_NAMES),
    op: z.enum(['eq', 'neq', 'in', 'not_in', 'gte', 'gt', 'lte', 'lt', 'is_true', 'is_false', 'includes', 'excludes']),
    /** A literal to compare with… */
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(),
    /** …or the id of a named, dated parameter (content/rules/parameters.json). */
    param: id.optional(),
    label,
    /** The question to ask when the fact is unknown; defaults to the fact's question in facts.json. */
    question: label.optional(),
    source: sourceSchema.optional(),
    /**
     * The deciding clause, copied verbatim (English) from the seed the source names. Every leaf in content/rules has
     * one (src/modules/matching/rules-coverage.test.ts); optional here so hand-made leaves in tests need none.
     */
    quote: z.string().min(1).optional(),
  })
  .strict()
  .refine((leaf) => ['is_true', 'is_false'].includes(leaf.op) || leaf.value !== undefined || leaf.param !== undefined, 'a comparison needs value or param');
export type Leaf = z.infer<typeof leafSchema>;

export type Condition = Leaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    leafSchema,
  ]),
);

export const BENEFIT_TYPES = ['funding', 'tax', 'finance_fx', 'talent_visa', 'market_access', 'facilitation'] as const;

export const ruleSchema = z
  .object({
    id,
    /** The policy (content/policies) this rule is about. */
    policy: id,
    benefit_type: z.enum(BENEFIT_TYPES),
    valid_from: isoDate.optional(),
    valid_to: isoDate.optional(),
    /** Higher = shown first among equals (1–5). */
    relevance: z.number().int().min(1).max(5).default(3),
    en: z.object({ benefit: z.string().min(1) }).strict(),
    zh: z.object({ benefit: z.string().min(1) }).strict(),
    condition: conditionSchema,
    sources: z.array(sourceSchema).min(1),
    zh_translation: z.enum(['official', 'unofficial']),
    last_verified: lastVerified,
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

export const parameterSchema = z
  .object({
    id,
    value: z.union([z.number(), z.array(z.string())]),
    unit: bilingualSchema.optional(),
    valid_from: isoDate.optional(),
    valid_to: isoDate.optional(),
    en: z.object({ label: z.string().min(1) }).strict(),
    zh: z.object({ label: z.string().min(1) }).strict(),
    sources: z.array(sourceSchema).min(1),
    last_verified: lastVerified,
  })
  .strict();
export type Parameter = z.infer<typeof parameterSchema>;

/** The question asked for each fact (its id is the fact's name). */
const terms = z.object({ en: z.array(z.string().min(1)), zh: z.array(z.string().min(1)) }).strict();

export const factQuestionSchema = z
  .object({
    id: z.enum(FACT_NAMES),
    en: z.object({ question: z.string().min(1) }).strict(),
    zh: z.object({ question: z.string().min(1) }).strict(),
    /**
     * Words that name a value of a set fact in an investor's own description ("humanoid robots" → embodied
     * intelligence), so an activity given in words counts as evidence for those values (see profile.ts).
     */
    value_terms: z.record(z.string(), terms).optional(),
  })
  .strict();

export { DISTRICT_IDS };

/** Every leaf of a condition tree, in order (the loader checks each leaf's parameter; the matcher reads them). */
export function leavesOf(condition: Condition): Leaf[] {
  if ('all' in condition) return condition.all.flatMap(leavesOf);
  if ('any' in condition) return condition.any.flatMap(leavesOf);
  if ('not' in condition) return leavesOf(condition.not);
  return [condition];
}
