/**
 * The JSON API's answers, as zod schemas: Fastify serialises each answer from its JSON Schema (fast-json-stringify),
 * and the OpenAPI document is built from the same schemas, so the document cannot drift from the bytes sent. The
 * type checks at the end fail the build when the public view gains or loses a field that these do not.
 */
import { z } from 'zod';
import { CASE_KINDS, LIMIT_UNITS } from '../content/index.js';
import { CASE_STATUSES } from './case-states.js';
import { ATTACHMENT_TYPES } from './attachments/attachment-checks.js';
import type { PublicCaseView } from './public-view.js';

const instant = z.string().describe('ISO 8601 instant (UTC)');
const bilingual = z.object({ en: z.string(), zh: z.string() });

export const timeLimitSchema = z.object({
  id: z.string().describe('the entry of the service catalogue (content/service-line/limits.json)'),
  amount: z.number().int(),
  unit: z.enum(LIMIT_UNITS),
  rule: bilingual.describe('the rule the limit comes from, in both languages'),
});

export const submittedCaseSchema = z.object({
  reference: z.string().describe('the case reference, IB-YYYY-NNNNNN'),
  token: z.string().describe('the tracking token: shown once, kept only as a hash; send it as X-Case-Token to read or act on the case'),
  status: z.literal('submitted'),
  due_at: instant.describe('when the first answer is due under the limit below'),
  time_limit: timeLimitSchema,
  tracking_url: z.string().describe('the tracking page with reference and token, in the language of the case'),
});

export const attachmentSchema = z.object({
  id: z.string(),
  filename: z.string().describe('the name sent, made safe (no path, no control characters, an extension of its type)'),
  content_type: z.enum(ATTACHMENT_TYPES),
  size_bytes: z.number().int(),
  sha256: z.string().describe('SHA-256 of the bytes, hex'),
  uploaded_at: instant,
  url: z.string().describe('download address (needs the token)'),
});
export type AttachmentView = z.output<typeof attachmentSchema>;

export const attachmentListSchema = z.object({ attachments: z.array(attachmentSchema) });

const publicEventSchema = z.object({
  at: instant,
  action: z.string(),
  status: z.enum(CASE_STATUSES).nullable(),
  text: z.string().nullable().describe('the public text of the step: a reply, a reason, the materials asked for, the next steps of an extension'),
  due_at: instant.optional(),
  materials_due_at: instant.optional(),
  resolution_code: z.string().optional(),
  cites: z
    .array(z.object({ kind: z.enum(['policy', 'procedure']), id: z.string(), en: z.string(), zh: z.string() }))
    .optional()
    .describe('library items the reply cites, with their titles: /{lang}/policies/{id} or /{lang}/procedures/{id}'),
});

export const publicCaseSchema = z.object({
  reference: z.string(),
  kind: z.enum(CASE_KINDS),
  topic: z.object({ id: z.string(), en: z.string(), zh: z.string() }),
  status: z.enum(CASE_STATUSES),
  subject: z.string(),
  submitted_at: instant,
  due_at: instant.nullable().describe('null while the case waits for the enterprise, and once it is answered'),
  time_limit: timeLimitSchema.extend({ fie_complaint: z.boolean() }),
  extended: z.boolean(),
  materials_due_at: instant.nullable(),
  handled_by: z.array(z.object({ en: z.string(), zh: z.string(), role: z.enum(['lead', 'co']) })),
  replied_at: instant.nullable(),
  closed_at: instant.nullable(),
  resolution_code: z.string().nullable(),
  resolved: z.boolean().nullable(),
  satisfaction: z.number().int().nullable(),
  can: z.object({ supply_materials: z.boolean(), rate: z.boolean(), reopen_until: instant.nullable() }).describe('what the enterprise may do now'),
  timeline: z.array(publicEventSchema).describe('the public steps, oldest first'),
});

export const trackedCaseSchema = publicCaseSchema.extend({
  attachments: z.array(attachmentSchema).describe('the files the enterprise attached'),
});
export type TrackedCase = z.output<typeof trackedCaseSchema>;

// The serializer drops what its schema does not name: every field of the public view (and of a timeline entry) must
// be in the schema, with a type the schema takes.
type Missing<View, Schema> = Exclude<keyof View, keyof Schema>;
type PublicCaseJson = z.input<typeof publicCaseSchema>;
const viewFits: [Missing<PublicCaseView, PublicCaseJson>, Missing<PublicCaseView['timeline'][number], PublicCaseJson['timeline'][number]>] extends [never, never]
  ? PublicCaseView extends PublicCaseJson ? true : false
  : false = true;
void viewFits;

/** The enterprise's actions over the API: the body of each is the action's input (case-actions.ts). */
export const ENTERPRISE_ACTIONS = { materials: 'supply_materials', rating: 'rate', reopen: 'reopen' } as const;
export type EnterpriseActionPath = keyof typeof ENTERPRISE_ACTIONS;
