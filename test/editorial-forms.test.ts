/**
 * The generated content forms through HTTP, as signed-in editors on both databases: a policy's Chinese summary edited
 * through its form saves a draft with exactly that change; bad values come back at their fields in en and zh with
 * what was typed; list entries are added and removed without JavaScript; a new item with a taken id is refused; a
 * viewer cannot edit; and every kind's form (except rules, which have their own editor), posted back unchanged,
 * yields a draft whose data equals the live item — the proof that the generator covers every schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_KINDS, findRevision, type ContentKind } from '../src/modules/content/index.js';
import { urls } from '../src/platform/http/urls.js';
import { csrfOf, postForm } from './helpers/case-http.js';
import { databaseTargets } from './helpers/databases.js';
import { PASSWORD } from './helpers/pipeline-fixtures.js';
import { createStaffWithPassword, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : undefined;
};

/** The fields the page's content form would post as it stands (inputs, checked boxes, selected options, text areas). */
function formFields(html: string): [string, string][] {
  const start = html.indexOf('class="staff-form sf-form"');
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: [string, string][] = [];
  const tagBody = '(?:[^>"]|"[^"]*")*';
  const re = new RegExp(`<input\\b${tagBody}>|<textarea\\b${tagBody}>([\\s\\S]*?)</textarea>|<select\\b${tagBody}>([\\s\\S]*?)</select>`, 'g');
  for (let m = re.exec(form); m; m = re.exec(form)) {
    const tag = new RegExp(`^<\\w+${tagBody}>`).exec(m[0])![0];
    const name = attr(tag, 'name');
    if (!name) continue;
    if (tag.startsWith('<input')) {
      const type = attr(tag, 'type');
      if (type === 'checkbox' && !/\schecked(?=[\s/>=])/.test(tag)) continue;
      fields.push([name, attr(tag, 'value') ?? '']);
    } else if (tag.startsWith('<textarea')) fields.push([name, decode(m[1] ?? '')]);
    else {
      const selected = new RegExp(`<option\\b${tagBody}\\sselected${tagBody}>`).exec(m[2] ?? '') ?? new RegExp(`<option\\b${tagBody}>`).exec(m[2] ?? '');
      fields.push([name, selected ? (attr(selected[0], 'value') ?? '') : '']);
    }
  }
  return fields;
}

function asBody(fields: [string, string][], changes: Record<string, string> = {}): Record<string, string | string[]> {
  const body: Record<string, string | string[]> = {};
  for (const [name, value] of fields) {
    if (name === '_csrf') continue;
    const v = changes[name] ?? value;
    const existing = body[name];
    body[name] = existing === undefined ? v : Array.isArray(existing) ? [...existing, v] : [existing, v];
  }
  return body;
}

describe.each(databaseTargets())('generated content forms (%s)', (target) => {
  let t: StaffTestApp;
  const cookie: Record<string, string> = {};
  const csrf: Record<string, string> = {};
  const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: cookie[who] } });
  const post = (who: string, url: string, body: Record<string, string | string[]>) => postForm(t.app, url, cookie[who], { ...body, _csrf: csrf[who] });

  beforeAll(async () => {
    t = await startStaffApp({ target });
    for (const [key, role] of [['editor', 'content_editor'], ['viewer', 'viewer']] as const) {
      const email = `${key}@content.example.gov.cn`;
      await createStaffWithPassword(t, { email, name: `Test ${key}`, role, districtId: null, departmentId: null, password: PASSWORD });
      cookie[key] = await signInAs(t.app, email, PASSWORD);
      csrf[key] = await csrfOf(t.app, cookie[key]);
    }
  }, 60_000);
  afterAll(async () => t?.close());

  const revisionIdOf = (location: string) => /revisions\/(\d+)/.exec(location)![1];

  it('saves a policy’s Chinese summary edited through the form as a draft with exactly that change', async () => {
    const policy = t.content.store.all('policies')[0];
    const page = await get('editor', urls.staffContentEdit('en', 'policies', policy.id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('lang="zh"');
    // The page names the policy by its title, not its id.
    expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(page.body)?.[1]).toBe(`Edit Policies: ${policy.en.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}`);
    const response = await post('editor', urls.staffContentEdit('en', 'policies', policy.id), asBody(formFields(page.body), { 'zh.summary': '新的中文摘要。' }));
    expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
    const revision = await findRevision(t.database.db, revisionIdOf(response.headers.location as string));
    expect(revision!.state).toBe('draft');
    expect(revision!.data).toEqual({ ...policy, zh: { ...policy.zh, summary: '新的中文摘要。' } });
    // The item now has an open draft: its edit leads there.
    const again = await get('editor', urls.staffContentEdit('en', 'policies', policy.id));
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(urls.staffContentRevisionEdit('en', revision!.id));
  });

  it.each(['en', 'zh'] as const)('shows bad values at their fields in %s, keeps what was typed, and saves the draft with its problems', async (lang) => {
    const project = t.content.store.all('projects')[lang === 'en' ? 0 : 1];
    const page = await get('editor', urls.staffContentEdit(lang, 'projects', project.id));
    const response = await post('editor', urls.staffContentEdit(lang, 'projects', project.id), asBody(formFields(page.body), { district: 'atlantis', 'en.name': '', last_verified: '1 March 2026' }));
    expect(response.statusCode).toBe(400);
    const html = response.body;
    expect(html).toContain('error-summary');
    expect(html).toContain('value="1 March 2026"');
    expect(html).toContain('<option value="atlantis" selected');
    if (lang === 'en') {
      expect(html).toContain('Saved as a draft with 3 problems');
      expect(html).toContain('Last verified must be a date written as YYYY-MM-DD');
      expect(html).toContain('Enter Name (English).');
      expect(html).toContain('Choose one of the listed values for District.');
    } else {
      expect(html).toContain('已保存为草稿，有3个问题');
      expect(html).toContain('最近核实日期必须是“年-月-日”格式的日期');
      expect(html).toContain('请填写名称（英文）。');
      expect(html).toContain('请为所在区选择列出的值之一。');
    }
    expect(html).toContain('href="#f-last_verified"');
    const draft = await t.database.db.selectFrom('content_revisions').select(['id', 'data']).where('kind', '=', 'projects').where('item_id', '=', project.id).where('state', '=', 'draft').executeTakeFirstOrThrow();
    expect((draft.data as Record<string, unknown>).last_verified).toBe('1 March 2026');
  });

  it('adds and removes a list entry without saving and without JavaScript', async () => {
    const policy = t.content.store.all('policies').find((p, i) => i > 0 && p.sources.length === 1)!;
    const url = urls.staffContentEdit('en', 'policies', policy.id);
    const page = await get('editor', url);
    const added = await post('editor', url, { ...asBody(formFields(page.body)), _op: 'add:sources' });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('name="sources.1.section"');
    expect(added.body).toContain('Not saved yet');
    const filled = asBody(formFields(added.body), { 'sources.1.document': 'official-link', 'sources.1.section': 'A new notice', 'sources.1.url': 'https://www.beijing.gov.cn/notice' });
    const removed = await post('editor', url, { ...filled, _op: 'remove:sources.0' });
    expect(removed.body).not.toContain('name="sources.1.section"');
    expect(removed.body).toContain('value="A new notice"');
    const open = await t.database.db.selectFrom('content_revisions').select('id').where('item_id', '=', policy.id).where('state', '=', 'draft').execute();
    expect(open).toEqual([]);
    const saved = await post('editor', url, asBody(formFields(removed.body)));
    expect(saved.statusCode).toBe(303);
    const revision = await findRevision(t.database.db, revisionIdOf(saved.headers.location as string));
    expect(revision!.data!.sources).toEqual([{ document: 'official-link', section: 'A new notice', url: 'https://www.beijing.gov.cn/notice' }]);
  });

  it('refuses a new item whose id is taken, and a viewer may not edit', async () => {
    const glossary = t.content.store.all('glossary')[0];
    const form = await get('editor', urls.staffContentNew('en', 'glossary'));
    expect(form.statusCode).toBe(200);
    const body = asBody(formFields(form.body), { id: glossary.id, zh_translation: 'official', last_verified: '2026-12-01', 'en.term': 'T', 'en.definition': 'D', 'zh.term': '术', 'zh.definition': '释', 'sources.0.document': 'official-link' });
    const refused = await post('editor', urls.staffContentNew('en', 'glossary'), { ...body, '_n.sources': '1', 'sources.0.section': 'x', 'sources.0.url': 'https://example.gov.cn' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('An item with this id exists already.');
    expect(refused.body).toContain('>D</textarea>');
    expect((await get('viewer', urls.staffContentEdit('en', 'glossary', glossary.id))).statusCode).toBe(403);
    expect((await post('viewer', urls.staffContentEdit('en', 'glossary', glossary.id), body)).statusCode).toBe(403);
    expect((await get('editor', urls.staffContentEdit('en', 'nonsense', 'x'))).statusCode).toBe(404);
    expect((await get('editor', urls.staffContentEdit('en', 'glossary', 'no-such-term'))).statusCode).toBe(404);
  });

  const kinds = (Object.keys(CONTENT_KINDS) as ContentKind[]).filter((k) => k !== 'rules');
  it.each(kinds)('renders the %s form for a real item and posting it back unchanged saves a draft equal to the live item', async (kind) => {
    const items = t.content.store.all(kind) as readonly { id: string }[];
    // The item with the most to show: the longest as JSON.
    const item = [...items].filter((i) => !['policies', 'projects', 'glossary'].includes(kind) || i.id !== items[0].id).sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0];
    const url = urls.staffContentEdit('zh', kind, item.id);
    const page = await get('editor', url);
    expect(page.statusCode, page.body.slice(0, 500)).toBe(200);
    const response = await post('editor', url, asBody(formFields(page.body)));
    expect(response.statusCode, response.body.match(/error-summary[\s\S]{0,1500}/)?.[0]).toBe(303);
    const revision = await findRevision(t.database.db, revisionIdOf(response.headers.location as string));
    expect(revision!.data).toEqual(JSON.parse(JSON.stringify(item)));
  });
});
