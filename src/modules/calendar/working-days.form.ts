/**
 * The working-days page's GET form: a start date and a number of working days. Nothing is checked until one of them
 * is given; then both are needed, and every problem is reported at once in the visitor's language.
 */
import { z } from 'zod';
import { field, integer, parseForm, type FormInput, type FormRule } from '../../platform/http/form.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { isCivilDate } from './civil-date.js';
import { MAX_ADD } from './calendar.schemas.js';
import { t } from './messages.js';

const own = (key: 'calendar.page.error.from' | 'calendar.page.error.add') => ({ message: (lang: Lang) => t(lang, key) });

export const workingDaysForm = z.object({
  from: field(z.string().refine(isCivilDate).optional(), { max: 10, ...own('calendar.page.error.from') }),
  add: integer({ min: 1, max: MAX_ADD, grouping: true }, own('calendar.page.error.add')),
});
type WorkingDaysForm = z.output<typeof workingDaysForm>;
export type WorkingDaysInput = FormInput<WorkingDaysForm>;

const bothNeeded: FormRule<WorkingDaysForm> = ({ input }) => [
  ...(input.from === undefined && input.add !== undefined ? [{ field: 'from' as const, ...own('calendar.page.error.from') }] : []),
  ...(input.add === undefined && input.from !== undefined ? [{ field: 'add' as const, ...own('calendar.page.error.add') }] : []),
];

export interface WorkingDaysFormResult {
  /** The question when both fields are valid. */
  question: { from: string; add: number } | null;
  errors: FieldError[];
  submitted: boolean;
  input: WorkingDaysInput;
}

export function parseWorkingDaysForm(query: Readonly<Record<string, unknown>>, lang: Lang): WorkingDaysFormResult {
  const form = parseForm(workingDaysForm, query, lang, bothNeeded);
  const submitted = form.input.from !== undefined || form.input.add !== undefined;
  if (!submitted) return { question: null, errors: [], submitted, input: form.input };
  const value = form.value;
  return { question: value?.from && value.add !== undefined ? { from: value.from, add: value.add } : null, errors: form.errors, submitted, input: form.input };
}
