/**
 * Every figure of the pipeline dashboard as a table — caption, column headings, rows — in the reader's language. The
 * page renders these tables (the accessible source of truth beside each chart) and the CSV writes the same tables as
 * its sections, so the two cannot say different things. Cells keep their raw values (counts, exact CNY amounts,
 * shares, days); the page formats them for the locale and the CSV writes them as numbers.
 */
import { urls } from '../../platform/http/urls.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { DETAILED_SOURCES, SOURCE_DETAIL_ROWS, type GroupFigures, type PipelineDashboard } from './dashboard.queries.js';
import { t } from './messages.js';
import { tDashboard } from './messages.dashboard.js';
import type { ListNames } from './messages.list.js';
import { CLOSED_STATUSES, STATUSES, type SourceKind } from './stage-rules.js';

export type Cell =
  | { text: string; href?: string }
  | { count: number }
  /** CNY, the exact decimal text of a numeric column. */
  | { amount: string }
  /** A share from 0 to 1; null when there is nothing to take it over. */
  | { share: number | null }
  | { days: number | null };

export interface Column {
  label: string;
  numeric: boolean;
}

export interface FigureTable {
  /** The anchor of the table on the page. */
  id: string;
  caption: string;
  columns: Column[];
  /** The first cell of each row is its heading. */
  rows: Cell[][];
  /** Totals, when the rows add up. */
  foot: Cell[][];
  /** What an empty table means, in words (shown instead of it). */
  empty: string;
}

type Key = Parameters<typeof tDashboard>[1];

function columns(lang: Lang, first: string, rest: Key[]): Column[] {
  return [{ label: first, numeric: false }, ...rest.map((key) => ({ label: tDashboard(lang, key), numeric: true }))];
}

export function funnelTable(lang: Lang, figures: PipelineDashboard): FigureTable {
  const pursuedStatuses = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));
  const statusColumns = (list: readonly string[]) => list.map((s) => ({ label: t(lang, `pipeline.status.${s as (typeof STATUSES)[number]}`), numeric: true }));
  const rows = figures.funnel.map((row): Cell[] => [
    { text: t(lang, `pipeline.stage.${row.stage}`) },
    ...pursuedStatuses.map((s) => ({ count: row.byStatus[s] })),
    { count: row.pursued },
    ...CLOSED_STATUSES.map((s) => ({ count: row.byStatus[s] })),
    { count: row.closed },
    { count: row.reached },
  ]);
  const sum = (pick: (row: PipelineDashboard['funnel'][number]) => number) => ({ count: figures.funnel.reduce((n, row) => n + pick(row), 0) });
  const foot: Cell[][] = [[
    { text: tDashboard(lang, 'pipeline.dashboard.total') },
    ...pursuedStatuses.map((s) => sum((row) => row.byStatus[s])),
    sum((row) => row.pursued),
    ...CLOSED_STATUSES.map((s) => sum((row) => row.byStatus[s])),
    sum((row) => row.closed),
    { text: '' },
  ]];
  return {
    id: 'funnel',
    caption: tDashboard(lang, 'pipeline.dashboard.funnel.caption'),
    columns: [
      { label: tDashboard(lang, 'pipeline.dashboard.funnel.stage'), numeric: false },
      ...statusColumns(pursuedStatuses),
      { label: tDashboard(lang, 'pipeline.dashboard.funnel.pursued'), numeric: true },
      ...statusColumns(CLOSED_STATUSES),
      { label: tDashboard(lang, 'pipeline.dashboard.funnel.closed'), numeric: true },
      { label: tDashboard(lang, 'pipeline.dashboard.funnel.reached'), numeric: true },
    ],
    rows,
    foot: figures.projects ? foot : [],
    empty: tDashboard(lang, 'pipeline.dashboard.amounts.empty'),
  };
}

export function implementationTable(lang: Lang, figures: PipelineDashboard): FigureTable {
  const years = figures.implementation;
  const inventoried = years.reduce((n, y) => n + y.inventoried, 0);
  const landed = years.reduce((n, y) => n + y.landed, 0);
  return {
    id: 'implementation',
    caption: tDashboard(lang, 'pipeline.dashboard.rate.caption'),
    columns: columns(lang, tDashboard(lang, 'pipeline.dashboard.rate.year'), ['pipeline.dashboard.rate.inventoried', 'pipeline.dashboard.rate.landed', 'pipeline.dashboard.rate.rate']),
    rows: years.map((y): Cell[] => [{ text: String(y.year) }, { count: y.inventoried }, { count: y.landed }, { share: y.rate }]),
    foot: years.length > 1 ? [[{ text: tDashboard(lang, 'pipeline.dashboard.total') }, { count: inventoried }, { count: landed }, { share: inventoried ? landed / inventoried : null }]] : [],
    empty: tDashboard(lang, 'pipeline.dashboard.rate.empty'),
  };
}

export type AmountDimension = 'district' | 'industry' | 'origin';

/** A district's or industry's name, or an origin's country or region, in the page's language. */
export function groupName(lang: Lang, dimension: AmountDimension, key: string | null, names: ListNames): string {
  if (key === null) return tDashboard(lang, 'pipeline.dashboard.none');
  return dimension === 'origin' ? names.origin(key) : names[dimension](key);
}

export function amountTable(lang: Lang, dimension: AmountDimension, groups: GroupFigures[], names: ListNames): FigureTable {
  const nameOf = (key: string | null) => groupName(lang, dimension, key, names);
  return {
    id: `amounts-${dimension}`,
    caption: tDashboard(lang, 'pipeline.dashboard.amounts.caption', { dimension: tDashboard(lang, `pipeline.dashboard.amounts.${dimension}`) }),
    columns: columns(lang, tDashboard(lang, `pipeline.dashboard.amounts.col.${dimension}`), [
      'pipeline.dashboard.amounts.projects', 'pipeline.dashboard.amounts.amount', 'pipeline.dashboard.amounts.signedProjects', 'pipeline.dashboard.amounts.signedAmount', 'pipeline.dashboard.sources.landed',
    ]),
    rows: groups.map((g): Cell[] => [{ text: nameOf(g.key) }, { count: g.projects }, { amount: g.amountCny }, { count: g.signedProjects }, { amount: g.signedAmountCny }, { count: g.landed }]),
    foot: [],
    empty: tDashboard(lang, 'pipeline.dashboard.amounts.empty'),
  };
}

export function timeInStageTable(lang: Lang, figures: PipelineDashboard): FigureTable {
  const any = figures.timeInStage.some((row) => row.stays > 0);
  return {
    id: 'time-in-stage',
    caption: tDashboard(lang, 'pipeline.dashboard.time.caption'),
    columns: columns(lang, tDashboard(lang, 'pipeline.dashboard.funnel.stage'), ['pipeline.dashboard.time.stays', 'pipeline.dashboard.time.ongoing', 'pipeline.dashboard.time.median', 'pipeline.dashboard.time.p90']),
    rows: any ? figures.timeInStage.map((row): Cell[] => [{ text: t(lang, `pipeline.stage.${row.stage}`) }, { count: row.stays }, { count: row.ongoing }, { days: row.medianDays }, { days: row.p90Days }]) : [],
    foot: [],
    empty: tDashboard(lang, 'pipeline.dashboard.time.empty'),
  };
}

export function overdueTable(lang: Lang, figures: PipelineDashboard, names: ListNames): FigureTable {
  const text = (key: Key) => ({ label: tDashboard(lang, key), numeric: false });
  return {
    id: 'overdue',
    caption: tDashboard(lang, 'pipeline.dashboard.overdue.caption'),
    columns: [
      text('pipeline.dashboard.overdue.reference'), text('pipeline.dashboard.overdue.name'), text('pipeline.dashboard.overdue.district'), text('pipeline.dashboard.overdue.stage'),
      text('pipeline.dashboard.overdue.status'), text('pipeline.dashboard.overdue.action'), text('pipeline.dashboard.overdue.due'), { label: tDashboard(lang, 'pipeline.dashboard.overdue.days'), numeric: true },
    ],
    rows: figures.overdue.rows.map((row): Cell[] => [
      { text: row.reference, href: urls.staffProject(lang, row.reference) },
      { text: row.name },
      { text: names.district(row.district_id) },
      { text: t(lang, `pipeline.stage.${row.stage}`) },
      { text: t(lang, `pipeline.status.${row.status}`) },
      { text: row.next_action ?? '' },
      { text: row.next_action_on },
      { count: row.daysOverdue },
    ]),
    foot: [],
    empty: tDashboard(lang, 'pipeline.dashboard.overdue.none'),
  };
}

const sourceColumns: Key[] = ['pipeline.dashboard.sources.projects', 'pipeline.dashboard.sources.landed', 'pipeline.dashboard.sources.amount'];

export function sourceTable(lang: Lang, figures: PipelineDashboard): FigureTable {
  return {
    id: 'sources',
    caption: tDashboard(lang, 'pipeline.dashboard.sources.caption'),
    columns: columns(lang, tDashboard(lang, 'pipeline.dashboard.sources.kind'), sourceColumns),
    rows: figures.bySource.map((g): Cell[] => [{ text: t(lang, `pipeline.source.${g.key as SourceKind}`) }, { count: g.projects }, { count: g.landed }, { amount: g.amountCny }]),
    foot: [],
    empty: tDashboard(lang, 'pipeline.dashboard.amounts.empty'),
  };
}

/** Per event or per partner institution (DETAILED_SOURCES): the largest SOURCE_DETAIL_ROWS, and a note when there are more. */
export function sourceDetailTable(lang: Lang, figures: PipelineDashboard, kind: SourceKind): FigureTable & { note: string | null } {
  const event = kind === 'event';
  const label = tDashboard(lang, event ? 'pipeline.dashboard.sources.event' : 'pipeline.dashboard.sources.partner');
  const count = figures.sourceDetailCounts[kind] ?? 0;
  return {
    id: `sources-${kind}`,
    caption: tDashboard(lang, event ? 'pipeline.dashboard.sources.detailCaption.event' : 'pipeline.dashboard.sources.detailCaption.partner'),
    columns: columns(lang, label, sourceColumns),
    rows: figures.sourceDetails
      .filter((row) => row.kind === kind)
      .map((row): Cell[] => [{ text: row.detail ?? tDashboard(lang, 'pipeline.dashboard.none') }, { count: row.projects }, { count: row.landed }, { amount: row.amountCny }]),
    foot: [],
    empty: tDashboard(lang, 'pipeline.dashboard.sources.detailEmpty'),
    note: count > SOURCE_DETAIL_ROWS ? tDashboard(lang, 'pipeline.dashboard.sources.detailShown', { shown: SOURCE_DETAIL_ROWS, count }) : null,
  };
}

/** Every table of the dashboard, in the page's order (the CSV's sections). */
export function dashboardTables(lang: Lang, figures: PipelineDashboard, names: ListNames): FigureTable[] {
  return [
    funnelTable(lang, figures),
    implementationTable(lang, figures),
    amountTable(lang, 'district', figures.byDistrict, names),
    amountTable(lang, 'industry', figures.byIndustry, names),
    amountTable(lang, 'origin', figures.byOrigin, names),
    timeInStageTable(lang, figures),
    overdueTable(lang, figures, names),
    sourceTable(lang, figures),
    ...DETAILED_SOURCES.map((kind) => sourceDetailTable(lang, figures, kind)),
  ];
}

/** The filters in words, for the CSV's heading ("District: Haidian; Kind of project: R&D centre"). */
export function filtersText(lang: Lang, filters: PipelineDashboard['filters'], names: ListNames): string {
  const parts: [Key, string | undefined][] = [
    ['pipeline.dashboard.filter.from', filters.from],
    ['pipeline.dashboard.filter.to', filters.to],
    ['pipeline.dashboard.filter.district', filters.district && names.district(filters.district)],
    ['pipeline.dashboard.filter.industry', filters.industry && names.industry(filters.industry)],
    ['pipeline.dashboard.filter.kind', filters.kind && t(lang, `pipeline.kind.${filters.kind}`)],
  ];
  const given = parts.filter(([, value]) => value).map(([key, value]) => `${tDashboard(lang, key)}: ${value}`);
  return given.length ? given.join('; ') : tDashboard(lang, 'pipeline.dashboard.filter.any');
}
