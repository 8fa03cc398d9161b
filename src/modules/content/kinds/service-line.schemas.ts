/**
 * The enterprise service line's catalogue (content/service-line/): the time limits a case runs against, each stored
 * with its unit, and the topics an investor files under. Limits are data so an editor can correct one with a content
 * change; a case keeps a copy of the limit it was given, so a later edit never moves an existing deadline.
 */
import { z } from 'zod';
import { base, bilingualSchema, id, text } from '../content.primitives.js';

export const CASE_KINDS = ['inquiry', 'demand', 'complaint', 'report'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const LIMIT_UNITS = ['minutes', 'calendar_days', 'working_days'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];
/**
 * Which clock a limit sets: `feedback` (the 12345 line's answer to the enterprise), `acceptance` (deciding whether to
 * accept a foreign-invested enterprise's complaint), `materials` (the enterprise's time to supply what is missing),
 * `handling` (finishing an accepted foreign-invested enterprise's complaint).
 */
export const LIMIT_STAGES = ['feedback', 'acceptance', 'materials', 'handling'] as const;
/** How hard a matter is, as the 12345 table sorts them; the accepting agent decides it. */
export const COMPLEXITIES = ['general', 'sophisticated_single', 'sophisticated_multiple', 'sophisticated'] as const;

/** A time limit with its unit: the one definition the catalogue, the calendar's SLA engine and the cases share. */
export const limitSchema = z
  .object({
    amount: z.int().min(0).max(100_000).describe('how many units; 0 minutes is "real time"'),
    unit: z.enum(LIMIT_UNITS),
  })
  .strict()
  .refine((limit) => limit.unit === 'minutes' || limit.amount >= 1, { path: ['amount'], message: 'a limit in days is at least 1 day' });
export type Limit = z.infer<typeof limitSchema>;

export const serviceLimitSchema = z
  .object({
    ...base,
    stage: z.enum(LIMIT_STAGES),
    case_kinds: z.array(z.enum(CASE_KINDS)).min(1),
    complexity: z.enum(COMPLEXITIES).optional(),
    /** A limit of the complaint mechanism for foreign-invested enterprises (the national measures), not of 12345. */
    fie_complaint: z.boolean(),
    limit: limitSchema,
    /** May be extended (with the enterprise told the next steps and the new completion time). */
    extendable: z.boolean(),
    /** The rule as written, e.g. "Sophisticated inquiry involving one department: feedback within 3 days". */
    rule: bilingualSchema,
    /** A legal text the limit comes from that is not one of the source documents (cited by title). */
    legal_basis: bilingualSchema.optional(),
    en: z.object({ name: text }).strict(),
    zh: z.object({ name: text }).strict(),
  })
  .strict();
export type ServiceLimit = z.infer<typeof serviceLimitSchema>;

export const serviceTopicSchema = z
  .object({
    ...base,
    order: z.number().int().nonnegative(),
    case_kinds: z.array(z.enum(CASE_KINDS)).min(1),
    /** Library items a reply on this topic usually cites (procedure categories and policy categories). */
    procedure_categories: z.array(id).default([]),
    policy_categories: z.array(id).default([]),
    en: z.object({ name: text, hint: text }).strict(),
    zh: z.object({ name: text, hint: text }).strict(),
  })
  .strict();
export type ServiceTopic = z.infer<typeof serviceTopicSchema>;

/**
 * Reply templates (content/service-line/reply-templates.json): a starting text per topic in both languages, which a
 * handler picks in the reply form and completes. `{greeting}` and `{reference}` are filled in for the case; the text
 * in brackets is for the handler to replace. A template without topics fits every topic.
 */
export const serviceReplyTemplateSchema = z
  .object({
    ...base,
    order: z.number().int().nonnegative(),
    topics: z.array(id).default([]),
    case_kinds: z.array(z.enum(CASE_KINDS)).min(1),
    en: z.object({ name: text, body: text }).strict(),
    zh: z.object({ name: text, body: text }).strict(),
  })
  .strict();
export type ServiceReplyTemplate = z.infer<typeof serviceReplyTemplateSchema>;
