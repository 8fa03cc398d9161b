/**
 * The strings of the service package page, the investors' pages and the investor timeline (messages.timeline.en.ts /
 * .zh.ts); the shared words (stages, statuses, item statuses, interaction kinds, problems) are in messages.ts.
 */
import { defineMessages, type Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { problemText, t } from './messages.js';
import type { FieldProblem } from './project-input.js';
import { timelineEn } from './messages.timeline.en.js';
import { timelineZh } from './messages.timeline.zh.js';

export const tTimeline = defineMessages({ en: timelineEn, zh: timelineZh });

/** A problem of one of these forms as an error at its control (`<prefix>-<field>`), in the page's language. */
function errorsOf(lang: Lang, prefix: string, problems: readonly FieldProblem[], order: readonly string[], message: (problem: FieldProblem) => string): FieldError[] {
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return [...problems].sort((a, b) => rank(a.field) - rank(b.field)).map((problem) => ({ field: `${prefix}-${problem.field}`, message: message(problem) }));
}

/** The investor form's fields are the investor's (`name`); the shared labels name them as the project forms do. */
const INVESTOR_LABELS: Record<string, string> = { name: 'investor_name', name_zh: 'investor_name_zh', origin: 'origin', parent_group: 'parent_group' };

export const investorErrors = (lang: Lang, problems: readonly FieldProblem[]): FieldError[] =>
  errorsOf(lang, 'investor', problems, Object.keys(INVESTOR_LABELS), (p) => problemText(lang, { ...p, field: INVESTOR_LABELS[p.field] ?? p.field }));

const INTERACTION_LABELS = {
  kind: 'pipeline.timeline.field.kind',
  occurred_on: 'pipeline.timeline.field.occurred_on',
  people: 'pipeline.timeline.field.people',
  notes: 'pipeline.timeline.field.notes',
  project_reference: 'pipeline.timeline.field.project',
  plan_url: 'pipeline.timeline.field.plan_url',
} as const;

function interactionMessage(lang: Lang, problem: FieldProblem): string {
  if (problem.field === 'occurred_on') return tTimeline(lang, 'pipeline.timeline.error.occurred_on');
  if (problem.field === 'project_reference') return tTimeline(lang, 'pipeline.timeline.error.project');
  if (problem.field === 'plan_url') {
    if (problem.code === 'required') return tTimeline(lang, 'pipeline.timeline.error.plan_url.required');
    if (problem.code === 'not_allowed') return tTimeline(lang, 'pipeline.timeline.error.plan_url.unwanted');
    return tTimeline(lang, 'pipeline.timeline.error.plan_url');
  }
  const label = problem.field in INTERACTION_LABELS ? tTimeline(lang, INTERACTION_LABELS[problem.field as keyof typeof INTERACTION_LABELS]) : problem.field;
  return t(lang, `pipeline.problem.${problem.code}`, { field: label, other: '' });
}

export const interactionErrors = (lang: Lang, problems: readonly FieldProblem[]): FieldError[] =>
  errorsOf(lang, 'interaction', problems, Object.keys(INTERACTION_LABELS), (p) => interactionMessage(lang, p));

export const caseLinkErrors = (lang: Lang, problems: readonly FieldProblem[]): FieldError[] =>
  errorsOf(lang, 'link', problems, ['case_reference'], (p) =>
    p.code === 'unknown' ? tTimeline(lang, 'pipeline.timeline.error.case') : t(lang, `pipeline.problem.${p.code}`, { field: tTimeline(lang, 'pipeline.timeline.field.case'), other: '' }),
  );
