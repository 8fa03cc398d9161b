/**
 * The staff dashboard of the service line: the period form, the summary, what each figure counts, then on time per
 * limit, resolved and ratings, the weekly trend and the open cases by unit, district and topic — each chart followed
 * by the table of its numbers, each count a link to its cases, everything also as CSV.
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { formatNumber, PageHeader, Section } from '../../../platform/views/components.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import { labelledBarsSvg, seriesChartSvg } from '../charts.js';
import { dashboardParams } from '../dashboard.form.js';
import { percent, rateText, type ReportNames } from '../report-format.js';
import type { DashboardFigures } from '../dashboard-figures.js';
import type { CaseFilter } from '../dashboard.queries.js';
import { tReports } from '../messages.js';
import type { ReportPeriod } from '../report-period.js';
import { DashboardFilters, type Named } from './dashboard-filters.js';
import { OnTimeTable, OpenTable, ResolutionTable, SatisfactionTable, TrendTable, type CountHref } from './dashboard-tables.js';
import { Chart, Count } from './report-parts.js';

export interface DashboardViewProps {
  lang: Lang;
  scope: string;
  input: Record<string, string | undefined>;
  errors: FieldError[];
  period: ReportPeriod;
  filter: CaseFilter;
  topics: Named[];
  districts?: Named[];
  /** Null when the form has errors: no figure is shown for a period the reader did not ask for. */
  figures: DashboardFigures | null;
  names: ReportNames;
  href: CountHref;
}

type Key = Parameters<typeof tReports>[1];

function Summary({ lang, figures, href }: { lang: Lang; figures: DashboardFigures; href: CountHref }) {
  const r = (key: Key) => tReports(lang, key);
  const { period, satisfaction, open } = figures;
  const stat = (label: Key, value: preact.ComponentChildren, detail?: preact.ComponentChildren) => (
    <li class="stat">
      <span class="stat__label">{r(label)}</span>
      <span class="stat__value">{value}</span>
      {detail && <span class="stat__context">{detail}</span>}
    </li>
  );
  const share = (yes: number, of: number) => tReports(lang, 'report.rateOf', { yes: formatNumber(yes, lang), of: formatNumber(of, lang) });
  return (
    <ul class="stat-grid dashboard-summary" aria-label={r('dashboard.summary')}>
      {stat('dashboard.received', <Count lang={lang} n={figures.received} href={href({ figure: 'received', period })} />)}
      {stat('dashboard.accepted', <Count lang={lang} n={figures.accepted} href={href({ figure: 'accepted', period })} />)}
      {stat('dashboard.answered', <Count lang={lang} n={figures.answered} href={href({ figure: 'answered', period })} />)}
      {stat('dashboard.onTime', rateText(figures.onTime, lang), figures.onTime.of ? <a href={href({ figure: 'answered', period, sla: 'met' })}>{share(figures.onTime.yes, figures.onTime.of)}</a> : undefined)}
      {stat('dashboard.resolution', rateText(figures.resolution, lang), figures.resolution.of ? <a href={href({ figure: 'answered', period, resolved: true })}>{share(figures.resolution.yes, figures.resolution.of)}</a> : undefined)}
      {stat(
        'dashboard.satisfaction',
        satisfaction.ratings ? tReports(lang, 'report.mean', { mean: formatNumber(Math.round((satisfaction.sum / satisfaction.ratings) * 100) / 100, lang) }) : r('report.none'),
        tReports(lang, 'dashboard.satisfaction.ratings', { count: formatNumber(satisfaction.ratings, lang) }),
      )}
      {stat('dashboard.openNow', <Count lang={lang} n={open.total.open} href={href({ figure: 'open' })} />, tReports(lang, 'dashboard.openNow.detail', { overdue: formatNumber(open.total.overdue, lang), dueSoon: formatNumber(open.total.dueSoon, lang) }))}
    </ul>
  );
}

function Definitions({ lang }: { lang: Lang }) {
  const rows: [Key, Key][] = [
    ['dashboard.received', 'dashboard.def.received'],
    ['dashboard.accepted', 'dashboard.def.accepted'],
    ['dashboard.answered', 'dashboard.def.answered'],
    ['dashboard.onTime', 'dashboard.def.onTime'],
    ['dashboard.resolution', 'dashboard.def.resolution'],
    ['dashboard.satisfaction', 'dashboard.def.satisfaction'],
    ['dashboard.openNow', 'dashboard.def.open'],
  ];
  return (
    <dl class="report-definitions">
      {rows.map(([term, definition]) => (
        <>
          <dt>{tReports(lang, term)}</dt>
          <dd>{tReports(lang, definition)}</dd>
        </>
      ))}
    </dl>
  );
}

function Figures({ lang, figures, names, href, filter }: { lang: Lang; figures: DashboardFigures; names: ReportNames; href: CountHref; filter: CaseFilter }) {
  const r = (key: Key) => tReports(lang, key);
  const props = { lang, figures, names, href };
  const answeredLimits = figures.byLimit.filter((l) => l.of > 0);
  const weekLabels = figures.weeks.map((w) => w.week.slice(5));
  return (
    <>
      <p>{tReports(lang, 'dashboard.period', { period: tReports(lang, 'report.period', { from: figures.period.from, to: figures.period.to }) })}</p>
      <Summary lang={lang} figures={figures} href={href} />
      <p>
        <a href={urls.staffCasesDashboardCsv(lang, dashboardParams(filter, figures.period))} download>
          {r('dashboard.csv.figures')}
        </a>
      </p>
      <Section id="definitions" title={r('dashboard.definitions')}>
        <Definitions lang={lang} />
      </Section>
      <Section id="on-time" title={r('dashboard.onTime.title')}>
        {answeredLimits.length > 0 && (
          <Chart
            caption={r('dashboard.onTime.chart')}
            svg={labelledBarsSvg({ title: r('dashboard.onTime.chart'), labels: answeredLimits.map((l) => names.limit(l.limitId)), values: answeredLimits.map((l) => percent(l) ?? 0), unit: r('dashboard.chart.percent'), max: 100 })}
          />
        )}
        <OnTimeTable {...props} />
      </Section>
      <Section id="resolution" title={`${r('dashboard.resolution')} · ${r('dashboard.satisfaction')}`}>
        <ResolutionTable {...props} />
        {figures.satisfaction.ratings > 0 && (
          <Chart
            caption={r('dashboard.satisfaction.chart')}
            svg={seriesChartSvg({ title: r('dashboard.satisfaction.chart'), categories: ['1', '2', '3', '4', '5'], unit: r('dashboard.chart.cases'), width: 480, height: 260, series: [{ name: r('dashboard.satisfaction.count'), type: 'bar', values: [...figures.satisfaction.distribution] }] })}
          />
        )}
        <SatisfactionTable {...props} />
      </Section>
      <Section id="trend" title={r('dashboard.trend.title')}>
        <Chart
          caption={r('dashboard.trend.chart')}
          svg={seriesChartSvg({
            title: r('dashboard.trend.chart'),
            categories: weekLabels,
            unit: r('dashboard.chart.cases'),
            series: [
              { name: r('dashboard.trend.received'), type: 'bar', values: figures.weeks.map((w) => w.received) },
              { name: r('dashboard.trend.answered'), type: 'bar', values: figures.weeks.map((w) => w.answered) },
            ],
          })}
        />
        <Chart
          caption={r('dashboard.trend.rateChart')}
          svg={seriesChartSvg({ title: r('dashboard.trend.rateChart'), categories: weekLabels, unit: r('dashboard.chart.percent'), max: 100, series: [{ name: r('dashboard.trend.rate'), type: 'line', values: figures.weeks.map((w) => percent(w.onTime)) }] })}
        />
        <p class="hint">{r('dashboard.trend.note')}</p>
        <TrendTable {...props} />
      </Section>
      <Section id="open" title={r('dashboard.open.title')}>
        {figures.open.total.open === 0 ? (
          <p>{r('dashboard.open.none')}</p>
        ) : (
          <>
            <OpenTable lang={lang} rows={figures.open.byUnit} dimension="unit" names={names} href={href} />
            <OpenTable lang={lang} rows={figures.open.byDistrict} dimension="district" names={names} href={href} />
            <OpenTable lang={lang} rows={figures.open.byTopic} dimension="topic" names={names} href={href} />
          </>
        )}
      </Section>
    </>
  );
}

export function DashboardView(props: DashboardViewProps) {
  const { lang, figures, errors } = props;
  return (
    <div class="dashboard">
      <PageHeader lang={lang} title={tReports(lang, 'dashboard.title')} lead={tReports(lang, 'dashboard.lead')} />
      <p class="dashboard-scope">{props.scope}</p>
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <DashboardFilters lang={lang} input={props.input} errors={errors} period={props.period} topics={props.topics} districts={props.districts} />
      {figures && <Figures lang={lang} figures={figures} names={props.names} href={props.href} filter={props.filter} />}
    </div>
  );
}
