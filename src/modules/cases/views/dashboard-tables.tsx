/**
 * The dashboard's tables: on time per limit, resolved, ratings, per week, and open cases by unit, district and topic.
 * Every count links to the cases behind it; every chart on the page has one of these tables with its numbers.
 */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { formatNumber } from '../../../platform/views/components.js';
import type { DashboardFigures, OpenRow } from '../dashboard-figures.js';
import type { CaseFilter, CaseSet } from '../dashboard.queries.js';
import { tReports } from '../messages.js';
import { durationText, rateText, type ReportNames } from '../report-format.js';
import { weekInPeriod } from '../report-period.js';
import { Count, TableFrame } from './report-parts.js';

/** The link of a count: its set of cases, with the row's own filter (a district, a topic) added to the page's. */
export type CountHref = (set: CaseSet, extra?: CaseFilter) => string;

interface TableProps {
  lang: Lang;
  figures: DashboardFigures;
  names: ReportNames;
  href: CountHref;
}

const Th = ({ children, num }: { children: string; num?: boolean }) => (
  <th scope="col" class={num ? 'num' : undefined}>
    {children}
  </th>
);

export function OnTimeTable({ lang, figures, names, href }: TableProps) {
  const r = (key: Parameters<typeof tReports>[1]) => tReports(lang, key);
  const period = figures.period;
  return (
    <TableFrame label={r('dashboard.onTime.title')}>
      <table class="data-table">
        <caption>{r('dashboard.onTime.title')}</caption>
        <thead>
          <tr>
            <Th>{r('dashboard.onTime.limit')}</Th>
            <Th>{r('dashboard.onTime.stage')}</Th>
            <Th num>{r('dashboard.onTime.answered')}</Th>
            <Th num>{r('dashboard.onTime.met')}</Th>
            <Th num>{r('dashboard.onTime.breached')}</Th>
            <Th num>{r('dashboard.onTime.rate')}</Th>
            <Th num>{r('dashboard.onTime.median')}</Th>
          </tr>
        </thead>
        <tbody>
          {figures.byLimit.map((limit) => (
            <tr>
              <th scope="row">{names.limit(limit.limitId)}</th>
              <td>{names.stage(limit.limitId)}</td>
              <td class="num"><Count lang={lang} n={limit.of} href={href({ figure: 'answered', period, limit: limit.limitId })} /></td>
              <td class="num"><Count lang={lang} n={limit.yes} href={href({ figure: 'answered', period, limit: limit.limitId, sla: 'met' })} /></td>
              <td class="num"><Count lang={lang} n={limit.of - limit.yes} href={href({ figure: 'answered', period, limit: limit.limitId, sla: 'breached' })} /></td>
              <td class="num">{rateText(limit, lang)}</td>
              <td class="num">{limit.medianHours === null ? r('report.none') : durationText(limit.medianHours, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{r('dashboard.onTime.total')}</th>
            <td></td>
            <td class="num"><Count lang={lang} n={figures.onTime.of} href={href({ figure: 'answered', period })} /></td>
            <td class="num"><Count lang={lang} n={figures.onTime.yes} href={href({ figure: 'answered', period, sla: 'met' })} /></td>
            <td class="num"><Count lang={lang} n={figures.onTime.of - figures.onTime.yes} href={href({ figure: 'answered', period, sla: 'breached' })} /></td>
            <td class="num">{rateText(figures.onTime, lang)}</td>
            <td></td>
          </tr>
        </tfoot>
      </table>
    </TableFrame>
  );
}

export function ResolutionTable({ lang, figures, href }: TableProps) {
  const r = (key: Parameters<typeof tReports>[1]) => tReports(lang, key);
  const { resolution, period } = figures;
  return (
    <TableFrame label={r('dashboard.resolution.title')}>
      <table class="data-table">
        <caption>{r('dashboard.resolution.title')}</caption>
        <thead>
          <tr>
            <Th>{r('dashboard.resolution.answer')}</Th>
            <Th num>{r('dashboard.resolution.cases')}</Th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{r('dashboard.resolution.yes')}</th>
            <td class="num"><Count lang={lang} n={resolution.yes} href={href({ figure: 'answered', period, resolved: true })} /></td>
          </tr>
          <tr>
            <th scope="row">{r('dashboard.resolution.no')}</th>
            <td class="num"><Count lang={lang} n={resolution.of - resolution.yes} href={href({ figure: 'answered', period, resolved: false })} /></td>
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{r('dashboard.resolution')}</th>
            <td class="num">{rateText(resolution, lang)}</td>
          </tr>
        </tfoot>
      </table>
    </TableFrame>
  );
}

export function SatisfactionTable({ lang, figures, href }: TableProps) {
  const r = (key: Parameters<typeof tReports>[1]) => tReports(lang, key);
  const { satisfaction, period } = figures;
  return (
    <TableFrame label={r('dashboard.satisfaction.title')}>
      <table class="data-table">
        <caption>{r('dashboard.satisfaction.title')}</caption>
        <thead>
          <tr>
            <Th>{r('dashboard.satisfaction.rating')}</Th>
            <Th num>{r('dashboard.satisfaction.count')}</Th>
          </tr>
        </thead>
        <tbody>
          {satisfaction.distribution.map((n, i) => (
            <tr>
              <th scope="row">{i + 1}</th>
              <td class="num"><Count lang={lang} n={n} href={href({ figure: 'answered', period, satisfaction: i + 1 })} /></td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{r('dashboard.satisfaction.mean')}</th>
            <td class="num">{satisfaction.ratings ? tReports(lang, 'report.mean', { mean: formatNumber(Math.round((satisfaction.sum / satisfaction.ratings) * 100) / 100, lang) }) : r('report.none')}</td>
          </tr>
        </tfoot>
      </table>
    </TableFrame>
  );
}

export function TrendTable({ lang, figures, href }: TableProps) {
  const r = (key: Parameters<typeof tReports>[1]) => tReports(lang, key);
  return (
    <TableFrame label={r('dashboard.trend.title')}>
      <table class="data-table">
        <caption>{r('dashboard.trend.title')}</caption>
        <thead>
          <tr>
            <Th>{r('dashboard.trend.week')}</Th>
            <Th num>{r('dashboard.trend.received')}</Th>
            <Th num>{r('dashboard.trend.answered')}</Th>
            <Th num>{r('dashboard.trend.onTime')}</Th>
            <Th num>{r('dashboard.trend.rate')}</Th>
          </tr>
        </thead>
        <tbody>
          {figures.weeks.map((week) => {
            const period = weekInPeriod(week.week, figures.period);
            return (
              <tr>
                <th scope="row">{week.week}</th>
                <td class="num"><Count lang={lang} n={week.received} href={href({ figure: 'received', period })} /></td>
                <td class="num"><Count lang={lang} n={week.answered} href={href({ figure: 'answered', period })} /></td>
                <td class="num"><Count lang={lang} n={week.onTime.yes} href={href({ figure: 'answered', period, sla: 'met' })} /></td>
                <td class="num">{rateText(week.onTime, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableFrame>
  );
}

type Dimension = 'unit' | 'district' | 'topic';

export function OpenTable({ lang, rows, dimension, names, href }: { lang: Lang; rows: OpenRow[]; dimension: Dimension; names: ReportNames; href: CountHref }) {
  const r = (key: Parameters<typeof tReports>[1]) => tReports(lang, key);
  const title = r(dimension === 'unit' ? 'dashboard.open.byUnit' : dimension === 'district' ? 'dashboard.open.byDistrict' : 'dashboard.open.byTopic');
  const nameOf = (id: string | null) => (dimension === 'unit' ? names.unit(id) : dimension === 'district' ? names.district(id) : names.topic(id ?? ''));
  /** The cases of one cell: a unit is a set of its own; a district or topic narrows the filter (no district: no link). */
  const cell = (id: string | null, sla?: 'due_soon' | 'overdue' | 'paused') => {
    if (dimension === 'unit') return href({ figure: 'open', sla, unit: id });
    if (id === null) return undefined;
    return href({ figure: 'open', sla }, dimension === 'district' ? { district: id } : { topic: id });
  };
  return (
    <TableFrame label={title}>
      <table class="data-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <Th>{r(dimension === 'unit' ? 'dashboard.open.unit' : dimension === 'district' ? 'dashboard.open.district' : 'dashboard.open.topic')}</Th>
            <Th num>{r('dashboard.open.open')}</Th>
            <Th num>{r('dashboard.open.dueSoon')}</Th>
            <Th num>{r('dashboard.open.overdue')}</Th>
            <Th num>{r('dashboard.open.paused')}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{nameOf(row.id)}</th>
              <td class="num"><Count lang={lang} n={row.open} href={cell(row.id)} /></td>
              <td class="num"><Count lang={lang} n={row.dueSoon} href={cell(row.id, 'due_soon')} /></td>
              <td class="num"><Count lang={lang} n={row.overdue} href={cell(row.id, 'overdue')} /></td>
              <td class="num"><Count lang={lang} n={row.paused} href={cell(row.id, 'paused')} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
