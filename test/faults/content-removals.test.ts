/**
 * Fault: a deleted content file or folder passed `content:check` and `content:load` (projects 215 → 0 on the live
 * site), and /readyz still answered "ready". Now a load that would drop items or whole kinds the database holds is
 * refused, listing them (kind, count, first ids), unless confirmed with --allow-removals; /readyz answers 503 naming
 * an empty required kind; and `content:check` reads CONTENT_DIR as `content:load` does.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { ContentRemovalError, ContentService, loadContentDirectory } from '../../src/modules/content/index.js';
import { findLatestVersion, listAllContentItems } from '../../src/modules/content/content.repository.js';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.js';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');

async function runTs(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [tsx, ...args], { env: { ...process.env, ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

let work: string;
let full: string;
let damaged: string;
let removedGlossaryId: string;
let projectCount: number;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'ib-removals-'));
  full = path.join(work, 'full');
  damaged = path.join(work, 'damaged');
  await cp('content', full, { recursive: true });
  await cp('content', damaged, { recursive: true });
  // One whole kind gone (its folder deleted) and one item gone from another kind.
  projectCount = 0;
  for (const file of ['changping', 'chaoyang', 'daxing', 'dongcheng', 'fangshan', 'fengtai', 'haidian', 'huairou', 'mentougou', 'miyun', 'pinggu', 'shijingshan', 'shunyi', 'tongzhou', 'xicheng']) {
    projectCount += (JSON.parse(await readFile(path.join(full, 'projects', `${file}.json`), 'utf8')) as unknown[]).length;
  }
  await rm(path.join(damaged, 'projects'), { recursive: true });
  const glossaryFile = path.join(damaged, 'glossary', 'glossary.json');
  const glossary = JSON.parse(await readFile(glossaryFile, 'utf8')) as { id: string }[];
  removedGlossaryId = glossary[glossary.length - 1].id;
  await writeFile(glossaryFile, JSON.stringify(glossary.slice(0, -1), null, 2));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a load that would remove content', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await loadContentDirectory(database.db, full);
  });
  afterAll(() => database.close());

  it('is refused, listing each kind with its count and first ids, and leaves the database as it was', async () => {
    const before = await findLatestVersion(database.db);
    expect(before?.counts.projects).toBe(projectCount);
    const attempt = loadContentDirectory(database.db, damaged);
    await expect(attempt).rejects.toBeInstanceOf(ContentRemovalError);
    const error = (await attempt.catch((e: unknown) => e)) as ContentRemovalError;
    expect(error.removals).toEqual([
      expect.objectContaining({ kind: 'projects', count: projectCount, wholeKind: true }),
      expect.objectContaining({ kind: 'glossary', count: 1, wholeKind: false, ids: [removedGlossaryId] }),
    ]);
    expect(error.message).toContain(`projects: all ${projectCount} items — the whole kind would be empty`);
    expect(error.message).toMatch(new RegExp(`glossary: 1 of \\d+ items \\(${removedGlossaryId}\\)`));
    expect(error.message).toMatch(/, … and \d+ more\)/);
    expect(error.message).toContain('--allow-removals');
    expect((await findLatestVersion(database.db))?.version).toBe(before?.version);
    expect((await listAllContentItems(database.db)).filter((row) => row.kind === 'projects')).toHaveLength(projectCount);
  });

  it('is loaded when confirmed with allowRemovals, and /readyz then answers 503 naming the empty kind', async () => {
    const result = await loadContentDirectory(database.db, damaged, { allowRemovals: true });
    expect(result).toMatchObject({ loaded: true, counts: { projects: 0 } });
    expect(result.removals?.map((r) => r.kind)).toEqual(['projects', 'glossary']);

    const content = new ContentService(database.db);
    await content.refresh();
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), { db: database.db, content });
    try {
      const response = await app.inject({ url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'not ready', checks: { database: true, content: false }, emptyKinds: ['projects'] });
      expect(response.json().reason).toContain('projects');

      // Restoring the folder is an addition, not a removal: loaded without confirmation, and ready again.
      await loadContentDirectory(database.db, full);
      await content.refresh();
      const again = await app.inject({ url: '/readyz' });
      expect(again.statusCode).toBe(200);
      expect(again.json()).not.toHaveProperty('emptyKinds');
    } finally {
      await app.close();
    }
  });
});

describe('npm run content:load', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = path.join(work, 'data');
    const db = await openDatabase({ dataDir });
    await migrateToLatest(db);
    await loadContentDirectory(db, full);
    await db.destroy();
  });

  it('exits 1 listing what would be removed, and loads with --allow-removals', async () => {
    const refused = await runTs(['scripts/load-content.ts'], { DATA_DIR: dataDir, CONTENT_DIR: damaged });
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    expect(refused.stdout).not.toMatch(/loaded content version/);
    expect(refused.stderr).toContain('Refusing to load');
    expect(refused.stderr).toContain(`projects: all ${projectCount} items`);
    expect(refused.stderr).toContain(removedGlossaryId);

    const confirmed = await runTs(['scripts/load-content.ts', '--allow-removals'], { DATA_DIR: dataDir, CONTENT_DIR: damaged });
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(confirmed.stdout).toMatch(/loaded content version \d+/);
    expect(confirmed.stdout).toMatch(/projects\s+0/);
    expect(confirmed.stdout).toContain('removed (--allow-removals)');
  });
});

describe('a server started on files that would remove content', () => {
  it('keeps serving the loaded content, ready, and logs what the files would remove', async () => {
    const dataDir = path.join(work, 'server-data');
    const db = await openDatabase({ dataDir });
    await migrateToLatest(db);
    await loadContentDirectory(db, full);
    await db.destroy();
    const port = 39_000 + (process.pid % 1000);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, CONTENT_DIR: damaged, PORT: String(port), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      let ready: Response | null = null;
      for (let i = 0; i < 300 && child.exitCode === null && !ready?.ok; i++) {
        await new Promise((r) => setTimeout(r, 100));
        ready = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
      }
      expect(ready?.status, stderr).toBe(200);
      const projects = (await (await fetch(`http://127.0.0.1:${port}/api/v1/projects?limit=1`)).json()) as { total: number };
      expect(projects.total).toBe(projectCount);
      expect(stderr).toContain(`projects: all ${projectCount} items`);
      expect(stderr).toContain('Starting with the content already loaded');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    // Shut down cleanly: the data folder's lock is gone.
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  });
});

describe('npm run content:check', () => {
  it('checks the folder CONTENT_DIR names, as content:load does', async () => {
    const broken = path.join(work, 'broken');
    await cp('content', broken, { recursive: true });
    await writeFile(path.join(broken, 'glossary', 'glossary.json'), '[{"id": "broken"');
    const result = await runTs(['scripts/check-content.ts'], { CONTENT_DIR: broken });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/glossary\.json.*not valid JSON/);
  });

  it('fails when a required kind has no items (its folder deleted), naming the kind and folder', async () => {
    const result = await runTs(['scripts/check-content.ts'], { CONTENT_DIR: damaged });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`required kinds have no items: projects (${path.join(damaged, 'projects')}/ missing or empty)`);
    expect(result.stdout).not.toContain('content is valid');
  });
});
