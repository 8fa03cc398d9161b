/**
 * The project pages' forms as posted: create (investor and project fields), edit, move, status and team. Each body is
 * normalised by the platform's one form reader (readForm: first value of a repeated field, trimmed, bounded, blank read
 * as absent) and then validated by the pipeline's one validation (project-input.ts), so a form, the API and the
 * import accept exactly the same values. The problems it returns (`{ field, code }`) become errors at each field's
 * control here, in the page's language.
 */
import { z } from 'zod';
import { readForm, text, type RawForm } from '../../platform/http/form.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { problemText } from './messages.js';
import { PROJECT_FIELDS, type FieldProblem } from './project-input.js';
import { EVIDENCE_FIELDS, STAGES, type Stage } from './stage-rules.js';

const NOTE_MAX = 2000;
// Longer than any field allows (project-input.ts says how long each may be), so an over-long value is refused there
// with a message rather than cut silently here.
const FIELD_MAX = 2100;

const textFields = <const N extends string>(names: readonly N[], max = FIELD_MAX) =>
  z.object(Object.fromEntries(names.map((name) => [name, text({ max })])) as Record<N, ReturnType<typeof text>>);

export const projectForm = textFields(PROJECT_FIELDS);
export type ProjectFormValues = Partial<Record<(typeof PROJECT_FIELDS)[number], string>>;

/** The investor part of the create form: an existing investor (`investor_id`) or a new one, and the case it grew from. */
export const INVESTOR_FIELDS = ['investor_id', 'investor_q', 'investor_name', 'investor_name_zh', 'origin', 'parent_group', 'case'] as const;
export const investorForm = textFields(INVESTOR_FIELDS, 400);
export type InvestorFormValues = Partial<Record<(typeof INVESTOR_FIELDS)[number], string>>;

/** `back=board`: the kanban board's card forms post here and want to go back to the board. */
const returnField = text({ max: 10 });

export const moveForm = z.object({ ...textFields([...EVIDENCE_FIELDS]).shape, to: text({ max: 20 }), note: text({ max: NOTE_MAX + 1 }), back: returnField });
export const statusForm = z.object({ status: text({ max: 20 }), reason: text({ max: 40 }), note: text({ max: NOTE_MAX + 1 }), back: returnField });
export const teamForm = z.object({ role: text({ max: 40 }), staff_user_id: text({ max: 40 }), remove: text({ max: 5 }), back: returnField });

export type MoveFormValues = Partial<Record<keyof z.output<typeof moveForm>, string>>;
export type StatusFormValues = Partial<Record<keyof z.output<typeof statusForm>, string>>;
export type TeamFormValues = Partial<Record<keyof z.output<typeof teamForm>, string>>;

export const readProjectForm = (raw: RawForm): ProjectFormValues => readForm(projectForm, raw) as ProjectFormValues;
export const readInvestorForm = (raw: RawForm): InvestorFormValues => readForm(investorForm, raw) as InvestorFormValues;
export const readMoveForm = (raw: RawForm): MoveFormValues => readForm(moveForm, raw) as MoveFormValues;
export const readStatusForm = (raw: RawForm): StatusFormValues => readForm(statusForm, raw) as StatusFormValues;
export const readTeamForm = (raw: RawForm): TeamFormValues => readForm(teamForm, raw) as TeamFormValues;

export const isStage = (value: unknown): value is Stage => typeof value === 'string' && (STAGES as readonly string[]).includes(value);

/** Which form of the project page a post came from, so that form opens again with the values and errors. */
export type PageForm = { kind: 'move'; to: Stage } | { kind: 'status' } | { kind: 'team' };

/** The id of a control on the project page: each move form has its own copy of a field. */
export function controlId(form: PageForm | null, field: string): string {
  if (!form) return field;
  return form.kind === 'move' ? `move-${form.to}-${field}` : `${form.kind}-${field}`;
}

/**
 * The investor schema names its fields as an investor has them (`name`, `origin`); on the create form they sit beside
 * the project's own name, so they carry the investor's prefix there.
 */
const INVESTOR_FIELD_OF: Record<string, string> = { name: 'investor_name', name_zh: 'investor_name_zh', origin: 'origin', parent_group: 'parent_group' };
export const asInvestorProblem = (problem: FieldProblem): FieldProblem => ({ ...problem, field: INVESTOR_FIELD_OF[problem.field] ?? problem.field });

/** Problems as errors at their controls, in the order of `order` (the form's fields), others after. */
export function errorsAt(lang: Lang, problems: readonly FieldProblem[], form: PageForm | null = null, order: readonly string[] = []): FieldError[] {
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...problems].sort((a, b) => rank(a.field) - rank(b.field)).map((problem) => ({ field: controlId(form, problem.field), message: problemText(lang, problem) }));
}
