/**
 * The cases behind one count of the dashboard: what the count is (figure, period, filters, cell), the cases as a
 * table — references linking to the case page, classifications only — and the same list as CSV.
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { formatNumber, PageHeader } from '../../../platform/views/components.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import { caseListCells, caseListHeadings } from '../dashboard-csv.js';
import type { CaseFilter, CaseListRow, CaseSet } from '../dashboard.queries.js';
import { tReports } from '../messages.js';
import type { ReportNames } from '../report-format.js';
import type { ReportPeriod } from '../report-period.js';
import { TableFrame } from './report-parts.js';

export interface DashboardListProps {
  lang: Lang;
  set: CaseSet;
  filter: CaseFilter;
  period: ReportPeriod;
  errors: FieldError[];
  rows: CaseListRow[];
  /** More cases match than the page shows. */
  more: boolean;
  names: ReportNames;
  csvHref: string;
  backHref: string;
  /** The same list in the workbench, when its filters can say it. */
  workbenchHref: string | null;
}

/** What the list holds, in words: the figure and each condition on it. */
export function describeSet(lang: Lang, set: CaseSet, filter: CaseFilter, period: ReportPeriod, names: ReportNames): string[] {
  const r = tReports;
  const parts = [r(lang, `drill.figure.${set.figure}`) + (set.figure === 'open' ? '' : ` (${r(lang, 'report.period', { from: period.from, to: period.to })})`)];
  const yesNo = (value: boolean) => r(lang, value ? 'dashboard.filter.yes' : 'dashboard.filter.no');
  if (set.figure === 'answered') {
    if (set.limit) parts.push(r(lang, 'drill.filter.limit', { limit: names.limit(set.limit) }));
    if (set.sla) parts.push(r(lang, 'drill.filter.sla', { sla: r(lang, `report.sla.${set.sla}`) }));
    if (set.resolved !== undefined) parts.push(r(lang, 'drill.filter.resolved', { answer: yesNo(set.resolved) }));
    if (set.satisfaction !== undefined) parts.push(r(lang, 'drill.filter.satisfaction', { rating: set.satisfaction }));
  }
  if (set.figure === 'open') {
    if (set.sla) parts.push(r(lang, 'drill.filter.sla', { sla: r(lang, `report.sla.${set.sla}`) }));
    if (set.unit !== undefined) parts.push(r(lang, 'drill.filter.unit', { unit: names.unit(set.unit) }));
  }
  if (filter.district) parts.push(r(lang, 'drill.filter.district', { district: names.district(filter.district) }));
  if (filter.topic) parts.push(r(lang, 'drill.filter.topic', { topic: names.topic(filter.topic) }));
  if (filter.kind) parts.push(r(lang, 'drill.filter.kind', { kind: names.kind(filter.kind) }));
  if (filter.fie !== undefined) parts.push(r(lang, 'drill.filter.fie', { answer: yesNo(filter.fie) }));
  return parts;
}

export function DashboardListView(props: DashboardListProps) {
  const { lang, rows, names } = props;
  const r = (key: Parameters<typeof tReports>[1]) => tReports(lang, key);
  if (props.errors.length) {
    return (
      <div class="dashboard">
        <PageHeader lang={lang} title={r('drill.error')} lead={r('drill.errorFix')} />
        <ErrorSummary lang={lang} errors={props.errors} />
        <p>
          <a href={props.backHref}>{r('drill.back')}</a>
        </p>
      </div>
    );
  }
  const headings = caseListHeadings(lang);
  return (
    <div class="dashboard">
      <PageHeader lang={lang} title={r('drill.title')} />
      <ul class="drill-conditions">
        {describeSet(lang, props.set, props.filter, props.period, names).map((part) => (
          <li>{part}</li>
        ))}
      </ul>
      <p>
        <strong>{tReports(lang, 'drill.shown', { count: formatNumber(rows.length, lang) })}</strong>
        {props.more && <> {tReports(lang, 'drill.more', { count: formatNumber(rows.length, lang) })}</>}
      </p>
      <ul class="drill-links">
        <li>
          <a href={props.csvHref} download>
            {r('dashboard.csv.cases')}
          </a>
        </li>
        {props.workbenchHref && (
          <li>
            <a href={props.workbenchHref}>{r('drill.workbench')}</a>
          </li>
        )}
        <li>
          <a href={props.backHref}>{r('drill.back')}</a>
        </li>
      </ul>
      {rows.length === 0 ? (
        <p>{r('drill.empty')}</p>
      ) : (
        <TableFrame label={r('drill.title')}>
          <table class="data-table">
            <caption class="visually-hidden">{r('drill.title')}</caption>
            <thead>
              <tr>
                {headings.map((heading) => (
                  <th scope="col">{heading}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const [reference, ...cells] = caseListCells(row, names, lang);
                return (
                  <tr>
                    <th scope="row">
                      <a href={urls.staffCase(lang, reference)}>{reference}</a>
                    </th>
                    {cells.map((cell) => (
                      <td>{cell}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableFrame>
      )}
    </div>
  );
}
