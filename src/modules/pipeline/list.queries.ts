/**
 * The project list's SQL (the list page, the board, the CSV and the JSON API). Every query starts from
 * scopedProjects, so no filter, count or page ever holds a project outside the reader's scope.
 *
 * Cost on 100,000 projects: a page is one query (the filters, an ORDER BY that an index serves — updated_at,
 * next_action_on, amount_cny, reference — and LIMIT 50) plus one count that stops at LIST_COUNT_CAP rows, so an
 * unfiltered count never walks the whole table. Search is a bitmap OR of indexed conditions: the reference (unique
 * index), the `search` tsvector (GIN, each word as a prefix) and the investor ids whose name matches, computed once
 * (an InitPlan array, used through the investor index). Chinese text adds an ILIKE on the project's name, because the
 * 'simple' parser keeps a run of Chinese characters as one word and a part of it would not match.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { dayNumber, startOfBeijingDay } from '../calendar/index.js';
import type { Database } from '../../platform/db/schema.js';
import { LIST_PAGE_SIZE, type ListFilters } from './list.form.js';
import type { CivilDate, PipelineDb, PipelineTables } from './pipeline.tables.js';
import { scopedProjects, type ProjectScope } from './project-access.js';
import { PROJECT_REFERENCE } from './project.repository.js';
import { CLOSED_STATUSES, STAGES, STATUSES, type Stage } from './stage-rules.js';

type Eb = ExpressionBuilder<Database & PipelineTables, 'pipeline_projects'>;

/** The count stops here: "more than 10,000 projects" is all a person needs to narrow the filters. */
export const LIST_COUNT_CAP = 10_000;
/** Most rows a CSV holds. */
export const LIST_CSV_CAP = 100_000;
/** Statuses still pursued (listed: an IN list can use an index, NOT IN cannot). */
const OPEN_STATUSES = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));

/** Words of a search as prefix terms of a tsquery ("nord robot" → "nord:* & robot:*"); null when none is left. */
export function projectTsQuery(q: string): string | null {
  const words = q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

function searchCondition(eb: Eb, q: string): Expression<SqlBool> {
  const options: Expression<SqlBool>[] = [];
  // A whole reference names one project (and its "pj" word would otherwise match every project's tsvector).
  const reference = q.trim().toUpperCase();
  if (PROJECT_REFERENCE.test(reference)) return eb('pipeline_projects.reference', '=', reference);
  const terms = projectTsQuery(q);
  if (terms) options.push(sql<SqlBool>`pipeline_projects.search @@ to_tsquery('simple', ${terms})`);
  const like = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // ARRAY(subquery) is evaluated once; `= ANY(array)` is then an index condition on pipeline_projects.investor_id.
  options.push(
    sql<SqlBool>`pipeline_projects.investor_id = ANY(ARRAY(SELECT investors.id FROM investors WHERE investors.name ILIKE ${like} OR investors.name_zh ILIKE ${like} LIMIT 1000))`,
  );
  if (/\p{Script=Han}/u.test(q)) options.push(eb('pipeline_projects.name', 'ilike', like));
  return eb.or(options);
}

/** The scoped projects matching every filter (stages only when `withStages`: the board counts columns without them). */
export function filteredProjects(db: PipelineDb, scope: ProjectScope, filters: ListFilters, today: CivilDate) {
  let query = scopedProjects(db.selectFrom('pipeline_projects'), scope);
  if (filters.stages?.length) query = query.where('pipeline_projects.stage', 'in', filters.stages);
  if (filters.statuses?.length) query = query.where('pipeline_projects.status', 'in', filters.statuses);
  if (filters.district) query = query.where('pipeline_projects.district_id', '=', filters.district);
  if (filters.industry) query = query.where('pipeline_projects.industry_id', '=', filters.industry);
  if (filters.kind) query = query.where('pipeline_projects.kind', '=', filters.kind);
  if (filters.source) query = query.where('pipeline_projects.source_kind', '=', filters.source);
  const { origin, member, q, year } = filters;
  if (origin) query = query.where('pipeline_projects.investor_id', 'in', (eb) => eb.selectFrom('investors').select('investors.id').where('investors.origin', '=', origin));
  if (member) {
    query = query.where('pipeline_projects.id', 'in', (eb) => eb.selectFrom('pipeline_team as member_team').select('member_team.project_id').where('member_team.staff_user_id', '=', member));
  }
  if (filters.overdue) query = query.where('pipeline_projects.next_action_on', '<', today).where('pipeline_projects.status', 'in', OPEN_STATUSES);
  if (filters.opportunity !== undefined) query = query.where('pipeline_projects.opportunity_id', filters.opportunity ? 'is not' : 'is', null);
  if (year !== undefined) {
    query = query
      .where('pipeline_projects.created_at', '>=', startOfBeijingDay(dayNumber(`${year}-01-01`)))
      .where('pipeline_projects.created_at', '<', startOfBeijingDay(dayNumber(`${year + 1}-01-01`)));
  }
  if (q) query = query.where((eb) => searchCondition(eb, q));
  return query;
}

export interface ListRow {
  id: string;
  reference: string;
  name: string;
  investor_id: string;
  investor_name: string;
  investor_name_zh: string | null;
  investor_origin: string;
  kind: PipelineTables['pipeline_projects']['kind'];
  industry_id: string | null;
  district_id: string | null;
  source_kind: PipelineTables['pipeline_projects']['source_kind'];
  opportunity_id: string | null;
  stage: Stage;
  status: PipelineTables['pipeline_projects']['status'];
  /** numeric as exact text ("12000000.00"), or null. */
  amount_cny: string | null;
  next_action: string | null;
  next_action_on: CivilDate | null;
  created_at: Date;
  updated_at: Date;
  /** The next action's date is before today and the project is still pursued. */
  overdue: boolean;
}

type Filtered = ReturnType<typeof filteredProjects>;

function ordered<Q extends Filtered>(query: Q, sort: ListFilters['sort']): Q {
  switch (sort) {
    case 'next_action':
      return query.orderBy(sql`pipeline_projects.next_action_on ASC NULLS LAST`).orderBy('pipeline_projects.reference') as Q;
    case 'amount':
      return query.orderBy(sql`pipeline_projects.amount_cny DESC NULLS LAST`).orderBy('pipeline_projects.reference') as Q;
    case 'reference':
      return query.orderBy('pipeline_projects.reference') as Q;
    default:
      return query.orderBy('pipeline_projects.updated_at', 'desc').orderBy('pipeline_projects.reference') as Q;
  }
}

function withRowColumns(query: Filtered) {
  return query.innerJoin('investors', 'investors.id', 'pipeline_projects.investor_id').select([
    'pipeline_projects.id', 'pipeline_projects.reference', 'pipeline_projects.name', 'pipeline_projects.investor_id',
    'investors.name as investor_name', 'investors.name_zh as investor_name_zh', 'investors.origin as investor_origin',
    'pipeline_projects.kind', 'pipeline_projects.industry_id', 'pipeline_projects.district_id', 'pipeline_projects.source_kind',
    'pipeline_projects.opportunity_id', 'pipeline_projects.stage', 'pipeline_projects.status', 'pipeline_projects.amount_cny',
    'pipeline_projects.next_action', 'pipeline_projects.next_action_on', 'pipeline_projects.created_at', 'pipeline_projects.updated_at',
  ]);
}

const isOverdue = (row: { next_action_on: CivilDate | null; status: ListRow['status'] }, today: CivilDate) =>
  row.next_action_on !== null && row.next_action_on < today && !CLOSED_STATUSES.includes(row.status);

/** The rows of the filter in its sort order, `limit` from `offset`. */
export async function listProjectRows(db: PipelineDb, scope: ProjectScope, filters: ListFilters, today: CivilDate, { limit, offset = 0 }: { limit: number; offset?: number }): Promise<ListRow[]> {
  const rows = await ordered(withRowColumns(filteredProjects(db, scope, filters, today)), filters.sort).limit(limit).offset(offset).execute();
  return rows.map((row) => ({ ...row, overdue: isOverdue(row, today) }));
}

/** How many projects match, counted up to `cap` (then `capped` is true and `total` is the cap). */
export async function countProjects(db: PipelineDb, scope: ProjectScope, filters: ListFilters, today: CivilDate, cap = LIST_COUNT_CAP): Promise<{ total: number; capped: boolean }> {
  const matching = filteredProjects(db, scope, filters, today).select(sql`1`.as('one')).limit(cap + 1);
  const { n } = await db.selectFrom(matching.as('matching')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  return total > cap ? { total: cap, capped: true } : { total, capped: false };
}

export interface ListPage {
  rows: ListRow[];
  /** Projects matching (at most LIST_COUNT_CAP; `capped` says there are more). */
  total: number;
  capped: boolean;
  page: number;
  pageSize: number;
}

/** One page of the list (filters.page, LIST_PAGE_SIZE rows) and the capped count. */
export async function listProjects(db: PipelineDb, scope: ProjectScope, filters: ListFilters, today: CivilDate): Promise<ListPage> {
  const [rows, count] = await Promise.all([
    listProjectRows(db, scope, filters, today, { limit: LIST_PAGE_SIZE, offset: (filters.page - 1) * LIST_PAGE_SIZE }),
    countProjects(db, scope, filters, today),
  ]);
  return { rows, ...count, page: filters.page, pageSize: LIST_PAGE_SIZE };
}

/** The board: how many projects each stage holds under the filters (one grouped query). */
export async function stageCounts(db: PipelineDb, scope: ProjectScope, filters: ListFilters, today: CivilDate): Promise<Record<Stage, number>> {
  const rows = await filteredProjects(db, scope, filters, today)
    .select(['pipeline_projects.stage', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('pipeline_projects.stage')
    .execute();
  const counts = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  for (const row of rows) counts[row.stage] = Number(row.n);
  return counts;
}

/** The board: the first `perStage` cards of each stage, one query per column (five at most, in parallel). */
export async function boardCards(db: PipelineDb, scope: ProjectScope, filters: ListFilters, today: CivilDate, stages: readonly Stage[], perStage: number): Promise<Record<Stage, ListRow[]>> {
  const columns = await Promise.all(stages.map((stage) => listProjectRows(db, scope, { ...filters, stages: [stage] }, today, { limit: perStage })));
  const cards = Object.fromEntries(STAGES.map((stage) => [stage, [] as ListRow[]])) as Record<Stage, ListRow[]>;
  stages.forEach((stage, i) => (cards[stage] = columns[i]));
  return cards;
}

/** The teams of the projects shown (one query), to work out what the viewer may do with each. */
export async function teamsOf(db: PipelineDb, projectIds: readonly string[]) {
  if (projectIds.length === 0) return new Map<string, { staff_user_id: string; role: PipelineTables['pipeline_team']['role'] }[]>();
  const rows = await db.selectFrom('pipeline_team').select(['project_id', 'staff_user_id', 'role']).where('project_id', 'in', [...projectIds]).execute();
  const teams = new Map<string, { staff_user_id: string; role: PipelineTables['pipeline_team']['role'] }[]>();
  for (const row of rows) teams.set(row.project_id, [...(teams.get(row.project_id) ?? []), { staff_user_id: row.staff_user_id, role: row.role }]);
  return teams;
}
