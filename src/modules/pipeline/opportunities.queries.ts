/**
 * The 2025 conference's investment opportunities (content kind `projects`) as the pipeline sees them.
 *
 * Two kinds of answer, on purpose: how many projects are at each stage for an opportunity is counted over every
 * project (a count names no investor and no project, and tells a district officer that someone else is already
 * talking about the plot), while the projects themselves — reference, name, investor — are read only within the
 * viewer's scope (scopedProjects), like everywhere else in the pipeline.
 *
 * The public side gets less still: whether an opportunity is taken up, nothing else (opportunityAvailability).
 */
import { sql } from 'kysely';
import type { PipelineDb } from './pipeline.tables.js';
import { scopedProjects, type ProjectScope } from './project-access.js';
import { CLOSED_STATUSES, STAGES, type Stage, type Status } from './stage-rules.js';

/** Stages at which an opportunity is taken: an agreement is signed (or the company already registered or operating). */
export const TAKING_STAGES: readonly Stage[] = ['signed', 'registered', 'operating'];

export type Availability = 'open' | 'taken';

/** How many projects an opportunity has: still pursued, per stage, and lost or abandoned (any stage). */
export interface OpportunityCounts {
  byStage: Record<Stage, number>;
  closed: number;
  availability: Availability;
}

export const noCounts = (): OpportunityCounts => ({ byStage: Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>, closed: 0, availability: 'open' });

/**
 * The counts of every opportunity that has at least one project (one grouped query over all projects; an
 * opportunity missing from the map has none). `ids` narrows it to some opportunities (one district's).
 */
export async function opportunityCounts(db: PipelineDb, ids?: readonly string[]): Promise<Map<string, OpportunityCounts>> {
  const counts = new Map<string, OpportunityCounts>();
  if (ids && ids.length === 0) return counts;
  let query = db
    .selectFrom('pipeline_projects')
    .select(['opportunity_id', 'stage', 'status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('opportunity_id', 'is not', null)
    .groupBy(['opportunity_id', 'stage', 'status']);
  if (ids) query = query.where('opportunity_id', 'in', [...ids]);
  for (const row of await query.execute()) {
    const id = row.opportunity_id!;
    const entry = counts.get(id) ?? noCounts();
    const n = Number(row.n);
    if (CLOSED_STATUSES.includes(row.status)) entry.closed += n;
    else {
      entry.byStage[row.stage] += n;
      if (TAKING_STAGES.includes(row.stage)) entry.availability = 'taken';
    }
    counts.set(id, entry);
  }
  return counts;
}

/**
 * Whether each opportunity is still open to investors: "taken" once a project for it has reached signed or later and
 * is not lost or abandoned (a lost signing opens it again). Only opportunities with a project appear; absent means
 * open. One query over the projects that take up an opportunity (index pipeline_projects_opportunity), cheap enough
 * for the public page to ask on every request, so the public status is never older than the last change.
 */
export async function opportunityAvailability(db: PipelineDb): Promise<Map<string, Availability>> {
  const rows = await db
    .selectFrom('pipeline_projects')
    .select(['opportunity_id', sql<boolean>`bool_or(stage IN (${sql.join([...TAKING_STAGES])}) AND status NOT IN (${sql.join([...CLOSED_STATUSES])}))`.as('taken')])
    .where('opportunity_id', 'is not', null)
    .groupBy('opportunity_id')
    .execute();
  return new Map(rows.map((row) => [row.opportunity_id!, row.taken ? 'taken' : 'open']));
}

export interface OpportunityProject {
  reference: string;
  name: string;
  opportunity_id: string;
  investor_name: string;
  investor_name_zh: string | null;
  district_id: string | null;
  stage: Stage;
  status: Status;
  updated_at: Date;
}

function scopedOpportunityProjects(db: PipelineDb, scope: ProjectScope) {
  return scopedProjects(
    db
      .selectFrom('pipeline_projects')
      .innerJoin('investors', 'investors.id', 'pipeline_projects.investor_id')
      .select([
        'pipeline_projects.reference', 'pipeline_projects.name', 'pipeline_projects.opportunity_id', 'investors.name as investor_name',
        'investors.name_zh as investor_name_zh', 'pipeline_projects.district_id', 'pipeline_projects.stage', 'pipeline_projects.status',
        'pipeline_projects.updated_at',
      ]),
    scope,
  );
}

/** The projects in `scope` that take up `opportunityId`, most recently changed first. */
export async function projectsForOpportunity(db: PipelineDb, scope: ProjectScope, opportunityId: string): Promise<OpportunityProject[]> {
  const rows = await scopedOpportunityProjects(db, scope)
    .where('pipeline_projects.opportunity_id', '=', opportunityId)
    .orderBy('pipeline_projects.updated_at', 'desc')
    .orderBy('pipeline_projects.reference')
    .execute();
  return rows as OpportunityProject[];
}

/**
 * For the overview: per opportunity, the `perOpportunity` most recently changed projects in `scope` and how many the
 * scope holds in all (a window over the scoped rows, so an opportunity with hundreds of projects still costs one row each).
 */
export async function scopedProjectsByOpportunity(db: PipelineDb, scope: ProjectScope, ids: readonly string[], perOpportunity: number): Promise<Map<string, { shown: OpportunityProject[]; total: number }>> {
  const result = new Map<string, { shown: OpportunityProject[]; total: number }>();
  if (ids.length === 0 || scope.kind === 'none') return result;
  const ranked = scopedOpportunityProjects(db, scope)
    .select([
      sql<string>`row_number() OVER (PARTITION BY pipeline_projects.opportunity_id ORDER BY pipeline_projects.updated_at DESC, pipeline_projects.reference)`.as('rank'),
      sql<string>`count(*) OVER (PARTITION BY pipeline_projects.opportunity_id)`.as('total'),
    ])
    .where('pipeline_projects.opportunity_id', 'in', [...ids]);
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rank', '<=', String(perOpportunity)).orderBy('opportunity_id').orderBy('rank').execute();
  for (const { rank: _rank, total, ...row } of rows) {
    const entry = result.get(row.opportunity_id!) ?? { shown: [], total: Number(total) };
    entry.shown.push(row as OpportunityProject);
    result.set(row.opportunity_id!, entry);
  }
  return result;
}
