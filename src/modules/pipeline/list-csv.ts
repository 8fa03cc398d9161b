/**
 * The project list as CSV: the rows of the filter (every page, up to LIST_CSV_CAP), headers and labels in the page's
 * language, amounts as exact decimals in CNY, dates as YYYY-MM-DD in Beijing. Names typed by people (project,
 * investor, next action) go through the platform's csvCell, which defuses a cell that a spreadsheet would run as a
 * formula.
 */
import { csvDocument, type CsvCell } from '../../platform/http/csv.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { beijingDay, dateOfDay } from '../calendar/index.js';
import type { ListRow } from './list.queries.js';
import { t } from './messages.js';
import { tList, type ListNames } from './messages.list.js';

const beijingDate = (at: Date) => dateOfDay(beijingDay(at));

export function listCsv(lang: Lang, rows: readonly ListRow[], names: ListNames): string {
  const header: CsvCell[] = [
    tList(lang, 'pipeline.list.table.reference'), tList(lang, 'pipeline.list.table.name'), tList(lang, 'pipeline.list.table.investor'),
    tList(lang, 'pipeline.list.table.origin'), tList(lang, 'pipeline.list.table.district'), tList(lang, 'pipeline.list.table.industry'),
    tList(lang, 'pipeline.list.table.kind'), tList(lang, 'pipeline.list.table.source'), tList(lang, 'pipeline.list.table.stage'),
    tList(lang, 'pipeline.list.table.status'), tList(lang, 'pipeline.list.table.amount'), tList(lang, 'pipeline.list.table.nextAction'),
    tList(lang, 'pipeline.list.table.nextActionOn'), tList(lang, 'pipeline.list.overdue'), tList(lang, 'pipeline.list.table.opportunity'),
    tList(lang, 'pipeline.list.table.created'), tList(lang, 'pipeline.list.table.updated'),
  ];
  const yesNo = (value: boolean) => tList(lang, value ? 'pipeline.list.filter.yes' : 'pipeline.list.filter.no');
  const body = rows.map((row): CsvCell[] => [
    row.reference,
    row.name,
    lang === 'zh' && row.investor_name_zh ? row.investor_name_zh : row.investor_name,
    names.origin(row.investor_origin),
    row.district_id ? names.district(row.district_id) : null,
    row.industry_id ? names.industry(row.industry_id) : null,
    t(lang, `pipeline.kind.${row.kind}`),
    t(lang, `pipeline.source.${row.source_kind}`),
    t(lang, `pipeline.stage.${row.stage}`),
    t(lang, `pipeline.status.${row.status}`),
    row.amount_cny,
    row.next_action,
    row.next_action_on,
    yesNo(row.overdue),
    row.opportunity_id,
    beijingDate(row.created_at),
    beijingDate(row.updated_at),
  ]);
  return csvDocument([header, ...body]);
}
