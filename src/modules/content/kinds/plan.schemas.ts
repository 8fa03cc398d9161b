/** One step of the setup-plan template (content/plan/): which procedures, for whom, and the dated obligation it brings. */
import { z } from 'zod';
import { lastVerified, sourceSchema } from '../content.primitives.js';
import { BUSINESS_LINES } from './rules.schemas.js';

const bi = z.object({ en: z.string(), zh: z.string() }).strict();
export const planStepSchema = z
  .object({
    id: z.string(),
    /** Position in the plan (steps are stored by id, so their order is data too). */
    order: z.number().int().nonnegative(),
    procedure: z.string(),
    also: z.array(z.string()).default([]),
    only_entity: z.array(z.string()).optional(),
    unless_entity: z.array(z.string()).optional(),
    only_if: z.enum(['imports_goods', 'hires_foreign_staff']).optional(),
    /**
     * A step for a regulated activity the guide describes: only for an investor in one of these industries (ids) or
     * doing one of these business lines — once that is known.
     */
    only_activity: z
      .object({ industries: z.array(z.string()).min(1).optional(), business_lines: z.array(z.enum(BUSINESS_LINES)).min(1).optional() })
      .strict()
      .optional(),
    en: z.object({ title: z.string() }).strict(),
    zh: z.object({ title: z.string() }).strict(),
    district_contacts: z.array(z.string()),
    obligation: z
      .union([
        bi.extend({ kind: z.literal('within_days'), days: z.number().int().positive() }).strict(),
        bi.extend({ kind: z.literal('window'), start: z.string().regex(/^\d{2}-\d{2}$/), end: z.string().regex(/^\d{2}-\d{2}$/) }).strict(),
        bi.extend({ kind: z.literal('note') }).strict(),
      ])
      .optional(),
    source: sourceSchema.optional(),
    last_verified: lastVerified,
  })
  .strict();
export type PlanStepTemplate = z.infer<typeof planStepSchema>;

