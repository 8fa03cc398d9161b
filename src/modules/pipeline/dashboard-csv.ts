/**
 * The pipeline dashboard as CSV: a heading block (what the file is, when, whose scope, which filters), then every
 * table of the page as a section — its caption, its column headings, its rows and totals — in the reader's language.
 * Counts and days are numbers, amounts the exact CNY decimals, rates numbers in per cent (the heading says so).
 * Names people typed (projects, events, next actions) go through csvCell, which defuses formula-looking text.
 */
import { csvDocument, type CsvCell } from '../../platform/http/csv.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { dashboardTables, type Cell, type FigureTable } from './dashboard-tables.js';
import type { PipelineDashboard } from './dashboard.queries.js';
import { daysValue, percentValue, tDashboard } from './messages.dashboard.js';
import type { ListNames } from './messages.list.js';

function cellValue(cell: Cell): CsvCell {
  if ('count' in cell) return cell.count;
  if ('amount' in cell) return cell.amount;
  if ('share' in cell) return cell.share === null ? null : percentValue(cell.share);
  if ('days' in cell) return cell.days === null ? null : daysValue(cell.days);
  return cell.text;
}

function section(lang: Lang, table: FigureTable): CsvCell[][] {
  const shares = new Set(table.rows.flatMap((row) => row.flatMap((cell, i) => ('share' in cell ? [i] : []))));
  const headings = table.columns.map((column, i) => (shares.has(i) ? `${column.label} (%)` : column.label));
  const body = table.rows.length ? [headings, ...[...table.rows, ...table.foot].map((row) => row.map(cellValue))] : [[table.empty]];
  return [[`${tDashboard(lang, 'pipeline.dashboard.csv.section')}: ${table.caption}`], ...body, []];
}

export interface DashboardCsvHeading {
  /** Whose projects the figures count, in words. */
  scope: string;
  /** The filters in words ("District: Haidian; Created in year: 2026"), or empty. */
  filters: string;
  /** When the figures were made, Beijing time. */
  asOf: string;
}

export function dashboardCsv(lang: Lang, figures: PipelineDashboard, names: ListNames, heading: DashboardCsvHeading): string {
  const rows: CsvCell[][] = [
    [tDashboard(lang, 'pipeline.dashboard.title')],
    [tDashboard(lang, 'pipeline.dashboard.csv.asOf'), heading.asOf],
    [tDashboard(lang, 'pipeline.dashboard.csv.scope'), heading.scope],
    [tDashboard(lang, 'pipeline.dashboard.csv.filters'), heading.filters],
    [],
    ...dashboardTables(lang, figures, names).flatMap((table) => section(lang, table)),
  ];
  return csvDocument(rows);
}
