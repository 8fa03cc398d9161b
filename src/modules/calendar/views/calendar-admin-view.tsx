/** The administrators' page of the working calendar: a year's special days, its status, and the override form. */
import type { StaffPrincipal } from '../../../platform/auth/index.js';
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary, RowActionForm, type FieldError } from '../../../platform/views/forms.js';
import { AdminNav, StaffField, StaffNotice, describedBy, staffTimeFormat } from '../../staff/index.js';
import type { OverrideInput } from '../change-overrides.js';
import { t } from '../messages.js';
import { describeReason, type CalendarDay } from '../working-calendar.js';
import { formatCalendarDate } from './format-date.js';

export interface CalendarYearStatus {
  year: number;
  inPackage: boolean;
  packageVersion: string;
  knownYears: string;
  /** When administrators confirmed the year entered in full (a year the package lacks). */
  enteredAt: Date | null;
}

export interface CalendarAdminProps {
  lang: Lang;
  staff: StaffPrincipal;
  status: CalendarYearStatus;
  years: number[];
  days: (CalendarDay & { addedAt?: Date })[];
  input: OverrideInput;
  errors: FieldError[];
  notice?: string;
}

function YearStatus({ lang, staff, status }: { lang: Lang; staff: StaffPrincipal; status: CalendarYearStatus }) {
  const { year } = status;
  if (status.inPackage) return <p>{t(lang, 'calendar.admin.status.package', { year, version: status.packageVersion })}</p>;
  const entered = status.enteredAt !== null;
  return (
    <div class="panel">
      <p>
        {entered
          ? t(lang, 'calendar.admin.status.entered', { year, date: staffTimeFormat[lang].format(status.enteredAt!) })
          : t(lang, 'calendar.admin.status.missing', { year, years: status.knownYears })}
      </p>
      <form method="post" action={urls.staffAdminCalendarYear(lang, year)} id="enter-year">
        <input type="hidden" name="_csrf" value={staff.csrfToken} />
        <input type="hidden" name="action" value={entered ? 'withdraw' : 'enter'} />
        <button type="submit" class={entered ? 'button button--secondary' : 'button'}>
          {t(lang, entered ? 'calendar.admin.withdrawYear' : 'calendar.admin.enterYear', { year })}
        </button>
      </form>
    </div>
  );
}

function DaysTable({ lang, staff, year, days }: { lang: Lang; staff: StaffPrincipal; year: number; days: CalendarAdminProps['days'] }) {
  if (days.length === 0) return <p>{t(lang, 'calendar.admin.days.none', { year })}</p>;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>{t(lang, 'calendar.admin.days.caption', { year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'calendar.admin.col.date')}</th>
            <th scope="col">{t(lang, 'calendar.admin.col.status')}</th>
            <th scope="col">{t(lang, 'calendar.admin.col.name')}</th>
            <th scope="col">{t(lang, 'calendar.admin.col.source')}</th>
            <th scope="col">{t(lang, 'calendar.admin.col.action')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => {
            const override = day.source.kind === 'override';
            return (
              <tr>
                <th scope="row">
                  <time dateTime={day.date}>{formatCalendarDate(day.date, lang)}</time>
                </th>
                <td>{t(lang, day.working ? 'calendar.admin.workingDay' : 'calendar.admin.dayOff')}</td>
                <td>{day.reason ? describeReason(day.reason)[lang] : ''}</td>
                <td>{override ? t(lang, 'calendar.admin.source.override', { date: day.addedAt ? staffTimeFormat[lang].format(day.addedAt) : '' }) : t(lang, 'calendar.admin.source.package')}</td>
                <td>
                  {override && (
                    <RowActionForm action={urls.staffAdminCalendarOverrideRemove(lang, day.date)} csrf={staff.csrfToken} label={t(lang, 'calendar.admin.remove')} which={t(lang, 'calendar.admin.removeWhich', { date: day.date })} small />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function OverrideForm({ lang, staff, input, errors }: Pick<CalendarAdminProps, 'lang' | 'staff' | 'input' | 'errors'>) {
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  const text = (name: 'date' | 'name_en' | 'name_zh', label: string, hint: string, lang2?: string) => (
    <StaffField lang={lang} name={name} label={label} hint={hint} error={errorOf(name)}>
      <input id={name} name={name} lang={lang2} value={input[name] ?? ''} aria-describedby={describedBy(name, true, errorOf(name))} aria-invalid={errorOf(name) ? 'true' : undefined} />
    </StaffField>
  );
  return (
    <form method="post" action={urls.staffAdminCalendarOverrides(lang)} class="staff-form" novalidate>
      <input type="hidden" name="_csrf" value={staff.csrfToken} />
      {text('date', t(lang, 'calendar.admin.field.date'), t(lang, 'calendar.admin.field.dateHint'))}
      <div class={`field staff-field${errorOf('kind') ? ' field--error' : ''}`} id="kind">
        <fieldset aria-describedby={errorOf('kind') ? 'kind-error' : undefined}>
          <legend>{t(lang, 'calendar.admin.field.kind')}</legend>
          {errorOf('kind') && (
            <p class="field__error" id="kind-error">
              {errorOf('kind')}
            </p>
          )}
          {(['day_off', 'working_day'] as const).map((kind) => (
            <div>
              <label>
                <input type="radio" name="kind" value={kind} checked={input.kind === kind} /> {t(lang, kind === 'day_off' ? 'calendar.admin.field.dayOff' : 'calendar.admin.field.workingDay')}
              </label>
            </div>
          ))}
        </fieldset>
      </div>
      {text('name_en', t(lang, 'calendar.admin.field.nameEn'), t(lang, 'calendar.admin.field.nameEnHint'), 'en')}
      {text('name_zh', t(lang, 'calendar.admin.field.nameZh'), t(lang, 'calendar.admin.field.nameZhHint'), 'zh-CN')}
      <StaffField lang={lang} name="note" label={t(lang, 'calendar.admin.field.note')} hint={t(lang, 'calendar.admin.field.noteHint')} error={errorOf('note')}>
        <textarea id="note" name="note" rows={3} aria-describedby={describedBy('note', true, errorOf('note'))} aria-invalid={errorOf('note') ? 'true' : undefined}>
          {input.note ?? ''}
        </textarea>
      </StaffField>
      <button type="submit" class="button">
        {t(lang, 'calendar.admin.submit')}
      </button>
    </form>
  );
}

export function CalendarAdminView(props: CalendarAdminProps) {
  const { lang, staff, status, years, days, errors, notice } = props;
  return (
    <>
      <AdminNav lang={lang} current="calendar" />
      <h1>{t(lang, 'calendar.admin.title')}</h1>
      {notice && <StaffNotice text={notice} />}
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <p>{t(lang, 'calendar.admin.lead')}</p>
      <nav class="staff-admin-nav" aria-label={t(lang, 'calendar.admin.years')}>
        <ul>
          {years.map((year) => (
            <li>
              <a href={urls.staffAdminCalendar(lang, { year })} aria-current={year === status.year ? 'page' : undefined}>
                {year}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{status.year}</h2>
      <YearStatus lang={lang} staff={staff} status={status} />
      <DaysTable lang={lang} staff={staff} year={status.year} days={days} />
      <h2 id="add">{t(lang, 'calendar.admin.add.title')}</h2>
      <OverrideForm {...props} />
    </>
  );
}
