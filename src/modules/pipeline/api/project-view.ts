/**
 * Projects as the staff API answers them: list rows, one project with its team, evidence and the moves open from its
 * stage (and whether the caller may make each), and its stage log. Every read goes through the caller's scope.
 */
import type { ListRow } from '../list.queries.js';
import { actorsOf, type PipelineStaff, projectScopeOf } from '../project-access.js';
import { findInvestor, findProject, projectTeam, stageLog } from '../project.repository.js';
import type { PipelineContext } from '../project-workflow.js';
import { CLOSED_STATUSES, movesFrom } from '../stage-rules.js';
import type { ProjectDetail, ProjectSummary } from './api-schemas.js';

const iso = (at: Date) => at.toISOString();

export function projectSummary(row: ListRow): ProjectSummary {
  return {
    reference: row.reference,
    name: row.name,
    investor: { id: row.investor_id, name: row.investor_name, name_zh: row.investor_name_zh, origin: row.investor_origin },
    kind: row.kind,
    industry_id: row.industry_id,
    district_id: row.district_id,
    source_kind: row.source_kind,
    opportunity_id: row.opportunity_id,
    stage: row.stage,
    status: row.status,
    amount_cny: row.amount_cny,
    next_action: row.next_action,
    next_action_on: row.next_action_on,
    overdue: row.overdue,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
  };
}

/** The project as `staff` may see it; undefined when it is not in their scope (or does not exist: the same). */
export async function projectDetail(context: PipelineContext, staff: PipelineStaff, reference: string): Promise<ProjectDetail | undefined> {
  const project = await findProject(context.db, projectScopeOf(staff), reference);
  if (!project) return undefined;
  const [investor, team] = await Promise.all([findInvestor(context.db, project.investor_id), projectTeam(context.db, project.id)]);
  const actors = actorsOf(staff, project, team);
  const closed = CLOSED_STATUSES.includes(project.status);
  const held = project as unknown as Record<string, unknown>;
  return {
    reference: project.reference,
    name: project.name,
    investor: { id: project.investor_id, name: investor?.name ?? '', name_zh: investor?.name_zh ?? null, origin: investor?.origin ?? '', parent_group: investor?.parent_group ?? null },
    kind: project.kind,
    industry_id: project.industry_id,
    district_id: project.district_id,
    park_id: project.park_id,
    ftz_cluster_id: project.ftz_cluster_id,
    opportunity_id: project.opportunity_id,
    currency: project.currency,
    amount_total: project.amount_total,
    amount_foreign: project.amount_foreign,
    registered_capital: project.registered_capital,
    amount_cny: project.amount_cny,
    amount_cny_on: project.amount_cny_on,
    expected_jobs: project.expected_jobs,
    source_kind: project.source_kind,
    source_detail: project.source_detail,
    next_action: project.next_action,
    next_action_on: project.next_action_on,
    stage: project.stage,
    status: project.status,
    status_reason: project.status_reason,
    status_note: project.status_note,
    evidence: {
      signed_on: project.signed_on,
      agreement_parties: project.agreement_parties,
      agreement_ref: project.agreement_ref,
      uscc: project.uscc,
      registered_on: project.registered_on,
      first_operation_on: project.first_operation_on,
    },
    team: team.map((m) => ({ staff_user_id: m.staff_user_id, name: m.name, role: m.role, assigned_at: iso(m.assigned_at) })),
    moves: movesFrom(project.stage).map((move) => ({
      to: move.to,
      requires: [...move.requires],
      missing: move.requires.filter((field) => held[field] == null || held[field] === ''),
      note_required: move.noteRequired,
      allowed: !closed && move.actors.some((actor) => actors.includes(actor)),
    })),
    created_at: iso(project.created_at),
    updated_at: iso(project.updated_at),
    stage_entered_at: iso(project.stage_entered_at),
    landed_at: project.landed_at ? iso(project.landed_at) : null,
  };
}

/** The project's stage log, oldest first; undefined when it is not in scope. */
export async function projectHistory(context: PipelineContext, staff: PipelineStaff, reference: string) {
  const project = await findProject(context.db, projectScopeOf(staff), reference);
  if (!project) return undefined;
  const log = await stageLog(context.db, project.id);
  return {
    entries: log.map((entry) => ({
      at: iso(entry.at),
      actor: entry.actor_name,
      from_stage: entry.from_stage,
      to_stage: entry.to_stage,
      from_status: entry.from_status,
      to_status: entry.to_status,
      reason: entry.reason,
      note: entry.note,
      evidence: Object.fromEntries(Object.entries(entry.evidence ?? {}).map(([key, value]) => [key, value == null ? null : String(value)])),
    })),
  };
}
