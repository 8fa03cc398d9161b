/**
 * What an enterprise submits, one schema for the web form, the JSON API and Open311 (each maps its own field names
 * onto it). Messages are codes; each channel words them (the form in the visitor's language, the API in a problem).
 */
import { z } from 'zod';
import { CASE_KINDS, DISTRICT_IDS } from '../content/index.js';
import { isValidUscc, normaliseUscc } from './uscc.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `too_long:${max}` })
    .transform((v) => (v === '' ? undefined : v))
    .optional();

export const caseSubmissionSchema = z
  .object({
    kind: z.enum(CASE_KINDS, { message: 'choose_kind' }),
    topic: z.string({ message: 'choose_topic' }).trim().min(1, { message: 'choose_topic' }).max(100),
    district: z.enum(DISTRICT_IDS, { message: 'choose_district' }).optional(),
    /** Filed under the complaint mechanism for foreign-invested enterprises (complaints of such enterprises only). */
    fie_complaint: z.boolean().default(false),
    subject: z.string({ message: 'subject_required' }).trim().min(1, { message: 'subject_required' }).max(200, { message: 'too_long:200' }),
    description: z.string({ message: 'description_required' }).trim().min(10, { message: 'description_short' }).max(20000, { message: 'too_long:20000' }),
    enterprise_name: optionalText(300),
    uscc: z
      .string()
      .trim()
      .transform(normaliseUscc)
      .refine((v) => v === '' || isValidUscc(v), { message: 'uscc_invalid' })
      .transform((v) => (v === '' ? undefined : v))
      .optional(),
    foreign_invested: z.boolean().optional(),
    investor_origin: optionalText(100),
    contact_name: optionalText(200),
    contact_email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, { message: 'too_long:254' })
      .refine((v) => v === '' || z.email().safeParse(v).success, { message: 'email_invalid' })
      .transform((v) => (v === '' ? undefined : v))
      .optional(),
    contact_phone: z
      .string()
      .trim()
      .refine((v) => v === '' || /^\+?[0-9 ()./-]{5,40}$/.test(v), { message: 'phone_invalid' })
      .transform((v) => (v === '' ? undefined : v))
      .optional(),
    /** No contact details kept and no return visit; the tracking token is then the only way back to the case. */
    anonymous: z.boolean().default(false),
    lang: z.enum(['en', 'zh']).default('en'),
    consent: z.literal(true, { message: 'consent_required' }),
  })
  .superRefine((value, ctx) => {
    for (const issue of submissionRuleIssues(value)) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.code });
  });
export type CaseSubmission = z.output<typeof caseSubmissionSchema>;

/**
 * The rules between fields. zod runs them only once every field is valid on its own; the web form also checks them
 * on the fields that are, so a visitor sees every problem at once.
 */
export function submissionRuleIssues(value: Partial<Pick<CaseSubmission, 'anonymous' | 'contact_email' | 'contact_phone' | 'fie_complaint' | 'kind' | 'foreign_invested'>>): { field: string; code: string }[] {
  const issues: { field: string; code: string }[] = [];
  if (value.anonymous && (value.contact_email || value.contact_phone)) issues.push({ field: 'anonymous', code: 'anonymous_with_contact' });
  if (!value.anonymous && !value.contact_email && !value.contact_phone) issues.push({ field: 'contact_email', code: 'contact_required' });
  if (value.fie_complaint && value.kind !== undefined && value.kind !== 'complaint') issues.push({ field: 'fie_complaint', code: 'fie_needs_complaint' });
  if (value.fie_complaint && value.foreign_invested === false) issues.push({ field: 'fie_complaint', code: 'fie_needs_fie' });
  return issues;
}
export type CaseSubmissionInput = z.input<typeof caseSubmissionSchema>;
