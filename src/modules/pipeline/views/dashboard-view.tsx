/**
 * The pipeline dashboard: navigation, scope, the filters (a GET form, errors at their fields), then each figure — what
 * it counts in words, a chart where one helps, and its table (caption and headings; the accessible source of truth,
 * the same table the CSV holds). Views receive ready data; every number is formatted for the page's language.
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { PageHeader, Section } from '../../../platform/views/components.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import type { DashboardQuery } from '../dashboard.form.js';
import type { GroupFigures, PipelineDashboard } from '../dashboard.queries.js';
import { amountTable, funnelTable, groupName, implementationTable, overdueTable, sourceDetailTable, sourceTable, timeInStageTable, type AmountDimension, type Cell, type FigureTable } from '../dashboard-tables.js';
import { t } from '../messages.js';
import { amountText, countText, daysText, percentText, tDashboard } from '../messages.dashboard.js';
import type { ListNames } from '../messages.list.js';
import { DETAILED_SOURCES, OVERDUE_ROWS } from '../dashboard.queries.js';
import { barsSvg, type BarsInput } from './dashboard-charts.js';
import { DashboardFilters, type Named } from './dashboard-filters.js';
import { PipelineNav } from './list-filters.js';

export interface DashboardViewProps {
  lang: Lang;
  scope: string;
  mayWrite: boolean;
  mayImport: boolean;
  query: DashboardQuery;
  /** Null when the filters have errors: no figure is shown for filters the reader did not mean. */
  figures: PipelineDashboard | null;
  names: ListNames;
  industries: Named[];
  /** Districts to filter by (none for a district officer: their scope is one district). */
  districts: Named[];
  /** When the figures were made, Beijing time ("2026-12-01 10:00"). */
  asOf: string;
  csvHref: string;
}

type Key = Parameters<typeof tDashboard>[1];
/** Groups a bar chart shows at most (the table lists them all). */
const CHART_GROUPS = 12;

function cellText(lang: Lang, cell: Cell): preact.ComponentChildren {
  if ('count' in cell) return countText(lang, cell.count);
  if ('amount' in cell) return amountText(lang, cell.amount);
  if ('share' in cell) return cell.share === null ? '–' : percentText(lang, cell.share);
  if ('days' in cell) return cell.days === null ? '–' : daysText(lang, cell.days);
  return cell.href ? <a href={cell.href}>{cell.text}</a> : cell.text;
}

/** A figure's table, in a focusable region that scrolls sideways on a narrow screen; its empty state in words. */
export function FigureTableView({ lang, table }: { lang: Lang; table: FigureTable }) {
  if (table.rows.length === 0) return <p class="dashboard-empty">{table.empty}</p>;
  const row = (cells: Cell[]) => (
    <tr>
      {cells.map((cell, i) =>
        i === 0 ? (
          <th scope="row">{cellText(lang, cell)}</th>
        ) : (
          <td class={table.columns[i]?.numeric ? 'num' : undefined}>{cellText(lang, cell)}</td>
        ),
      )}
    </tr>
  );
  return (
    <div class="table-wrap" role="region" aria-label={table.caption} tabindex={0}>
      <table class="data-table" id={`table-${table.id}`}>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th scope="col" class={column.numeric ? 'num' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{table.rows.map(row)}</tbody>
        {table.foot.length > 0 && <tfoot>{table.foot.map(row)}</tfoot>}
      </table>
    </div>
  );
}

function Chart({ input }: { input: BarsInput }) {
  return (
    <figure class="chart">
      <div class="chart__svg" dangerouslySetInnerHTML={{ __html: barsSvg(input) }} />
      <figcaption>{input.title}</figcaption>
    </figure>
  );
}

const millions = (amount: string) => Math.round(Number(amount) / 100_000) / 10;

function AmountFigure({ lang, dimension, groups, names }: { lang: Lang; dimension: AmountDimension; groups: GroupFigures[]; names: ListNames }) {
  const table = amountTable(lang, dimension, groups, names);
  const shown = groups.filter((g) => Number(g.amountCny) > 0).slice(0, CHART_GROUPS);
  const d = (key: Key) => tDashboard(lang, key);
  return (
    <>
      {shown.length > 0 && (
        <Chart
          input={{
            title: tDashboard(lang, 'pipeline.dashboard.amounts.chart', { dimension: d(`pipeline.dashboard.amounts.${dimension}`) }),
            categories: shown.map((g) => groupName(lang, dimension, g.key, names)),
            series: [
              { name: d('pipeline.dashboard.amounts.all'), values: shown.map((g) => millions(g.amountCny)) },
              { name: d('pipeline.dashboard.amounts.signed'), values: shown.map((g) => millions(g.signedAmountCny)) },
            ],
            unit: d('pipeline.dashboard.unit.millionCny'),
            direction: 'rows',
          }}
        />
      )}
      <FigureTableView lang={lang} table={table} />
    </>
  );
}

function Figures({ lang, figures, names, csvHref, asOf }: { lang: Lang; figures: PipelineDashboard; names: ListNames; csvHref: string; asOf: string }) {
  const d = (key: Key) => tDashboard(lang, key);
  const stages = figures.funnel.map((row) => t(lang, `pipeline.stage.${row.stage}`));
  const timed = figures.timeInStage.some((row) => row.stays > 0);
  const sections: [string, Key][] = [
    ['funnel', 'pipeline.dashboard.funnel.title'], ['implementation', 'pipeline.dashboard.rate.title'], ['amounts', 'pipeline.dashboard.amounts.title'],
    ['time-in-stage', 'pipeline.dashboard.time.title'], ['overdue', 'pipeline.dashboard.overdue.title'], ['sources', 'pipeline.dashboard.sources.title'],
  ];
  return (
    <>
      <p>{tDashboard(lang, 'pipeline.dashboard.asOf', { time: asOf, today: figures.today })}</p>
      <p>{figures.projects ? tDashboard(lang, 'pipeline.dashboard.counted', { count: figures.projects }) : d('pipeline.dashboard.counted.none')}</p>
      <p>
        <a href={csvHref} download>
          {d('pipeline.dashboard.csv')}
        </a>
      </p>
      <nav aria-label={d('pipeline.dashboard.contents')}>
        <ul>
          {sections.map(([id, key]) => (
            <li>
              <a href={`#${id}`}>{d(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="hint">{d('pipeline.dashboard.tableNote')}</p>

      <Section id="funnel" title={d('pipeline.dashboard.funnel.title')}>
        <p>{d('pipeline.dashboard.funnel.about')}</p>
        {figures.projects > 0 && (
          <Chart
            input={{
              title: d('pipeline.dashboard.funnel.chart'),
              categories: stages,
              series: [
                { name: d('pipeline.dashboard.funnel.pursued'), values: figures.funnel.map((row) => row.pursued) },
                { name: d('pipeline.dashboard.funnel.closed'), values: figures.funnel.map((row) => row.closed) },
                { name: d('pipeline.dashboard.funnel.reached'), values: figures.funnel.map((row) => row.reached) },
              ],
              unit: d('pipeline.dashboard.unit.projects'),
              direction: 'columns',
            }}
          />
        )}
        <FigureTableView lang={lang} table={funnelTable(lang, figures)} />
      </Section>

      <Section id="implementation" title={d('pipeline.dashboard.rate.title')}>
        <p>{d('pipeline.dashboard.rate.about')}</p>
        {figures.implementation.length > 0 && (
          <Chart
            input={{
              title: d('pipeline.dashboard.rate.chart'),
              categories: figures.implementation.map((y) => String(y.year)),
              series: [
                { name: d('pipeline.dashboard.rate.inventoried'), values: figures.implementation.map((y) => y.inventoried) },
                { name: d('pipeline.dashboard.rate.landed'), values: figures.implementation.map((y) => y.landed) },
              ],
              unit: d('pipeline.dashboard.unit.projects'),
              direction: 'columns',
            }}
          />
        )}
        <FigureTableView lang={lang} table={implementationTable(lang, figures)} />
      </Section>

      <Section id="amounts" title={d('pipeline.dashboard.amounts.title')}>
        <p>{d('pipeline.dashboard.amounts.about')}</p>
        <AmountFigure lang={lang} dimension="district" groups={figures.byDistrict} names={names} />
        <AmountFigure lang={lang} dimension="industry" groups={figures.byIndustry} names={names} />
        <AmountFigure lang={lang} dimension="origin" groups={figures.byOrigin} names={names} />
      </Section>

      <Section id="time-in-stage" title={d('pipeline.dashboard.time.title')}>
        <p>{tDashboard(lang, 'pipeline.dashboard.time.about', { time: asOf })}</p>
        {timed && (
          <Chart
            input={{
              title: d('pipeline.dashboard.time.chart'),
              categories: stages,
              series: [
                { name: d('pipeline.dashboard.time.median'), values: figures.timeInStage.map((row) => Math.round((row.medianDays ?? 0) * 10) / 10) },
                { name: d('pipeline.dashboard.time.p90'), values: figures.timeInStage.map((row) => Math.round((row.p90Days ?? 0) * 10) / 10) },
              ],
              unit: d('pipeline.dashboard.unit.days'),
              direction: 'columns',
            }}
          />
        )}
        <FigureTableView lang={lang} table={timeInStageTable(lang, figures)} />
      </Section>

      <Section id="overdue" title={d('pipeline.dashboard.overdue.title')}>
        <p>{tDashboard(lang, 'pipeline.dashboard.overdue.about', { today: figures.today })}</p>
        {figures.overdue.count > 0 && (
          <p>
            <strong>{tDashboard(lang, 'pipeline.dashboard.overdue.count', { count: figures.overdue.count })}</strong>{' '}
            {figures.overdue.count > OVERDUE_ROWS && tDashboard(lang, 'pipeline.dashboard.overdue.shown', { shown: OVERDUE_ROWS })}{' '}
            <a href={urls.staffProjects(lang, { overdue: 'yes', district: figures.filters.district, industry: figures.filters.industry, kind: figures.filters.kind })}>{d('pipeline.dashboard.overdue.list')}</a>
          </p>
        )}
        <FigureTableView lang={lang} table={overdueTable(lang, figures, names)} />
      </Section>

      <Section id="sources" title={d('pipeline.dashboard.sources.title')}>
        <p>{d('pipeline.dashboard.sources.about')}</p>
        {figures.bySource.length > 0 && (
          <Chart
            input={{
              title: d('pipeline.dashboard.sources.chart'),
              categories: figures.bySource.map((g) => t(lang, `pipeline.source.${g.key as (typeof DETAILED_SOURCES)[number]}`)),
              series: [
                { name: d('pipeline.dashboard.sources.projects'), values: figures.bySource.map((g) => g.projects) },
                { name: d('pipeline.dashboard.sources.landed'), values: figures.bySource.map((g) => g.landed) },
              ],
              unit: d('pipeline.dashboard.unit.projects'),
              direction: 'rows',
            }}
          />
        )}
        <FigureTableView lang={lang} table={sourceTable(lang, figures)} />
        {DETAILED_SOURCES.map((kind) => {
          const table = sourceDetailTable(lang, figures, kind);
          return (
            <>
              {table.note && <p>{table.note}</p>}
              <FigureTableView lang={lang} table={table} />
            </>
          );
        })}
      </Section>
    </>
  );
}

export function DashboardView(props: DashboardViewProps) {
  const { lang, query, figures } = props;
  const errors: FieldError[] = query.errors;
  return (
    <div class="dashboard pipeline-dashboard">
      <PipelineNav lang={lang} here="dashboard" mayWrite={props.mayWrite} mayImport={props.mayImport} />
      <PageHeader lang={lang} title={tDashboard(lang, 'pipeline.dashboard.title')} lead={tDashboard(lang, 'pipeline.dashboard.lead')} />
      <p class="dashboard-scope">{props.scope}</p>
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <DashboardFilters lang={lang} input={query.input} errors={errors} industries={props.industries} districts={props.districts} />
      {figures && <Figures lang={lang} figures={figures} names={props.names} csvHref={props.csvHref} asOf={props.asOf} />}
    </div>
  );
}
