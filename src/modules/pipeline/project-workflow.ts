/**
 * Every change to a project: create, edit its fields, move it between stages, change its status, set its team. Each
 * runs in one transaction that re-reads the project FOR UPDATE, checks the person's actors against the rules
 * (stage-rules.ts) and the evidence against the stage, writes the change, a stage-log row for moves and status
 * changes, and an audit row — so two people moving one project at once cannot both succeed from the same stage.
 */
import { dateOfDay, beijingDay } from '../calendar/index.js';
import type { ContentStore } from '../content/index.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { PipelineDb, ProjectTable } from './pipeline.tables.js';
import { actorsOf, mayEdit, PIPELINE_WRITERS, projectScopeOf, scopedProjects, type PipelineStaff } from './project-access.js';
import {
  contentProblems, evidenceProblems, evidenceSchema, investorSchema, parseFields, projectFieldsSchema, ProjectInputError,
  type Evidence, type FieldProblem, type ProjectFields,
} from './project-input.js';
import { nextProjectReference } from './project.repository.js';
import {
  checksAt, CLOSED_STATUSES, LOSS_REASONS, REOPEN_ACTORS, requirementsAt, stageMove, statusChange, TEAM_ROLES,
  type Actor, type Stage, type Status, type TeamRole,
} from './stage-rules.js';

export interface PipelineContext {
  db: PipelineDb;
  store: () => ContentStore;
  now: () => Date;
}

export interface Acting {
  staff: PipelineStaff;
  requestId?: string | null;
}

export type RefusalReason = 'not_found' | 'not_allowed' | 'no_such_move' | 'closed' | 'not_closed';

/** A change the rules refuse (as opposed to invalid input: ProjectInputError). */
export class PipelineActionError extends Error {
  constructor(readonly reason: RefusalReason, message: string) {
    super(message);
  }
}

/** Today in Beijing, the day dates in evidence are compared with. */
export const beijingToday = (now: Date): string => dateOfDay(beijingDay(now));

type Trx = PipelineDb;

async function lockProject(trx: Trx, staff: PipelineStaff, reference: string) {
  const row = await scopedProjects(trx.selectFrom('pipeline_projects').selectAll('pipeline_projects'), projectScopeOf(staff))
    .where('pipeline_projects.reference', '=', reference)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new PipelineActionError('not_found', `No project ${reference} in your scope.`);
  const team = await trx.selectFrom('pipeline_team').select(['staff_user_id', 'role']).where('project_id', '=', row.id).execute();
  return { row, team, actors: actorsOf(staff, row, team) };
}

function refuseUnless(actors: readonly Actor[], allowed: readonly Actor[], what: string): void {
  if (!actors.some((actor) => allowed.includes(actor))) throw new PipelineActionError('not_allowed', `You may not ${what} on this project.`);
}

function throwIfAny(problems: FieldProblem[]): void {
  if (problems.length) throw new ProjectInputError(problems);
}

/** Creates an investor (name, origin, parent group); the same name and origin twice is one investor. */
export async function createInvestor(context: PipelineContext, acting: Acting, raw: Record<string, unknown>): Promise<{ id: string; created: boolean }> {
  if (!PIPELINE_WRITERS.includes(acting.staff.role)) throw new PipelineActionError('not_allowed', 'You may not add investors.');
  const fields = parseFields(investorSchema, raw);
  const now = context.now();
  return context.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('investors').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', fields.name.toLowerCase())).where('origin', '=', fields.origin).executeTakeFirst();
    if (existing) return { id: existing.id, created: false };
    const { id } = await trx
      .insertInto('investors')
      .values({ name: fields.name, name_zh: fields.name_zh ?? null, origin: fields.origin, parent_group: fields.parent_group ?? null, created_at: now, created_by: acting.staff.userId, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { at: now, actor: acting.staff.userId, action: 'pipeline.investor_created', entity: 'investor', entityId: id, after: fields, requestId: acting.requestId });
    return { id, created: true };
  });
}

function columnsOf(fields: Partial<ProjectFields>): Partial<Record<keyof ProjectTable, unknown>> {
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) columns[key] = value ?? null;
  return columns;
}

/** Stored and given values compared as the database would: amounts as numbers ("12000000" is "12000000.00"). */
function sameValue(stored: unknown, given: unknown): boolean {
  const a = stored ?? null;
  const b = given ?? null;
  if (a === null || b === null) return a === b;
  const numeric = /^\d+(\.\d+)?$/;
  if (typeof a === 'string' && numeric.test(a) && numeric.test(String(b))) return Number(a) === Number(b);
  return String(a) === String(b);
}

export interface NewProject {
  investorId: string;
  fields: Record<string, unknown>;
  /** A service-line case the project grew out of (its uuid, already checked to be in the creator's scope). */
  sourceCaseId?: string | null;
  importKey?: string | null;
}

/**
 * Creates a project at `lead`, active. A commissioner who creates one becomes its commissioner (otherwise they could
 * not see what they made); a district officer may only create projects in their own district.
 */
export async function createProject(context: PipelineContext, acting: Acting, input: NewProject): Promise<{ id: string; reference: string }> {
  const { staff } = acting;
  if (!PIPELINE_WRITERS.includes(staff.role)) throw new PipelineActionError('not_allowed', 'You may not create projects.');
  const fields = parseFields(projectFieldsSchema, input.fields);
  const problems = contentProblems(context.store(), fields);
  if (staff.role === 'district_officer' && fields.district_id !== staff.districtId) problems.push({ field: 'district_id', code: 'not_allowed' });
  if (fields.source_kind === 'service_case' && !input.sourceCaseId) problems.push({ field: 'source_kind', code: 'invalid' });
  // Evidence given for a later stage must still be consistent (dates not in the future, in order).
  problems.push(...evidenceProblems(fields, [], checksAt('operating'), beijingToday(context.now())));
  throwIfAny(problems);
  const now = context.now();
  return context.db.transaction().execute(async (trx) => {
    const investor = await trx.selectFrom('investors').select('id').where('id', '=', input.investorId).executeTakeFirst();
    if (!investor) throw new ProjectInputError([{ field: 'investor_id', code: 'unknown' }]);
    const reference = await nextProjectReference(trx, Number(beijingToday(now).slice(0, 4)));
    const { id } = await trx
      .insertInto('pipeline_projects')
      .values({
        ...(columnsOf(fields) as object),
        reference, investor_id: input.investorId, name: fields.name, kind: fields.kind, source_kind: fields.source_kind,
        source_case_id: input.sourceCaseId ?? null, import_key: input.importKey ?? null,
        stage: 'lead', status: 'active', created_at: now, created_by: staff.userId, updated_at: now, stage_entered_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('pipeline_stage_log').values({ project_id: id, at: now, actor_id: staff.userId, from_stage: null, to_stage: 'lead', from_status: null, to_status: 'active', request_id: acting.requestId ?? null }).execute();
    if (staff.role === 'project_commissioner') {
      await trx.insertInto('pipeline_team').values({ project_id: id, staff_user_id: staff.userId, role: 'commissioner', assigned_at: now }).execute();
    }
    if (input.sourceCaseId) {
      await trx.insertInto('investor_cases').values({ investor_id: input.investorId, case_id: input.sourceCaseId, linked_at: now, linked_by: staff.userId }).onConflict((oc) => oc.doNothing()).execute();
    }
    await recordAudit(trx, { at: now, actor: staff.userId, action: 'pipeline.project_created', entity: 'project', entityId: id, after: { reference, ...fields, investor_id: input.investorId, source_case_id: input.sourceCaseId ?? null }, requestId: acting.requestId });
    return { id, reference };
  });
}

/**
 * Edits the project's fields. The stage's evidence must still hold afterwards (a registered project cannot lose its
 * USCC); only the fields given change.
 */
export async function updateProject(context: PipelineContext, acting: Acting, reference: string, raw: Record<string, unknown>): Promise<void> {
  const given = parseFields(projectFieldsSchema.partial(), raw);
  const now = context.now();
  await context.db.transaction().execute(async (trx) => {
    const { row, actors } = await lockProject(trx, acting.staff, reference);
    refuseUnless(actors, ['commissioner', 'district', 'verifier', 'municipal'], 'edit');
    const after = { ...row, ...columnsOf(given) } as Record<string, unknown>;
    const problems = contentProblems(context.store(), after as Partial<ProjectFields>);
    if (acting.staff.role === 'district_officer' && !actors.includes('municipal') && after.district_id !== acting.staff.districtId) problems.push({ field: 'district_id', code: 'not_allowed' });
    problems.push(...evidenceProblems(after as Evidence as Record<string, string>, requirementsAt(row.stage), checksAt('operating'), beijingToday(now)));
    throwIfAny(problems);
    const changed = Object.fromEntries(Object.entries(columnsOf(given)).filter(([key, value]) => !sameValue((row as Record<string, unknown>)[key], value)));
    if (!Object.keys(changed).length) return;
    await trx.updateTable('pipeline_projects').set({ ...(changed as object), updated_at: now }).where('id', '=', row.id).execute();
    const before = Object.fromEntries(Object.keys(changed).map((key) => [key, (row as Record<string, unknown>)[key] ?? null]));
    await recordAudit(trx, { at: now, actor: acting.staff.userId, action: 'pipeline.project_updated', entity: 'project', entityId: row.id, before, after: changed, requestId: acting.requestId });
  });
}

export interface MoveInput {
  to: Stage;
  evidence?: Record<string, unknown>;
  note?: string | null;
}

/** Moves a project to another stage, with the evidence that stage needs (stage-rules.ts). */
export async function moveProject(context: PipelineContext, acting: Acting, reference: string, input: MoveInput): Promise<void> {
  const evidence = parseFields(evidenceSchema, input.evidence ?? {});
  const note = input.note?.trim() || null;
  const now = context.now();
  await context.db.transaction().execute(async (trx) => {
    const { row, actors } = await lockProject(trx, acting.staff, reference);
    const move = stageMove(row.stage, input.to);
    if (!move) throw new PipelineActionError('no_such_move', `A project at ${row.stage} cannot move to ${input.to}.`);
    refuseUnless(actors, move.actors, `move it to ${input.to}`);
    if (CLOSED_STATUSES.includes(row.status)) throw new PipelineActionError('closed', `The project is ${row.status}: reopen it first.`);
    const after = { ...row, ...columnsOf(evidence) } as Record<string, string | null>;
    const problems = [...contentProblems(context.store(), after as Partial<ProjectFields>), ...evidenceProblems(after, move.requires, move.checks, beijingToday(now))];
    if (move.noteRequired && !note) problems.push({ field: 'note', code: 'required' });
    if (note && note.length > 2000) problems.push({ field: 'note', code: 'too_long' });
    throwIfAny(problems);
    const landing = input.to === 'registered' && !row.landed_at;
    await trx
      .updateTable('pipeline_projects')
      .set({ ...(columnsOf(evidence) as object), stage: input.to, stage_entered_at: now, updated_at: now, ...(landing ? { landed_at: now } : {}) })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('pipeline_stage_log')
      .values({ project_id: row.id, at: now, actor_id: acting.staff.userId, from_stage: row.stage, to_stage: input.to, from_status: row.status, to_status: row.status, note, evidence: JSON.stringify(evidence), request_id: acting.requestId ?? null })
      .execute();
    await recordAudit(trx, { at: now, actor: acting.staff.userId, action: 'pipeline.project_moved', entity: 'project', entityId: row.id, before: { stage: row.stage }, after: { stage: input.to, ...evidence, note }, requestId: acting.requestId });
  });
}

export interface StatusInput {
  to: Status;
  reason?: string | null;
  note?: string | null;
}

/** Changes the status beside the stage; lost and abandoned need a reason from the list and a note. */
export async function setProjectStatus(context: PipelineContext, acting: Acting, reference: string, input: StatusInput): Promise<void> {
  const change = statusChange(input.to);
  if (!change) throw new ProjectInputError([{ field: 'status', code: 'invalid' }]);
  const reason = input.reason?.trim() || null;
  const note = input.note?.trim() || null;
  const problems: FieldProblem[] = [];
  if (change.reasonRequired && !reason) problems.push({ field: 'reason', code: 'required' });
  if (reason && (!change.reasonRequired || !(LOSS_REASONS as readonly string[]).includes(reason))) problems.push({ field: 'reason', code: 'invalid' });
  if (change.noteRequired && !note) problems.push({ field: 'note', code: 'required' });
  if (note && note.length > 2000) problems.push({ field: 'note', code: 'too_long' });
  const now = context.now();
  await context.db.transaction().execute(async (trx) => {
    const { row, actors } = await lockProject(trx, acting.staff, reference);
    const reopening = CLOSED_STATUSES.includes(row.status);
    refuseUnless(actors, reopening ? REOPEN_ACTORS : change.actors, `set it ${input.to}`);
    if (row.status === input.to) throw new PipelineActionError('no_such_move', `The project is already ${input.to}.`);
    throwIfAny(problems);
    await trx
      .updateTable('pipeline_projects')
      .set({ status: input.to, status_reason: change.reasonRequired ? reason : null, status_note: change.noteRequired ? note : null, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    await trx
      .insertInto('pipeline_stage_log')
      .values({ project_id: row.id, at: now, actor_id: acting.staff.userId, from_stage: row.stage, to_stage: row.stage, from_status: row.status, to_status: input.to, reason, note, request_id: acting.requestId ?? null })
      .execute();
    await recordAudit(trx, { at: now, actor: acting.staff.userId, action: 'pipeline.project_status_set', entity: 'project', entityId: row.id, before: { status: row.status }, after: { status: input.to, reason, note }, requestId: acting.requestId });
  });
}

/**
 * Puts a staff member on the project's team in `role` (or takes them off). The municipal side and the district's
 * officer staff a project; a commissioner's own projects stay theirs until someone else is named.
 */
export async function setTeamMember(context: PipelineContext, acting: Acting, reference: string, input: { role: TeamRole; staffUserId: string; remove?: boolean }): Promise<void> {
  if (!TEAM_ROLES.includes(input.role)) throw new ProjectInputError([{ field: 'role', code: 'invalid' }]);
  const now = context.now();
  await context.db.transaction().execute(async (trx) => {
    const { row, actors } = await lockProject(trx, acting.staff, reference);
    refuseUnless(actors, ['municipal', 'district'], 'change the team');
    const member = await trx.selectFrom('staff_users').select(['id', 'role', 'disabled_at']).where('id', '=', input.staffUserId).executeTakeFirst();
    const fits = member && !member.disabled_at && (input.role === 'commissioner' ? member.role === 'project_commissioner' : input.role === 'municipal_verifier' ? ['municipal_coordinator', 'admin'].includes(member.role) : member.role === 'district_officer');
    if (!input.remove && !fits) throw new ProjectInputError([{ field: 'staff_user_id', code: 'invalid' }]);
    if (input.remove) {
      await trx.deleteFrom('pipeline_team').where('project_id', '=', row.id).where('role', '=', input.role).where('staff_user_id', '=', input.staffUserId).execute();
    } else {
      await trx.insertInto('pipeline_team').values({ project_id: row.id, staff_user_id: input.staffUserId, role: input.role, assigned_at: now }).onConflict((oc) => oc.doNothing()).execute();
    }
    await trx.updateTable('pipeline_projects').set({ updated_at: now }).where('id', '=', row.id).execute();
    await recordAudit(trx, { at: now, actor: acting.staff.userId, action: input.remove ? 'pipeline.team_member_removed' : 'pipeline.team_member_added', entity: 'project', entityId: row.id, after: { role: input.role, staff_user_id: input.staffUserId }, requestId: acting.requestId });
  });
}

/** What `staff` is to the project (for pages that show which forms to offer). */
export { actorsOf, mayEdit };
