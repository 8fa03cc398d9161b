import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentValidationError, readContent } from './content.files.js';

const source = { document: '000_b5e748836c3b3473.txt', section: 'INVESTMENT PROJECTS' };

function project(overrides: Record<string, unknown> = {}) {
  return { id: 'haidian-1', district: 'haidian', number: 1, sources: [source], zh_translation: 'unofficial', last_verified: '2026-12-01', en: { name: 'Area A, Haixing Pharmaceutical and Health Innovation Park' }, zh: { name: '海星医药健康创新园A区' }, ...overrides };
}

async function contentDir(files: Record<string, unknown>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'ib-content-'));
  for (const [file, body] of Object.entries(files)) {
    await mkdir(path.join(root, path.dirname(file)), { recursive: true });
    await writeFile(path.join(root, file), typeof body === 'string' ? body : JSON.stringify(body));
  }
  return root;
}

async function problemsOf(files: Record<string, unknown>) {
  try {
    await readContent(await contentDir(files));
  } catch (error) {
    if (error instanceof ContentValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('content files', () => {
  it('reads a valid file', async () => {
    const set = await readContent(await contentDir({ 'projects/haidian.json': [project()] }));
    expect(set.projects).toHaveLength(1);
    expect(set.projects[0].en.name).toContain('Haixing');
  });

  it('rejects a bad item naming the file, the item id and the field', async () => {
    const problems = await problemsOf({ 'projects/haidian.json': [project({ district: 'atlantis' })] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ itemId: 'haidian-1', field: 'district' });
    expect(problems[0].file).toMatch(/projects[/\\]haidian\.json$/);
  });

  it('reports every problem of every file at once', async () => {
    const problems = await problemsOf({
      'projects/a.json': [project({ number: -1 }), project({ id: 'haidian-2', sources: [] })],
      'projects/b.json': '{ not json',
    });
    expect(problems.map((p) => p.field).sort()).toEqual(['(file)', 'number', 'sources']);
  });

  it('rejects unknown keys, missing Chinese text and unknown source documents', async () => {
    const problems = await problemsOf({
      'projects/a.json': [project({ colour: 'red', zh: { name: '' }, sources: [{ document: 'blog.txt', section: 'x' }] })],
    });
    const fields = problems.map((p) => p.field);
    expect(fields).toContain('zh.name');
    expect(fields).toContain('sources.0.document');
    expect(problems.some((p) => p.message.includes('colour'))).toBe(true);
  });

  it('rejects duplicate ids and references to items that do not exist', async () => {
    const procedure = {
      id: 'x', category: 'complaints', order: 1, sources: [source], zh_translation: 'unofficial', last_verified: '2026-12-01',
      en: { title: 'T', summary: 'S' }, zh: { title: '标题', summary: '摘要' }, contacts: ['nowhere-office'],
    };
    const problems = await problemsOf({ 'projects/a.json': [project(), project()], 'procedures/a.json': [procedure] });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemId: 'haidian-1', field: 'id', message: 'duplicate id' }),
        expect.objectContaining({ itemId: 'x', field: 'contacts.0', message: 'unknown reference "nowhere-office"' }),
      ]),
    );
  });

  it('requires each file to be an array', async () => {
    const problems = await problemsOf({ 'projects/a.json': project() });
    expect(problems[0]).toMatchObject({ field: '(file)', message: 'must be a JSON array of items' });
  });

  it('reads the rules files from content/rules and checks what a rule refers to', async () => {
    const leaf = { fact: 'paid_in_capital_usd', op: 'gte', param: 'no_such_threshold', label: { en: 'Capital', zh: '资本' } };
    const rule = { id: 'r1', policy: 'no-such-policy', benefit_type: 'tax', en: { benefit: 'b' }, zh: { benefit: 'b' }, condition: leaf, sources: [source], zh_translation: 'unofficial', last_verified: '2026-12-01' };
    const problems = await problemsOf({
      'rules/rules.json': [rule],
      'rules/facts.json': [{ id: 'staff', en: { question: 'How many?' }, zh: { question: '多少？' } }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemId: 'r1', field: 'policy', message: 'unknown reference "no-such-policy"' }),
        expect.objectContaining({ itemId: 'r1', field: 'condition', message: 'unknown reference "no_such_threshold"' }),
      ]),
    );
    expect(problems.some((p) => p.file.includes('rule-facts'))).toBe(false);
  });
});
