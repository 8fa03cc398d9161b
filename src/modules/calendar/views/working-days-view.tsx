/** The working-days page: the answer (end date, days not counted, weekends worked), the GET form and how it counts. */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { ExternalLink, PageHeader, Section } from '../../../platform/views/components.js';
import { ErrorSummary, Field, describedBy, type FieldError } from '../../../platform/views/forms.js';
import { DataNote } from '../../../platform/views/sources.js';
import { t } from '../messages.js';
import { describeReason, type CalendarDay } from '../working-calendar.js';
import type { WorkingDaysInput } from '../working-days.form.js';
import { formatCalendarDate } from './format-date.js';

export interface WorkingDaysAnswerView {
  from: string;
  add: number;
  date: string;
  skipped: CalendarDay[];
  extraWorkingDays: CalendarDay[];
}

export interface WorkingDaysViewProps {
  lang: Lang;
  today: string;
  input: WorkingDaysInput;
  errors: FieldError[];
  answer: WorkingDaysAnswerView | null;
  /** The count reached a year the calendar does not hold. */
  unknownYear: { year: number; future: boolean; years: string } | null;
  about: { en: string; zh: string };
}

function WorkingDaysForm({ lang, today, input, errors }: Pick<WorkingDaysViewProps, 'lang' | 'today' | 'input' | 'errors'>) {
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  return (
    <form class="working-days-form" method="get" action={urls.workingDays(lang)}>
      <fieldset>
        <legend>{t(lang, 'calendar.page.form')}</legend>
        <div class="form-grid">
          <Field lang={lang} name="from" label={t(lang, 'calendar.page.from')} hint={t(lang, 'calendar.page.fromHint')} error={errorOf('from')}>
            <input id="from" name="from" type="date" value={input.from ?? today} aria-describedby={describedBy('from', true, errorOf('from'))} aria-invalid={errorOf('from') ? 'true' : undefined} />
          </Field>
          <Field lang={lang} name="add" label={t(lang, 'calendar.page.add')} error={errorOf('add')}>
            <input id="add" name="add" inputMode="numeric" value={input.add ?? ''} aria-describedby={describedBy('add', false, errorOf('add'))} aria-invalid={errorOf('add') ? 'true' : undefined} />
          </Field>
        </div>
      </fieldset>
      <button type="submit" class="button">
        {t(lang, 'calendar.page.submit')}
      </button>
    </form>
  );
}

function SourceCell({ lang, day }: { lang: Lang; day: CalendarDay }) {
  const source = day.source;
  switch (source.kind) {
    case 'state_council_notice': {
      const text = t(lang, 'calendar.page.table.notice', { year: source.year });
      return <td>{source.url ? <ExternalLink href={source.url}>{text}</ExternalLink> : text}</td>;
    }
    case 'override':
      return <td>{t(lang, 'calendar.source.override')}</td>;
    case 'assumed':
      return <td>{t(lang, 'calendar.page.table.assumed')}</td>;
    case 'weekday_rule':
      return <td>{t(lang, 'calendar.page.table.weekend')}</td>;
  }
}

function DaysTable({ lang, days, caption, hideCaption }: { lang: Lang; days: CalendarDay[]; caption: string; hideCaption?: boolean }) {
  return (
    <div class="table-wrap" role="region" aria-label={caption} tabindex={0}>
      <table class="data-table">
        <caption class={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'calendar.page.table.date')}</th>
            <th scope="col">{t(lang, 'calendar.page.table.reason')}</th>
            <th scope="col">{t(lang, 'calendar.page.table.source')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr>
              <th scope="row">
                <time dateTime={day.date}>{formatCalendarDate(day.date, lang)}</time>
              </th>
              <td>{day.reason ? describeReason(day.reason)[lang] : ''}</td>
              <SourceCell lang={lang} day={day} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Answer({ lang, answer }: { lang: Lang; answer: WorkingDaysAnswerView }) {
  return (
    <>
      <div class="answer-card" id="answer">
        <h2>{t(lang, 'calendar.page.answer.heading')}</h2>
        <p class="answer-card__sentence">
          {t(lang, 'calendar.page.answer.sentence', { count: answer.add, from: formatCalendarDate(answer.from, lang), date: formatCalendarDate(answer.date, lang) })}
        </p>
        <p class="answer-card__source">{t(lang, 'calendar.page.answer.startNotCounted')}</p>
      </div>
      <Section id="skipped" title={t(lang, 'calendar.page.skipped.heading')}>
        {answer.skipped.length ? (
          <DaysTable lang={lang} days={answer.skipped} caption={t(lang, 'calendar.page.skipped.caption', { count: answer.skipped.length })} />
        ) : (
          <p>{t(lang, 'calendar.page.skipped.none')}</p>
        )}
      </Section>
      {answer.extraWorkingDays.length > 0 && (
        <Section id="worked-weekends" title={t(lang, 'calendar.page.extra.heading')}>
          <p>{t(lang, 'calendar.page.extra.lead')}</p>
          <DaysTable lang={lang} days={answer.extraWorkingDays} caption={t(lang, 'calendar.page.extra.heading')} hideCaption />
        </Section>
      )}
    </>
  );
}

const EXAMPLES = [
  ['calendar.page.example.acceptance', 7],
  ['calendar.page.example.materials', 15],
  ['calendar.page.example.handling', 60],
] as const;

export function WorkingDaysView(props: WorkingDaysViewProps) {
  const { lang, today, answer, unknownYear, errors } = props;
  return (
    <>
      <PageHeader lang={lang} title={t(lang, 'calendar.page.title')} lead={t(lang, 'calendar.page.lead')} />
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      {unknownYear && (
        <div class="panel" role="status" id="answer">
          <h2>{t(lang, 'calendar.page.unknownYear.heading')}</h2>
          <p>{unknownYear.future ? t(lang, 'calendar.page.unknownYear.future', { year: unknownYear.year }) : t(lang, 'calendar.page.unknownYear.past', { years: unknownYear.years })}</p>
        </div>
      )}
      {answer && <Answer lang={lang} answer={answer} />}
      <WorkingDaysForm {...props} />
      <Section id="examples" title={t(lang, 'calendar.page.examples')}>
        <ul class="bullets">
          {EXAMPLES.map(([key, add]) => (
            <li>
              <a href={urls.workingDays(lang, { from: today, add })}>{t(lang, key)}</a>
            </li>
          ))}
        </ul>
        <p class="hint">{t(lang, 'calendar.page.examplesSource')}</p>
      </Section>
      <Section id="how" title={t(lang, 'calendar.page.how.heading')}>
        <ul class="bullets">
          <li>{t(lang, 'calendar.page.how.startDay')}</li>
          <li>{t(lang, 'calendar.page.how.end')}</li>
          <li>{t(lang, 'calendar.page.how.working')}</li>
          <li>{t(lang, 'calendar.page.how.law')}</li>
        </ul>
        <DataNote lang={lang} note={props.about} />
      </Section>
    </>
  );
}
