/**
 * The rule editor's form, read and written without JavaScript: the condition tree as nested fieldsets whose fields are
 * named by the node's path ("c" the root, "c.0" its first child, "c.0.1" …). A post either changes the tree (add a
 * condition or a group under a node, remove a node, wrap one in "not", take a "not" away) and shows it again unsaved,
 * or saves it. Everything typed is kept as text until it is saved; reading it into a rule says, per field, what is wrong.
 */
import { FACTS, OFFICIAL_LINK, SOURCE_DOCUMENTS, type ContentStore, type FactName, type Leaf, type Rule } from '../../content/index.js';
import type { RawForm } from '../../../platform/http/form.js';

export type Op = Leaf['op'];
export type FactType = (typeof FACTS)[FactName]['type'];

/** Operators that make sense for each type of fact. */
export const OPS_BY_TYPE: Record<FactType, readonly Op[]> = {
  number: ['gte', 'gt', 'lte', 'lt', 'eq', 'neq'],
  boolean: ['is_true', 'is_false'],
  enum: ['eq', 'neq', 'in', 'not_in'],
  industry: ['eq', 'neq', 'in', 'not_in'],
  district: ['eq', 'neq', 'in', 'not_in'],
  zone: ['eq', 'neq', 'in', 'not_in'],
  park: ['eq', 'neq', 'in', 'not_in'],
  text: ['eq', 'neq', 'in', 'not_in'],
  set: ['includes', 'excludes'],
};
export const LIST_OPS: readonly Op[] = ['in', 'not_in', 'includes', 'excludes'];
export const NO_VALUE_OPS: readonly Op[] = ['is_true', 'is_false'];
export const ALL_OPS: readonly Op[] = ['eq', 'neq', 'in', 'not_in', 'gte', 'gt', 'lte', 'lt', 'is_true', 'is_false', 'includes', 'excludes'];

export const factType = (fact: string): FactType | undefined => (Object.prototype.hasOwnProperty.call(FACTS, fact) ? FACTS[fact as FactName].type : undefined);

export interface LeafForm {
  kind: 'leaf';
  fact: string;
  op: string;
  /** One value, or every value ticked for a list operator. */
  value: string[];
  param: string;
  labelEn: string;
  labelZh: string;
  questionEn: string;
  questionZh: string;
  sourceDocument: string;
  sourceSection: string;
  sourceUrl: string;
  quote: string;
}
export type NodeForm = { kind: 'all' | 'any'; children: NodeForm[] } | { kind: 'not'; child: NodeForm } | LeafForm;

export interface SourceForm {
  document: string;
  section: string;
  url: string;
}

export interface RuleForm {
  id: string;
  policy: string;
  benefitType: string;
  validFrom: string;
  validTo: string;
  relevance: string;
  benefitEn: string;
  benefitZh: string;
  zhTranslation: string;
  lastVerified: string;
  sources: SourceForm[];
  note: string;
  condition: NodeForm;
}

export const emptyLeaf = (): LeafForm => ({
  kind: 'leaf', fact: '', op: '', value: [], param: '', labelEn: '', labelZh: '', questionEn: '', questionZh: '', sourceDocument: '', sourceSection: '', sourceUrl: '', quote: '',
});

// ---------------------------------------------------------------------------------------------------------------
// From a rule to the form

const valueTexts = (value: Leaf['value']): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

function nodeOf(condition: Rule['condition']): NodeForm {
  if ('all' in condition) return { kind: 'all', children: condition.all.map(nodeOf) };
  if ('any' in condition) return { kind: 'any', children: condition.any.map(nodeOf) };
  if ('not' in condition) return { kind: 'not', child: nodeOf(condition.not) };
  const leaf = condition;
  return {
    kind: 'leaf', fact: leaf.fact, op: leaf.op, value: valueTexts(leaf.value), param: leaf.param ?? '',
    labelEn: leaf.label.en, labelZh: leaf.label.zh, questionEn: leaf.question?.en ?? '', questionZh: leaf.question?.zh ?? '',
    sourceDocument: leaf.source?.document ?? '', sourceSection: leaf.source?.section ?? '', sourceUrl: leaf.source?.url ?? '', quote: leaf.quote ?? '',
  };
}

/** The form of a rule as stored (a live item or a draft's data, which may be incomplete). */
export function formOfRule(data: Partial<Rule> & Record<string, unknown>, note = ''): RuleForm {
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  let condition: NodeForm;
  try {
    condition = data.condition ? nodeOf(data.condition) : { kind: 'all', children: [emptyLeaf()] };
  } catch {
    condition = { kind: 'all', children: [emptyLeaf()] };
  }
  return {
    id: str(data.id), policy: str(data.policy), benefitType: str(data.benefit_type), validFrom: str(data.valid_from), validTo: str(data.valid_to),
    relevance: str(data.relevance ?? 3), benefitEn: str(data.en?.benefit), benefitZh: str(data.zh?.benefit), zhTranslation: str(data.zh_translation),
    lastVerified: str(data.last_verified), sources: (data.sources ?? []).map((s) => ({ document: s.document, section: s.section, url: s.url ?? '' })), note, condition,
  };
}

export function newRuleForm(today: string): RuleForm {
  return {
    id: '', policy: '', benefitType: '', validFrom: '', validTo: '', relevance: '3', benefitEn: '', benefitZh: '', zhTranslation: 'unofficial',
    lastVerified: today, sources: [], note: '', condition: { kind: 'all', children: [emptyLeaf()] },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// From the post to the form

const MAX_TEXT = 4000;
const MAX_NODES = 200;

function one(raw: RawForm, name: string): string {
  const v = raw[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first.trim().slice(0, MAX_TEXT) : '';
}
function all(raw: RawForm, name: string): string[] {
  const v = raw[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.trim().slice(0, MAX_TEXT)).filter(Boolean).slice(0, 100);
}

function readNode(raw: RawForm, path: string, budget: { left: number }): NodeForm {
  budget.left--;
  const kind = one(raw, `${path}.kind`);
  if (kind === 'all' || kind === 'any') {
    const children: NodeForm[] = [];
    for (let i = 0; budget.left > 0 && raw[`${path}.${i}.kind`] !== undefined; i++) children.push(readNode(raw, `${path}.${i}`, budget));
    return { kind, children };
  }
  if (kind === 'not') return { kind, child: raw[`${path}.0.kind`] !== undefined && budget.left > 0 ? readNode(raw, `${path}.0`, budget) : emptyLeaf() };
  const f = (name: string) => one(raw, `${path}.${name}`);
  return {
    kind: 'leaf', fact: f('fact'), op: f('op'), value: all(raw, `${path}.value`),
    param: f('param'), labelEn: f('label_en'), labelZh: f('label_zh'), questionEn: f('question_en'), questionZh: f('question_zh'),
    sourceDocument: f('source_document'), sourceSection: f('source_section'), sourceUrl: f('source_url'), quote: f('quote'),
  };
}

export function readRuleForm(raw: RawForm): RuleForm {
  const sources: SourceForm[] = [];
  for (let i = 0; i < 20 && raw[`sources.${i}.document`] !== undefined; i++) {
    const s = { document: one(raw, `sources.${i}.document`), section: one(raw, `sources.${i}.section`), url: one(raw, `sources.${i}.url`) };
    if (s.document || s.section || s.url) sources.push(s);
  }
  return {
    id: one(raw, 'id'), policy: one(raw, 'policy'), benefitType: one(raw, 'benefit_type'), validFrom: one(raw, 'valid_from'), validTo: one(raw, 'valid_to'),
    relevance: one(raw, 'relevance'), benefitEn: one(raw, 'en_benefit'), benefitZh: one(raw, 'zh_benefit'), zhTranslation: one(raw, 'zh_translation'),
    lastVerified: one(raw, 'last_verified'), sources, note: one(raw, 'note'), condition: readNode(raw, 'c', { left: MAX_NODES }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Changing the tree (the buttons)

export type TreeAction = { kind: 'add-leaf' | 'add-all' | 'add-any' | 'remove' | 'wrap-not' | 'unwrap'; path: string };

export function treeActionOf(action: string): TreeAction | null {
  const m = /^(add-leaf|add-all|add-any|remove|wrap-not|unwrap):(c(?:\.\d{1,3}){0,20})$/.exec(action);
  return m ? { kind: m[1] as TreeAction['kind'], path: m[2] } : null;
}

/** The tree with `path`'s node replaced by what `change` makes of it (null removes it from its group). */
function replaceAt(node: NodeForm, steps: number[], change: (node: NodeForm) => NodeForm | null): NodeForm | null {
  if (steps.length === 0) return change(node);
  const [first, ...rest] = steps;
  if (node.kind === 'all' || node.kind === 'any') {
    if (first >= node.children.length) return node;
    const children = node.children.flatMap((child, i) => {
      if (i !== first) return [child];
      const next = replaceAt(child, rest, change);
      return next ? [next] : [];
    });
    return { ...node, children };
  }
  if (node.kind === 'not' && first === 0) {
    const next = replaceAt(node.child, rest, change);
    // Removing what a "not" negates removes the "not".
    return next ? { ...node, child: next } : null;
  }
  return node;
}

export function applyTreeAction(root: NodeForm, action: TreeAction): NodeForm {
  const steps = action.path.split('.').slice(1).map(Number);
  const next = replaceAt(root, steps, (node) => {
    switch (action.kind) {
      case 'add-leaf':
      case 'add-all':
      case 'add-any': {
        if (node.kind !== 'all' && node.kind !== 'any') return node;
        const added: NodeForm = action.kind === 'add-leaf' ? emptyLeaf() : { kind: action.kind === 'add-all' ? 'all' : 'any', children: [emptyLeaf()] };
        return { ...node, children: [...node.children, added] };
      }
      case 'remove':
        return steps.length === 0 ? node : null;
      case 'wrap-not':
        return { kind: 'not', child: node };
      case 'unwrap':
        return node.kind === 'not' ? node.child : node;
    }
  });
  return next ?? root;
}

// ---------------------------------------------------------------------------------------------------------------
// From the form to a rule, with each problem at its field

export type ProblemCode =
  | 'required' | 'unknown_fact' | 'op_for_fact' | 'needs_value' | 'not_a_number' | 'unknown_value' | 'unknown_param' | 'param_type'
  | 'question_both' | 'needs_section' | 'needs_url' | 'bad_url' | 'bad_date' | 'bad_id' | 'unknown_document' | 'empty_group' | 'unknown_policy'
  | 'bad_choice' | 'dates_order' | 'exists' | 'invalid';

export interface FormProblem {
  /** The field's name in the form (its input's id). */
  field: string;
  code: ProblemCode;
  params?: Record<string, string>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const DOCUMENTS: readonly string[] = [...SOURCE_DOCUMENTS, OFFICIAL_LINK];

/** The values a fact may take from a fixed list (enum/set from the schema, the rest from the content); null = any text. */
export function allowedValues(fact: string, store: ContentStore): string[] | null {
  const type = factType(fact);
  const spec = FACTS[fact as FactName] as { values?: readonly string[] } | undefined;
  switch (type) {
    case 'enum':
    case 'set':
      return [...(spec?.values ?? [])];
    case 'industry': return store.all('industries').map((i) => i.id);
    case 'district': return store.districts.map((d) => d.id);
    case 'zone': return store.all('zones').map((z) => z.id);
    case 'park': return store.all('parks').map((p) => p.id);
    default: return null;
  }
}

function sourceOf(doc: string, section: string, url: string, at: string, problems: FormProblem[]) {
  if (!doc && !section && !url) return undefined;
  if (!DOCUMENTS.includes(doc)) problems.push({ field: `${at}document`, code: doc ? 'unknown_document' : 'required' });
  if (!section) problems.push({ field: `${at}section`, code: 'needs_section' });
  if (url && !/^https?:\/\/[^\s]+$/.test(url)) problems.push({ field: `${at}url`, code: 'bad_url' });
  else if (doc === OFFICIAL_LINK && !url) problems.push({ field: `${at}url`, code: 'needs_url' });
  return { document: doc, section, ...(url ? { url } : {}) };
}

function leafOf(node: LeafForm, path: string, store: ContentStore, problems: FormProblem[]): Record<string, unknown> {
  const type = factType(node.fact);
  if (!type) problems.push({ field: `${path}.fact`, code: node.fact ? 'unknown_fact' : 'required' });
  const op = node.op as Op;
  if (!ALL_OPS.includes(op)) problems.push({ field: `${path}.op`, code: 'required' });
  else if (type && !OPS_BY_TYPE[type].includes(op)) problems.push({ field: `${path}.op`, code: 'op_for_fact' });
  const leaf: Record<string, unknown> = { fact: node.fact, op: node.op };
  if (!NO_VALUE_OPS.includes(op)) {
    if (node.param) {
      const parameter = store.get('rule-parameters', node.param);
      if (!parameter) problems.push({ field: `${path}.param`, code: 'unknown_param', params: { param: node.param } });
      else if (type === 'number' && typeof parameter.value !== 'number') problems.push({ field: `${path}.param`, code: 'param_type' });
      leaf.param = node.param;
    } else if (node.value.length === 0) {
      problems.push({ field: `${path}.value`, code: 'needs_value' });
    } else if (type === 'number') {
      // Thousands separators are read as such ("1,000,000"); several numbers for a list are separated by ";".
      const texts = LIST_OPS.includes(op) ? node.value.flatMap((v) => v.split(/[;；]/)) : node.value.slice(0, 1);
      const numbers = texts.map((v) => Number(v.replace(/[,，\s]/g, '')));
      if (numbers.some((n) => !Number.isFinite(n))) problems.push({ field: `${path}.value`, code: 'not_a_number' });
      leaf.value = LIST_OPS.includes(op) ? numbers : numbers[0];
    } else {
      const allowed = allowedValues(node.fact, store);
      // Typed text for a list ("a, b") is split at commas; ticked values come one by one.
      const values = LIST_OPS.includes(op) && !allowed ? node.value.flatMap((v) => v.split(/[,，]/).map((x) => x.trim()).filter(Boolean)) : node.value;
      const bad = allowed ? values.find((v) => !allowed.includes(v)) : undefined;
      if (bad !== undefined) problems.push({ field: `${path}.value`, code: 'unknown_value', params: { value: bad } });
      leaf.value = LIST_OPS.includes(op) ? values : values[0];
    }
  }
  if (!node.labelEn) problems.push({ field: `${path}.label_en`, code: 'required' });
  if (!node.labelZh) problems.push({ field: `${path}.label_zh`, code: 'required' });
  leaf.label = { en: node.labelEn, zh: node.labelZh };
  if (node.questionEn || node.questionZh) {
    if (!node.questionEn) problems.push({ field: `${path}.question_en`, code: 'question_both' });
    if (!node.questionZh) problems.push({ field: `${path}.question_zh`, code: 'question_both' });
    leaf.question = { en: node.questionEn, zh: node.questionZh };
  }
  const source = sourceOf(node.sourceDocument, node.sourceSection, node.sourceUrl, `${path}.source_`, problems);
  if (source) leaf.source = source;
  if (node.quote) leaf.quote = node.quote;
  return leaf;
}

function conditionOf(node: NodeForm, path: string, store: ContentStore, problems: FormProblem[]): Record<string, unknown> {
  if (node.kind === 'all' || node.kind === 'any') {
    if (node.children.length === 0) problems.push({ field: `${path}.group`, code: 'empty_group' });
    return { [node.kind]: node.children.map((child, i) => conditionOf(child, `${path}.${i}`, store, problems)) };
  }
  if (node.kind === 'not') return { not: conditionOf(node.child, `${path}.0`, store, problems) };
  return leafOf(node as LeafForm, path, store, problems);
}

/** The rule the form describes, and every problem with it at its field (an empty list: the rule is valid to save). */
export function ruleOfForm(form: RuleForm, store: ContentStore, isNew: boolean): { data: Record<string, unknown>; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  if (isNew && !ID.test(form.id)) problems.push({ field: 'id', code: form.id ? 'bad_id' : 'required' });
  if (!form.policy) problems.push({ field: 'policy', code: 'required' });
  else if (!store.get('policies', form.policy)) problems.push({ field: 'policy', code: 'unknown_policy' });
  if (!form.benefitType) problems.push({ field: 'benefit_type', code: 'required' });
  for (const [name, value] of [['valid_from', form.validFrom], ['valid_to', form.validTo]] as const) if (value && !ISO_DATE.test(value)) problems.push({ field: name, code: 'bad_date' });
  if (form.validFrom && form.validTo && ISO_DATE.test(form.validFrom) && ISO_DATE.test(form.validTo) && form.validTo < form.validFrom) problems.push({ field: 'valid_to', code: 'dates_order' });
  if (!/^[1-5]$/.test(form.relevance)) problems.push({ field: 'relevance', code: 'bad_choice' });
  if (!form.benefitEn) problems.push({ field: 'en_benefit', code: 'required' });
  if (!form.benefitZh) problems.push({ field: 'zh_benefit', code: 'required' });
  if (!form.lastVerified) problems.push({ field: 'last_verified', code: 'required' });
  else if (!ISO_DATE.test(form.lastVerified)) problems.push({ field: 'last_verified', code: 'bad_date' });
  if (form.sources.length === 0) problems.push({ field: 'sources.0.document', code: 'required' });
  const sources = form.sources.map((s, i) => sourceOf(s.document, s.section, s.url, `sources.${i}.`, problems));
  const condition = conditionOf(form.condition, 'c', store, problems);
  const data: Record<string, unknown> = {
    id: form.id, policy: form.policy, benefit_type: form.benefitType,
    ...(form.validFrom ? { valid_from: form.validFrom } : {}), ...(form.validTo ? { valid_to: form.validTo } : {}),
    relevance: Number(form.relevance), en: { benefit: form.benefitEn }, zh: { benefit: form.benefitZh }, condition, sources,
    zh_translation: form.zhTranslation, last_verified: form.lastVerified,
  };
  return { data, problems };
}

/** A schema problem's path in the stored rule → the form field it belongs to (["condition","all",0,"fact"] → "c.0.fact"). */
export function fieldOfPath(path: readonly (string | number)[]): string {
  const [head, ...rest] = path;
  if (head === 'condition') {
    let field = 'c';
    const parts = [...rest];
    while (parts.length) {
      const part = parts.shift()!;
      if (part === 'all' || part === 'any') field += `.${String(parts.shift() ?? 0)}`;
      else if (part === 'not') field += '.0';
      else if (part === 'label' || part === 'question') return `${field}.${part}_${String(parts.shift() ?? 'en')}`;
      else if (part === 'source') return `${field}.source_${String(parts.shift() ?? 'document')}`;
      else return `${field}.${String(part)}`;
    }
    return `${field}.kind`;
  }
  if (head === 'en' || head === 'zh') return `${head}_benefit`;
  if (head === 'sources') return `sources.${String(rest[0] ?? 0)}.${String(rest[1] ?? 'document')}`;
  return String(head ?? 'id');
}
