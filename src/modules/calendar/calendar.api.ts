/** GET /api/v1/calendar/working-days: the date n working days after a date, or the working days between two dates. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/http/errors.js';
import { jsonSchemaOf } from '../../platform/http/openapi-schema.js';
import { parseInput } from '../../platform/http/validation.js';
import { urls } from '../../platform/http/urls.js';
import { yearOfDay, dayNumber } from './civil-date.js';
import { addAnswerSchema, countAnswerSchema, workingDaysQuerySchema } from './calendar.schemas.js';
import { describeDay } from './describe-day.js';
import type { WorkingCalendarService } from './load-working-calendar.js';
import { CalendarYearUnknownError, describeYears } from './working-calendar.js';
import { addWorkingDays, countWorkingDays } from './working-days.js';

const answerSchema = { oneOf: [jsonSchemaOf(addAnswerSchema), jsonSchemaOf(countAnswerSchema)] };

/** 422: the question is well formed, but its answer needs a year whose arrangement the calendar does not hold. */
export function yearUnknownProblem(error: CalendarYearUnknownError, parameter: string): AppError {
  const reason = `the count reaches ${error.year}, whose holiday arrangement the working calendar does not hold yet (it holds ${describeYears(error.knownYears)})`;
  return new AppError(422, 'calendar-year-unknown', 'Year not in the working calendar', `${reason[0].toUpperCase()}${reason.slice(1)}.`, [{ name: parameter, reason }]);
}

/** The parameter to blame: the one whose date lies in the unknown year, else the one that made the count reach it. */
function blame(error: CalendarYearUnknownError, query: { from: string; to?: string }): string {
  if (yearOfDay(dayNumber(query.from)) === error.year) return 'from';
  return query.to !== undefined ? 'to' : 'add';
}

export function registerCalendarApi(api: FastifyInstance, calendars: WorkingCalendarService): void {
  api.get(urls.apiWorkingDays(), { schema: { response: { 200: answerSchema } } }, async (request) => {
    const query = parseInput(workingDaysQuerySchema, request.query);
    calendars.refreshSoon();
    const calendar = calendars.current;
    try {
      if (query.to !== undefined) return { from: query.from, to: query.to, working_days: countWorkingDays(calendar, query.from, query.to) };
      const answer = addWorkingDays(calendar, query.from, query.add!);
      return { from: query.from, add: query.add!, date: answer.date, skipped: answer.skipped.map(describeDay), extra_working_days: answer.extraWorkingDays.map(describeDay) };
    } catch (error) {
      if (error instanceof CalendarYearUnknownError) throw yearUnknownProblem(error, blame(error, query));
      throw error;
    }
  });
}
