/**
 * Writes the demo pipeline (demo-pipeline-data.ts) into a database: three demo staff accounts if absent, the demo
 * investors, and every demo project not there yet — each with its stage log, team, service items and interactions —
 * in one transaction. Demo projects are known by `import_key` "demo:NNNNN", so a second run adds nothing.
 *
 * Nothing is ever deleted: the stage log is append-only (a trigger refuses DELETE, like the audit log), so a demo
 * project, once written, stays. That is why the seed refuses a database that already holds real projects (unless
 * told otherwise): the demo belongs in a database of its own (DATA_DIR=./data/demo or its own DATABASE_URL), removed
 * by dropping that database.
 */
import { sql } from 'kysely';
import type { ContentStore } from '../src/modules/content/index.js';
import { pipelineDb, type PipelineDb } from '../src/modules/pipeline/pipeline.tables.js';
import { contentProblems, evidenceProblems, type ProjectFields } from '../src/modules/pipeline/project-input.js';
import { checksAt, requirementsAt } from '../src/modules/pipeline/stage-rules.js';
import { createStaffUser } from '../src/modules/staff/index.js';
import { recordAudit } from '../src/platform/audit/record-audit.js';
import { staffDb, type StaffRole } from '../src/platform/auth/index.js';
import type { Db } from '../src/platform/db/database.js';
import { demoInvestor, demoInvestorOf, demoProject, type DemoContent, type DemoProject } from './demo-pipeline-data.js';

export const DEMO_KEY_PREFIX = 'demo:';
const DAY_MS = 86_400_000;
const BATCH = 200;

/** The demo's staff: the accounts the demo data names as team and actors. */
export const DEMO_STAFF = [
  { key: 'commissioner', email: 'demo-commissioner@demo.invalid', name: 'Demo Commissioner (generated)', role: 'project_commissioner', districtId: null },
  { key: 'officer', email: 'demo-officer-haidian@demo.invalid', name: 'Demo District Officer, Haidian (generated)', role: 'district_officer', districtId: 'haidian' },
  { key: 'coordinator', email: 'demo-coordinator@demo.invalid', name: 'Demo Municipal Coordinator (generated)', role: 'municipal_coordinator', districtId: null },
] as const satisfies readonly { key: string; email: string; name: string; role: StaffRole; districtId: string | null }[];
type StaffKey = (typeof DEMO_STAFF)[number]['key'];

export class DemoSeedRefused extends Error {}

export interface DemoSeedResult {
  added: number;
  total: number;
  staffCreated: string[];
}

/** Creates the demo staff that are missing (no password: an administrator issues a set-password link). */
async function demoStaff(db: Db, now: Date): Promise<{ ids: Record<StaffKey, string>; created: string[] }> {
  const staff = staffDb(db);
  const ids = {} as Record<StaffKey, string>;
  const created: string[] = [];
  for (const person of DEMO_STAFF) {
    const existing = await staff.selectFrom('staff_users').select('id').where('email', '=', person.email).executeTakeFirst();
    if (existing) ids[person.key] = existing.id;
    else {
      ids[person.key] = (await createStaffUser(staff, { email: person.email, name: person.name, role: person.role, districtId: person.districtId, departmentId: null, actor: null, now, requestId: 'demo-seed' })).userId;
      created.push(person.email);
    }
  }
  return { ids, created };
}

function demoContentOf(store: ContentStore): DemoContent {
  return {
    districts: store.districts.map((d) => d.id),
    districtName: (id) => store.get('districts', id)?.en.name ?? id,
    industries: store.all('industries').map((i) => i.id),
    parksOf: (id) => store.all('parks').filter((p) => (p.districts as readonly string[]).includes(id)).map((p) => p.id),
    clusterOf: (id) => store.all('zones').find((z) => z.zone_type === 'ftz_cluster' && (z.districts as readonly string[]).includes(id))?.id ?? null,
    opportunitiesOf: (id) => store.all('projects').filter((p) => p.district === id).map((p) => p.id),
  };
}

/** The generator's output checked by the app's own rules: a broken demo project is a bug, not data. */
function assertValid(project: DemoProject, store: ContentStore, today: string): void {
  const problems = [
    ...contentProblems(store, project as unknown as Partial<ProjectFields>),
    ...evidenceProblems(project as unknown as Record<string, string>, requirementsAt(project.stage), checksAt(project.stage), today),
  ];
  if (problems.length) throw new Error(`demo project ${project.importKey} breaks the rules: ${JSON.stringify(problems)}`);
}

async function insertInvestors(trx: PipelineDb, numbers: number[], now: Date): Promise<Map<number, string>> {
  const investors = numbers.map(demoInvestor);
  for (let i = 0; i < investors.length; i += BATCH) {
    const rows = investors.slice(i, i + BATCH).map(({ key: _key, ...fields }) => ({ ...fields, created_at: now, updated_at: now }));
    await trx.insertInto('investors').values(rows).onConflict((oc) => oc.doNothing()).execute();
  }
  const found = await trx.selectFrom('investors').select(['id', 'name']).where('name', 'in', investors.map((i) => i.name)).execute();
  const byName = new Map(found.map((row) => [row.name, row.id]));
  return new Map(numbers.map((n) => [n, byName.get(demoInvestor(n).name)!]));
}

const beijingYear = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();
const dateIn = (at: Date, days: number) => new Date(at.getTime() + 8 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);

async function insertProjects(trx: PipelineDb, projects: DemoProject[], investors: Map<number, string>, staff: Record<StaffKey, string>, departments: { id: string; district_id: string | null }[], now: Date): Promise<void> {
  for (let i = 0; i < projects.length; i += BATCH) {
    const batch = projects.slice(i, i + BATCH);
    const inserted = await trx
      .insertInto('pipeline_projects')
      .values(
        batch.map(({ importKey, investor, moves, commissioner: _c, verifier: _v, items: _i, interactions: _x, ...p }) => {
          // The move into the current stage (a status change after it, if any, is the last row).
          const entered = p.status === 'active' ? moves[moves.length - 1] : moves[moves.length - 2];
          return {
            ...p,
            // The same sequence as real projects: demo references never take a number a real one could have.
            reference: sql<string>`${`PJ-${beijingYear(p.created_at)}-`} || lpad(nextval('pipeline_reference_seq')::text, 6, '0')`,
            investor_id: investors.get(investor)!,
            import_key: importKey,
            created_by: staff.coordinator,
            updated_at: moves[moves.length - 1].at,
            stage_entered_at: entered.at,
            landed_at: moves.find((m) => m.to_stage === 'registered' && m.from_stage === 'signed')?.at ?? null,
          };
        }),
      )
      .returning(['id', 'import_key'])
      .execute();
    const idOf = new Map(inserted.map((row) => [row.import_key!, row.id]));
    const logs = batch.flatMap((p) =>
      p.moves.map((m) => ({ project_id: idOf.get(p.importKey)!, at: m.at, actor_id: m.to_stage === 'registered' || m.to_stage === 'operating' ? staff.coordinator : p.commissioner ? staff.commissioner : staff.coordinator, from_stage: m.from_stage, to_stage: m.to_stage, from_status: m.from_status, to_status: m.to_status, reason: m.reason, note: m.note, evidence: JSON.stringify(m.evidence), request_id: 'demo-seed' })),
    );
    if (logs.length) await trx.insertInto('pipeline_stage_log').values(logs).execute();
    const team = batch.flatMap((p) => [
      ...(p.commissioner ? [{ project_id: idOf.get(p.importKey)!, staff_user_id: staff.commissioner, role: 'commissioner' as const, assigned_at: p.created_at }] : []),
      ...(p.district_id === 'haidian' ? [{ project_id: idOf.get(p.importKey)!, staff_user_id: staff.officer, role: 'district_lead' as const, assigned_at: p.created_at }] : []),
      ...(p.verifier ? [{ project_id: idOf.get(p.importKey)!, staff_user_id: staff.coordinator, role: 'municipal_verifier' as const, assigned_at: p.moves[2]?.at ?? p.created_at }] : []),
    ]);
    if (team.length) await trx.insertInto('pipeline_team').values(team).execute();
    const items = batch.flatMap((p) => {
      const owners = departments.filter((d) => d.district_id === p.district_id);
      const pool = owners.length ? owners : departments;
      return p.items.map((item, k) => ({ project_id: idOf.get(p.importKey)!, title: `${item.title} (demo)`, owner_department_id: pool.length ? pool[k % pool.length].id : null, due_on: dateIn(now, item.dueInDays), status: item.status, created_at: p.moves[1]?.at ?? p.created_at, created_by: staff.coordinator, updated_at: p.moves[1]?.at ?? p.created_at }));
    });
    if (items.length) await trx.insertInto('pipeline_service_items').values(items).execute();
    const interactions = batch.flatMap((p) =>
      p.interactions.map((x) => ({ investor_id: investors.get(p.investor)!, project_id: idOf.get(p.importKey)!, kind: x.kind, occurred_on: dateIn(p.created_at, x.daysAfterCreation), people: x.people, notes: x.notes, created_at: new Date(p.created_at.getTime() + x.daysAfterCreation * DAY_MS), created_by: staff.commissioner })),
    );
    if (interactions.length) await trx.insertInto('pipeline_interactions').values(interactions).execute();
  }
}

/**
 * Fills the pipeline with demo projects 1…`count` (those already there are left as they are). Refuses a database
 * with projects that are not the demo's unless `alongsideRealData`.
 */
export async function seedDemoPipeline(db: Db, store: ContentStore, options: { count: number; now: Date; alongsideRealData?: boolean }): Promise<DemoSeedResult> {
  const pipeline = pipelineDb(db);
  const { now, count } = options;
  const real = await pipeline.selectFrom('pipeline_projects').select('reference').where((eb) => eb.or([eb('import_key', 'is', null), eb('import_key', 'not like', `${DEMO_KEY_PREFIX}%`)])).limit(1).executeTakeFirst();
  if (real && !options.alongsideRealData) {
    throw new DemoSeedRefused(`This database holds real projects (${real.reference} and maybe others): demo projects can never be deleted (the stage log is append-only), so the demo belongs in a database of its own.`);
  }
  const staff = await demoStaff(db, now);
  const content = demoContentOf(store);
  const today = dateIn(now, 0);
  const existing = new Set((await pipeline.selectFrom('pipeline_projects').select('import_key').where('import_key', 'like', `${DEMO_KEY_PREFIX}%`).execute()).map((r) => r.import_key));
  const projects: DemoProject[] = [];
  for (let n = 1; n <= count; n++) {
    const project = demoProject(n, content, now);
    if (existing.has(project.importKey)) continue;
    assertValid(project, store, today);
    projects.push(project);
  }
  if (projects.length) {
    const { rows: departments } = await sql<{ id: string; district_id: string | null }>`SELECT id, district_id FROM departments WHERE active ORDER BY id`.execute(db);
    await pipeline.transaction().execute(async (trx) => {
      const investors = await insertInvestors(trx, [...new Set(projects.map((p) => demoInvestorOf(Number(p.importKey.slice(DEMO_KEY_PREFIX.length)))))], now);
      await insertProjects(trx, projects, investors, staff.ids, departments, now);
      await recordAudit(trx, { at: now, actor: null, action: 'pipeline.demo_seeded', entity: 'pipeline', after: { added: projects.length, up_to: count }, requestId: 'demo-seed' });
    });
  }
  return { added: projects.length, total: existing.size + projects.length, staffCreated: staff.created };
}
