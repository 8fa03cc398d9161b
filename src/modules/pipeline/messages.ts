/**
 * The pipeline's shared words (messages.en.ts / messages.zh.ts): stages, statuses, kinds, field labels, problems.
 * Each part of the module (list, project page, dashboard, import…) keeps its own page strings in its own
 * messages.<part>.ts catalogue; these are the words they all use.
 */
import { defineMessages, type Lang } from '../../platform/i18n/i18n.js';
import { en } from './messages.en.js';
import { zh } from './messages.zh.js';
import type { FieldProblem } from './project-input.js';
import type { RefusalReason } from './project-workflow.js';

export const t = defineMessages({ en, zh });

type FieldKey = Extract<keyof typeof en, `pipeline.field.${string}`> extends `pipeline.field.${infer F}` ? F : never;
const isField = (field: string): field is FieldKey => `pipeline.field.${field}` in en;

/** A field's label; an unknown name is shown as it is (an API client's own field). */
export function fieldLabel(lang: Lang, field: string): string {
  return isField(field) ? t(lang, `pipeline.field.${field}`) : field;
}

/** One problem with a field, as a sentence naming the field. */
export function problemText(lang: Lang, problem: FieldProblem): string {
  return t(lang, `pipeline.problem.${problem.code}`, { field: fieldLabel(lang, problem.field), other: problem.other ? fieldLabel(lang, problem.other) : '' });
}

export function refusalText(lang: Lang, reason: RefusalReason): string {
  return t(lang, `pipeline.refusal.${reason}`);
}
