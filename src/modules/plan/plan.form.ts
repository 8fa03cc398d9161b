/**
 * The plan's own fields, asked with the questionnaire: floor area and salary for the cost estimate, and the start
 * date deadlines count from. A plan never refuses them: an area or a salary that is not a number leaves the cost
 * out, a start date that is not a date means today (the calendar download, which needs a date, refuses it).
 */
import { z } from 'zod';
import { decimal, field, text, type FormInput } from '../../platform/http/form.js';
import { t } from './messages.js';
import { tEstimator } from '../estimator/index.js';

/** Earliest and latest start dates a plan accepts: deadlines counted from them stay real calendar dates. */
export const START_RANGE = { min: '2000-01-01', max: '2099-12-31' } as const;

/** A real calendar date (2025-02-31 is not one) in START_RANGE, written YYYY-MM-DD. */
export function isPlanDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && value >= START_RANGE.min && value <= START_RANGE.max;
}

export const planForm = z.object({
  /** Also the area the suggested locations are ranked for (at most the ranking's 1,000,000 m²). */
  office_area: decimal({ positive: true, max: 1_000_000 }, { label: (lang) => tEstimator(lang, 'estimator.officeArea') }),
  /** Read by the cost estimate, which checks it with the number of staff (planEstimate). */
  salary: text(),
  start: field(z.string().refine(isPlanDate).optional(), { label: (lang) => t(lang, 'plan.start') }),
});

export type PlanInput = FormInput<z.output<typeof planForm>>;
