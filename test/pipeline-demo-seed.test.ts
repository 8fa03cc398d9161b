/**
 * The demo seed (scripts/demo-seed.ts → seedDemoPipeline) on a fresh database (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL): N projects, and still N after a second run; everything it writes is marked as generated and
 * satisfies the app's own rules (checked here with those rules, and by the database's CHECKs when it was written);
 * the demo staff are created once and without a password; a database with real projects is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ContentService, loadContentSet } from '../src/modules/content/index.js';
import { isValidUscc } from '../src/modules/cases/index.js';
import { pipelineDb, type PipelineDb } from '../src/modules/pipeline/pipeline.tables.js';
import { checksAt, requirementsAt } from '../src/modules/pipeline/stage-rules.js';
import { evidenceProblems } from '../src/modules/pipeline/project-input.js';
import { createInvestor, createProject } from '../src/modules/pipeline/project-workflow.js';
import { DEMO_STAFF, DemoSeedRefused, seedDemoPipeline } from '../scripts/demo-pipeline.js';
import { databaseTargets, openTestDatabase, type TestDatabase } from './helpers/databases.js';
import { realContent } from './helpers/test-app.js';

/** Enough projects for the generator to reach every district (it goes round all 17 every 51 projects). */
const N = 60;
const NOW = new Date('2026-12-01T02:00:00Z');

describe.each(databaseTargets())('demo seed (%s)', (target) => {
  let database: TestDatabase;
  let content: ContentService;
  let db: PipelineDb;

  beforeAll(async () => {
    database = await openTestDatabase(target);
    await loadContentSet(database.db, await realContent());
    content = new ContentService(database.db);
    await content.refresh();
    db = pipelineDb(database.db);
  });
  afterAll(async () => database?.close());

  const projectCount = async () => Number((await db.selectFrom('pipeline_projects').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  it('gives N projects on a fresh database, and still N when run again', async () => {
    const first = await seedDemoPipeline(database.db, content.store, { count: N, now: NOW });
    expect(first).toMatchObject({ added: N, total: N });
    expect(first.staffCreated.sort()).toEqual(DEMO_STAFF.map((s) => s.email).sort());
    expect(await projectCount()).toBe(N);
    const logRows = async () => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM pipeline_stage_log`.execute(db)).rows[0].n);
    const logsBefore = await logRows();

    const second = await seedDemoPipeline(database.db, content.store, { count: N, now: new Date(NOW.getTime() + 86_400_000) });
    expect(second).toEqual({ added: 0, total: N, staffCreated: [] });
    expect(await projectCount()).toBe(N);
    expect(await logRows()).toBe(logsBefore);
    const staff = await db.selectFrom('staff_users').select(['email', 'password_hash']).where('email', 'in', DEMO_STAFF.map((s) => s.email)).execute();
    expect(staff).toHaveLength(3);
    expect(staff.every((s) => s.password_hash === null)).toBe(true);
  });

  it('marks everything as generated and keeps to the stage rules', async () => {
    const projects = await db.selectFrom('pipeline_projects').innerJoin('investors', 'investors.id', 'pipeline_projects.investor_id').selectAll('pipeline_projects').select('investors.name as investor').execute();
    expect(projects.every((p) => p.name.startsWith('(demo) ') && p.import_key!.startsWith('demo:') && /^Demo Investor \d{4} \(generated\)$/.test(p.investor))).toBe(true);
    expect(new Set(projects.map((p) => p.district_id)).size).toBe(content.store.districts.length);
    for (const p of projects) {
      expect(evidenceProblems(p as unknown as Record<string, string>, requirementsAt(p.stage), checksAt(p.stage), '2026-12-01'), p.reference).toEqual([]);
      if (p.uscc) expect(isValidUscc(p.uscc), p.uscc).toBe(true);
      if (p.status === 'lost' || p.status === 'abandoned') expect(p.status_reason && p.status_note).toBeTruthy();
    }
    // Each project's log starts at lead and walks the stages in order to where the project is.
    const logs = await db.selectFrom('pipeline_stage_log').select(['project_id', 'from_stage', 'to_stage', 'at']).orderBy('project_id').orderBy('id').execute();
    for (const p of projects) {
      const own = logs.filter((l) => l.project_id === p.id);
      expect(own[0]).toMatchObject({ from_stage: null, to_stage: 'lead' });
      expect(own[own.length - 1].to_stage).toBe(p.stage);
      expect(own.every((l, i) => i === 0 || l.at >= own[i - 1].at)).toBe(true);
    }
    expect(projects.some((p) => p.opportunity_id)).toBe(true);
    expect(projects.some((p) => p.next_action_on && p.next_action_on < '2026-12-01')).toBe(true);
  });

  it('refuses a database that holds real projects, and adds nothing to it', async () => {
    const store = () => content.store;
    const coordinator = (await db.selectFrom('staff_users').select('id').where('email', '=', 'demo-coordinator@demo.invalid').executeTakeFirstOrThrow()).id;
    const context = { db, store, now: () => NOW };
    const acting = { staff: { userId: coordinator, role: 'municipal_coordinator' as const, districtId: null } };
    const investor = await createInvestor(context, acting, { name: 'Real Investor GmbH', origin: 'DE' });
    await createProject(context, acting, { investorId: investor.id, fields: { name: 'A real project', kind: 'new', source_kind: 'other' } });
    await expect(seedDemoPipeline(database.db, content.store, { count: N + 5, now: NOW })).rejects.toBeInstanceOf(DemoSeedRefused);
    expect(await projectCount()).toBe(N + 1);
    // Said on purpose, it goes ahead and adds only the missing demo projects.
    expect(await seedDemoPipeline(database.db, content.store, { count: N + 5, now: NOW, alongsideRealData: true })).toMatchObject({ added: 5, total: N + 5 });
  });
});
