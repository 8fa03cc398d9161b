/**
 * Time in stage and "ever reached", computed from the append-only stage log (never from a field someone can edit), in
 * one statement over the log rows of the projects counted:
 *
 *  - A stay begins at a log row that enters a stage (its to_stage differs from its from_stage; the creation row has
 *    no from_stage). Status-only rows (to_stage = from_stage: delayed, dormant, reopened…) never begin or end a stay,
 *    so a status change inside a stage does not split it in two.
 *  - A stay ends at the project's next stage change: the earliest stage-entering row after it, per project, in the
 *    order the rows happened (at, then id for two rows of one instant) — a window over the project's rows.
 *  - A stay not yet over counts up to `now` — the app's clock when the figures are made — if the project is still
 *    pursued (active, delayed, dormant); if it was lost or abandoned in that stage, up to its (last) closing row,
 *    since time after giving up is not time spent negotiating.
 *  - Median and 90th percentile per stage with percentile_cont (linear between the two nearest stays), in days.
 *  - Reached: a project reached a stage if its log ever entered that stage or a later one (an imported project may
 *    start past "lead"; a step back does not undo having been signed).
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { PipelineDb, PipelineTables } from './pipeline.tables.js';
import { CLOSED_STATUSES, STAGES, type Stage } from './stage-rules.js';

export interface StageTime {
  stage: Stage;
  /** Stays counted (a project that came back to a stage has one per visit). */
  stays: number;
  /** Of those, still going on: the project is at the stage and pursued (counted up to now). */
  ongoing: number;
  /** In days; null without any stay. */
  medianDays: number | null;
  p90Days: number | null;
}

export interface StageLogFigures {
  timeInStage: StageTime[];
  /** Projects whose log entered the stage or a later one. */
  reached: Record<Stage, number>;
}

type Projects = SelectQueryBuilder<Database & PipelineTables, 'pipeline_projects', object>;

const literalList = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));
const STAGE_ARRAY = sql`ARRAY[${literalList(STAGES)}]::text[]`;
const DAY_SECONDS = 86_400;
/**
 * The rows the statement reads, written exactly as the predicate of the partial index pipeline_stage_log_entries (the
 * planner uses a partial index only when the query's condition matches it): rows that enter a stage, and rows that
 * close a project (lost, abandoned).
 */
const ENTERS = sql<boolean>`l.from_stage IS DISTINCT FROM l.to_stage`;
const CLOSES = sql<boolean>`l.to_status IN ('lost', 'abandoned')`;

interface Row {
  stage: Stage;
  stays: number;
  ongoing: number;
  median_days: number | null;
  p90_days: number | null;
  reached: number;
}

/**
 * Time in each stage and how many projects reached each, for the projects `projects` selects, at `now`.
 *
 * Shaped for 1,000,000 log rows: the stage-entering and closing rows come from the partial index
 * pipeline_stage_log_entries in (project, at, id) order (index-only), so the windows run without a sort; the end of a
 * stay, the closing instant and the furthest stage are windows over the same partition (no per-row lookup, no second
 * pass; "reached" counts one row per project: its last entry). JIT is off for this statement: its estimated cost
 * sends it to JIT compilation, which took longer (~0.8 s on the bench machine) than the query itself.
 */
export async function stageLogFigures(db: PipelineDb, projects: Projects, now: Date): Promise<StageLogFigures> {
  const counted = projects.select(['pipeline_projects.id', 'pipeline_projects.status']);
  const closed = literalList(CLOSED_STATUSES);
  const statement = sql<Row>`
    WITH counted AS ${counted},
    entries AS MATERIALIZED (
      SELECT project_id, stage, at, status, left_at, closed_at, furthest FROM (
        SELECT l.project_id, l.to_stage AS stage, l.at, c.status, ${ENTERS} AS enters,
               min(l.at) FILTER (WHERE ${ENTERS}) OVER (PARTITION BY l.project_id ORDER BY l.at, l.id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS left_at,
               max(l.at) FILTER (WHERE ${CLOSES}) OVER (PARTITION BY l.project_id) AS closed_at,
               max(array_position(${STAGE_ARRAY}, l.to_stage)) OVER (PARTITION BY l.project_id) AS furthest
        FROM pipeline_stage_log l
        JOIN counted c ON c.id = l.project_id
        WHERE ${ENTERS} OR ${CLOSES}
      ) marks
      WHERE enters
    ),
    stays AS MATERIALIZED (
      SELECT stage,
             (left_at IS NULL AND status NOT IN (${closed})) AS ongoing,
             (extract(epoch FROM coalesce(left_at, CASE WHEN status IN (${closed}) THEN closed_at END, ${now}::timestamptz) - at) / ${DAY_SECONDS})::float8 AS days
      FROM entries
    ),
    times AS (
      SELECT stage, count(*)::int AS stays, (count(*) FILTER (WHERE ongoing))::int AS ongoing,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90_days
      FROM stays
      GROUP BY stage
    ),
    furthest AS MATERIALIZED (
      SELECT furthest AS position, count(*)::int AS projects FROM entries WHERE left_at IS NULL GROUP BY furthest
    )
    SELECT st.stage, coalesce(t.stays, 0) AS stays, coalesce(t.ongoing, 0) AS ongoing, t.median_days, t.p90_days,
           (SELECT coalesce(sum(f.projects), 0)::int FROM furthest f WHERE f.position >= st.position) AS reached
    FROM unnest(${STAGE_ARRAY}) WITH ORDINALITY AS st(stage, position)
    LEFT JOIN times t ON t.stage = st.stage
    ORDER BY st.position`;
  const { rows } = await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL jit = off`.execute(trx);
    return statement.execute(trx);
  });
  const reached = Object.fromEntries(rows.map((row) => [row.stage, row.reached])) as Record<Stage, number>;
  const timeInStage = rows.map((row): StageTime => ({
    stage: row.stage,
    stays: row.stays,
    ongoing: row.ongoing,
    medianDays: row.median_days === null ? null : Number(row.median_days),
    p90Days: row.p90_days === null ? null : Number(row.p90_days),
  }));
  return { timeInStage, reached };
}
