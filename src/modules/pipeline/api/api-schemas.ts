/**
 * The staff API's requests and answers as zod schemas. Requests are validated by the pipeline's one validation
 * (project-input.ts) — these describe them for the OpenAPI document; answers are serialised by Fastify from the JSON
 * Schema of these same objects, so the document and the bytes sent cannot drift apart.
 */
import { z } from 'zod';
import { evidenceSchema, investorSchema, projectFieldsSchema } from '../project-input.js';
import {
  EVIDENCE_FIELDS, INTERACTION_KINDS, ITEM_STATUSES, LOSS_REASONS, PROJECT_KINDS, SOURCE_KINDS, STAGES, STATUSES, TEAM_ROLES,
} from '../stage-rules.js';
import { TIMELINE_KINDS } from '../timeline.js';

const instant = z.string().describe('ISO 8601 instant (UTC)');
const civilDate = z.string().describe('a date, YYYY-MM-DD');
const amount = z.string().describe('an exact decimal with two places, as text ("12000000.00")');
const reference = z.string().describe('the project reference, PJ-YYYY-NNNNNN');

// ---- Requests -------------------------------------------------------------------------------------------------

export const NOTE_MAX = 2000;
export const INVESTOR_PAGE_SIZE = 50;
/** A project's fields and a few words are far below this: a larger body is refused (413) before it is read. */
export const API_BODY_LIMIT = 32 * 1024;

export const investorQuerySchema = z.object({
  q: z.string().trim().max(200).optional().describe('words in the investor’s name, English or Chinese'),
  page: z.coerce.number().int().min(1).max(1000).optional().describe('page of 50, from 1'),
});
export const timelineQuerySchema = z.object({
  kinds: z.string().max(100).optional().describe(`kinds of entry to list, comma-separated: ${TIMELINE_KINDS.join(', ')} (default: all)`),
});

export const createProjectRequest = projectFieldsSchema.extend({
  investor_id: z.string().optional().describe('an existing investor (the id from GET /api/v1/staff/investors); or give `investor`'),
  investor: investorSchema.optional().describe('a new investor (the same name and origin as an existing one is that investor); or give `investor_id`'),
}).strict();
export const updateProjectRequest = projectFieldsSchema.partial().strict().describe('only the fields given change; null empties a field (the stage’s evidence must still hold)');
export const moveRequest = z.object({
  to: z.enum(STAGES),
  evidence: evidenceSchema.strict().optional().describe('the fields the move needs that the project does not hold yet (see `moves` of the project)'),
  note: z.string().max(NOTE_MAX).nullish().describe('why (required for a step back)'),
}).strict();
export const statusRequest = z.object({
  to: z.enum(STATUSES),
  reason: z.enum(LOSS_REASONS).nullish().describe('required for lost and abandoned'),
  note: z.string().max(NOTE_MAX).nullish().describe('required for delayed, dormant, lost and abandoned'),
}).strict();
export const investorRequest = investorSchema.strict();

// ---- Answers --------------------------------------------------------------------------------------------------

export const investorRefSchema = z.object({ id: z.string(), name: z.string(), name_zh: z.string().nullable(), origin: z.string().describe('ISO 3166-1 alpha-2') });

export const projectSummarySchema = z.object({
  reference,
  name: z.string(),
  investor: investorRefSchema,
  kind: z.enum(PROJECT_KINDS),
  industry_id: z.string().nullable(),
  district_id: z.string().nullable(),
  source_kind: z.enum(SOURCE_KINDS),
  opportunity_id: z.string().nullable(),
  stage: z.enum(STAGES),
  status: z.enum(STATUSES),
  amount_cny: amount.nullable(),
  next_action: z.string().nullable(),
  next_action_on: civilDate.nullable(),
  overdue: z.boolean().describe('the next action’s date has passed and the project is still pursued'),
  created_at: instant,
  updated_at: instant,
});
export type ProjectSummary = z.output<typeof projectSummarySchema>;

export const projectListSchema = z.object({
  items: z.array(projectSummarySchema),
  total: z.number().int().describe('projects matching, counted up to 10,000'),
  capped: z.boolean().describe('true when more projects match than `total`'),
  page: z.number().int(),
  page_size: z.number().int(),
});

const teamMemberSchema = z.object({ staff_user_id: z.string(), name: z.string(), role: z.enum(TEAM_ROLES), assigned_at: instant });
const moveSchema = z.object({
  to: z.enum(STAGES),
  requires: z.array(z.enum(EVIDENCE_FIELDS)).describe('fields the project must hold after the move'),
  missing: z.array(z.enum(EVIDENCE_FIELDS)).describe('of those, the ones it does not hold yet (send them as `evidence`)'),
  note_required: z.boolean(),
  allowed: z.boolean().describe('whether you may make this move'),
});

export const projectDetailSchema = z.object({
  reference,
  name: z.string(),
  investor: investorRefSchema.extend({ parent_group: z.string().nullable() }),
  kind: z.enum(PROJECT_KINDS),
  industry_id: z.string().nullable(),
  district_id: z.string().nullable(),
  park_id: z.string().nullable(),
  ftz_cluster_id: z.string().nullable(),
  opportunity_id: z.string().nullable(),
  currency: z.string().nullable(),
  amount_total: amount.nullable(),
  amount_foreign: amount.nullable(),
  registered_capital: amount.nullable(),
  amount_cny: amount.nullable(),
  amount_cny_on: civilDate.nullable(),
  expected_jobs: z.number().int().nullable(),
  source_kind: z.enum(SOURCE_KINDS),
  source_detail: z.string().nullable(),
  next_action: z.string().nullable(),
  next_action_on: civilDate.nullable(),
  stage: z.enum(STAGES),
  status: z.enum(STATUSES),
  status_reason: z.string().nullable(),
  status_note: z.string().nullable(),
  evidence: z.object({
    signed_on: civilDate.nullable(),
    agreement_parties: z.string().nullable(),
    agreement_ref: z.string().nullable(),
    uscc: z.string().nullable(),
    registered_on: civilDate.nullable(),
    first_operation_on: civilDate.nullable(),
  }).describe('the evidence the project holds for its stages'),
  team: z.array(teamMemberSchema),
  moves: z.array(moveSchema).describe('the moves the stage rules allow from the current stage'),
  created_at: instant,
  updated_at: instant,
  stage_entered_at: instant,
  landed_at: instant.nullable().describe('when it first reached registered'),
});
export type ProjectDetail = z.output<typeof projectDetailSchema>;

export const historySchema = z.object({
  entries: z.array(z.object({
    at: instant,
    actor: z.string().nullable().describe('the staff member’s name'),
    from_stage: z.enum(STAGES).nullable(),
    to_stage: z.enum(STAGES),
    from_status: z.enum(STATUSES).nullable(),
    to_status: z.enum(STATUSES),
    reason: z.string().nullable(),
    note: z.string().nullable(),
    evidence: z.record(z.string(), z.string().nullable()).describe('the evidence given with a move'),
  })).describe('the stage log, oldest first'),
});

const investorSchemaOut = investorRefSchema.extend({ parent_group: z.string().nullable(), created_at: instant });
export const investorListSchema = z.object({
  items: z.array(investorSchemaOut.extend({ projects_in_scope: z.number().int() })),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
export const investorDetailSchema = investorSchemaOut.extend({
  projects: z.array(z.object({ reference, name: z.string(), stage: z.enum(STAGES), status: z.enum(STATUSES) })).describe('their projects in your scope'),
});
export const createdInvestorSchema = z.object({ id: z.string(), created: z.boolean().describe('false when an investor with this name and origin already existed') });

const timelineProject = z.object({ reference, name: z.string(), stage: z.enum(STAGES), status: z.enum(STATUSES) });
export const timelineSchema = z.object({
  investor: investorRefSchema.extend({ parent_group: z.string().nullable() }),
  in_scope: z.boolean().describe('false when nothing about the investor is in your scope'),
  projects: z.array(timelineProject),
  entries: z.array(z.object({
    kind: z.enum(TIMELINE_KINDS),
    event: z.string().nullable().describe('project: created, moved, status; service: created, done; case: submitted, replied, closed'),
    at: instant,
    day: civilDate,
    project: timelineProject.nullable(),
    from_stage: z.enum(STAGES).nullable(),
    to_stage: z.enum(STAGES).nullable(),
    from_status: z.enum(STATUSES).nullable(),
    to_status: z.enum(STATUSES).nullable(),
    reason: z.string().nullable(),
    item: z.object({ id: z.string(), title: z.string(), status: z.enum(ITEM_STATUSES) }).nullable(),
    case: z.object({ reference: z.string(), subject: z.string().nullable(), confidential: z.boolean(), status: z.string() }).nullable(),
    interaction: z.enum(INTERACTION_KINDS).nullable(),
    plan_url: z.string().nullable(),
    people: z.string().nullable(),
    note: z.string().nullable().describe('the note of a stage change, or an interaction’s notes'),
  })).describe('newest first'),
});

// ---- The dashboard (dashboard.queries.ts, in snake_case) ----------------------------------------------------------

const sumCny = z.string().describe('exact decimal sum in CNY, as text');
const dashboardGroup = z.object({
  key: z.string().nullable().describe('the district, industry or source id, or the origin’s ISO code; null: not stated'),
  projects: z.number().int(),
  landed: z.number().int().describe('of those, reached registered'),
  amount_cny: sumCny,
  with_amount: z.number().int().describe('projects that state an amount in CNY'),
  signed_projects: z.number().int().describe('signed, registered or operating, and still pursued'),
  signed_amount_cny: sumCny,
});

export const dashboardSchema = z.object({
  at: z.string().describe('ISO 8601 instant the figures were computed at'),
  today: z.string().describe('today in Beijing, YYYY-MM-DD'),
  projects: z.number().int(),
  funnel: z.array(z.object({
    stage: z.enum(STAGES),
    by_status: z.object(Object.fromEntries(STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof STATUSES)[number], z.ZodNumber>),
    pursued: z.number().int(),
    closed: z.number().int(),
    reached: z.number().int().describe('projects whose stage log reached this stage or a later one'),
  })),
  implementation: z.array(z.object({ year: z.number().int(), inventoried: z.number().int(), landed: z.number().int(), rate: z.number().nullable().describe('landed ÷ inventoried') })),
  by_district: z.array(dashboardGroup),
  by_industry: z.array(dashboardGroup),
  by_origin: z.array(dashboardGroup),
  by_source: z.array(dashboardGroup),
  source_details: z.array(z.object({ kind: z.enum(SOURCE_KINDS), detail: z.string().nullable(), projects: z.number().int(), landed: z.number().int(), amount_cny: sumCny })).describe('the largest events and partner institutions'),
  time_in_stage: z.array(z.object({ stage: z.enum(STAGES), stays: z.number().int(), ongoing: z.number().int(), median_days: z.number().nullable(), p90_days: z.number().nullable() })),
  overdue: z.object({
    count: z.number().int(),
    rows: z.array(z.object({ reference: z.string(), name: z.string(), district_id: z.string().nullable(), stage: z.enum(STAGES), status: z.enum(STATUSES), next_action: z.string().nullable(), next_action_on: z.string(), days_overdue: z.number().int() })),
  }),
});
