/**
 * The working-days API's query and answers. The query schema validates requests and documents their parameters; the
 * answer schemas serialise responses (Fastify's fast-json-stringify) and document them, so the two cannot drift.
 */
import { z } from 'zod';
import { isCivilDate } from './civil-date.js';

/** Largest `add` the API and the page accept: four years of working days, far above any legal limit. */
export const MAX_ADD = 1000;

const civilDate = z.string().refine(isCivilDate, 'a real date written YYYY-MM-DD, such as 2026-09-30');

export const workingDaysQuerySchema = z
  .object({
    from: civilDate.describe('The start date, YYYY-MM-DD. It is not counted: counting begins the next day.'),
    add: z
      .string()
      .regex(/^\d{1,4}$/, `a whole number of working days from 0 to ${MAX_ADD}`)
      .transform(Number)
      .pipe(z.number().max(MAX_ADD, `a whole number of working days from 0 to ${MAX_ADD}`))
      .optional()
      .describe(`How many working days to add (0–${MAX_ADD}): the answer is the last of them. Give add or to.`),
    to: civilDate.optional().describe('The end date, YYYY-MM-DD: the answer counts the working days after from up to and including to (negative when to is before from). Give add or to.'),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (query.add !== undefined && query.to !== undefined) {
      for (const name of ['add', 'to']) ctx.addIssue({ code: 'custom', path: [name], message: 'give either add (working days to add) or to (a date to count to), not both' });
    }
    if (query.add === undefined && query.to === undefined) ctx.addIssue({ code: 'custom', path: ['add'], message: 'give add (working days to add) or to (a date to count to)' });
  });
export type WorkingDaysQuery = z.output<typeof workingDaysQuerySchema>;

const bilingual = z.object({ en: z.string(), zh: z.string() });

export const daySourceSchema = z
  .object({ title: bilingual, url: z.string().nullable() })
  .describe('The State Council notice that arranged the day (as transcribed by the chinese-days package), or the administrators’ override');

export const dayWithReasonSchema = z.object({
  date: z.string(),
  reason: bilingual.describe('why the day is not (or, for a weekend, is) a working day'),
  source: daySourceSchema.nullable().describe('null for an ordinary weekend'),
});

export const addAnswerSchema = z.object({
  from: z.string(),
  add: z.int(),
  date: z.string().describe('the last of the working days added; a limit in working days ends at 24:00 Beijing time on it'),
  skipped: z.array(dayWithReasonSchema).describe('the days after from and before date that are not working days'),
  extra_working_days: z.array(dayWithReasonSchema).describe('days counted although usually off: make-up working weekends (调休上班) and days an override opened'),
});

export const countAnswerSchema = z.object({
  from: z.string(),
  to: z.string(),
  working_days: z.int().describe('working days after from up to and including to; negative when to is before from'),
});
