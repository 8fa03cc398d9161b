/**
 * What staff record on an investor's timeline: an interaction (a meeting, call, visit, event or e-mail — or a plan the
 * investor shared), and a link to one of the investor's service-line cases. Each is audited in its own transaction.
 *
 * A shared plan is the address of this site's plan page (/en/plan or /zh/plan, whose query string carries the whole
 * plan): any other address is refused at its field, so the timeline never links staff to somewhere else. The plan is
 * kept as the site-relative address, which survives a change of the site's host name.
 */
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { isCivilDate } from '../calendar/index.js';
import { scopedCases, type CaseDb } from '../cases/index.js';
import { PIPELINE_WRITERS, projectScopeOf, scopedProjects } from './project-access.js';
import { parseFields, ProjectInputError, type FieldProblem } from './project-input.js';
import { beijingToday, PipelineActionError, type Acting, type PipelineContext } from './project-workflow.js';
import { CASE_REFERENCE, type ItemActing } from './service-package.js';
import { INTERACTION_KINDS } from './stage-rules.js';

export const INTERACTION_FIELDS = ['kind', 'occurred_on', 'people', 'notes', 'project_reference', 'plan_url'] as const;

const interactionSchema = z.object({
  kind: z.enum(INTERACTION_KINDS),
  occurred_on: z.string().refine(isCivilDate),
  people: z.string().trim().max(500).nullish(),
  notes: z.string().trim().max(5000).nullish(),
  project_reference: z.string().trim().toUpperCase().max(40).nullish(),
  plan_url: z.string().trim().max(4000).nullish(),
});

const PLAN_PATHS = ['/en/plan', '/zh/plan'];

/** The site-relative address of a plan page of this site (`baseUrl`), or null for any other address. */
export function planAddress(given: string, baseUrl: string): string | null {
  let url: URL;
  const site = new URL(baseUrl);
  try {
    url = new URL(given, site);
  } catch {
    return null;
  }
  if (url.origin !== site.origin || !PLAN_PATHS.includes(url.pathname) || url.username || url.password) return null;
  return `${url.pathname}${url.search}`;
}

/** The fields as the schema reads them, and every problem it finds (the checks between fields are added after). */
function readInteraction(raw: Record<string, unknown>): { fields: z.output<typeof interactionSchema> | null; problems: FieldProblem[] } {
  try {
    return { fields: parseFields(interactionSchema, raw), problems: [] };
  } catch (error) {
    if (error instanceof ProjectInputError) return { fields: null, problems: [...error.problems] };
    throw error;
  }
}

async function investorOr404(context: PipelineContext, investorId: string) {
  const found = /^[0-9a-f-]{36}$/i.test(investorId) ? await context.db.selectFrom('investors').select('id').where('id', '=', investorId).executeTakeFirst() : undefined;
  if (!found) throw new PipelineActionError('not_found', `No investor ${investorId}.`);
  return found.id;
}

/** Records an interaction with the investor (optionally about one of their projects in the person's scope). */
export async function recordInteraction(context: PipelineContext, acting: Acting, investorId: string, raw: Record<string, unknown>, site: { baseUrl: string }): Promise<string> {
  if (!PIPELINE_WRITERS.includes(acting.staff.role)) throw new PipelineActionError('not_allowed', 'You may not record interactions.');
  const id = await investorOr404(context, investorId);
  const { fields, problems } = readInteraction(raw);
  const now = context.now();
  const text = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string).trim() : '');
  const [kind, planUrl, occurredOn] = [text('kind'), text('plan_url'), text('occurred_on')];
  const at = (field: string) => problems.some((p) => p.field === field);
  if (!at('occurred_on') && occurredOn > beijingToday(now)) problems.push({ field: 'occurred_on', code: 'future' });
  const plan = planUrl ? planAddress(planUrl, site.baseUrl) : null;
  if (!at('plan_url')) {
    if (kind === 'plan_shared' && !planUrl) problems.push({ field: 'plan_url', code: 'required' });
    else if (kind !== 'plan_shared' && planUrl) problems.push({ field: 'plan_url', code: 'not_allowed' });
    else if (planUrl && !plan) problems.push({ field: 'plan_url', code: 'invalid' });
  }
  let projectId: string | null = null;
  const reference = text('project_reference').toUpperCase();
  if (reference && !at('project_reference')) {
    const project = await scopedProjects(context.db.selectFrom('pipeline_projects').select('pipeline_projects.id'), projectScopeOf(acting.staff))
      .where('pipeline_projects.reference', '=', reference)
      .where('pipeline_projects.investor_id', '=', id)
      .executeTakeFirst();
    if (project) projectId = project.id;
    else problems.push({ field: 'project_reference', code: 'unknown' });
  }
  if (problems.length || !fields) throw new ProjectInputError(problems);
  if (problems.length) throw new ProjectInputError(problems);
  const values = { kind: fields.kind, occurred_on: fields.occurred_on, people: fields.people ?? null, notes: fields.notes ?? null, plan_url: plan, project_id: projectId };
  return context.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('pipeline_interactions').values({ investor_id: id, ...values, created_at: now, created_by: acting.staff.userId }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { at: now, actor: acting.staff.userId, action: 'pipeline.interaction_recorded', entity: 'interaction', entityId: row.id, after: { investor_id: id, ...values }, requestId: acting.requestId });
    return row.id;
  });
}

/** Links a service-line case (by reference, within the person's case scope) to the investor; linking twice is once. */
export async function linkInvestorCase(context: PipelineContext, acting: ItemActing, investorId: string, reference: string | undefined): Promise<{ linked: boolean }> {
  if (!PIPELINE_WRITERS.includes(acting.staff.role)) throw new PipelineActionError('not_allowed', 'You may not link cases.');
  const id = await investorOr404(context, investorId);
  const wanted = reference?.trim().toUpperCase() ?? '';
  if (!wanted) throw new ProjectInputError([{ field: 'case_reference', code: 'required' }]);
  const found = CASE_REFERENCE.test(wanted)
    ? await scopedCases(context.db as unknown as CaseDb, acting.caseScope).select('cases.id').where('cases.reference', '=', wanted).executeTakeFirst()
    : undefined;
  if (!found) throw new ProjectInputError([{ field: 'case_reference', code: 'unknown' }]);
  const now = context.now();
  return context.db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('investor_cases').values({ investor_id: id, case_id: found.id, linked_at: now, linked_by: acting.staff.userId }).onConflict((oc) => oc.doNothing()).returning('case_id').executeTakeFirst();
    if (!inserted) return { linked: false };
    await recordAudit(trx, { at: now, actor: acting.staff.userId, action: 'pipeline.investor_case_linked', entity: 'investor_case', entityId: `${id}:${found.id}`, after: { investor_id: id, case_id: found.id, reference: wanted }, requestId: acting.requestId });
    return { linked: true };
  });
}
