/**
 * Builds the project page's model: the project as the reader may see it, what they are to it (actorsOf), the forms
 * open to them now — each move the stage rules allow them with exactly the evidence that move needs, the status
 * change, the team — each form's starting values (what the project already holds, or what was posted after an error),
 * and the history: the stage log and the project's audit rows, merged, newest first.
 */
import type { StaffPrincipal } from '../../platform/auth/index.js';
import { staffScopeOf } from '../../platform/auth/index.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { FieldError } from '../../platform/views/forms.js';
import { caseDb, CASE_READERS, findCaseForStaff } from '../cases/index.js';
import type { Db } from '../../platform/db/database.js';
import { actorsOf, mayEdit, type PipelineStaff } from './project-access.js';
import type { MoveFormValues, PageForm, StatusFormValues, TeamFormValues } from './project-forms.js';
import { caseReference, projectAuditRows, serviceItemCounts, staffNames, teamCandidates, type ProjectAuditRow } from './project-page.queries.js';
import { findInvestor, projectTeam, stageLog, type InvestorRow, type ProjectRow, type StageLogEntry, type TeamMember } from './project.repository.js';
import { beijingToday, type PipelineContext } from './project-workflow.js';
import {
  CLOSED_STATUSES, movesFrom, REOPEN_ACTORS, STATUSES, statusChange, stageIndex,
  type Actor, type StageMove, type Status, type TeamRole,
} from './stage-rules.js';

export interface MoveFormState {
  move: StageMove;
  forward: boolean;
  values: MoveFormValues;
  errors: FieldError[];
  open: boolean;
}

export interface StatusFormState {
  options: Status[];
  values: StatusFormValues;
  errors: FieldError[];
  open: boolean;
}

export interface TeamFormState {
  candidates: Record<TeamRole, { id: string; name: string }[]>;
  values: TeamFormValues;
  errors: FieldError[];
  open: boolean;
}

export type HistoryEntry =
  | { kind: 'log'; at: Date; who: string | null; entry: StageLogEntry }
  | { kind: 'audit'; at: Date; who: string | null; row: ProjectAuditRow };

export interface SourceCase {
  reference: string;
  /** The case's subject and a link, for a reader whose case scope holds it; otherwise the reference alone. */
  subject: string | null;
  subjectLang: 'en' | 'zh' | null;
  linked: boolean;
}

export interface ProjectPageModel {
  lang: Lang;
  csrf: string;
  project: ProjectRow;
  investor: InvestorRow | undefined;
  sourceCase: SourceCase | null;
  team: TeamMember[];
  actors: Actor[];
  moves: MoveFormState[];
  /** Set when the project is lost or abandoned and the reader may not reopen it: why no move is offered. */
  closed: boolean;
  status: StatusFormState | null;
  teamForm: TeamFormState | null;
  mayEdit: boolean;
  items: { total: number; open: number };
  history: HistoryEntry[];
  /** Names of the staff the history's team rows mention. */
  names: Map<string, string>;
  notice?: string;
  /** A refusal of the whole request (409), shown at the top. */
  refusal?: string;
  errors: FieldError[];
  today: string;
}

export interface ProjectPageRequest {
  lang: Lang;
  staff: StaffPrincipal;
  project: ProjectRow;
  notice?: string;
  refusal?: string;
  /** After a refused post: the form, what was typed and the errors. */
  failed?: { form: PageForm; values: Record<string, string | undefined>; errors: FieldError[] };
}

export const pipelineStaff = (staff: StaffPrincipal): PipelineStaff => ({ userId: staff.userId, role: staff.role, districtId: staff.districtId });

function moveForms(project: ProjectRow, actors: readonly Actor[], failed: ProjectPageRequest['failed']): MoveFormState[] {
  if (CLOSED_STATUSES.includes(project.status)) return [];
  return movesFrom(project.stage)
    .filter((move) => move.actors.some((actor) => actors.includes(actor)))
    .map((move) => {
      const forward = stageIndex(move.to) > stageIndex(move.from);
      const held = Object.fromEntries(move.requires.map((field) => [field, project[field] == null ? undefined : String(project[field])]));
      const mine = failed?.form.kind === 'move' && failed.form.to === move.to;
      return { move, forward, values: mine ? failed.values : held, errors: mine ? failed.errors : [], open: mine || forward };
    })
    .sort((a, b) => Number(b.forward) - Number(a.forward));
}

function statusForm(project: ProjectRow, actors: readonly Actor[], failed: ProjectPageRequest['failed']): StatusFormState | null {
  const reopening = CLOSED_STATUSES.includes(project.status);
  const options = STATUSES.filter((status) => status !== project.status && (reopening ? REOPEN_ACTORS : statusChange(status)!.actors).some((actor) => actors.includes(actor)));
  if (!options.length) return null;
  const mine = failed?.form.kind === 'status';
  return { options, values: mine ? failed.values : {}, errors: mine ? failed.errors : [], open: mine };
}

async function sourceCaseOf(db: Db, context: PipelineContext, staff: StaffPrincipal, caseId: string | null): Promise<SourceCase | null> {
  if (!caseId) return null;
  const reference = await caseReference(context.db, caseId);
  if (!reference) return null;
  // Outside the reader's case scope: the reference alone. The link only for roles the case pages let in.
  const visible = await findCaseForStaff(caseDb(db), staffScopeOf(staff), reference);
  return { reference, subject: visible?.subject ?? null, subjectLang: visible ? visible.lang : null, linked: Boolean(visible) && CASE_READERS.includes(staff.role) };
}

function historyOf(log: StageLogEntry[], audit: ProjectAuditRow[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [
    ...log.map((entry) => ({ kind: 'log' as const, at: entry.at, who: entry.actor_name, entry })),
    ...audit.map((row) => ({ kind: 'audit' as const, at: row.at, who: row.actor_name, row })),
  ];
  // Newest first; a log row and an audit row written in the same transaction keep the log's row first.
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.kind === b.kind ? 0 : a.kind === 'log' ? -1 : 1));
}

export async function loadProjectPage(db: Db, context: PipelineContext, request: ProjectPageRequest): Promise<ProjectPageModel> {
  const { lang, staff, project, failed } = request;
  const team = await projectTeam(context.db, project.id);
  const actors = actorsOf(pipelineStaff(staff), project, team);
  const mayStaff = actors.includes('municipal') || actors.includes('district');
  const [log, audit] = await Promise.all([stageLog(context.db, project.id), projectAuditRows(context.db, project.id)]);
  const mentioned = audit.flatMap((row) => {
    const after = row.after as { staff_user_id?: unknown } | null;
    return typeof after?.staff_user_id === 'string' ? [after.staff_user_id] : [];
  });
  const teamMine = failed?.form.kind === 'team';
  const moves = moveForms(project, actors, failed);
  return {
    lang,
    csrf: staff.csrfToken,
    project,
    investor: await findInvestor(context.db, project.investor_id),
    sourceCase: await sourceCaseOf(db, context, staff, project.source_case_id),
    team,
    actors,
    moves,
    closed: CLOSED_STATUSES.includes(project.status) && movesFrom(project.stage).some((move) => move.actors.some((actor) => actors.includes(actor))),
    status: statusForm(project, actors, failed),
    teamForm: mayStaff ? { candidates: await teamCandidates(context.db, project.district_id), values: teamMine ? failed.values : {}, errors: teamMine ? failed.errors : [], open: teamMine } : null,
    mayEdit: mayEdit(actors),
    items: await serviceItemCounts(context.db, project.id),
    history: historyOf(log, audit),
    names: await staffNames(context.db, mentioned),
    notice: request.notice,
    refusal: request.refusal,
    errors: failed?.errors ?? [],
    today: beijingToday(context.now()),
  };
}
