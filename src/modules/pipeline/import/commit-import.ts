/**
 * Writes an import: the whole file in ONE transaction, or nothing. The file is parsed, checked and planned again
 * inside the transaction (the projects it touches locked, and imports serialised by an advisory lock so two people
 * committing the same new keys cannot both create them); if any row now fails, or the plan differs from the preview
 * the person confirmed (someone edited a project meanwhile), nothing is written and the new preview is returned.
 *
 * For each row: a new key finds or creates its investor (same name and origin → the same investor, as
 * createInvestor does) and creates the project at the row's stage and status, with a stage-log row `lead` at creation
 * and one for where the import put it; an existing key gets its changed fields, and a stage-log row when its stage or
 * status moves. Unchanged rows write nothing, so importing a file twice changes nothing the second time. Every
 * project created or updated gets its audit row, and the import one more with its counts, file name and SHA-256.
 */
import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit/record-audit.js';
import type { PipelineDb } from '../pipeline.tables.js';
import { nextProjectReference } from '../project.repository.js';
import type { ProjectFields } from '../project-input.js';
import type { Acting, PipelineContext } from '../project-workflow.js';
import { beijingToday } from '../project-workflow.js';
import { EVIDENCE_FIELDS, LANDED_STAGES } from '../stage-rules.js';
import { parseCsv, type ImportText } from './parse-import.js';
import { planImport, type ImportPlan, type PlannedRow } from './plan-import.js';
import { checkRows } from './validate-rows.js';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** The import was not written: the file now has problems, or would do something else than the preview showed. */
export class ImportNotCommittedError extends Error {
  constructor(readonly plan: ImportPlan) {
    super(plan.problems.length ? 'The import has problems.' : 'The import would do something else than its preview.');
  }
}

/** Parses, checks and plans a text (the preview; the commit repeats it in its transaction). */
export async function previewImport(db: PipelineDb, context: PipelineContext, acting: Acting, input: ImportText, lock = false): Promise<ImportPlan> {
  const checked = checkRows(parseCsv(input.text), { store: context.store(), staff: acting.staff });
  return planImport(db, checked, { staff: acting.staff, today: beijingToday(context.now()), lock });
}

type Trx = PipelineDb;
type Investors = Map<string, string>;

async function investorFor(trx: Trx, acting: Acting, now: Date, row: PlannedRow, investors: Investors): Promise<string> {
  const { investor } = row.checked;
  const cacheKey = `${investor.name.toLowerCase()}\u0000${investor.origin}`;
  const known = investors.get(cacheKey);
  if (known) return known;
  const existing = await trx.selectFrom('investors').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', investor.name.toLowerCase())).where('origin', '=', investor.origin).executeTakeFirst();
  let id = existing?.id;
  if (!id) {
    id = (await trx
      .insertInto('investors')
      .values({ name: investor.name, name_zh: investor.name_zh ?? null, origin: investor.origin, parent_group: investor.parent_group ?? null, created_at: now, created_by: acting.staff.userId, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()).id;
    await recordAudit(trx, { at: now, actor: acting.staff.userId, action: 'pipeline.investor_created', entity: 'investor', entityId: id, after: { ...investor, imported: true }, requestId: acting.requestId });
  }
  investors.set(cacheKey, id);
  return id;
}

/** The evidence a row brought (shown in the stage log like a move's). */
function evidenceOf(set: Partial<ProjectFields>): Record<string, unknown> {
  return Object.fromEntries(EVIDENCE_FIELDS.filter((f) => set[f] != null).map((f) => [f, set[f]]));
}

async function createRow(trx: Trx, acting: Acting, now: Date, row: PlannedRow, investors: Investors, logNote: string): Promise<void> {
  const { checked } = row;
  const investorId = await investorFor(trx, acting, now, row, investors);
  const reference = await nextProjectReference(trx, Number(beijingToday(now).slice(0, 4)));
  const landed = LANDED_STAGES.includes(checked.stage);
  const { id } = await trx
    .insertInto('pipeline_projects')
    .values({
      ...(row.set as object),
      reference, investor_id: investorId, name: checked.fields.name, kind: checked.fields.kind, source_kind: checked.fields.source_kind,
      import_key: checked.importKey, stage: checked.stage, status: row.status, status_reason: row.statusReason, status_note: row.statusNote,
      created_at: now, created_by: acting.staff.userId, updated_at: now, stage_entered_at: now, landed_at: landed ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const log = { project_id: id, at: now, actor_id: acting.staff.userId, request_id: acting.requestId ?? null };
  await trx.insertInto('pipeline_stage_log').values({ ...log, from_stage: null, to_stage: 'lead', from_status: null, to_status: 'active' }).execute();
  if (checked.stage !== 'lead' || row.status !== 'active') {
    await trx
      .insertInto('pipeline_stage_log')
      .values({ ...log, from_stage: 'lead', to_stage: checked.stage, from_status: 'active', to_status: row.status, reason: row.statusReason, note: logNote, evidence: JSON.stringify(evidenceOf(row.set)) })
      .execute();
  }
  await recordAudit(trx, {
    at: now, actor: acting.staff.userId, action: 'pipeline.project_created', entity: 'project', entityId: id, requestId: acting.requestId,
    after: { reference, ...row.set, investor_id: investorId, import_key: checked.importKey, stage: checked.stage, status: row.status, status_reason: row.statusReason, status_note: row.statusNote, imported: true },
  });
}

async function updateRow(trx: Trx, acting: Acting, now: Date, row: PlannedRow, investors: Investors, logNote: string): Promise<void> {
  const { checked } = row;
  const existing = row.existing!;
  const moved = checked.stage !== existing.stage;
  const statusMoved = row.status !== existing.status;
  const investorId = row.investorChanges ? await investorFor(trx, acting, now, row, investors) : existing.investor_id;
  const changes: Record<string, unknown> = {
    ...row.set,
    ...(investorId !== existing.investor_id ? { investor_id: investorId } : {}),
    ...(moved ? { stage: checked.stage } : {}),
    ...(statusMoved ? { status: row.status } : {}),
    ...(row.statusReason !== existing.status_reason ? { status_reason: row.statusReason } : {}),
    ...(row.statusNote !== existing.status_note ? { status_note: row.statusNote } : {}),
  };
  const landing = LANDED_STAGES.includes(checked.stage) && !existing.landed_at;
  await trx
    .updateTable('pipeline_projects')
    .set({ ...(changes as object), updated_at: now, ...(moved ? { stage_entered_at: now } : {}), ...(landing ? { landed_at: now } : {}) })
    .where('id', '=', existing.id)
    .execute();
  if (moved || statusMoved) {
    await trx
      .insertInto('pipeline_stage_log')
      .values({
        project_id: existing.id, at: now, actor_id: acting.staff.userId, from_stage: existing.stage, to_stage: checked.stage, from_status: existing.status, to_status: row.status,
        reason: statusMoved ? row.statusReason : null, note: logNote, evidence: JSON.stringify(moved ? evidenceOf(row.set) : {}), request_id: acting.requestId ?? null,
      })
      .execute();
  }
  const before = Object.fromEntries(Object.keys(changes).map((key) => [key, (existing as unknown as Record<string, unknown>)[key] ?? null]));
  await recordAudit(trx, { at: now, actor: acting.staff.userId, action: 'pipeline.project_updated', entity: 'project', entityId: existing.id, before, after: { ...changes, imported: true }, requestId: acting.requestId });
}

export interface CommitInput {
  text: ImportText;
  /** The plan's digest the preview showed (plan-import.ts). */
  digest: string;
  /** The stage log's note on the rows the import writes ("imported from <file>"), in the importer's language. */
  logNote: string;
}

export async function commitImport(context: PipelineContext, acting: Acting, input: CommitInput): Promise<ImportCounts> {
  const now = context.now();
  return context.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('pipeline.project_import'))`.execute(trx);
    const plan = await previewImport(trx, context, acting, input.text, true);
    if (plan.problems.length || plan.digest !== input.digest) throw new ImportNotCommittedError(plan);
    const investors: Investors = new Map();
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, skipped: plan.examples.length };
    for (const row of plan.rows) {
      if (row.outcome === 'create') await createRow(trx, acting, now, row, investors, input.logNote);
      if (row.outcome === 'update') await updateRow(trx, acting, now, row, investors, input.logNote);
      counts[row.outcome === 'create' ? 'created' : row.outcome === 'update' ? 'updated' : 'unchanged'] += 1;
    }
    // A file that changes nothing (imported before) changed nothing to audit either.
    if (!counts.created && !counts.updated) return counts;
    await recordAudit(trx, {
      at: now, actor: acting.staff.userId, action: 'pipeline.projects_imported', entity: 'project_import', entityId: input.text.sha256, requestId: acting.requestId,
      after: { filename: input.text.filename, sha256: input.text.sha256, rows: plan.rows.length, ...counts },
    });
    return counts;
  });
}
