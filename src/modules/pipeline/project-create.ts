/**
 * Creating a project from the staff form: an existing investor or a new one, then the project. Both are checked
 * before either is written — createInvestor and createProject each run their own transaction, so a project refused
 * after its new investor was saved would leave an investor nobody asked for — and every problem of both parts is
 * reported at once. createProject checks the project's fields again itself; the checks here are the same functions.
 */
import { investorSchema, parseFields, projectFieldsSchema, ProjectInputError, contentProblems, evidenceProblems, type FieldProblem } from './project-input.js';
import { asInvestorProblem, type InvestorFormValues, type ProjectFormValues } from './project-forms.js';
import { beijingToday, createInvestor, createProject, type Acting, type PipelineContext } from './project-workflow.js';
import { findInvestor } from './project.repository.js';
import { checksAt } from './stage-rules.js';

export interface ProjectRequest {
  investor: InvestorFormValues;
  fields: ProjectFormValues;
  /** The service-line case the project grows out of, already found in the creator's case scope. */
  sourceCaseId: string | null;
}

function problemsOf(check: () => unknown): FieldProblem[] {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof ProjectInputError) return error.problems;
    throw error;
  }
}

/** Every problem with the request, investor and project together. */
async function requestProblems(context: PipelineContext, acting: Acting, request: ProjectRequest): Promise<{ problems: FieldProblem[]; investorId: string | null }> {
  const problems: FieldProblem[] = [];
  const chosen = request.investor.investor_id && request.investor.investor_id !== 'new' ? request.investor.investor_id : null;
  let investorId: string | null = null;
  if (chosen) {
    const investor = await findInvestor(context.db, chosen);
    if (investor) investorId = investor.id;
    else problems.push({ field: 'investor_id', code: 'unknown' });
  } else {
    const { investor_name, investor_name_zh, origin, parent_group } = request.investor;
    problems.push(...problemsOf(() => parseFields(investorSchema, { name: investor_name, name_zh: investor_name_zh, origin, parent_group })).map(asInvestorProblem));
  }
  const fieldProblems = problemsOf(() => parseFields(projectFieldsSchema, request.fields));
  problems.push(...fieldProblems);
  if (fieldProblems.length === 0) {
    const fields = parseFields(projectFieldsSchema, request.fields);
    problems.push(...contentProblems(context.store(), fields));
    const { staff } = acting;
    if (staff.role === 'district_officer' && fields.district_id !== staff.districtId) problems.push({ field: 'district_id', code: 'not_allowed' });
    if (fields.source_kind === 'service_case' && !request.sourceCaseId) problems.push({ field: 'source_kind', code: 'invalid' });
    problems.push(...evidenceProblems(fields, [], checksAt('operating'), beijingToday(context.now())));
  }
  return { problems, investorId };
}

/** Creates the investor when it is new, then the project; throws ProjectInputError listing every problem. */
export async function createProjectFromForm(context: PipelineContext, acting: Acting, request: ProjectRequest): Promise<{ reference: string; investorId: string }> {
  const { problems, investorId: existing } = await requestProblems(context, acting, request);
  if (problems.length) throw new ProjectInputError(problems);
  const { investor_name, investor_name_zh, origin, parent_group } = request.investor;
  const investorId = existing ?? (await createInvestor(context, acting, { name: investor_name, name_zh: investor_name_zh, origin, parent_group })).id;
  const { reference } = await createProject(context, acting, { investorId, fields: request.fields, sourceCaseId: request.sourceCaseId });
  return { reference, investorId };
}
