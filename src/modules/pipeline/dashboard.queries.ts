/**
 * The figures of the pipeline dashboard, for one viewer's scope and the dashboard's filters. Every query starts from
 * `dashboardProjects` (scopedProjects + filters), so a district officer's figures count only their district and a
 * commissioner's only their own projects; `pipelineDashboard` is what the page, its CSV and the JSON API serve.
 *
 * Shaped for 100,000 projects and 1,000,000 stage-log rows (nothing is read per project):
 *  - the counts and amounts by stage and status, district, industry, origin, source and year are one scan of the
 *    projects with GROUPING SETS (one pass, small grouped rows back);
 *  - the events' and institutions' contributions, the 25 largest of each kind ranked in SQL;
 *  - overdue next actions: the count and the oldest OVERDUE_ROWS rows (partial index pipeline_projects_overdue);
 *  - time in stage and "ever reached": one pass over the stage log (time-in-stage.ts).
 */
import { sql, type RawBuilder } from 'kysely';
import { dayNumber, startOfBeijingDay } from '../calendar/index.js';
import type { PipelineDb } from './pipeline.tables.js';
import { scopedProjects, type ProjectScope } from './project-access.js';
import { beijingToday } from './project-workflow.js';
import { CLOSED_STATUSES, STAGES, STATUSES, type ProjectKind, type SourceKind, type Stage, type Status } from './stage-rules.js';
import { stageLogFigures, type StageTime } from './time-in-stage.js';

/** Which projects the figures count (besides the viewer's scope). */
export interface DashboardFilters {
  /** Created on or after this Beijing date (YYYY-MM-DD). */
  from?: string;
  /** Created on or before this Beijing date. */
  to?: string;
  district?: string;
  industry?: string;
  kind?: ProjectKind;
}

/** Counts and CNY amounts of one group (a district, an industry, an origin, a source). */
export interface GroupFigures {
  /** The district, industry or source id, or the origin's ISO code; null: not stated on the project. */
  key: string | null;
  projects: number;
  /** Of those, reached registered (landed_at set). */
  landed: number;
  /** Sum of amount_cny, exact decimal text ("0.00" without any amount). */
  amountCny: string;
  /** Projects that state an amount in CNY (the sum is over these). */
  withAmount: number;
  /** Signed, registered or operating, and still pursued (not lost or abandoned). */
  signedProjects: number;
  signedAmountCny: string;
}

export interface FunnelStage {
  stage: Stage;
  /** Projects at the stage now, per status. */
  byStatus: Record<Status, number>;
  /** Still pursued: active, delayed or dormant. */
  pursued: number;
  /** Lost or abandoned at this stage. */
  closed: number;
  /** Projects whose stage log reached this stage or a later one. */
  reached: number;
}

export interface YearFigures {
  /** Calendar year of creation, Beijing time. */
  year: number;
  /** Projects created in the year. */
  inventoried: number;
  /** Of those, landed (reached registered). */
  landed: number;
  /** landed ÷ inventoried; null without projects. */
  rate: number | null;
}

export interface SourceDetailFigures {
  kind: SourceKind;
  /** The event or institution as written on the projects; null: not stated. */
  detail: string | null;
  projects: number;
  landed: number;
  amountCny: string;
}

export interface OverdueRow {
  reference: string;
  name: string;
  district_id: string | null;
  stage: Stage;
  status: Status;
  next_action: string | null;
  next_action_on: string;
  /** Whole days between the date and today (Beijing). */
  daysOverdue: number;
}

export interface PipelineDashboard {
  /** The instant the figures were computed at (time in a stage not yet left counts up to it). */
  now: Date;
  /** Today in Beijing (overdue means before it). */
  today: string;
  filters: DashboardFilters;
  projects: number;
  funnel: FunnelStage[];
  implementation: YearFigures[];
  byDistrict: GroupFigures[];
  byIndustry: GroupFigures[];
  byOrigin: GroupFigures[];
  bySource: GroupFigures[];
  /** Per event and per partner institution: the SOURCE_DETAIL_ROWS largest of each kind. */
  sourceDetails: SourceDetailFigures[];
  /** How many different events and institutions there are (to say when only the largest are listed). */
  sourceDetailCounts: Partial<Record<SourceKind, number>>;
  timeInStage: StageTime[];
  overdue: { count: number; rows: OverdueRow[] };
}

/** Kinds of source whose detail names an event or an institution. */
export const DETAILED_SOURCES: readonly SourceKind[] = ['event', 'partner'];
export const SOURCE_DETAIL_ROWS = 25;
export const OVERDUE_ROWS = 100;

/** The projects the figures count: the viewer's scope, then the filters. */
export function dashboardProjects(db: PipelineDb, scope: ProjectScope, filters: DashboardFilters) {
  let query = scopedProjects(db.selectFrom('pipeline_projects'), scope);
  if (filters.from) query = query.where('pipeline_projects.created_at', '>=', startOfBeijingDay(dayNumber(filters.from)));
  if (filters.to) query = query.where('pipeline_projects.created_at', '<', startOfBeijingDay(dayNumber(filters.to) + 1));
  if (filters.district) query = query.where('pipeline_projects.district_id', '=', filters.district);
  if (filters.industry) query = query.where('pipeline_projects.industry_id', '=', filters.industry);
  if (filters.kind) query = query.where('pipeline_projects.kind', '=', filters.kind);
  return query;
}

const textList = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));
const CLOSED = sql<boolean>`pipeline_projects.status IN (${textList(CLOSED_STATUSES)})`;
const SIGNED_OR_LATER = sql<boolean>`(pipeline_projects.stage IN (${textList(STAGES.slice(STAGES.indexOf('signed')))}) AND NOT ${CLOSED})`;
/** The Beijing calendar year of creation (UTC+8, no daylight saving), whatever the session's time zone. */
const CREATED_YEAR = sql<number>`extract(year FROM (pipeline_projects.created_at AT TIME ZONE 'UTC') + interval '8 hours')::int`;
const LANDED = sql<boolean>`pipeline_projects.landed_at IS NOT NULL`;

const groupColumns = (landed: RawBuilder<boolean>) => [
  sql<number>`count(*)::int`.as('projects'),
  sql<number>`(count(*) FILTER (WHERE ${landed}))::int`.as('landed'),
  sql<string>`coalesce(sum(pipeline_projects.amount_cny), 0.00)::text`.as('amount_cny'),
  sql<number>`count(pipeline_projects.amount_cny)::int`.as('with_amount'),
  sql<number>`(count(*) FILTER (WHERE ${SIGNED_OR_LATER}))::int`.as('signed_projects'),
  sql<string>`coalesce(sum(pipeline_projects.amount_cny) FILTER (WHERE ${SIGNED_OR_LATER}), 0.00)::text`.as('signed_amount_cny'),
];

type Dimension = 'stage' | 'district' | 'industry' | 'origin' | 'source' | 'year';
interface GroupRow {
  dimension: Dimension;
  key: string | null;
  status: Status | null;
  projects: number;
  landed: number;
  amount_cny: string;
  with_amount: number;
  signed_projects: number;
  signed_amount_cny: string;
}

/**
 * One scan of the projects, grouped six ways at once (GROUPING SETS): by stage and status, district, industry, the
 * investor's origin, the source, and the year of creation. GROUPING() tells which set a row belongs to, so a project
 * without a district (a NULL key) is told apart from a row of another set.
 */
async function projectGroups(db: PipelineDb, scope: ProjectScope, filters: DashboardFilters): Promise<GroupRow[]> {
  const rows = await dashboardProjects(db, scope, filters)
    .innerJoin('investors', 'investors.id', 'pipeline_projects.investor_id')
    .select([
      sql<Dimension>`CASE
        WHEN GROUPING(pipeline_projects.stage) = 0 THEN 'stage'
        WHEN GROUPING(pipeline_projects.district_id) = 0 THEN 'district'
        WHEN GROUPING(pipeline_projects.industry_id) = 0 THEN 'industry'
        WHEN GROUPING(investors.origin) = 0 THEN 'origin'
        WHEN GROUPING(pipeline_projects.source_kind) = 0 THEN 'source'
        ELSE 'year' END`.as('dimension'),
      sql<string | null>`CASE
        WHEN GROUPING(pipeline_projects.stage) = 0 THEN pipeline_projects.stage
        WHEN GROUPING(pipeline_projects.district_id) = 0 THEN pipeline_projects.district_id
        WHEN GROUPING(pipeline_projects.industry_id) = 0 THEN pipeline_projects.industry_id
        WHEN GROUPING(investors.origin) = 0 THEN investors.origin
        WHEN GROUPING(pipeline_projects.source_kind) = 0 THEN pipeline_projects.source_kind
        ELSE ${CREATED_YEAR}::text END`.as('key'),
      sql<Status | null>`CASE WHEN GROUPING(pipeline_projects.status) = 0 THEN pipeline_projects.status END`.as('status'),
      ...groupColumns(LANDED),
    ])
    .groupBy(sql`GROUPING SETS (
      (pipeline_projects.stage, pipeline_projects.status),
      (pipeline_projects.district_id),
      (pipeline_projects.industry_id),
      (investors.origin),
      (pipeline_projects.source_kind),
      (${CREATED_YEAR}))`)
    .execute();
  return rows as GroupRow[];
}

/** Projects per event and per partner institution: the SOURCE_DETAIL_ROWS largest of each kind, and how many there are. */
async function sourceDetailGroups(db: PipelineDb, scope: ProjectScope, filters: DashboardFilters) {
  const grouped = dashboardProjects(db, scope, filters)
    .select([
      'pipeline_projects.source_kind as kind',
      'pipeline_projects.source_detail as detail',
      sql<number>`count(*)::int`.as('projects'),
      sql<number>`(count(*) FILTER (WHERE ${LANDED}))::int`.as('landed'),
      sql<string>`coalesce(sum(pipeline_projects.amount_cny), 0.00)::text`.as('amount_cny'),
      sql<number>`row_number() OVER (PARTITION BY pipeline_projects.source_kind ORDER BY count(*) DESC, pipeline_projects.source_detail NULLS LAST)::int`.as('rank'),
      sql<number>`(count(*) OVER (PARTITION BY pipeline_projects.source_kind))::int`.as('details'),
    ])
    .where('pipeline_projects.source_kind', 'in', [...DETAILED_SOURCES])
    .groupBy(['pipeline_projects.source_kind', 'pipeline_projects.source_detail']);
  return db.selectFrom(grouped.as('d')).selectAll().where('d.rank', '<=', SOURCE_DETAIL_ROWS).orderBy('d.kind').orderBy('d.rank').execute();
}

/** Projects whose next action date is before today and that are still pursued: how many, and the oldest first. */
async function overdueActions(db: PipelineDb, scope: ProjectScope, filters: DashboardFilters, today: string) {
  // Written as the predicate of the partial index pipeline_projects_overdue, which serves both the count and the rows.
  const overdue = dashboardProjects(db, scope, filters).where('pipeline_projects.next_action_on', '<', today).where(sql<boolean>`pipeline_projects.status NOT IN (${textList(CLOSED_STATUSES)})`);
  const [count, rows] = await Promise.all([
    overdue.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
    overdue
      .select(['pipeline_projects.reference', 'pipeline_projects.name', 'pipeline_projects.district_id', 'pipeline_projects.stage', 'pipeline_projects.status', 'pipeline_projects.next_action', 'pipeline_projects.next_action_on'])
      .orderBy('pipeline_projects.next_action_on')
      .orderBy('pipeline_projects.reference')
      .limit(OVERDUE_ROWS)
      .execute(),
  ]);
  const todayNumber = dayNumber(today);
  return {
    count: count.n,
    rows: rows.map((row): OverdueRow => ({ ...row, next_action_on: row.next_action_on!, daysOverdue: todayNumber - dayNumber(row.next_action_on!) })),
  };
}

const groupOf = (row: GroupRow): GroupFigures => ({
  key: row.key,
  projects: row.projects,
  landed: row.landed,
  amountCny: row.amount_cny,
  withAmount: row.with_amount,
  signedProjects: row.signed_projects,
  signedAmountCny: row.signed_amount_cny,
});

/** Largest amount first, then most projects, then by key (not stated last). */
const byAmount = (a: GroupFigures, b: GroupFigures) =>
  Number(b.amountCny) - Number(a.amountCny) || b.projects - a.projects || (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key));

function funnelOf(rows: GroupRow[], reached: Record<Stage, number>): FunnelStage[] {
  return STAGES.map((stage) => {
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    for (const row of rows) if (row.key === stage && row.status) byStatus[row.status] += row.projects;
    const closed = CLOSED_STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
    const all = STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
    return { stage, byStatus, pursued: all - closed, closed, reached: reached[stage] };
  });
}

/** Every figure of the dashboard for `scope` and `filters`, at `now` (the app's clock). */
export async function pipelineDashboard(db: PipelineDb, scope: ProjectScope, filters: DashboardFilters, now: Date): Promise<PipelineDashboard> {
  const today = beijingToday(now);
  const [groups, details, overdue, stageLog] = await Promise.all([
    projectGroups(db, scope, filters),
    sourceDetailGroups(db, scope, filters),
    overdueActions(db, scope, filters, today),
    stageLogFigures(db, dashboardProjects(db, scope, filters), now),
  ]);
  const of = (dimension: Dimension) => groups.filter((row) => row.dimension === dimension);
  const sourceDetailCounts: Partial<Record<SourceKind, number>> = {};
  for (const row of details) sourceDetailCounts[row.kind] = row.details;
  return {
    now,
    today,
    filters,
    projects: of('source').reduce((sum, row) => sum + row.projects, 0),
    funnel: funnelOf(of('stage'), stageLog.reached),
    implementation: of('year')
      .map((row) => ({ year: Number(row.key), inventoried: row.projects, landed: row.landed, rate: row.projects ? row.landed / row.projects : null }))
      .sort((a, b) => a.year - b.year),
    byDistrict: of('district').map(groupOf).sort(byAmount),
    byIndustry: of('industry').map(groupOf).sort(byAmount),
    byOrigin: of('origin').map(groupOf).sort(byAmount),
    bySource: of('source').map(groupOf).sort((a, b) => b.projects - a.projects || byAmount(a, b)),
    sourceDetails: details.map((row) => ({ kind: row.kind, detail: row.detail, projects: row.projects, landed: row.landed, amountCny: row.amount_cny })),
    sourceDetailCounts,
    timeInStage: stageLog.timeInStage,
    overdue,
  };
}
