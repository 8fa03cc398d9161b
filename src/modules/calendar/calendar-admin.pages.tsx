/**
 * /:lang/staff/admin/calendar: administrators see a year's holidays and make-up working days (package and overrides),
 * add and remove overrides, and confirm a year the package lacks as entered in full. Every route is for
 * administrators only (`staffGuard: { roles: ['admin'] }`; POSTs carry the session's CSRF token, checked by the
 * guard); every change is audited in its transaction (change-overrides.ts) and reloads this process's calendar at
 * once (other processes within CONTENT_POLL_MS).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { StaffGuard } from '../../platform/auth/index.js';
import type { Clock } from '../../platform/clock.js';
import { todayInBeijing } from '../../platform/clock.js';
import { AppError, NotFoundError } from '../../platform/http/errors.js';
import { routes, urls } from '../../platform/http/urls.js';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { langOf, sendStaffPage } from '../staff/index.js';
import { addCalendarOverride, readOverrideForm, removeCalendarOverride, setCalendarYearEntered, type CalendarChangeResult, type OverrideInput } from './change-overrides.js';
import { isCivilDate } from './civil-date.js';
import { listEnteredYears } from './calendar.repository.js';
import type { CalendarDb } from './calendar.tables.js';
import type { WorkingCalendarService } from './load-working-calendar.js';
import { t } from './messages.js';
import { packageCalendar } from './package-days.js';
import { statutoryHolidays } from './statutory-holidays.js';
import { describeYears, type WorkingCalendar } from './working-calendar.js';
import { CalendarAdminView } from './views/calendar-admin-view.js';

const ADMIN: StaffGuard = { roles: ['admin'] };
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

const NOTICES = ['added', 'removed', 'year-entered', 'year-withdrawn'] as const;
const listQuerySchema = z.object({
  year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR).optional().catch(undefined),
  notice: z.enum(NOTICES).optional().catch(undefined),
  date: z.string().max(10).refine(isCivilDate).optional().catch(undefined),
});

/**
 * A year is confirmed as entered only when its overrides make at least every statutory holiday a day off (or, beyond
 * the statutory table, hold at least one day off): confirming an empty year would count it by weekends alone.
 */
function statutoryDaysMissing(calendar: WorkingCalendar, year: number): string[] {
  const daysOff = new Set(calendar.overrides.filter((o) => !o.working && o.date.startsWith(`${year}-`)).map((o) => o.date));
  const statutory = statutoryHolidays(year);
  if (!statutory) return daysOff.size ? [] : [`${year}-01-01`];
  return [...statutory.keys()].filter((date) => !daysOff.has(date)).sort();
}

export interface CalendarAdminDeps {
  db: CalendarDb;
  clock: Clock;
  calendars: WorkingCalendarService;
}

const forbidden = () => new AppError(403, 'forbidden', 'Forbidden', 'You are no longer an enabled administrator.');

function route(app: FastifyInstance, method: 'GET' | 'POST', url: string, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) {
  app.route({ method, url, config: { staffGuard: ADMIN }, handler });
}

function noticeText(lang: Lang, query: z.infer<typeof listQuerySchema>): string | undefined {
  if (!query.notice) return undefined;
  if (query.notice === 'added' || query.notice === 'removed') return query.date ? t(lang, `calendar.admin.notice.${query.notice}`, { date: query.date }) : undefined;
  return query.year ? t(lang, query.notice === 'year-entered' ? 'calendar.admin.notice.yearEntered' : 'calendar.admin.notice.yearWithdrawn', { year: query.year }) : undefined;
}

export function registerCalendarAdminPages(app: FastifyInstance, deps: CalendarAdminDeps): void {
  const { db, clock, calendars } = deps;

  const yearPage = async (request: FastifyRequest, reply: FastifyReply, lang: Lang, view: { year: number; input: OverrideInput; errors: FieldError[]; notice?: string }) => {
    const calendar = await calendars.refresh();
    const entered = await listEnteredYears(db);
    const { year } = view;
    const addedAt = new Map(calendar.overrides.map((o) => [o.date, o.createdAt]));
    const days = calendar.specialDays(year).map((d) => ({ ...d, addedAt: addedAt.get(d.date) }));
    const thisYear = Number(todayInBeijing(clock()).slice(0, 4));
    const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, year, ...entered.map((e) => e.year), ...calendar.overrides.map((o) => Number(o.date.slice(0, 4)))])].sort((a, b) => a - b);
    const status = {
      year,
      inPackage: packageCalendar().years.includes(year),
      packageVersion: calendar.packageVersion,
      knownYears: describeYears(packageCalendar().years),
      enteredAt: entered.find((e) => e.year === year)?.createdAt ?? null,
    };
    const title = t(lang, 'calendar.admin.title');
    const body = <CalendarAdminView lang={lang} staff={request.staff!} status={status} years={years} days={days} input={view.input} errors={view.errors} notice={view.notice} />;
    return sendStaffPage(request, reply, lang, view.errors.length ? `${tPlatform(lang, 'form.errorSummary')}: ${title}` : title, body, view.errors.length ? 400 : 200);
  };

  const failed = (result: CalendarChangeResult & { ok: false }, what: string): never => {
    if (result.reason === 'not-found') throw new NotFoundError(`No ${what}.`);
    throw forbidden();
  };

  route(app, 'GET', routes.staffAdminCalendar, async (request, reply) => {
    const lang = langOf(request);
    const query = listQuerySchema.parse(request.query ?? {});
    const year = query.year ?? Number(todayInBeijing(clock()).slice(0, 4));
    return yearPage(request, reply, lang, { year, input: {}, errors: [], notice: noticeText(lang, query) });
  });

  route(app, 'POST', routes.staffAdminCalendarOverrides, async (request, reply) => {
    const lang = langOf(request);
    const form = readOverrideForm((request.body ?? {}) as Record<string, unknown>, lang);
    const year = form.value ? Number(form.value.date.slice(0, 4)) : Number((form.input.date && isCivilDate(form.input.date) ? form.input.date : todayInBeijing(clock())).slice(0, 4));
    if (!form.value) return yearPage(request, reply, lang, { year, input: form.input, errors: form.errors });
    const result = await addCalendarOverride(db, { actor: request.staff!.userId, now: clock(), requestId: request.id, override: form.value });
    if (result.ok) {
      await calendars.reload();
      return reply.redirect(urls.staffAdminCalendar(lang, { year, notice: 'added', date: form.value.date }), 303);
    }
    if (result.reason === 'date-taken') return yearPage(request, reply, lang, { year, input: form.input, errors: [{ field: 'date', message: t(lang, 'calendar.admin.error.dateTaken') }] });
    return failed(result, 'override');
  });

  route(app, 'POST', routes.staffAdminCalendarOverrideRemove, async (request, reply) => {
    const lang = langOf(request);
    const { date } = request.params as { date: string };
    if (!isCivilDate(date)) throw new NotFoundError(`No override for ${date}.`);
    const result = await removeCalendarOverride(db, { actor: request.staff!.userId, now: clock(), requestId: request.id, date });
    if (!result.ok) return failed(result, `override for ${date}`);
    await calendars.reload();
    return reply.redirect(urls.staffAdminCalendar(lang, { year: Number(date.slice(0, 4)), notice: 'removed', date }), 303);
  });

  route(app, 'POST', routes.staffAdminCalendarYear, async (request, reply) => {
    const lang = langOf(request);
    const year = Number((request.params as { year: string }).year);
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new NotFoundError(`No calendar year ${year}.`);
    const entered = (request.body as { action?: unknown } | undefined)?.action === 'enter';
    if (entered && packageCalendar().years.includes(year)) throw new AppError(409, 'year-in-package', 'Conflict', `The package holds the arrangement for ${year}: correct single days with overrides instead.`);
    const missing = entered ? statutoryDaysMissing(await calendars.refresh(), year) : [];
    if (missing.length) {
      const message = t(lang, 'calendar.admin.error.yearIncomplete', { year, dates: missing.join(lang === 'zh' ? '、' : ', ') });
      return yearPage(request, reply, lang, { year, input: {}, errors: [{ field: 'enter-year', message }] });
    }
    const result = await setCalendarYearEntered(db, { actor: request.staff!.userId, now: clock(), requestId: request.id, year, entered });
    if (!result.ok) return failed(result, `calendar year ${year}`);
    await calendars.reload();
    return reply.redirect(urls.staffAdminCalendar(lang, { year, notice: entered ? 'year-entered' : 'year-withdrawn' }), 303);
  });

  // The forms' addresses opened directly (the language switch of a page that answered a form, a reload): back to the
  // calendar, never a repeat of the change.
  for (const url of [routes.staffAdminCalendarOverrides, routes.staffAdminCalendarOverrideRemove, routes.staffAdminCalendarYear]) {
    route(app, 'GET', url, async (request, reply) => reply.redirect(urls.staffAdminCalendar(langOf(request)), 303));
  }
}
