/**
 * /:lang/working-days: when a time limit in working days ends. A GET form, cached like every public page; its key
 * holds the Beijing date (the form and the examples start today) and the calendar's revision (an override changes
 * the answers), so neither a new day nor an override is ever answered from a stale page.
 */
import type { FastifyInstance } from 'fastify';
import { fieldNames } from '../../platform/http/form.js';
import { registerPage, type PageDeps } from '../../platform/http/pages.js';
import { routes } from '../../platform/http/urls.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { SourceRef } from '../../platform/views/sources.js';
import { dayNumber, yearOfDay } from './civil-date.js';
import type { WorkingCalendarService } from './load-working-calendar.js';
import { t } from './messages.js';
import { noticeOf } from './package-days.js';
import { CalendarYearUnknownError, describeYears, type WorkingCalendar } from './working-calendar.js';
import { addWorkingDays } from './working-days.js';
import { parseWorkingDaysForm, workingDaysForm } from './working-days.form.js';
import { WorkingDaysView, type WorkingDaysViewProps } from './views/working-days-view.js';

interface CalendarStore {
  version: number;
  calendar: WorkingCalendar;
}

/** The notices of the years from `fromYear` to `toYear` the calendar holds, then the laws the page quotes. */
function pageSources(calendar: WorkingCalendar, lang: Lang, fromYear: number, toYear: number): SourceRef[] {
  const notices: SourceRef[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    if (!calendar.covers(year)) continue;
    const notice = noticeOf(year);
    notices.push({ document: `state-council-holidays-${year}`, title: notice.title, url: notice.url, section: t(lang, 'calendar.page.source.package', { version: calendar.packageVersion }) });
  }
  const law = (document: string, title: 'civilCode' | 'licensing' | 'complaints' | 'workingHours'): SourceRef => ({
    document,
    title: { en: t('en', `calendar.page.source.${title}`), zh: t('zh', `calendar.page.source.${title}`) },
    section: t(lang, `calendar.page.source.${title}Section`),
  });
  return [...notices, law('prc-civil-code', 'civilCode'), law('prc-administrative-licensing-law', 'licensing'), law('state-council-working-hours', 'workingHours'), law('mofcom-fie-complaint-measures', 'complaints')];
}

function answerFor(calendar: WorkingCalendar, question: { from: string; add: number } | null): Pick<WorkingDaysViewProps, 'answer' | 'unknownYear'> {
  if (!question) return { answer: null, unknownYear: null };
  try {
    return { answer: addWorkingDays(calendar, question.from, question.add), unknownYear: null };
  } catch (error) {
    if (!(error instanceof CalendarYearUnknownError)) throw error;
    const future = error.year > Math.max(...error.knownYears);
    return { answer: null, unknownYear: { year: error.year, future, years: describeYears(error.knownYears) } };
  }
}

export function registerCalendarPages(app: FastifyInstance, deps: PageDeps, calendars: WorkingCalendarService): void {
  const pageDeps: PageDeps<CalendarStore> = {
    ...deps,
    store: () => {
      calendars.refreshSoon();
      return { version: calendars.revision, calendar: calendars.current };
    },
  };
  registerPage(
    app,
    pageDeps,
    routes.workingDays,
    ({ lang, store, query, today }) => {
      const { calendar } = store;
      const form = parseWorkingDaysForm(query, lang);
      const { answer, unknownYear } = answerFor(calendar, form.question);
      const startYear = yearOfDay(dayNumber(answer?.from ?? today));
      const endYear = answer ? yearOfDay(dayNumber(answer.date)) : startYear + 1;
      const about = { en: t('en', 'calendar.page.about', { version: calendar.packageVersion, years: describeYears(calendar.knownYears) }), zh: t('zh', 'calendar.page.about', { version: calendar.packageVersion, years: describeYears(calendar.knownYears) }) };
      return {
        title: t(lang, 'calendar.page.title'),
        description: t(lang, 'calendar.page.lead'),
        status: form.errors.length ? 400 : 200,
        crumbs: [{ label: t(lang, 'calendar.page.nav') }],
        sources: pageSources(calendar, lang, startYear, endYear),
        body: <WorkingDaysView lang={lang} today={today} input={form.input} errors={form.errors} answer={answer} unknownYear={unknownYear} about={about} />,
      };
    },
    { query: fieldNames(workingDaysForm), dependsOnDate: true },
  );
}
