/**
 * One investor, one timeline: their projects' stage log, their service-package items, their service-line cases, the
 * plans they shared and staff's interactions with them, merged newest first — as far as the viewer may see.
 *
 * Scope (issue 11: "filtered by the viewer's scope"):
 *  - projects, and with them their stage log and items, only within projectScopeOf(viewer);
 *  - cases only within the viewer's case scope (staffScopeOf + the cases module's scopedCases); a confidential case's
 *    subject only for roles that may read its content (seesCaseContent), a link only for roles the case pages admit;
 *  - an interaction about a project follows that project's scope; one without a project is seen by every pipeline reader.
 * An investor with nothing in scope still has their name and facts (the investors' list shows those to every reader).
 *
 * The JSON API (`/api/v1/staff/investors/:id/timeline`) serves the same function: its signature stays as it is.
 */
import { staffScopeOf, type StaffRole } from '../../platform/auth/index.js';
import type { Db } from '../../platform/db/database.js';
import { beijingDay, dateOfDay } from '../calendar/index.js';
import { CASE_READERS, seesCaseContent, type CaseStatus } from '../cases/index.js';
import { investorCases, investorProjects, interactionsOf, serviceItemsOf, stageLogOf } from './investors.queries.js';
import { pipelineDb, type CivilDate } from './pipeline.tables.js';
import { PIPELINE_READERS, projectScopeOf } from './project-access.js';
import { findInvestor } from './project.repository.js';
import type { InteractionKind, ItemStatus, Stage, Status } from './stage-rules.js';

export const TIMELINE_KINDS = ['project', 'service', 'case', 'plan', 'interaction'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineFilters {
  /** The kinds of entry to list; absent or empty: all of them. */
  kinds?: readonly TimelineKind[];
}

/** Who is looking: a signed-in staff member, or the account an API client acts as. */
export interface TimelineViewer {
  userId: string;
  role: StaffRole;
  districtId: string | null;
  departmentId: string | null;
}

export interface TimelineProject {
  reference: string;
  name: string;
  stage: Stage;
  status: Status;
}

interface Dated {
  /** The instant it happened or was recorded (orders entries within a day). */
  at: Date;
  /** The day it happened, in Beijing (an interaction's own date). */
  day: CivilDate;
}

export type TimelineEntry = Dated &
  (
    | { kind: 'project'; event: 'created' | 'moved' | 'status'; project: TimelineProject; fromStage: Stage | null; toStage: Stage; fromStatus: Status | null; toStatus: Status; reason: string | null; note: string | null }
    | { kind: 'service'; event: 'created' | 'done'; project: TimelineProject; item: { id: string; title: string; status: ItemStatus } }
    | { kind: 'case'; event: 'submitted' | 'replied' | 'closed'; case: { reference: string; subject: string | null; subjectLang: 'en' | 'zh' | null; confidential: boolean; status: CaseStatus; linkable: boolean } }
    | { kind: 'plan'; planUrl: string; people: string | null; notes: string | null; project: TimelineProject | null }
    | { kind: 'interaction'; interaction: Exclude<InteractionKind, 'plan_shared'>; people: string | null; notes: string | null; project: TimelineProject | null }
  );

export interface InvestorTimeline {
  investor: { id: string; name: string; nameZh: string | null; origin: string; parentGroup: string | null };
  /** False when nothing about the investor is in the viewer's scope (only their name and facts are shown). */
  inScope: boolean;
  /** Their projects in the viewer's scope, newest first. */
  projects: TimelineProject[];
  /** Newest first: by day, then by the instant within it. */
  entries: TimelineEntry[];
  kinds: TimelineKind[];
}

const beijingDate = (at: Date): CivilDate => dateOfDay(beijingDay(at));

/**
 * By day (Beijing), then by instant; entries of the same instant (one transaction) keep the later-gathered first, so
 * a project's creation stays below what was done to it at once.
 */
function newestFirst(entries: TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.day !== b.entry.day ? (a.entry.day < b.entry.day ? 1 : -1) : b.entry.at.getTime() - a.entry.at.getTime() || b.index - a.index))
    .map(({ entry }) => entry);
}

/** The investor's timeline as `viewer` may see it; undefined when there is no such investor. */
export async function investorTimeline(db: Db, viewer: TimelineViewer, investorId: string, filters: TimelineFilters = {}): Promise<InvestorTimeline | undefined> {
  const pdb = pipelineDb(db);
  const investor = await findInvestor(pdb, investorId);
  if (!investor) return undefined;
  const reader = PIPELINE_READERS.includes(viewer.role);
  const projects = reader ? await investorProjects(pdb, projectScopeOf(viewer), investor.id) : [];
  const ids = projects.map((p) => p.id);
  const [log, services, cases, interactions] = await Promise.all([
    stageLogOf(pdb, ids),
    serviceItemsOf(pdb, ids),
    reader ? investorCases(pdb, staffScopeOf(viewer), investor.id) : [],
    reader ? interactionsOf(pdb, investor.id, ids) : [],
  ]);
  const ref = new Map(projects.map((p) => [p.id, { reference: p.reference, name: p.name, stage: p.stage, status: p.status }]));
  const entries: TimelineEntry[] = [];
  for (const row of log) {
    const event = row.from_stage === null ? 'created' : row.from_stage !== row.to_stage ? 'moved' : 'status';
    entries.push({ kind: 'project', event, at: row.at, day: beijingDate(row.at), project: ref.get(row.project_id)!, fromStage: row.from_stage, toStage: row.to_stage, fromStatus: row.from_status, toStatus: row.to_status, reason: row.reason, note: row.note });
  }
  const items = new Map(services.items.map((item) => [item.id, item]));
  for (const item of services.items) {
    entries.push({ kind: 'service', event: 'created', at: item.created_at, day: beijingDate(item.created_at), project: ref.get(item.project_id)!, item: { id: item.id, title: item.title, status: item.status } });
  }
  for (const done of services.done) {
    const item = items.get(done.itemId)!;
    entries.push({ kind: 'service', event: 'done', at: done.at, day: beijingDate(done.at), project: ref.get(item.project_id)!, item: { id: item.id, title: item.title, status: item.status } });
  }
  for (const row of cases) {
    const content = seesCaseContent(viewer.role, row);
    const about = { reference: row.reference, subject: content ? row.subject : null, subjectLang: content ? row.lang : null, confidential: row.confidential, status: row.status, linkable: CASE_READERS.includes(viewer.role) };
    const moments = [['submitted', row.submitted_at], ['replied', row.replied_at], ['closed', row.closed_at]] as const;
    for (const [event, at] of moments) if (at) entries.push({ kind: 'case', event, at, day: beijingDate(at), case: about });
  }
  for (const row of interactions) {
    const project = row.project_id ? (ref.get(row.project_id) ?? null) : null;
    const common = { at: row.created_at, day: row.occurred_on, people: row.people, notes: row.notes, project };
    if (row.kind === 'plan_shared') entries.push({ kind: 'plan', planUrl: row.plan_url ?? '', ...common });
    else entries.push({ kind: 'interaction', interaction: row.kind, ...common });
  }
  const kinds = filters.kinds?.length ? TIMELINE_KINDS.filter((kind) => filters.kinds!.includes(kind)) : [...TIMELINE_KINDS];
  return {
    investor: { id: investor.id, name: investor.name, nameZh: investor.name_zh, origin: investor.origin, parentGroup: investor.parent_group },
    inScope: entries.length > 0 || projects.length > 0,
    projects: [...ref.values()],
    entries: newestFirst(entries.filter((entry) => kinds.includes(entry.kind))),
    kinds,
  };
}
