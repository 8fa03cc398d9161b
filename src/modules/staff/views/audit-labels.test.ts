/**
 * Every action the code records has a label on the audit page: the test reads each `recordAudit(…)` call in src/ and
 * collects its `action: '…'` strings (the ones a ternary picks included), so a new action without words fails here
 * rather than showing up as a raw code to the people reading the log.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from './audit-labels.js';

const SRC = join(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function recordedActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/recordAudit\(([\s\S]{0,600}?)\)\s*;/g)) {
      const action = call[1].match(/action:\s*([^,}]+(?:\?[^:]+:[^,}]+)?)/)?.[1] ?? '';
      for (const literal of action.matchAll(/'([a-z_]+\.[a-z_.]+)'/g)) found.add(literal[1]);
    }
  }
  return found;
}

describe('audit labels', () => {
  it('has words for every action recorded in the code', () => {
    const recorded = recordedActions();
    expect(recorded.size).toBeGreaterThan(20);
    expect([...recorded].filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action)).sort()).toEqual([]);
  });
});
