/**
 * A project's service package over real HTTP with signed-in staff (PGlite, and PostgreSQL with TEST_DATABASE_URL):
 * adding and updating items with their audit rows; the linked case's status and SLA state in words; a case outside the
 * editor's case scope refused at its field; scope (404) and read-only readers; overdue items from the app's clock; both
 * languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { urls } from '../src/platform/http/urls.js';
import { caseSla, caseSlaLabel, caseStatusLabel } from '../src/modules/cases/index.js';
import { t } from '../src/modules/pipeline/messages.js';
import { tTimeline } from '../src/modules/pipeline/messages.timeline.js';
import type { PipelineDb } from '../src/modules/pipeline/pipeline.tables.js';
import type { PipelineContext } from '../src/modules/pipeline/project-workflow.js';
import { servicePackageSummary } from '../src/modules/pipeline/service-package.queries.js';
import { investorTimeline } from '../src/modules/pipeline/timeline.js';
import { databaseTargets } from './helpers/databases.js';
import { caseFixtures, type CaseFixtures } from './helpers/case-fixtures.js';
import { haidianLead, PASSWORD, pipelineContext, pipelinePeople, signInPeople, type PipelinePeople, type SignedIn } from './helpers/pipeline-fixtures.js';
import { signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

/** Text as Preact writes it into HTML. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe.each(databaseTargets())('service package pages (%s)', (target) => {
  let t0: StaffTestApp;
  let app: FastifyInstance;
  let context: PipelineContext & { db: PipelineDb };
  let people: PipelinePeople;
  let cases: CaseFixtures;
  let signed: SignedIn;
  type Who = 'commissioner' | 'otherCommissioner' | 'haidian' | 'chaoyang' | 'coordinator' | 'viewer';

  const get = (who: keyof PipelinePeople, url: string) => signed.get(who, url);
  const post = (who: keyof PipelinePeople, url: string, fields: Record<string, string>) => signed.post(who, url, fields);
  const itemsOf = (projectId: string) => context.db.selectFrom('pipeline_service_items').selectAll().where('project_id', '=', projectId).orderBy('created_at').execute();
  const auditOf = (itemId: string) => context.db.selectFrom('audit_log').selectAll().where('entity', '=', 'service_item').where('entity_id', '=', itemId).orderBy('id').execute();

  beforeAll(async () => {
    t0 = await startStaffApp({ target });
    app = t0.app;
    context = await pipelineContext(t0);
    people = await pipelinePeople(t0);
    cases = await caseFixtures(t0);
    signed = await signInPeople(t0, people, ['commissioner', 'otherCommissioner', 'haidian', 'chaoyang', 'coordinator', 'viewer']);
  });
  afterAll(async () => t0?.close());

  it('adds an item with its unit, due date and a linked case; the row shows the case\'s status and SLA state in words; audited', async () => {
    const project = await haidianLead(context, people.commissioner);
    const caseRef = await cases.caseIn('in_progress');
    const unit = cases.unitOf('haidian');
    const added = await post('commissioner', urls.staffProjectServices('en', project.reference), { title: 'Work permits for three engineers', owner_department_id: unit, due_on: '2026-12-20', status: 'open', case_reference: caseRef.toLowerCase() });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toContain(urls.staffProjectServices('en', project.reference, { notice: 'added' }));

    const [item] = await itemsOf(project.id);
    const linked = await context.db.selectFrom('cases').selectAll().where('reference', '=', caseRef).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ title: 'Work permits for three engineers', owner_department_id: unit, due_on: '2026-12-20', status: 'open', case_id: linked.id });
    const audit = await auditOf(item.id);
    expect(audit.map((row) => [row.action, row.actor_id])).toEqual([['pipeline.service_item_added', people.commissioner.userId]]);

    // The coordinator reads cases: the reference links to the case page; the SLA state is the case's own at the app's clock.
    const page = await get('coordinator', urls.staffProjectServices('en', project.reference));
    expect(page.statusCode).toBe(200);
    const department = await context.db.selectFrom('departments').select('name_en').where('id', '=', unit).executeTakeFirstOrThrow();
    expect(page.body).toContain(escaped(department.name_en));
    expect(page.body).toContain(`href="${urls.staffCase('en', caseRef)}"`);
    expect(page.body).toContain(escaped(tTimeline('en', 'pipeline.services.case.status', { status: caseStatusLabel('en', linked.status) })));
    expect(page.body).toContain(escaped(tTimeline('en', 'pipeline.services.case.sla', { sla: caseSlaLabel('en', caseSla(linked, t0.clock.now)) })));
    // A commissioner does not work cases: the reference, without a link to a page the guard would refuse.
    const theirs = await get('commissioner', urls.staffProjectServices('en', project.reference));
    expect(theirs.body).toContain(caseRef);
    expect(theirs.body).not.toContain(`href="${urls.staffCase('en', caseRef)}"`);
  });

  it('refuses a case outside the editor\'s case scope, an unknown case and a missing title, each at its field (400)', async () => {
    const project = await haidianLead(context, people.haidian);
    const chaoyangCase = await cases.caseIn('accepted', { district: 'chaoyang' });
    const refused = await post('haidian', urls.staffProjectServices('en', project.reference), { title: '', due_on: '2026-13-40', status: 'open', case_reference: chaoyangCase });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#new-title"');
    expect(refused.body).toContain('href="#new-due_on"');
    expect(refused.body).toContain('href="#new-case_reference"');
    expect(refused.body).toContain(escaped(tTimeline('en', 'pipeline.services.error.case')));
    expect(refused.body).toContain(`value="${chaoyangCase}"`);
    const unknown = await post('haidian', urls.staffProjectServices('zh', project.reference), { title: '外国人工作许可', status: 'open', case_reference: 'IB-2026-999999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain(tTimeline('zh', 'pipeline.services.error.case'));
    expect(await itemsOf(project.id)).toEqual([]);
    // The coordinator's case scope holds the Chaoyang case.
    const coordinator = await post('coordinator', urls.staffProjectServices('en', project.reference), { title: 'Customs registration', status: 'open', case_reference: chaoyangCase });
    expect(coordinator.statusCode).toBe(303);
  });

  it('updates an item\'s status, unit, due date and case link with one audit row of what changed; a repeat changes nothing', async () => {
    const project = await haidianLead(context, people.commissioner);
    await post('commissioner', urls.staffProjectServices('en', project.reference), { title: 'Land-use consultation', status: 'open', due_on: '2026-12-15' });
    const [item] = await itemsOf(project.id);
    const caseRef = await cases.caseIn('replied');
    const update = { owner_department_id: cases.unitOf('haidian'), due_on: '2026-12-18', status: 'done', case_reference: caseRef };
    t0.clock.advance(60_000);
    const updated = await post('commissioner', urls.staffProjectServiceItem('en', project.reference, item.id), update);
    expect(updated.statusCode).toBe(303);
    // The investor's timeline shows when the item was added and when it was done.
    const timeline = await investorTimeline(t0.database.db, { ...people.coordinator, departmentId: null }, project.investorId);
    expect(timeline!.entries.flatMap((e) => (e.kind === 'service' ? [`${e.event}:${e.item.title}`] : []))).toEqual(['done:Land-use consultation', 'created:Land-use consultation']);
    expect((await itemsOf(project.id))[0]).toMatchObject({ status: 'done', due_on: '2026-12-18', owner_department_id: update.owner_department_id });
    await post('commissioner', urls.staffProjectServiceItem('en', project.reference, item.id), update);
    const audit = await auditOf(item.id);
    expect(audit.map((row) => row.action)).toEqual(['pipeline.service_item_added', 'pipeline.service_item_updated']);
    expect(audit[1].before).toMatchObject({ status: 'open', due_on: '2026-12-15', owner_department_id: null, case_id: null });
    expect(audit[1].after).toMatchObject({ status: 'done', due_on: '2026-12-18', owner_department_id: update.owner_department_id });
    // An invalid status is an error at that row's field.
    const bad = await post('commissioner', urls.staffProjectServiceItem('en', project.reference, item.id), { ...update, status: 'finished' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(`href="#item-${item.id}-status"`);
  });

  it('keeps the package to the project\'s scope: 404 outside it, read-only for a viewer, refused to a viewer\'s post', async () => {
    const project = await haidianLead(context, people.commissioner);
    expect((await get('chaoyang', urls.staffProjectServices('en', project.reference))).statusCode).toBe(404);
    expect((await get('otherCommissioner', urls.staffProjectServices('en', project.reference))).statusCode).toBe(404);
    expect((await post('chaoyang', urls.staffProjectServices('en', project.reference), { title: 'x', status: 'open' })).statusCode).toBe(404);
    const read = await get('viewer', urls.staffProjectServices('en', project.reference));
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain(escaped(tTimeline('en', 'pipeline.services.readOnly')));
    expect(read.body).not.toContain(`action="${urls.staffProjectServices('en', project.reference)}"`);
    expect((await post('viewer', urls.staffProjectServices('en', project.reference), { title: 'x', status: 'open' })).statusCode).toBe(403);
    expect(await itemsOf(project.id)).toEqual([]);
  });

  it('renders in Chinese with the item statuses in Chinese', async () => {
    const project = await haidianLead(context, people.commissioner);
    await post('commissioner', urls.staffProjectServices('zh', project.reference), { title: '人才公寓', status: 'in_progress' });
    const page = await get('commissioner', urls.staffProjectServices('zh', project.reference));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="zh');
    expect(page.body).toContain(tTimeline('zh', 'pipeline.services.intro'));
    expect(page.body).toContain(`<td>${t('zh', 'pipeline.item.in_progress')}</td>`);
  });

  // Last: it moves the app's clock on.
  it('marks an open item overdue in words once its due date is before today in Beijing, and counts it', async () => {
    const project = await haidianLead(context, people.commissioner);
    const dueOn = '2026-12-02';
    await post('commissioner', urls.staffProjectServices('en', project.reference), { title: 'Bank account opening', status: 'open', due_on: dueOn });
    await post('commissioner', urls.staffProjectServices('en', project.reference), { title: 'Office lease advice', status: 'dropped', due_on: dueOn });
    const overdueWord = `<span class="sla sla--overdue">${tTimeline('en', 'pipeline.services.overdue')}</span>`;
    expect((await get('commissioner', urls.staffProjectServices('en', project.reference))).body).not.toContain(overdueWord);
    expect(await servicePackageSummary(context.db, project.id, '2026-12-01')).toEqual({ items: 2, open: 1, overdue: 0 });
    t0.clock.advance(2 * 86_400_000);
    // Two days idle end the session: sign in again.
    signed.cookie.commissioner = await signInAs(app, people.commissioner.email, PASSWORD);
    const later = await get('commissioner', urls.staffProjectServices('en', project.reference));
    expect(later.body.split(overdueWord).length - 1).toBe(1);
    expect(later.body).toContain(escaped(tTimeline('en', 'pipeline.services.summary', { items: 2, open: 1, overdue: 1 })));
  });
});
