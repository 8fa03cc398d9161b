/**
 * The service line's web form: its fields read by the platform's form reader (first value, trimmed, bounded, empty
 * as not given), then validated by the one submission schema the API and Open311 use too. The schema's codes
 * ('uscc_invalid', 'too_long:200', …) and submitCase's ('topic_kind_mismatch') are worded here in the visitor's
 * language, every invalid field at once, in the order of the form.
 */
import { z } from 'zod';
import { checkbox, readForm, text, type FormInput, type RawForm } from '../../platform/http/form.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { CASE_KINDS, DISTRICT_IDS, type CaseKind, type ContentStore } from '../content/index.js';
import { caseSubmissionSchema, submissionRuleIssues, type CaseSubmission } from './case.schemas.js';
import { t } from './messages.js';
import type { KeyOf } from '../../platform/i18n/i18n.js';

type Key = KeyOf<typeof t>;

/**
 * The form's fields in the order of the page. Each text is read one character beyond the schema's bound, so an
 * over-long value is reported rather than silently cut.
 */
/** The longest text the submission schema takes in each free-text field (case.schemas.ts). */
export const TEXT_MAX = { subject: 200, description: 20_000, enterprise_name: 300, investor_origin: 100, contact_name: 200, contact_email: 254 } as const;

export const serviceForm = z.object({
  kind: text({ max: 20 }),
  fie_complaint: checkbox(),
  topic: text({ max: 101 }),
  district: text({ max: 40 }),
  subject: text({ max: TEXT_MAX.subject + 1 }),
  description: text({ max: TEXT_MAX.description + 1 }),
  enterprise_name: text({ max: TEXT_MAX.enterprise_name + 1 }),
  uscc: text({ max: 40 }),
  foreign_invested: text({ max: 3 }),
  investor_origin: text({ max: TEXT_MAX.investor_origin + 1 }),
  contact_name: text({ max: TEXT_MAX.contact_name + 1 }),
  contact_email: text({ max: TEXT_MAX.contact_email + 1 }),
  contact_phone: text({ max: 41 }),
  anonymous: checkbox(),
  consent: checkbox(),
});
export type ServiceFormInput = FormInput<z.output<typeof serviceForm>>;
export type ServiceField = keyof ServiceFormInput & string;
/** The order of the page: the documents come right after the description. */
const FIELD_ORDER: string[] = Object.keys(serviceForm.shape).flatMap((name) => (name === 'description' ? [name, 'attachments'] : [name]));

/** What a link may pre-fill (a policy's topic, a district, the question asked on /ask). */
const prefillForm = z.object({ kind: text({ max: 20 }), topic: text({ max: 100 }), district: text({ max: 40 }), subject: text({ max: 200 }) });
export const PREFILL_FIELDS = Object.keys(prefillForm.shape);

const LABELS: Record<ServiceField, Key> = {
  kind: 'service.kind.legend',
  fie_complaint: 'service.fie.label',
  topic: 'service.topic.legend',
  district: 'service.district.label',
  subject: 'service.subject.label',
  description: 'service.description.label',
  enterprise_name: 'service.enterpriseName.label',
  uscc: 'service.uscc.label',
  foreign_invested: 'service.foreignInvested.legend',
  investor_origin: 'service.investorOrigin.label',
  contact_name: 'service.contactName.label',
  contact_email: 'service.contactEmail.label',
  contact_phone: 'service.contactPhone.label',
  anonymous: 'service.anonymous.label',
  consent: 'service.consent.label',
};

const CODES: Record<string, Key> = {
  choose_kind: 'service.error.kind',
  choose_topic: 'service.error.topic',
  unknown_topic: 'service.error.topic',
  topic_kind_mismatch: 'service.error.topicKind',
  choose_district: 'service.error.district',
  subject_required: 'service.error.subject',
  description_required: 'service.error.description',
  description_short: 'service.error.descriptionShort',
  uscc_invalid: 'service.error.uscc',
  email_invalid: 'service.error.email',
  phone_invalid: 'service.error.phone',
  anonymous_with_contact: 'service.error.anonymousWithContact',
  contact_required: 'service.error.contact',
  fie_needs_complaint: 'service.error.fieNeedsComplaint',
  fie_needs_fie: 'service.error.fieNeedsFie',
  consent_required: 'service.error.consent',
};

/** A submission code in words; a code without its own message names the field ("Check …"). */
export function submissionMessage(lang: Lang, field: string, code: string): string {
  const label = field in LABELS ? t(lang, LABELS[field as ServiceField]) : field;
  const tooLong = /^too_long:(\d+)$/.exec(code);
  if (tooLong) return t(lang, 'service.error.tooLong', { label, max: Number(tooLong[1]).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') });
  const key = CODES[code];
  return key ? t(lang, key) : t(lang, 'service.error.check', { label });
}

const isKind = (value: string | undefined): value is CaseKind => (CASE_KINDS as readonly string[]).includes(value ?? '');

/** The form's pre-filled values from a link: only known kinds, topics and districts are kept; anything else is ignored. */
export function prefillFrom(store: ContentStore, raw: RawForm): ServiceFormInput {
  const given = readForm(prefillForm, raw);
  const topic = store.all('service-topics').find((entry) => entry.id === given.topic);
  return {
    kind: isKind(given.kind) ? given.kind : undefined,
    topic: topic && (!isKind(given.kind) || topic.case_kinds.includes(given.kind)) ? topic.id : undefined,
    district: (DISTRICT_IDS as readonly string[]).includes(given.district ?? '') ? given.district : undefined,
    subject: given.subject,
  };
}

/** The form's text as the schema reads it: yes/no answers become booleans, an unticked consent stays missing. */
function submissionInput(input: ServiceFormInput, lang: Lang): Record<string, unknown> {
  return {
    ...input,
    fie_complaint: input.fie_complaint === 'yes',
    anonymous: input.anonymous === 'yes',
    foreign_invested: input.foreign_invested === 'yes' ? true : input.foreign_invested === 'no' ? false : undefined,
    consent: input.consent === 'yes' ? true : undefined,
    lang,
  };
}

export interface ServiceFormResult {
  /** The submission when every field is valid; otherwise null. */
  submission: CaseSubmission | null;
  /** What the visitor sent, to show the form again. */
  input: ServiceFormInput;
  errors: FieldError[];
}

export function readServiceForm(store: ContentStore, raw: RawForm, lang: Lang): ServiceFormResult {
  const input = readForm(serviceForm, raw);
  const candidate = submissionInput(input, lang);
  const parsed = caseSubmissionSchema.safeParse(candidate);
  const codes = new Map<string, string>();
  const valid: Record<string, unknown> = {};
  if (parsed.success) Object.assign(valid, parsed.data);
  else {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!codes.has(field)) codes.set(field, issue.message);
    }
    const shape = caseSubmissionSchema.shape as Record<string, z.ZodType>;
    for (const [name, schema] of Object.entries(shape)) {
      if (codes.has(name)) continue;
      const one = schema.safeParse(candidate[name]);
      if (one.success) valid[name] = one.data;
    }
    for (const issue of submissionRuleIssues(valid)) if (!codes.has(issue.field)) codes.set(issue.field, issue.code);
  }
  // The topic must be in the catalogue and take this kind (submitCase checks it too: this reports it with the rest).
  const topic = store.all('service-topics').find((entry) => entry.id === valid.topic);
  if (typeof valid.topic === 'string' && !codes.has('topic')) {
    if (!topic) codes.set('topic', 'unknown_topic');
    else if (isKind(valid.kind as string) && !topic.case_kinds.includes(valid.kind as CaseKind)) codes.set('topic', 'topic_kind_mismatch');
  }
  const errors = [...codes]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([field, code]) => ({ field, message: submissionMessage(lang, field, code) }));
  return { submission: parsed.success && errors.length === 0 ? parsed.data : null, input, errors };
}

/** Sorts errors into the order of the page's fields. */
export function inFormOrder(errors: FieldError[]): FieldError[] {
  return [...errors].sort((a, b) => rank(a.field) - rank(b.field));
}

function rank(field: string): number {
  const index = FIELD_ORDER.indexOf(field);
  return index < 0 ? FIELD_ORDER.length : index;
}
