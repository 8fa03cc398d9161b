/**
 * Reads and validates the rules data (content/rules/): facts.json (the questions), parameters.json (named, dated
 * thresholds) and rules.json (condition trees). Every problem is reported with its file, id and field.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ContentValidationError, type ContentProblem } from '../content/index.js';
import { factQuestionSchema, parameterSchema, ruleSchema, type Condition, type Leaf, type Parameter, type Rule } from './rules.schemas.js';

export interface RuleBook {
  facts: z.infer<typeof factQuestionSchema>[];
  parameters: Map<string, Parameter>;
  rules: Rule[];
}

async function readArray<S extends z.ZodType>(file: string, schema: S, problems: ContentProblem[]): Promise<z.infer<S>[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    problems.push({ file, itemId: null, field: '(file)', message: (error as Error).message });
    return [];
  }
  if (!Array.isArray(raw)) {
    problems.push({ file, itemId: null, field: '(file)', message: 'must be a JSON array' });
    return [];
  }
  const out: z.infer<S>[] = [];
  raw.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) out.push(result.data);
    else for (const issue of result.error.issues) problems.push({ file, itemId: (item as { id?: string; fact?: string })?.id ?? (item as { fact?: string })?.fact ?? `#${index}`, field: issue.path.join('.') || '(item)', message: issue.message });
  });
  return out;
}

export function leavesOf(condition: Condition): Leaf[] {
  if ('all' in condition) return condition.all.flatMap(leavesOf);
  if ('any' in condition) return condition.any.flatMap(leavesOf);
  if ('not' in condition) return leavesOf(condition.not);
  return [condition];
}

export async function readRuleBook(contentDir: string, policyIds: Set<string>): Promise<RuleBook> {
  const dir = path.join(contentDir, 'rules');
  const problems: ContentProblem[] = [];
  const facts = await readArray(path.join(dir, 'facts.json'), factQuestionSchema, problems);
  const parameters = await readArray(path.join(dir, 'parameters.json'), parameterSchema, problems);
  const rules = await readArray(path.join(dir, 'rules.json'), ruleSchema, problems);
  const parameterIds = new Set(parameters.map((p) => p.id));
  const seen = new Set<string>();
  for (const rule of rules) {
    const file = path.join(dir, 'rules.json');
    if (seen.has(rule.id)) problems.push({ file, itemId: rule.id, field: 'id', message: 'duplicate id' });
    seen.add(rule.id);
    if (!policyIds.has(rule.policy)) problems.push({ file, itemId: rule.id, field: 'policy', message: `unknown policy "${rule.policy}"` });
    for (const leaf of leavesOf(rule.condition)) {
      if (leaf.param && !parameterIds.has(leaf.param)) problems.push({ file, itemId: rule.id, field: 'condition', message: `unknown parameter "${leaf.param}"` });
    }
  }
  if (problems.length) throw new ContentValidationError(problems);
  return { facts, parameters: new Map(parameters.map((p) => [p.id, p])), rules };
}
