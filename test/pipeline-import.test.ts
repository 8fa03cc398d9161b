/**
 * The import of district spreadsheets over real HTTP with signed-in staff (PGlite, and PostgreSQL with
 * TEST_DATABASE_URL): files uploaded as multipart and pasted; the preview lists every problem with its row, column
 * and reason and commits nothing while there is one; a good file creates its projects in one go and a second import
 * of it changes nothing; Chinese headers and labels; a tampered hidden copy, a stale preview and a GB18030 file are
 * refused; the templates in both languages; CSRF; and the cases module's own uploads still work beside ours.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { urls } from '../src/platform/http/urls.js';
import { tImport } from '../src/modules/pipeline/messages.import.js';
import { IMPORT_COLUMNS } from '../src/modules/pipeline/import/import-columns.js';
import type { PipelineDb } from '../src/modules/pipeline/pipeline.tables.js';
import type { PipelineContext } from '../src/modules/pipeline/project-workflow.js';
import { databaseTargets } from './helpers/databases.js';
import { PASSWORD, pipelineContext, pipelinePeople, type PipelinePeople } from './helpers/pipeline-fixtures.js';
import { hiddenCsrf, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/pipeline-import/${name}`, import.meta.url));

/** A multipart/form-data body as a browser sends it (text fields, then at most one file). */
function multipart(fields: Record<string, string>, file?: { filename: string; bytes: Buffer }) {
  const boundary = `----import${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: text/csv\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const hidden = (html: string, name: string) => {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return match ? unescape(match[1]) : null;
};
const commitAction = (lang: 'en' | 'zh') => `action="${urls.staffProjectsImportCommit(lang)}"`;

/** The problem table's rows: [row, column, value, reason]. */
function problemsIn(html: string): string[][] {
  const table = /<table class="data-table import-problems">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => unescape(cell[1].trim())));
}
/** The row table's outcome per spreadsheet row. */
const outcomesIn = (html: string) => Object.fromEntries([...html.matchAll(/<tr data-outcome="([a-z]+)"><th scope="row" class="num">(\d+)<\/th>/g)].map((m) => [Number(m[2]), m[1]]));

describe.each(databaseTargets())('import of district spreadsheets (%s)', (target) => {
  let t0: StaffTestApp;
  let app: FastifyInstance;
  let db: PipelineDb;
  let context: PipelineContext;
  let people: PipelinePeople;
  const cookie: Partial<Record<keyof PipelinePeople, string>> = {};

  const counts = async () => ({
    projects: Number((await db.selectFrom('pipeline_projects').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    investors: Number((await db.selectFrom('investors').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    log: Number((await db.selectFrom('pipeline_stage_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    audit: Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', 'like', 'pipeline.%').executeTakeFirstOrThrow()).n),
  });

  async function csrfOf(who: keyof PipelinePeople, lang: 'en' | 'zh' = 'en') {
    const page = await app.inject({ url: urls.staffProjectsImport(lang), headers: { cookie: cookie[who]! } });
    expect(page.statusCode).toBe(200);
    return hiddenCsrf(page.body);
  }
  async function upload(who: keyof PipelinePeople, file: { filename: string; bytes: Buffer }, lang: 'en' | 'zh' = 'en') {
    const body = multipart({ _csrf: await csrfOf(who, lang) }, file);
    return app.inject({ method: 'POST', url: urls.staffProjectsImport(lang), headers: { cookie: cookie[who]!, ...body.headers }, payload: body.payload });
  }
  async function paste(who: keyof PipelinePeople, csv: string, lang: 'en' | 'zh' = 'en') {
    const body = multipart({ _csrf: await csrfOf(who, lang), csv });
    return app.inject({ method: 'POST', url: urls.staffProjectsImport(lang), headers: { cookie: cookie[who]!, ...body.headers }, payload: body.payload });
  }
  /** Posts the preview's commit form back as a browser would (line ends in fields sent as CRLF). */
  async function commit(who: keyof PipelinePeople, previewHtml: string, lang: 'en' | 'zh' = 'en', change: (csv: string) => string = (csv) => csv) {
    const fields = Object.fromEntries(['_csrf', 'filename', 'sha256', 'digest', 'csv'].map((name) => [name, hidden(previewHtml, name) ?? '']));
    fields.csv = change(fields.csv).replace(/\n/g, '\r\n');
    const body = multipart(fields);
    return app.inject({ method: 'POST', url: urls.staffProjectsImportCommit(lang), headers: { cookie: cookie[who]!, ...body.headers }, payload: body.payload });
  }

  beforeAll(async () => {
    t0 = await startStaffApp({ target });
    app = t0.app;
    context = await pipelineContext(t0);
    db = context.db;
    people = await pipelinePeople(t0);
    for (const who of ['haidian', 'coordinator', 'commissioner', 'viewer'] as const) cookie[who] = await signInAs(app, people[who].email, PASSWORD);
  });
  afterAll(async () => {
    await t0?.close();
  });

  it('lets the municipal side and district officers in, and nobody else', async () => {
    for (const who of ['haidian', 'coordinator'] as const) {
      const page = await app.inject({ url: urls.staffProjectsImport('en'), headers: { cookie: cookie[who]! } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('enctype="multipart/form-data"');
      // Every column is explained, by its header.
      for (const column of IMPORT_COLUMNS) expect(page.body).toContain(`<th scope="row">${column.en.replace(/&/g, '&amp;')}</th>`);
    }
    for (const who of ['commissioner', 'viewer'] as const) {
      expect((await app.inject({ url: urls.staffProjectsImport('en'), headers: { cookie: cookie[who]! } })).statusCode).toBe(403);
    }
    expect((await app.inject({ url: urls.staffProjectsImport('en') })).statusCode).toBe(303);
  });

  it('requires the CSRF token on the preview and the commit', async () => {
    const before = await counts();
    for (const url of [urls.staffProjectsImport('en'), urls.staffProjectsImportCommit('en')]) {
      const body = multipart({ csv: fixture('good.csv').toString('utf8') });
      const response = await app.inject({ method: 'POST', url, headers: { cookie: cookie.haidian!, ...body.headers }, payload: body.payload });
      expect(response.statusCode).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it('gives the template in both languages; imported as it is, its example row is skipped', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const response = await app.inject({ url: urls.staffProjectsImportTemplate(lang), headers: { cookie: cookie.haidian! } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      const [header, example] = response.body.replace(/^\ufeff/, '').split('\r\n');
      expect(header).toBe(IMPORT_COLUMNS.map((c) => c[lang]).join(','));
      expect(example.startsWith('EXAMPLE-1,')).toBe(true);
      const before = await counts();
      const preview = await paste('haidian', response.body, lang);
      expect(preview.statusCode).toBe(200);
      expect(outcomesIn(preview.body)).toEqual({ 2: 'example' });
      expect(preview.body).toContain(tImport(lang, 'pipeline.import.preview.nothing'));
      expect(preview.body).not.toContain(commitAction(lang));
      expect(await counts()).toEqual(before);
    }
  });

  it('refuses a file that is not UTF-8 and says to save it as UTF-8 CSV', async () => {
    const response = await upload('coordinator', { filename: 'gbk.csv', bytes: fixture('gbk.csv') });
    expect(response.statusCode).toBe(400);
    expect(unescape(response.body)).toContain(tImport('en', 'pipeline.import.refusal.not_utf8'));
    const zh = await upload('coordinator', { filename: 'gbk.csv', bytes: fixture('gbk.csv') }, 'zh');
    expect(unescape(zh.body)).toContain(tImport('zh', 'pipeline.import.refusal.not_utf8'));
  });

  it('refuses a file separated by semicolons, and names unknown and missing columns at row 1', async () => {
    const semicolons = await paste('coordinator', 'District reference;Investor;Stage\nX-1;Acme;lead\n');
    expect(semicolons.statusCode).toBe(400);
    expect(unescape(semicolons.body)).toContain(tImport('en', 'pipeline.import.refusal.not_comma'));
    const good = fixture('good.csv').toString('utf8');
    const columns = await paste('coordinator', good.replace('District reference,', 'Ref no,').replace(',Stage,', ',Phase,'));
    expect(columns.statusCode).toBe(400);
    expect(problemsIn(columns.body)).toEqual([
      ['1', 'Ref no', 'Ref no', tImport('en', 'pipeline.import.problem.unknown_column')],
      ['1', 'Phase', 'Phase', tImport('en', 'pipeline.import.problem.unknown_column')],
      ['1', 'District reference', '', tImport('en', 'pipeline.import.problem.missing_column')],
      ['1', 'Stage', '', tImport('en', 'pipeline.import.problem.missing_column')],
    ]);
  });

  it('lists every problem of a bad file with its row, column and reason, and commits nothing', async () => {
    const before = await counts();
    const response = await upload('haidian', { filename: 'bad.csv', bytes: fixture('bad.csv') });
    expect(response.statusCode).toBe(400);
    const reason = (code: Parameters<typeof tImport>[1]) => tImport('en', code);
    expect(problemsIn(response.body)).toEqual([
      ['2', 'USCC', '91350100M000100Y44', reason('pipeline.import.problem.uscc')],
      ['3', 'Signed on', '2026-12-05', reason('pipeline.import.problem.future')],
      ['4', 'Agreement parties', '', reason('pipeline.import.problem.required')],
      ['5', 'Industry', 'Space mining', reason('pipeline.import.problem.unknown')],
      ['6', 'Kind', 'Factory', reason('pipeline.import.problem.invalid')],
      ['7', 'District', 'chaoyang', reason('pipeline.import.problem.not_allowed')],
    ]);
    expect(outcomesIn(response.body)).toEqual({ 2: 'error', 3: 'error', 4: 'error', 5: 'error', 6: 'error', 7: 'error', 8: 'create' });
    // No way to commit, and the page says why.
    expect(response.body).not.toContain(commitAction('en'));
    expect(response.body).toContain(tImport('en', 'pipeline.import.preview.errorsIntro', { count: 6 }));
    expect(await counts()).toEqual(before);
  });

  it('creates the projects of a good file in one go, and importing it again changes nothing', async () => {
    const before = await counts();
    const preview = await upload('haidian', { filename: 'good.csv', bytes: fixture('good.csv') });
    expect(preview.statusCode).toBe(200);
    expect(outcomesIn(preview.body)).toEqual({ 2: 'example', 3: 'create', 4: 'create', 5: 'create', 6: 'create' });
    expect(await counts()).toEqual(before);

    const done = await commit('haidian', preview.body);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${urls.staffProjectsImport('en')}?created=4&updated=0&unchanged=0`);
    const projects = await db.selectFrom('pipeline_projects').selectAll().where('import_key', 'like', 'haidian:HD-%').orderBy('import_key').execute();
    expect(projects.map((p) => [p.import_key, p.stage, p.status])).toEqual([
      ['haidian:HD-001', 'lead', 'active'],
      ['haidian:HD-002', 'negotiating', 'active'],
      ['haidian:HD-003', 'signed', 'active'],
      ['haidian:HD-004', 'lead', 'lost'],
    ]);
    const signed = projects[2];
    expect([signed.kind, signed.signed_on, signed.amount_total, signed.created_by]).toEqual(['new', '2026-11-25', '20000000.50', people.haidian.userId]);
    expect([projects[0].kind, projects[0].industry_id, projects[0].source_kind, projects[0].amount_total]).toEqual(['rd_centre', 'intelligent-equipment', 'event', '12000000.00']);
    expect([projects[3].status_reason, projects[3].status_note]).toEqual(['other_city', 'Went to Shanghai, for the port']);
    // The same investor (name and origin) for HD-001 and HD-002.
    expect(projects[0].investor_id).toBe(projects[1].investor_id);
    const log = await db.selectFrom('pipeline_stage_log').select(['to_stage', 'to_status', 'note', 'actor_id']).where('project_id', '=', signed.id).orderBy('id').execute();
    expect(log).toEqual([
      { to_stage: 'lead', to_status: 'active', note: null, actor_id: people.haidian.userId },
      { to_stage: 'signed', to_status: 'active', note: tImport('en', 'pipeline.import.logNote', { filename: 'good.csv' }), actor_id: people.haidian.userId },
    ]);
    const after = await counts();
    // 4 projects, 3 investors, 7 log rows (one at creation each, one more for the 3 beyond lead/active), audit: 3 + 4 + 1.
    expect(after).toEqual({ projects: before.projects + 4, investors: before.investors + 3, log: before.log + 7, audit: before.audit + 8 });
    const importAudit = await db.selectFrom('audit_log').select(['entity', 'entity_id', 'after']).where('action', '=', 'pipeline.projects_imported').executeTakeFirstOrThrow();
    expect(importAudit.entity).toBe('project_import');
    expect(importAudit.entity_id).toBe(hidden(preview.body, 'sha256'));
    expect(importAudit.after).toMatchObject({ filename: 'good.csv', created: 4, updated: 0, unchanged: 0, skipped: 1 });

    // Again: every row unchanged, nothing to commit; and the old confirmation is stale, so it writes nothing either.
    const again = await upload('haidian', { filename: 'good.csv', bytes: fixture('good.csv') });
    expect(again.statusCode).toBe(200);
    expect(outcomesIn(again.body)).toEqual({ 2: 'example', 3: 'unchanged', 4: 'unchanged', 5: 'unchanged', 6: 'unchanged' });
    expect(again.body).not.toContain(commitAction('en'));
    const stale = await commit('haidian', preview.body);
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain(tImport('en', 'pipeline.import.preview.changed'));
    expect(await counts()).toEqual(after);
  });

  it('updates a project whose row changed, forward only, with a log row for the move', async () => {
    const good = fixture('good.csv').toString('utf8');
    const moved = good.replace('HD-001,Nordlicht Robotics GmbH,,DE,Nordlicht Group,Robot arm R&D centre,R&D centre,Intelligent Equipment Industry,Haidian District,EUR,"12,000,000",,,120,Investment promotion event,2025 Invest in Beijing Conference,Lead', 'HD-001,Nordlicht Robotics GmbH,,DE,Nordlicht Group,Robot arm R&D centre,R&D centre,Intelligent Equipment Industry,Haidian District,EUR,"12,000,000",,,150,Investment promotion event,2025 Invest in Beijing Conference,Negotiating');
    expect(moved).not.toBe(good);
    const preview = await paste('haidian', moved);
    expect(preview.statusCode).toBe(200);
    expect(outcomesIn(preview.body)[3]).toBe('update');
    expect(unescape(preview.body)).toContain(tImport('en', 'pipeline.import.outcome.update', { columns: 'Expected jobs, Stage' }));
    expect((await commit('haidian', preview.body)).headers.location).toBe(`${urls.staffProjectsImport('en')}?created=0&updated=1&unchanged=3`);
    const project = await db.selectFrom('pipeline_projects').selectAll().where('import_key', '=', 'haidian:HD-001').executeTakeFirstOrThrow();
    expect([project.stage, project.expected_jobs]).toEqual(['negotiating', 150]);
    const last = await db.selectFrom('pipeline_stage_log').select(['from_stage', 'to_stage']).where('project_id', '=', project.id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toEqual({ from_stage: 'lead', to_stage: 'negotiating' });

    // The original file now asks to move HD-001 back to lead: an error, and nothing is written.
    const before = await counts();
    const back = await paste('haidian', good);
    expect(back.statusCode).toBe(400);
    expect(problemsIn(back.body)).toEqual([['3', 'Stage', 'Lead', tImport('en', 'pipeline.import.problem.backward', { other: 'Negotiating' })]]);
    expect(await counts()).toEqual(before);
  });

  it('reads Chinese headers and labels, and a district officer may not register a project', async () => {
    const csv = fixture('chinese.csv').toString('utf8');
    const refused = await paste('haidian', csv.replace(/朝阳区/g, '海淀区').replace(/CY-/g, 'HZ-'), 'zh');
    expect(problemsIn(refused.body)).toEqual([['2', '阶段', '已注册', tImport('zh', 'pipeline.import.problem.move_not_allowed')]]);

    const preview = await paste('coordinator', csv, 'zh');
    expect(preview.statusCode).toBe(200);
    expect(outcomesIn(preview.body)).toEqual({ 2: 'create', 3: 'create' });
    expect((await commit('coordinator', preview.body, 'zh')).statusCode).toBe(303);
    const rows = await db.selectFrom('pipeline_projects').selectAll().where('import_key', 'like', 'chaoyang:CY-%').orderBy('import_key').execute();
    expect(rows.map((p) => [p.kind, p.district_id, p.industry_id, p.stage, p.status, p.source_kind])).toEqual([
      ['rd_centre', 'chaoyang', 'materials-green-energy', 'registered', 'active', 'event'],
      ['expansion', 'chaoyang', 'materials-green-energy', 'negotiating', 'delayed', 'district'],
    ]);
    expect([rows[0].signed_on, rows[0].registered_on, rows[0].amount_total, rows[0].uscc]).toEqual(['2026-10-01', '2026-11-15', '1000000000.00', '91350100M000100Y43']);
    expect(rows[0].landed_at).not.toBeNull();
    expect(rows[1].status_note).toBe('等待用地审批');
    const log = await db.selectFrom('pipeline_stage_log').select('note').where('project_id', '=', rows[0].id).where('to_stage', '=', 'registered').executeTakeFirstOrThrow();
    expect(log.note).toBe(tImport('zh', 'pipeline.import.logNote', { filename: tImport('zh', 'pipeline.import.preview.pasted') }));
  });

  it('commits nothing when the hidden copy of the file was changed', async () => {
    const csv = fixture('good.csv').toString('utf8').replace(/HD-00/g, 'HT-00');
    const preview = await paste('haidian', csv);
    expect(preview.statusCode).toBe(200);
    const before = await counts();
    const tampered = await commit('haidian', preview.body, 'en', (text) => text.replace('Pharma lab', 'Pharma campus'));
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain(tImport('en', 'pipeline.import.preview.tampered'));
    expect(await counts()).toEqual(before);
  });

  it('leaves the cases module\'s own multipart uploads working', async () => {
    // The public service form posts multipart to the cases module's context, which registers its own parser.
    const form = await app.inject({ url: urls.service('en') });
    expect(form.statusCode).toBe(200);
    const body = multipart({ _csrf: hidden(form.body, '_csrf') ?? '' });
    const response = await app.inject({ method: 'POST', url: urls.service('en'), headers: { ...body.headers, cookie: form.headers['set-cookie'] ? String(form.headers['set-cookie']).split(';')[0] : '' }, payload: body.payload });
    // An empty form is refused field by field (400), not as an unsupported media type (415) or a server error.
    expect(response.statusCode).toBe(400);
  });
});
