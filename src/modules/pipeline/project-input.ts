/**
 * One validation of a project's fields for every way in: the staff forms, the JSON API and a district's spreadsheet.
 * Each gives text or JSON values; each gets back the typed fields or a list of problems, one per field, as codes that
 * the pages translate and the API returns as they are (`{ field, code }`).
 *
 * Content references (industry, park, FTZ cluster, conference opportunity) are checked against the loaded content,
 * and a park or opportunity must lie in the project's district when both are given.
 */
import { z } from 'zod';
import type { ContentStore } from '../content/index.js';
import { isCivilDate } from '../calendar/index.js';
import { isValidUscc, normaliseUscc } from '../cases/index.js';
import { PROJECT_KINDS, SOURCE_KINDS, type EvidenceCheck, type EvidenceField } from './stage-rules.js';
import type { CivilDate } from './pipeline.tables.js';

export const PROBLEM_CODES = ['required', 'invalid', 'too_long', 'unknown', 'out_of_district', 'future', 'before', 'uscc', 'not_allowed'] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];
export interface FieldProblem {
  field: string;
  code: ProblemCode;
  /** For `before`: the field it may not precede. */
  other?: string;
}

export class ProjectInputError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(`Invalid project: ${problems.map((p) => `${p.field} ${p.code}`).join(', ')}`);
  }
}

// Amounts: up to 18 digits and 2 decimals, as numeric(20,2) holds; "1,000,000" and "1 000 000" read as people type.
const AMOUNT = /^\d{1,18}(\.\d{1,2})?$/;
const amount = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const text = typeof value === 'number' ? String(value) : value.replace(/[,，\s]/g, '');
  if (!AMOUNT.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'invalid' });
    return z.NEVER;
  }
  return text;
});
const civilDate = z.string().refine(isCivilDate);
const text = (max: number) => z.string().trim().min(1).max(max);

/** The project's own fields (not its stage, status or team: those change through moves). */
export const projectFieldsSchema = z.object({
  name: text(200),
  kind: z.enum(PROJECT_KINDS),
  industry_id: text(100).nullish(),
  district_id: text(100).nullish(),
  park_id: text(100).nullish(),
  ftz_cluster_id: text(100).nullish(),
  opportunity_id: text(100).nullish(),
  currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/).nullish(),
  amount_total: amount.nullish(),
  amount_foreign: amount.nullish(),
  registered_capital: amount.nullish(),
  amount_cny: amount.nullish(),
  amount_cny_on: civilDate.nullish(),
  expected_jobs: z.coerce.number().int().min(0).max(1_000_000).nullish(),
  source_kind: z.enum(SOURCE_KINDS),
  source_detail: text(300).nullish(),
  next_action: text(300).nullish(),
  next_action_on: civilDate.nullish(),
  signed_on: civilDate.nullish(),
  agreement_parties: text(500).nullish(),
  agreement_ref: text(200).nullish(),
  uscc: z.string().transform(normaliseUscc).refine(isValidUscc).nullish(),
  registered_on: civilDate.nullish(),
  first_operation_on: civilDate.nullish(),
});
export type ProjectFields = z.output<typeof projectFieldsSchema>;
export const PROJECT_FIELDS = Object.keys(projectFieldsSchema.shape) as (keyof ProjectFields)[];

/** The evidence a move may bring with it: the evidence fields only. */
export const evidenceSchema = projectFieldsSchema.pick({
  industry_id: true, district_id: true, currency: true, amount_total: true, amount_cny: true, amount_cny_on: true,
  signed_on: true, agreement_parties: true, agreement_ref: true, uscc: true, registered_on: true, registered_capital: true,
  first_operation_on: true,
}).partial();
export type Evidence = z.output<typeof evidenceSchema>;

export const investorSchema = z.object({
  name: text(300),
  name_zh: text(300).nullish(),
  origin: z.string().trim().toUpperCase().refine((code) => isRegionCode(code)),
  parent_group: text(300).nullish(),
});
export type InvestorFields = z.output<typeof investorSchema>;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** An ISO 3166-1 alpha-2 code that names a country or region (HK, MO and TW included). */
export function isRegionCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === 'CN') return false;
  try {
    return regionNames.of(code) !== undefined;
  } catch {
    return false;
  }
}

/** Blank text is "not given": forms and spreadsheets send "" for an empty cell. */
function withoutBlanks(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, typeof v === 'string' && v.trim() === '' ? null : v]));
}

function problemsOf(error: z.ZodError, given: Record<string, unknown>): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (seen.has(field)) continue;
    seen.add(field);
    // zod does not echo the input in its issues: an absent or blank value is "required", whatever the field's type.
    const missing = given[field] == null;
    problems.push({ field, code: missing ? 'required' : issue.code === 'too_big' ? 'too_long' : issue.code === 'custom' && field === 'uscc' ? 'uscc' : 'invalid' });
  }
  return problems;
}

/** Parses with `schema`, blanks read as absent; throws ProjectInputError listing every bad field. */
export function parseFields<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.output<S> {
  const given = withoutBlanks(raw);
  const parsed = schema.safeParse(given);
  if (!parsed.success) throw new ProjectInputError(problemsOf(parsed.error, given));
  return parsed.data;
}

/** References to content: each must exist, and a park or opportunity must be in the project's district. */
export function contentProblems(store: ContentStore, fields: Partial<ProjectFields>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const district = fields.district_id ?? null;
  if (district && !store.get('districts', district)) problems.push({ field: 'district_id', code: 'unknown' });
  if (fields.industry_id && !store.get('industries', fields.industry_id)) problems.push({ field: 'industry_id', code: 'unknown' });
  if (fields.park_id) {
    const park = store.get('parks', fields.park_id);
    if (!park) problems.push({ field: 'park_id', code: 'unknown' });
    else if (district && park.districts.length && !(park.districts as readonly string[]).includes(district)) problems.push({ field: 'park_id', code: 'out_of_district' });
  }
  if (fields.ftz_cluster_id) {
    const zone = store.get('zones', fields.ftz_cluster_id);
    if (!zone || zone.zone_type !== 'ftz_cluster') problems.push({ field: 'ftz_cluster_id', code: 'unknown' });
  }
  if (fields.opportunity_id) {
    const opportunity = store.get('projects', fields.opportunity_id);
    if (!opportunity) problems.push({ field: 'opportunity_id', code: 'unknown' });
    else if (district && opportunity.district !== district) problems.push({ field: 'opportunity_id', code: 'out_of_district' });
  }
  return problems;
}

type EvidenceValues = Partial<Record<EvidenceField, string | null | undefined>>;

/** The stage's required fields that are empty, and the failed checks between dates and of the USCC. */
export function evidenceProblems(values: EvidenceValues, requires: readonly EvidenceField[], checks: readonly EvidenceCheck[], today: CivilDate): FieldProblem[] {
  const problems: FieldProblem[] = requires.filter((field) => values[field] == null || values[field] === '').map((field) => ({ field, code: 'required' as const }));
  const failed = new Set(problems.map((p) => p.field));
  for (const check of checks) {
    const value = values[check.field];
    if (value == null || failed.has(check.field)) continue;
    if (check.kind === 'uscc' && !isValidUscc(value)) problems.push({ field: check.field, code: 'uscc' });
    if (check.kind === 'not_future' && value > today) problems.push({ field: check.field, code: 'future' });
    if (check.kind === 'not_before') {
      const other = values[check.other];
      if (other != null && value < other) problems.push({ field: check.field, code: 'before', other: check.other });
    }
    if (problems.length && problems[problems.length - 1].field === check.field) failed.add(check.field);
  }
  return problems;
}
