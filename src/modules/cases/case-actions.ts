/**
 * The inputs each action takes (validated at the edge by these schemas, whatever the channel) and the resolution
 * codes a case closes with.
 */
import { z } from 'zod';
import type { CaseAction } from './case-states.js';
import { CITATION, MAX_CITATIONS } from './case-citations.js';

const text = (max = 20000) => z.string().trim().min(1, { message: 'required' }).max(max, { message: `too_long:${max}` });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_invalid' });
const departmentId = z.string().trim().min(1, { message: 'required' }).max(100);

export const RESOLUTION_CODES = ['resolved', 'partially_resolved', 'unresolved', 'explained', 'withdrawn', 'duplicate', 'out_of_scope'] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

/** Library items a reply cites ("policy:<id>", "procedure:<id>"; see case-citations.ts), kept in the timeline entry's data. */
const cites = z.array(z.string().trim().regex(CITATION, { message: 'citation_invalid' })).max(MAX_CITATIONS, { message: `too_many:${MAX_CITATIONS}` });

export const ACTION_INPUTS = {
  accept: z.object({ limit_id: z.string().trim().min(1, { message: 'required' }), district: z.string().trim().max(40).optional() }),
  reject: z.object({ reason: text() }),
  request_materials: z.object({ missing: text() }),
  supply_materials: z.object({ body: text() }),
  answer: z.object({ body: text(), cites: cites.default([]) }),
  mark_duplicate: z.object({ duplicate_of: z.string().trim().regex(/^IB-\d{4}-\d{6,}$/, { message: 'reference_invalid' }) }),
  dispatch: z.object({ lead: departmentId, co: z.array(departmentId).max(10).default([]) }),
  return: z.object({ reason: text() }),
  sign_for: z.object({}),
  start: z.object({}),
  request_extension: z.object({ next_steps: text(), proposed_due: date }),
  approve_extension: z.object({ next_steps: text(), new_due: date }),
  deny_extension: z.object({ reason: text() }),
  draft_reply: z.object({ body: text(), cites: cites.default([]) }),
  return_draft: z.object({ reason: text() }),
  approve_reply: z.object({ body: text().optional(), cites: cites.optional() }),
  record_return_visit: z.object({ resolved: z.boolean(), satisfaction: z.number().int().min(1).max(5), note: z.string().trim().max(2000).optional() }),
  rate: z.object({ resolved: z.boolean(), satisfaction: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).optional() }),
  close: z.object({ resolution_code: z.enum(RESOLUTION_CODES, { message: 'choose_resolution' }), note: z.string().trim().max(2000).optional() }),
  reopen: z.object({ reason: text() }),
  add_note: z.object({ body: text() }),
} satisfies Record<CaseAction, z.ZodType>;

export type ActionInput<A extends CaseAction> = z.output<(typeof ACTION_INPUTS)[A]>;
