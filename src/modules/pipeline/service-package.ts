/**
 * The service package's changes: adding an item (what the investor asked for, the unit that owes it, by when, its
 * status, optionally the service-line case that carries it) and updating one (status, owner, due date, case link).
 *
 * Anyone who is an actor on the project may change its package (mayEdit, as for the project's fields). A linked case
 * must exist *within the editor's case scope*: otherwise the field says there is no such case, exactly as for a
 * reference that does not exist, so the form cannot be used to probe other districts' cases. Each change re-reads the
 * project FOR UPDATE and writes its audit row (entity `service_item`) in the same transaction.
 */
import { z } from 'zod';
import type { StaffScope } from '../../platform/auth/index.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { isCivilDate } from '../calendar/index.js';
import { scopedCases, type CaseDb } from '../cases/index.js';
import type { PipelineDb, ServiceItemTable } from './pipeline.tables.js';
import { actorsOf, mayEdit, projectScopeOf, scopedProjects } from './project-access.js';
import { parseFields, ProjectInputError, type FieldProblem } from './project-input.js';
import { PipelineActionError, type Acting, type PipelineContext } from './project-workflow.js';
import { ITEM_STATUSES, type ItemStatus } from './stage-rules.js';

export const CASE_REFERENCE = /^IB-\d{4}-\d{6,}$/;

/** The person changing the package, with their case scope (staffScopeOf) for the linked case. */
export interface ItemActing extends Acting {
  caseScope: StaffScope;
}

const itemFields = {
  owner_department_id: z.string().trim().max(100).nullish(),
  due_on: z.string().refine(isCivilDate).nullish(),
  status: z.enum(ITEM_STATUSES),
  case_reference: z.string().trim().toUpperCase().regex(CASE_REFERENCE).nullish(),
};
const newItemSchema = z.object({ title: z.string().trim().min(1).max(300), ...itemFields, status: itemFields.status.default('open') });
const itemUpdateSchema = z.object(itemFields);
export const SERVICE_ITEM_FIELDS = ['title', 'owner_department_id', 'due_on', 'status', 'case_reference'] as const;

/**
 * The fields as `schema` reads them and every problem it finds, plus the links (unit, case) as typed, so that they
 * are checked too and every error is reported at once.
 */
function readItem<S extends z.ZodType>(schema: S, raw: Record<string, unknown>) {
  const text = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string).trim() : '');
  try {
    const fields = parseFields(schema, raw) as z.output<S> & { owner_department_id?: string | null; case_reference?: string | null };
    return { fields, problems: [] as FieldProblem[], links: { owner_department_id: fields.owner_department_id ?? null, case_reference: fields.case_reference ?? null } };
  } catch (error) {
    if (!(error instanceof ProjectInputError)) throw error;
    const bad = (field: string) => error.problems.some((p) => p.field === field);
    const links = { owner_department_id: bad('owner_department_id') ? null : text('owner_department_id') || null, case_reference: bad('case_reference') ? null : text('case_reference').toUpperCase() || null };
    return { fields: null, problems: [...error.problems], links };
  }
}

/** The pipeline's tables include the service line's: the same handle, read as the cases module's. */
const asCaseDb = (db: PipelineDb): CaseDb => db as unknown as CaseDb;

async function lockEditableProject(trx: PipelineDb, acting: Acting, reference: string) {
  const project = await scopedProjects(trx.selectFrom('pipeline_projects').select(['pipeline_projects.id', 'pipeline_projects.district_id']), projectScopeOf(acting.staff))
    .where('pipeline_projects.reference', '=', reference)
    .forUpdate()
    .executeTakeFirst();
  if (!project) throw new PipelineActionError('not_found', `No project ${reference} in your scope.`);
  const team = await trx.selectFrom('pipeline_team').select(['staff_user_id', 'role']).where('project_id', '=', project.id).execute();
  if (!mayEdit(actorsOf(acting.staff, project, team))) throw new PipelineActionError('not_allowed', 'You may not change this project\'s service package.');
  return project;
}

interface Current {
  owner_department_id: string | null;
  case_id: string | null;
  case_reference: string | null;
}

/**
 * The linked case's id, or a problem at the field when it is not a case in the editor's scope. What the item already
 * holds stays acceptable (a unit since deactivated, a case linked by someone with a wider case scope), so saving a
 * row's status does not fail on a link the editor did not touch.
 */
async function resolveLinks(trx: PipelineDb, acting: ItemActing, fields: { owner_department_id?: string | null; case_reference?: string | null }, current?: Current) {
  const problems: FieldProblem[] = [];
  let caseId: string | null = null;
  if (current?.case_id && fields.case_reference === current.case_reference) caseId = current.case_id;
  else if (fields.case_reference) {
    const found = await scopedCases(asCaseDb(trx), acting.caseScope).select('cases.id').where('cases.reference', '=', fields.case_reference).executeTakeFirst();
    if (found) caseId = found.id;
    else problems.push({ field: 'case_reference', code: 'unknown' });
  }
  if (fields.owner_department_id && fields.owner_department_id !== current?.owner_department_id) {
    const unit = await trx.selectFrom('departments').select('id').where('id', '=', fields.owner_department_id).where('active', '=', true).executeTakeFirst();
    if (!unit) problems.push({ field: 'owner_department_id', code: 'unknown' });
  }
  return { caseId, problems };
}

/** Adds an item to the project's service package; returns its id. */
export async function addServiceItem(context: PipelineContext, acting: ItemActing, reference: string, raw: Record<string, unknown>): Promise<string> {
  const { fields, problems, links } = readItem(newItemSchema, raw);
  const now = context.now();
  return context.db.transaction().execute(async (trx) => {
    const project = await lockEditableProject(trx, acting, reference);
    const { caseId, problems: linkProblems } = await resolveLinks(trx, acting, links);
    if (problems.length || linkProblems.length || !fields) throw new ProjectInputError([...problems, ...linkProblems]);
    const values = { title: fields.title, owner_department_id: fields.owner_department_id ?? null, due_on: fields.due_on ?? null, status: fields.status, case_id: caseId };
    const { id } = await trx
      .insertInto('pipeline_service_items')
      .values({ project_id: project.id, ...values, created_at: now, created_by: acting.staff.userId, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { at: now, actor: acting.staff.userId, action: 'pipeline.service_item_added', entity: 'service_item', entityId: id, after: { project_id: project.id, ...values, case_reference: fields.case_reference ?? null }, requestId: acting.requestId });
    return id;
  });
}

type Editable = Pick<ServiceItemTable, 'owner_department_id' | 'due_on' | 'status' | 'case_id'>;

/** Updates an item's status, owner unit, due date and case link (a blank field clears it); unchanged fields stay. */
export async function updateServiceItem(context: PipelineContext, acting: ItemActing, reference: string, itemId: string, raw: Record<string, unknown>): Promise<void> {
  const { fields, problems, links } = readItem(itemUpdateSchema, raw);
  const now = context.now();
  await context.db.transaction().execute(async (trx) => {
    const project = await lockEditableProject(trx, acting, reference);
    const item = /^[0-9a-f-]{36}$/i.test(itemId)
      ? await trx.selectFrom('pipeline_service_items').select(['id', 'owner_department_id', 'due_on', 'status', 'case_id']).where('id', '=', itemId).where('project_id', '=', project.id).executeTakeFirst()
      : undefined;
    if (!item) throw new PipelineActionError('not_found', `No item ${itemId} on ${reference}.`);
    const linked = item.case_id ? await trx.selectFrom('cases').select('reference').where('id', '=', item.case_id).executeTakeFirst() : undefined;
    const { caseId, problems: linkProblems } = await resolveLinks(trx, acting, links, { ...item, case_reference: linked?.reference ?? null });
    if (problems.length || linkProblems.length || !fields) throw new ProjectInputError([...problems, ...linkProblems]);
    const after: Editable = { owner_department_id: fields.owner_department_id ?? null, due_on: fields.due_on ?? null, status: fields.status as ItemStatus, case_id: caseId };
    const changed = (Object.keys(after) as (keyof Editable)[]).filter((key) => (item[key] ?? null) !== (after[key] ?? null));
    if (!changed.length) return;
    await trx.updateTable('pipeline_service_items').set({ ...after, updated_at: now }).where('id', '=', item.id).execute();
    const pick = (row: Editable) => Object.fromEntries(changed.map((key) => [key, row[key] ?? null]));
    await recordAudit(trx, { at: now, actor: acting.staff.userId, action: 'pipeline.service_item_updated', entity: 'service_item', entityId: item.id, before: pick(item), after: pick(after), requestId: acting.requestId });
  });
}
