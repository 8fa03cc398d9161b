/**
 * Time in stage and "ever reached", computed from the append-only stage log (never from a field someone can edit), in
 * one statement over the log rows of the projects counted:
 *
 *  - A stay begins at a log row that enters a stage (its to_stage differs from its from_stage; the creation row has
 *    no from_stage). Status-only rows (to_stage = from_stage: delayed, dormant, reopened…) are left out before the
 *    window, so a status change inside a stage never splits the stay in two.
 *  - A stay ends at the project's next stage change: `lead()` over the stage-changing rows, per project, in the
 *    order they happened (at, then id for two rows of one instant).
 *  - A stay not yet over counts up to `now` — the app's clock when the figures are made — if the project is still
 *    pursued (active, delayed, dormant); if it was lost or abandoned in that stage, up to its last log row (the
 *    closing), since time after giving up is not time spent negotiating.
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

interface Row {
  stage: Stage;
  stays: number;
  ongoing: number;
  median_days: number | null;
  p90_days: number | null;
  reached: number;
}

/** Time in each stage and how many projects reached each, for the projects `projects` selects, at `now`. */
export async function stageLogFigures(db: PipelineDb, projects: Projects, now: Date): Promise<StageLogFigures> {
  const counted = projects.select(['pipeline_projects.id', 'pipeline_projects.status']);
  const closed = literalList(CLOSED_STATUSES);
  const { rows } = await sql<Row>`
    WITH counted AS ${counted},
    entries AS MATERIALIZED (
      SELECT l.project_id, l.to_stage AS stage, l.at, c.status,
             lead(l.at) OVER (PARTITION BY l.project_id ORDER BY l.at, l.id) AS left_at
      FROM pipeline_stage_log l
      JOIN counted c ON c.id = l.project_id
      WHERE l.from_stage IS DISTINCT FROM l.to_stage
    ),
    stays AS (
      SELECT e.stage,
             (e.left_at IS NULL AND e.status NOT IN (${closed})) AS ongoing,
             (extract(epoch FROM coalesce(
               e.left_at,
               CASE WHEN e.status IN (${closed})
                    THEN (SELECT max(last.at) FROM pipeline_stage_log last WHERE last.project_id = e.project_id)
                    ELSE ${now}::timestamptz END
             ) - e.at) / ${DAY_SECONDS})::float8 AS days
      FROM entries e
    ),
    times AS (
      SELECT stage, count(*)::int AS stays, (count(*) FILTER (WHERE ongoing))::int AS ongoing,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90_days
      FROM stays
      GROUP BY stage
    ),
    furthest AS (
      SELECT position, count(*)::int AS projects
      FROM (SELECT max(array_position(${STAGE_ARRAY}, stage)) AS position FROM entries GROUP BY project_id) per_project
      GROUP BY position
    )
    SELECT st.stage, coalesce(t.stays, 0) AS stays, coalesce(t.ongoing, 0) AS ongoing, t.median_days, t.p90_days,
           (SELECT coalesce(sum(f.projects), 0)::int FROM furthest f WHERE f.position >= st.position) AS reached
    FROM unnest(${STAGE_ARRAY}) WITH ORDINALITY AS st(stage, position)
    LEFT JOIN times t ON t.stage = st.stage
    ORDER BY st.position`.execute(db);
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
