/**
 * The module contract (ARCHITECTURE.md, issue 9): the platform knows no module; a module reaches another only through
 * its index.ts; the app wires modules only through their index.ts; and modules depend on each other without cycles.
 * Read from the source files' import statements, so a new violating import fails here, not in review.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

interface Import { from: string; to: string; spec: string }

/** Every relative import (static, dynamic, re-export) of every non-test source file, resolved to a path without extension. */
function relativeImports(): Import[] {
  return sourceFiles(SRC).flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => ({
      from: path.relative(SRC, file),
      spec: match[1],
      to: path.relative(SRC, path.resolve(path.dirname(file), match[1])).replace(/\.js$/, ''),
    }));
  });
}

/** The module a path belongs to ("platform", "app" for the files that wire modules, or the module's folder name). */
function ownerOf(relative: string): string {
  const parts = relative.split(path.sep);
  // Migrations are the one schema every module shares; the platform's migrator lists them.
  if (parts[0] === 'platform' || parts[0] === 'migrations') return 'platform';
  if (parts[0] === 'modules' && parts.length > 2) return parts[1];
  return 'app';
}

const isIndex = (relative: string) => /^modules\/[^/]+\/index$/.test(relative.split(path.sep).join('/'));
const imports = relativeImports();

describe('module contract', () => {
  it('reads the imports of every source file', () => {
    expect(imports.length).toBeGreaterThan(200);
    expect(new Set(imports.map((i) => ownerOf(i.from))).size).toBeGreaterThan(15);
  });

  it('the platform imports no module and nothing of the app (only the configuration)', () => {
    const leaks = imports.filter((i) => ownerOf(i.from) === 'platform' && ownerOf(i.to) !== 'platform' && i.to !== 'config');
    expect(leaks.map((i) => `${i.from} -> ${i.spec}`)).toEqual([]);
  });

  it('a module imports another module only through its index.ts', () => {
    const leaks = imports.filter((i) => {
      const from = ownerOf(i.from);
      const to = ownerOf(i.to);
      return to !== 'platform' && to !== 'app' && to !== from && !isIndex(i.to);
    });
    expect(leaks.map((i) => `${i.from} -> ${i.spec}`)).toEqual([]);
  });

  it('modules depend on each other without cycles', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of imports) {
      const from = ownerOf(i.from);
      const to = ownerOf(i.to);
      if (from === to || from === 'app' || from === 'platform' || to === 'app' || to === 'platform') continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (node: string, trail: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' -> '));
        return;
      }
      state.set(node, 'visiting');
      for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
      state.set(node, 'done');
    };
    for (const node of edges.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });

  it('every module exports one AppModule from its index, and app.ts registers each of them', () => {
    const modulesDir = path.join(SRC, 'modules');
    const app = fs.readFileSync(path.join(SRC, 'app.ts'), 'utf8');
    const withRoutes = fs.readdirSync(modulesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'content')
      .map((entry) => entry.name);
    for (const name of withRoutes) {
      const index = ['index.ts', 'index.tsx'].map((file) => path.join(modulesDir, name, file)).find((file) => fs.existsSync(file));
      expect(index, `modules/${name} has an index.ts`).toBeDefined();
      const exported = fs.readFileSync(index!, 'utf8').match(/export const (\w+): AppModule\b/);
      expect(exported, `modules/${name}/index exports an AppModule`).not.toBeNull();
      expect(app, `app.ts registers ${exported![1]}`).toMatch(new RegExp(`MODULES[^;]*\\b${exported![1]}\\b`, 's'));
    }
  });
});
