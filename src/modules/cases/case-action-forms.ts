/**
 * The staff forms of the case page, one per action: which fields each shows (ACTION_FIELDS), how a posted form is
 * read (the platform's form parser, every missing answer reported at once, in the person's language) and turned into
 * the action's input (ACTION_INPUTS), and how a refusal of the workflow (CaseActionError) is worded for the person.
 */
import { z } from 'zod';
import { field, many, parseForm, text, type RawForm } from '../../platform/http/form.js';
import type { KeyOf, Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { RESOLUTION_CODES } from './case-actions.js';
import { ENTERPRISE_ONLY } from './case.access.js';
import { MAX_CITATIONS } from './case-citations.js';
import { CASE_ACTIONS, type CaseAction } from './case-states.js';
import type { CaseActionError } from './case-workflow.js';
import { t } from './messages.js';

export type StaffAction = Exclude<CaseAction, 'supply_materials' | 'rate'>;
export const STAFF_ACTIONS = CASE_ACTIONS.filter((a): a is StaffAction => !ENTERPRISE_ONLY.includes(a));

type Key = KeyOf<typeof t>;
export type FieldKind = 'text' | 'note' | 'date' | 'limit' | 'district' | 'reference' | 'lead' | 'co' | 'yes_no' | 'satisfaction' | 'resolution' | 'cites';

export interface ActionField {
  name: string;
  kind: FieldKind;
  label: Key;
  hint?: Key;
}

const f = (name: string, kind: FieldKind, label: Key, hint?: Key): ActionField => ({ name, kind, label, hint });

/** The fields of each staff action's form, in the order they are shown (the names are ACTION_INPUTS' keys). */
export const ACTION_FIELDS: Record<StaffAction, ActionField[]> = {
  accept: [f('limit_id', 'limit', 'caseForm.accept.limit_id', 'caseForm.accept.limit_id.hint'), f('district', 'district', 'caseForm.accept.district', 'caseForm.accept.district.hint')],
  reject: [f('reason', 'text', 'caseForm.reject.reason', 'caseForm.publicHint')],
  request_materials: [f('missing', 'text', 'caseForm.request_materials.missing', 'caseForm.request_materials.missing.hint')],
  answer: [f('body', 'text', 'caseForm.answer.body', 'caseForm.publicHint'), f('cites', 'cites', 'caseForm.cites', 'caseForm.cites.hint')],
  mark_duplicate: [f('duplicate_of', 'reference', 'caseForm.mark_duplicate.duplicate_of', 'caseForm.mark_duplicate.duplicate_of.hint')],
  dispatch: [f('lead', 'lead', 'caseForm.dispatch.lead'), f('co', 'co', 'caseForm.dispatch.co', 'caseForm.dispatch.co.hint')],
  return: [f('reason', 'text', 'caseForm.return.reason', 'caseForm.internalHint')],
  sign_for: [],
  start: [],
  request_extension: [f('next_steps', 'text', 'caseForm.request_extension.next_steps', 'caseForm.request_extension.next_steps.hint'), f('proposed_due', 'date', 'caseForm.request_extension.proposed_due', 'caseForm.dateHint')],
  approve_extension: [f('next_steps', 'text', 'caseForm.approve_extension.next_steps', 'caseForm.publicHint'), f('new_due', 'date', 'caseForm.approve_extension.new_due', 'caseForm.dateHint')],
  deny_extension: [f('reason', 'text', 'caseForm.deny_extension.reason', 'caseForm.internalHint')],
  draft_reply: [f('body', 'text', 'caseForm.draft_reply.body', 'caseForm.draft_reply.body.hint'), f('cites', 'cites', 'caseForm.cites', 'caseForm.cites.hint')],
  return_draft: [f('reason', 'text', 'caseForm.return_draft.reason', 'caseForm.internalHint')],
  approve_reply: [f('body', 'text', 'caseForm.approve_reply.body', 'caseForm.publicHint'), f('cites', 'cites', 'caseForm.cites', 'caseForm.cites.hint')],
  record_return_visit: [f('resolved', 'yes_no', 'caseForm.record_return_visit.resolved'), f('satisfaction', 'satisfaction', 'caseForm.record_return_visit.satisfaction'), f('note', 'note', 'caseForm.record_return_visit.note')],
  close: [f('resolution_code', 'resolution', 'caseForm.close.resolution_code'), f('note', 'note', 'caseForm.close.note', 'caseForm.publicHint')],
  reopen: [f('reason', 'text', 'caseForm.reopen.reason', 'caseForm.publicHint')],
  add_note: [f('body', 'text', 'caseForm.add_note.body', 'caseForm.internalHint')],
};

/** Actions whose form is a reply to the enterprise: they offer the topic's templates and citations. */
export const REPLY_ACTIONS: readonly StaffAction[] = ['answer', 'draft_reply', 'approve_reply'];

/** The element id of a field on the case page (several forms share field names, so each is prefixed by its action). */
export const fieldId = (action: StaffAction, name: string) => `${action}-${name}`;

const FIELD_ERRORS: Record<FieldKind, Key> = {
  text: 'caseForm.error.text',
  note: 'caseForm.error.text',
  date: 'caseForm.error.date',
  limit: 'caseForm.error.limit',
  district: 'caseForm.error.district',
  reference: 'caseForm.error.reference',
  lead: 'caseForm.error.lead',
  co: 'caseForm.error.co',
  yes_no: 'caseForm.error.yesNo',
  satisfaction: 'caseForm.error.satisfaction',
  resolution: 'caseForm.error.resolution',
  cites: 'caseForm.error.cites',
};

function schemaOf(spec: ActionField): z.ZodType {
  const described = { label: (lang: Lang) => t(lang, spec.label), message: (lang: Lang) => t(lang, FIELD_ERRORS[spec.kind], { label: t(lang, spec.label) }) };
  switch (spec.kind) {
    case 'text':
      return field(z.string().min(1), { ...described, max: 20000 });
    case 'note':
      return text({ max: 2000 });
    case 'date':
      return field(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), described);
    case 'reference':
      return field(z.string().toUpperCase().regex(/^IB-\d{4}-\d{6,}$/), { ...described, max: 30 });
    case 'limit':
    case 'lead':
      return field(z.string().min(1), { ...described, max: 100 });
    case 'district':
      return text({ max: 40 });
    case 'co':
      return many({ ...described, max: 100 });
    case 'cites':
      return field(z.array(z.string()).max(MAX_CITATIONS).optional(), { ...described, many: {}, max: 120 });
    case 'yes_no':
      return field(z.enum(['yes', 'no']), { ...described, choice: true });
    case 'satisfaction':
      return field(z.enum(['1', '2', '3', '4', '5']).transform(Number), { ...described, choice: true });
    case 'resolution':
      return field(z.enum(RESOLUTION_CODES), { ...described, choice: true });
  }
}

export interface ReadAction {
  /** The action's input for applyAction, when every field is answered; otherwise null. */
  input: Record<string, unknown> | null;
  /** Each invalid field, its `field` the element id on the page. */
  errors: FieldError[];
  /** What was typed, to show the form again. */
  values: Record<string, string | string[]>;
}

/** Reads a posted action form. */
export function readActionForm(action: StaffAction, raw: RawForm, lang: Lang): ReadAction {
  const specs = ACTION_FIELDS[action];
  const form = z.object(Object.fromEntries(specs.map((spec) => [spec.name, schemaOf(spec)])));
  const parsed = parseForm(form, raw, lang);
  const errors = parsed.errors.map((e) => ({ field: fieldId(action, e.field), message: e.message }));
  const values = parsed.input as Record<string, string | string[]>;
  if (!parsed.value) return { input: null, errors, values };
  const input: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = (parsed.value as Record<string, unknown>)[spec.name];
    if (value === undefined || value === '') continue;
    input[spec.name] = spec.kind === 'yes_no' ? value === 'yes' : value;
  }
  if (ACTION_FIELDS[action].some((s) => s.kind === 'co')) input.co ??= [];
  return { input, errors, values };
}

const CODE_MESSAGES: Record<string, Key> = {
  limit_not_for_case: 'caseForm.refused.limitNotForCase',
  unknown_district: 'caseForm.refused.unknownDistrict',
  unknown_department: 'caseForm.refused.unknownDepartment',
  unknown_reference: 'caseForm.refused.unknownReference',
  date_not_future: 'caseForm.refused.dateNotFuture',
  date_invalid: 'caseForm.error.date',
  unknown_citation: 'caseForm.refused.unknownCitation',
  citation_invalid: 'caseForm.refused.unknownCitation',
  reference_invalid: 'caseForm.error.reference',
};

/** A refusal of the workflow as a message on the form (with the field at fault when it names one). */
export function refusalMessage(lang: Lang, action: StaffAction, error: CaseActionError): FieldError {
  const spec = ACTION_FIELDS[action].find((s) => s.name === error.field);
  const target = spec ? fieldId(action, spec.name) : `action-${action}`;
  if (error.reason === 'invalid') {
    const key: Key = (error.code ? CODE_MESSAGES[error.code] : undefined) ?? (spec ? FIELD_ERRORS[spec.kind] : 'caseForm.refused.invalid');
    return { field: target, message: t(lang, key, { label: spec ? t(lang, spec.label) : '' }) };
  }
  const reasons: Record<Exclude<CaseActionError['reason'], 'invalid'>, Key> = {
    not_found: 'caseForm.refused.notFound',
    not_allowed: 'caseForm.refused.notAllowed',
    wrong_state: 'caseForm.refused.wrongState',
    window_closed: 'caseForm.refused.windowClosed',
    already_requested: 'caseForm.refused.alreadyRequested',
  };
  return { field: target, message: t(lang, reasons[error.reason]) };
}
