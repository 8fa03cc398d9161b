/**
 * The policy-match answer's shape, as one zod schema: Fastify serialises the answer with fast-json-stringify from
 * its JSON Schema, and the OpenAPI document shows the same JSON Schema, so what is documented is what is written.
 */
import { z } from 'zod';
import { BENEFIT_TYPES, FACT_NAMES } from '../content/index.js';

/** A fact's value as the investor gave it or as a rule needs it; null when there is none to show. */
const factValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()])), z.null()]);

const source = z.object({ document: z.string(), section: z.string(), url: z.string().optional() });

const condition = z.object({
  condition: z.string().describe('the condition in words'),
  quote: z.string().nullable().optional().describe('the sentence of the source that sets the condition (detail=full)'),
});

export const matchResultSchema = z.object({
  rule: z.string(),
  policy: z.object({ id: z.string(), title: z.string(), document_number: z.string().nullable(), url: z.string() }),
  status: z.enum(['applies', 'may_apply', 'does_not_apply']),
  benefit_type: z.enum(BENEFIT_TYPES),
  reasons: z.object({
    passed: z.array(condition),
    failed: z.array(condition.extend({ given: factValue, given_label: z.string().nullable(), needed: factValue, needed_label: z.string().nullable() })),
    missing: z.array(condition.extend({ fact: z.enum(FACT_NAMES) })),
  }),
  benefits: z.array(z.string()),
  sources: z.array(source).optional().describe('detail=full: the rule’s sources and those of the conditions it was judged on (the policy page shows them too)'),
});

export const understoodSchema = z.object({
  given: factValue,
  value: factValue.describe('what the answer was read as (an id for industry, district, park and cluster); null when nothing fitted'),
  how: z.enum(['id', 'name', 'alias', 'key_area', 'search', 'value', 'derived', 'unknown']),
  label: z.object({ en: z.string(), zh: z.string() }).nullable(),
  note: z.object({ en: z.string(), zh: z.string() }).nullable().describe('why a free-text answer was read this way, or why it was not understood'),
});

export const matchResponseSchema = z.object({
  understood: z.record(z.string(), understoodSchema).describe('how each answer was understood; an answer that fits nothing is left unknown, never refused'),
  counts: z.object({ applies: z.number().int(), may_apply: z.number().int(), does_not_apply: z.number().int() }).describe('results per status, over every rule in force'),
  total: z.number().int().describe('results of the statuses asked for'),
  limit: z.number().int(),
  offset: z.number().int(),
  results: z.array(matchResultSchema).describe('applies first, then may apply, then does not apply; most relevant first within each'),
  next_questions: z.array(z.object({ fact: z.enum(FACT_NAMES), question: z.string(), decides: z.number().int() })),
});

export type MatchResponse = z.infer<typeof matchResponseSchema>;
export type MatchResultJson = z.infer<typeof matchResultSchema>;
export type UnderstoodJson = z.infer<typeof understoodSchema>;
