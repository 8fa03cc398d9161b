/** The editors' browsing pages through HTTP: content home, a kind's list with search, an item's overview with its history, in en and zh. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urls } from '../src/platform/http/urls.js';
import { csrfOf, postForm } from './helpers/case-http.js';
import { databaseTargets } from './helpers/databases.js';
import { PASSWORD } from './helpers/pipeline-fixtures.js';
import { createStaffWithPassword, signInAs, startStaffApp, type StaffTestApp } from './helpers/staff.js';

describe.each(databaseTargets())('content browsing pages (%s)', (target) => {
  let t: StaffTestApp;
  let editor = '';
  let viewer = '';
  const get = (cookie: string, url: string) => t.app.inject({ url, headers: { cookie } });

  beforeAll(async () => {
    t = await startStaffApp({ target });
    await createStaffWithPassword(t, { email: 'ed@content.example.gov.cn', name: 'Wang Editor', role: 'content_editor', districtId: null, departmentId: null, password: PASSWORD });
    await createStaffWithPassword(t, { email: 'vi@content.example.gov.cn', name: 'Li Viewer', role: 'viewer', districtId: null, departmentId: null, password: PASSWORD });
    editor = await signInAs(t.app, 'ed@content.example.gov.cn', PASSWORD);
    viewer = await signInAs(t.app, 'vi@content.example.gov.cn', PASSWORD);
  }, 60_000);
  afterAll(async () => t?.close());

  it.each(['en', 'zh'] as const)('the content home lists every kind with its count (%s), and the staff home links to it', async (lang) => {
    const page = await get(viewer, urls.staffContent(lang));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(urls.staffContentKind(lang, 'policies'));
    expect(page.body).toContain(`>${t.content.store.all('policies').length}<`);
    expect(page.body).toContain(urls.staffContentFreshness(lang));
    expect(page.body).toContain(lang === 'en' ? 'Policies' : '政策');
    expect((await get(viewer, urls.staffHome(lang))).body).toContain(urls.staffContent(lang));
  });

  it('lists a kind’s items with search and paging, and only editors see “New item”', async () => {
    const all = await get(viewer, urls.staffContentKind('en', 'policies'));
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Page 1 of 2');
    expect(all.body).not.toContain(urls.staffContentNew('en', 'policies'));
    const policy = t.content.store.all('policies')[3];
    const found = await get(editor, urls.staffContentKind('zh', 'policies', { q: policy.zh.title.slice(0, 12) }));
    expect(found.body).toContain(urls.staffContentItem('zh', 'policies', policy.id));
    expect(found.body).toContain(urls.staffContentNew('zh', 'policies'));
    const none = await get(editor, urls.staffContentKind('en', 'policies', { q: 'zzzz-no-such-policy' }));
    expect(none.body).toContain('No items match.');
    expect((await get(editor, urls.staffContentKind('en', 'nonsense'))).statusCode).toBe(404);
  });

  it.each(['en', 'zh'] as const)('shows an item’s live content side by side and its history, with an edited draft (%s)', async (lang) => {
    const item = t.content.store.all('glossary')[lang === 'en' ? 0 : 1];
    const form = await get(editor, urls.staffContentEdit(lang, 'glossary', item.id));
    const csrf = await csrfOf(t.app, editor);
    const body: Record<string, string> = {};
    for (const m of form.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) body[m[1]] = m[2];
    const saved = await postForm(t.app, urls.staffContentEdit(lang, 'glossary', item.id), editor, { ...body, ...flat(item), _note: 'clarified', _csrf: csrf });
    expect(saved.statusCode).toBe(303);
    const page = await get(viewer, urls.staffContentItem(lang, 'glossary', item.id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`lang="zh"`);
    expect(page.body).toContain(item.zh.term);
    expect(page.body).toContain('Wang Editor');
    expect(page.body).toContain('clarified');
    expect(page.body).toContain(lang === 'en' ? 'Draft' : '草稿');
    expect(page.body).toContain(lang === 'en' ? 'Seed files' : '种子文件');
    expect(page.body).not.toContain(urls.staffContentVerify(lang, 'glossary', item.id));
    const asEditor = await get(editor, urls.staffContentItem(lang, 'glossary', item.id));
    expect(asEditor.body).toContain(urls.staffContentVerify(lang, 'glossary', item.id));
    expect(asEditor.body).toContain(urls.staffContentExpiry(lang, 'glossary', item.id));
    expect(asEditor.body).toContain(lang === 'en' ? 'Continue the open draft' : '继续编辑未完成的草稿');
    expect((await get(viewer, urls.staffContentItem(lang, 'glossary', 'no-such-term'))).statusCode).toBe(404);
  });
});

/** A glossary item's own fields as its form names them. */
function flat(item: { id: string; [k: string]: unknown }): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (value: unknown, name: string) => {
    if (Array.isArray(value)) {
      out[`_n.${name}`] = String(value.length);
      value.forEach((v, i) => walk(v, `${name}.${i}`));
    } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, name ? `${name}.${k}` : k);
    else out[name] = String(value);
  };
  walk(item, '');
  return out;
}
