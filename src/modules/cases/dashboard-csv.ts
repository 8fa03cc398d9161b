/**
 * The dashboard's CSV files, in the reader's language: the figures (one row per number the page shows, with what it
 * is out of and the rate), and the cases behind a figure — reference and classifications only, never the
 * enterprise, its contact details or any text it wrote.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import { csvDocument, type CsvCell } from '../../platform/http/csv.js';
import type { DashboardFigures, OpenRow, Share } from './dashboard-figures.js';
import type { CaseListRow } from './dashboard.queries.js';
import { tReports } from './messages.js';
import { beijingDue, beijingMinute, percent, type ReportNames } from './report-format.js';

type Row = [figure: string, group: string, value: CsvCell, of: CsvCell, rate: CsvCell];

const shareRow = (figure: string, group: string, share: Share): Row => [figure, group, share.yes, share.of, percent(share)];

function openRows(lang: Lang, dimension: string, rows: OpenRow[], nameOf: (id: string | null) => string): Row[] {
  return rows.flatMap((row) => {
    const group = `${dimension}: ${nameOf(row.id)}`;
    return [
      [tReports(lang, 'dashboard.open.open'), group, row.open, null, null],
      [tReports(lang, 'dashboard.open.dueSoon'), group, row.dueSoon, row.open, null],
      [tReports(lang, 'dashboard.open.overdue'), group, row.overdue, row.open, null],
      [tReports(lang, 'dashboard.open.paused'), group, row.paused, row.open, null],
    ] satisfies Row[];
  });
}

export function figuresCsv(figures: DashboardFigures, names: ReportNames, lang: Lang): string {
  const r = (key: Parameters<typeof tReports>[1]) => tReports(lang, key);
  const period = tReports(lang, 'report.period', { from: figures.period.from, to: figures.period.to });
  const { satisfaction } = figures;
  const rows: Row[] = [
    [r('dashboard.received'), period, figures.received, null, null],
    [r('dashboard.accepted'), period, figures.accepted, null, null],
    [r('dashboard.answered'), period, figures.answered, null, null],
    shareRow(r('dashboard.onTime'), r('dashboard.onTime.total'), figures.onTime),
    ...figures.byLimit.map((limit) => shareRow(r('dashboard.onTime'), names.limit(limit.limitId), limit)),
    shareRow(r('dashboard.resolution'), period, figures.resolution),
    [r('dashboard.satisfaction.mean'), period, satisfaction.ratings ? Math.round((satisfaction.sum / satisfaction.ratings) * 100) / 100 : null, satisfaction.ratings, null],
    ...satisfaction.distribution.map((n, i): Row => [r('dashboard.satisfaction.rating'), String(i + 1), n, satisfaction.ratings, null]),
    ...figures.weeks.flatMap((week): Row[] => {
      const group = tReports(lang, 'report.weekOf', { date: week.week });
      return [[r('dashboard.trend.received'), group, week.received, null, null], [r('dashboard.trend.answered'), group, week.answered, null, null], shareRow(r('dashboard.trend.onTime'), group, week.onTime)];
    }),
    ...openRows(lang, r('dashboard.open.unit'), figures.open.byUnit, names.unit),
    ...openRows(lang, r('dashboard.open.district'), figures.open.byDistrict, names.district),
    ...openRows(lang, r('dashboard.open.topic'), figures.open.byTopic, (id) => names.topic(id ?? '')),
  ];
  const header = [r('dashboard.csv.section'), r('dashboard.csv.group'), r('dashboard.csv.value'), r('dashboard.csv.of'), r('dashboard.csv.rate')];
  return csvDocument([header, ...rows]);
}

/** Column headings of the case list (the page's table and the CSV file). */
export function caseListHeadings(lang: Lang): string[] {
  return (['reference', 'kind', 'topic', 'district', 'unit', 'status', 'submitted', 'due', 'answered', 'sla'] as const).map((c) => tReports(lang, `drill.col.${c}`));
}

/** One case as the list shows it: references and classifications, instants in Beijing time. */
export function caseListCells(row: CaseListRow, names: ReportNames, lang: Lang): string[] {
  return [
    row.reference,
    names.kind(row.kind),
    names.topic(row.topic_id),
    names.district(row.district_id),
    names.unit(row.lead_department_id),
    tReports(lang, `report.status.${row.status}`),
    beijingMinute(row.submitted_at),
    beijingDue(row.due_at),
    row.answered_at ? beijingMinute(row.answered_at) : '',
    tReports(lang, `report.sla.${row.sla}`),
  ];
}

export function casesCsv(rows: readonly CaseListRow[], names: ReportNames, lang: Lang): string {
  return csvDocument([caseListHeadings(lang), ...rows.map((row) => caseListCells(row, names, lang))]);
}
