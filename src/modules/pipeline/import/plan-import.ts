/**
 * What importing the checked rows would do, row by row, against the projects as they are: create (a key not seen
 * before), update (its fields, stage or status differ), or nothing (unchanged). The stage rules apply as they do to a
 * move (stage-rules.ts): a stage only goes forward, each step must be one the importing person may make (so a district
 * officer cannot register a project: the municipal side confirms registration), the project must then hold the
 * stage's evidence (`requirementsAt`, `checksAt`, `evidenceProblems`), and a status needs what `STATUS_CHANGES` asks
 * (lost and abandoned: a reason from LOSS_REASONS and a note).
 *
 * The preview runs it on the database; the commit runs it again inside its transaction with the projects locked.
 */
import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { PipelineDb, ProjectTable } from '../pipeline.tables.js';
import { actorsOf, type PipelineStaff } from '../project-access.js';
import { evidenceProblems, type ProjectFields } from '../project-input.js';
import {
  checksAt, CLOSED_STATUSES, LOSS_REASONS, REOPEN_ACTORS, requirementsAt, stageIndex, stageMove, STAGES, statusChange,
  type Actor, type Stage, type Status,
} from '../stage-rules.js';
import { columnByKey, columnOfField } from './import-columns.js';
import type { CheckedRow, ImportProblem, ImportProblemCode, RowsChecked } from './validate-rows.js';

export type RowOutcome = 'create' | 'update' | 'unchanged';

export type ExistingProject = Selectable<ProjectTable> & { investor_name: string; investor_origin: string };

export interface PlannedRow {
  checked: CheckedRow;
  outcome: RowOutcome;
  existing: ExistingProject | null;
  /** Column keys whose value changes (empty for a new project: everything is new). */
  changes: string[];
  /** The project's fields to write (a new project: all; an update: the changed ones). */
  set: Partial<ProjectFields>;
  investorChanges: boolean;
  status: Status;
  statusReason: string | null;
  statusNote: string | null;
}

export interface ImportPlan extends Omit<RowsChecked, 'rows'> {
  rows: PlannedRow[];
  /** A digest of what would happen, so the commit can tell that nothing changed since the preview. */
  digest: string;
}

const AMOUNTS = new Set(['amount_total', 'amount_foreign', 'registered_capital', 'amount_cny']);

/** A value as it compares: numeric(20,2) comes back as "12000000.00" for a cell that said "12,000,000". */
function comparable(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (!AMOUNTS.has(field)) return text;
  const [whole, fraction = ''] = text.split('.');
  return `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

export async function loadExisting(db: PipelineDb, keys: readonly string[], lock: boolean): Promise<Map<string, ExistingProject>> {
  if (!keys.length) return new Map();
  let query = db
    .selectFrom('pipeline_projects')
    .innerJoin('investors', 'investors.id', 'pipeline_projects.investor_id')
    .selectAll('pipeline_projects')
    .select(['investors.name as investor_name', 'investors.origin as investor_origin'])
    .where('pipeline_projects.import_key', 'in', [...keys]);
  if (lock) query = query.forUpdate('pipeline_projects');
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.import_key!, row]));
}

interface Planning {
  staff: PipelineStaff;
  today: string;
}

function planRow(checked: CheckedRow, existing: ExistingProject | null, { staff, today }: Planning): { planned?: PlannedRow; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const add = (key: string | undefined, code: ImportProblemCode, other?: string) => {
    const column = key ? columnByKey(key) : undefined;
    if (!column || problems.some((p) => p.column === column.key)) return;
    problems.push({ row: checked.row, column: column.key, header: null, code, ...(other ? { other } : {}), value: checked.raw[column.key] });
  };
  if (existing && staff.role === 'district_officer' && existing.district_id !== staff.districtId) add('district_ref', 'not_allowed');
  const actors: Actor[] = actorsOf(staff, existing ?? { district_id: checked.fields.district_id ?? null }, []);

  // The stage: forward only, one permitted move at a time from where the project is (a new one starts as a lead).
  const from: Stage = existing?.stage ?? 'lead';
  if (stageIndex(checked.stage) < stageIndex(from)) add('stage', 'backward', from);
  for (let i = stageIndex(from); i < stageIndex(checked.stage); i += 1) {
    const move = stageMove(STAGES[i], STAGES[i + 1]);
    if (!move || !actors.some((actor) => move.actors.includes(actor))) add('stage', 'move_not_allowed');
  }

  // The status beside it: what it becomes, and what that status asks for.
  const beforeStatus: Status = existing?.status ?? 'active';
  const status = checked.status ?? beforeStatus;
  const change = statusChange(status)!;
  const reason = checked.reasonGiven ? checked.reason : (existing?.status_reason ?? null);
  const note = checked.noteGiven ? checked.note : (existing?.status_note ?? null);
  const closedBefore = CLOSED_STATUSES.includes(beforeStatus);
  if (existing && closedBefore && CLOSED_STATUSES.includes(status) && checked.stage !== existing.stage) add('stage', 'closed');
  if (status !== beforeStatus) {
    const allowed = closedBefore && existing ? REOPEN_ACTORS : change.actors;
    if (!actors.some((actor) => allowed.includes(actor))) add('status', closedBefore && existing ? 'reopen_not_allowed' : 'not_allowed');
  }
  if (change.reasonRequired && !reason) add('status_reason', 'required');
  else if (change.reasonRequired && !(LOSS_REASONS as readonly string[]).includes(reason!)) add('status_reason', 'invalid');
  else if (!change.reasonRequired && checked.reason) add('status_reason', 'reason_unexpected');
  if (change.noteRequired && !note) add('status_note', 'required');

  // The project after the row, which must hold its stage's evidence (dates not in the future and in order).
  const given = Object.fromEntries(checked.given.map((field) => [field, checked.fields[field] ?? null])) as Partial<ProjectFields>;
  const after = { ...(existing ?? {}), ...given } as Record<string, string | null>;
  for (const p of evidenceProblems(after, requirementsAt(checked.stage), checksAt('operating'), today)) {
    add(columnOfField('project', p.field)?.key, p.code, p.other ? columnOfField('project', p.other)?.key : undefined);
  }
  if (problems.length) return { problems };

  const statusReason = change.reasonRequired ? reason : null;
  const statusNote = change.noteRequired ? note : null;
  const base = { checked, existing, status, statusReason, statusNote };
  if (!existing) return { problems, planned: { ...base, outcome: 'create', changes: [], set: given, investorChanges: false } };

  const set = Object.fromEntries(Object.entries(given).filter(([field, value]) => comparable(field, (existing as unknown as Record<string, unknown>)[field]) !== comparable(field, value)));
  const investorChanges = existing.investor_name.toLowerCase() !== checked.investor.name.toLowerCase() || existing.investor_origin !== checked.investor.origin;
  const changes = [
    ...(investorChanges ? ['investor_name'] : []),
    ...Object.keys(set).map((field) => columnOfField('project', field)!.key),
    ...(checked.stage !== existing.stage ? ['stage'] : []),
    ...(status !== existing.status ? ['status'] : []),
    ...((statusReason ?? null) !== (existing.status_reason ?? null) ? ['status_reason'] : []),
    ...((statusNote ?? null) !== (existing.status_note ?? null) ? ['status_note'] : []),
  ];
  return { problems, planned: { ...base, outcome: changes.length ? 'update' : 'unchanged', changes, set, investorChanges } };
}

/** Plans every checked row; rows with problems add them to the plan's list instead. */
export async function planImport(db: PipelineDb, checked: RowsChecked, options: Planning & { lock?: boolean }): Promise<ImportPlan> {
  const existing = await loadExisting(db, checked.rows.map((r) => r.importKey), options.lock ?? false);
  const plan: ImportPlan = { ...checked, rows: [], problems: [...checked.problems], digest: '' };
  for (const row of checked.rows) {
    const { planned, problems } = planRow(row, existing.get(row.importKey) ?? null, options);
    // The header as the file spells it, for problems found here.
    plan.problems.push(...problems.map((p) => ({ ...p, header: p.column ? (checked.headers.headers.get(p.column) ?? null) : null })));
    if (planned) plan.rows.push(planned);
    else plan.failedRows += 1;
  }
  plan.problems.sort((a, b) => a.row - b.row);
  const summary = plan.rows.map((r) => [r.checked.row, r.outcome, r.changes]);
  plan.digest = createHash('sha256').update(JSON.stringify([summary, plan.examples, plan.problems.length])).digest('hex');
  return plan;
}
