/**
 * Stored problems (zod's issue code and details, or the reference checks') said per field in the page's language:
 * each problem's path is turned into the name of the form field that shows it (a keyed map's key into its entry's
 * number; a path inside a JSON area stops at the area; a problem of a whole list or object goes to its fieldset).
 */
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { ContentKind, StoredProblem } from '../../content/index.js';
import { fieldLabel } from '../field-labels.js';
import { tForms } from '../messages.fields.js';
import type { FormNode, FormSlot } from './model.js';
import { countOf, join, one, type FormValues } from './values.js';

export interface FieldProblem {
  /** The form field's name (`sources.0.section`), '' for the item as a whole. */
  name: string;
  message: string;
}

/** The id of the element showing the field `name` (inputs and fieldsets alike). */
export function fieldId(name: string): string {
  return name === '' ? 'f-item' : `f-${name.replace(/\./g, '-')}`;
}

/** The form field name a problem's path points at. */
export function nameOfPath(slot: FormSlot, values: FormValues, path: readonly (string | number)[]): string {
  let node: FormNode = slot.node;
  let name = '';
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    switch (node.t) {
      case 'object': {
        const field = node.fields.find((f) => f.key === segment);
        if (!field) return name;
        name = join(name, segment);
        node = field.node;
        break;
      }
      case 'variants': {
        const chosen = node.options.find((o) => o.value === one(values, join(name, node.t === 'variants' ? node.discriminator : '')));
        if (!chosen) return name;
        node = chosen.node;
        i--;
        break;
      }
      case 'table': {
        if (segment === 'rows') {
          // rows.<n>.<column key>(.en|.zh): the grid's own names.
          return [name, ...path.slice(i)].filter((p) => p !== '').join('.');
        }
        node = node.node;
        i--;
        break;
      }
      case 'array':
        if (typeof segment !== 'number') return name;
        name = join(name, segment);
        node = node.element.node;
        break;
      case 'record': {
        let index = -1;
        for (let e = 0; e < countOf(values, name); e++) if (one(values, join(join(name, e), '_key')) === String(segment)) index = e;
        if (index < 0) return name;
        name = join(name, index);
        if (node.value.node.t !== 'object') name = join(name, '_value');
        node = node.value.node;
        break;
      }
      default:
        return name;
    }
  }
  return name;
}

const pathOfName = (name: string) => (name === '' ? [] : name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)));

/** A problem in the reader's language, naming its field. */
export function problemMessage(lang: Lang, kind: ContentKind, problem: StoredProblem, name: string): string {
  const label = fieldLabel(lang, kind, pathOfName(name));
  const params = problem.params ?? {};
  const num = (key: string) => (typeof params[key] === 'number' || typeof params[key] === 'string' ? String(params[key]) : '');
  switch (problem.code) {
    case 'too_small':
      if (params.origin === 'array' || params.origin === 'set') return tForms(lang, 'editorial.error.too_small.array', { label, minimum: num('minimum') });
      if (params.origin === 'string') return Number(params.minimum) <= 1 ? tForms(lang, 'editorial.error.too_small.string', { label }) : tForms(lang, 'editorial.error.too_small.string_min', { label, minimum: num('minimum') });
      return tForms(lang, params.inclusive === false ? 'editorial.error.too_small.number_exclusive' : 'editorial.error.too_small.number', { label, minimum: num('minimum') });
    case 'too_big':
      if (params.origin === 'array' || params.origin === 'set') return tForms(lang, 'editorial.error.too_big.array', { label, maximum: num('maximum') });
      if (params.origin === 'string') return tForms(lang, 'editorial.error.too_big.string', { label, maximum: num('maximum') });
      return tForms(lang, 'editorial.error.too_big.number', { label, maximum: num('maximum') });
    case 'invalid_type':
      if (params.expected === 'number' || params.expected === 'int') return tForms(lang, 'editorial.error.invalid_type.number', { label });
      if (params.expected === 'boolean') return tForms(lang, 'editorial.error.invalid_type.boolean', { label });
      if (/received undefined/.test(problem.message)) return tForms(lang, 'editorial.error.invalid_type.missing', { label });
      return tForms(lang, 'editorial.error.invalid_type', { label });
    case 'invalid_value':
      return tForms(lang, 'editorial.error.invalid_value', { label });
    case 'invalid_format': {
      const pattern = String(params.pattern ?? '');
      if (params.format === 'url' || /http\(s\)/.test(problem.message)) return tForms(lang, 'editorial.error.invalid_format.url', { label });
      if (pattern.includes('\\d{4}')) return tForms(lang, 'editorial.error.invalid_format.date', { label });
      if (pattern.includes('[a-z0-9]+(?:')) return tForms(lang, 'editorial.error.invalid_format.id', { label });
      return tForms(lang, 'editorial.error.invalid_format', { label });
    }
    case 'not_multiple_of':
      return tForms(lang, 'editorial.error.not_multiple_of', { label });
    case 'unrecognized_keys':
      return tForms(lang, 'editorial.error.unrecognized_keys', { label, keys: Array.isArray(params.keys) ? params.keys.join(', ') : '' });
    case 'invalid_union':
      return tForms(lang, 'editorial.error.invalid_union', { label });
    case 'custom':
      if (/official link/.test(problem.message) || /^only http/.test(problem.message)) {
        return /official link/.test(problem.message) ? tForms(lang, 'editorial.error.official_link') : tForms(lang, 'editorial.error.invalid_format.url', { label });
      }
      return tForms(lang, 'editorial.error.custom', { label });
    case 'unknown_reference':
      return tForms(lang, 'editorial.error.unknown_reference', { label, reference: String(params.reference ?? '') });
    case 'duplicate_id':
      return tForms(lang, 'editorial.error.duplicate_id');
    case 'id_changed':
      return tForms(lang, 'editorial.error.id_changed', { expected: String(params.expected ?? '') });
    case 'invalid_json':
      return tForms(lang, 'editorial.error.invalid_json', { label });
    default:
      return tForms(lang, 'editorial.error.other', { label });
  }
}

/** Each problem at its field, in the reader's language (a field's first problem first; duplicates dropped). */
export function fieldProblems(lang: Lang, kind: ContentKind, slot: FormSlot, values: FormValues, problems: readonly StoredProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const problem of problems) {
    const name = nameOfPath(slot, values, problem.path);
    const message = problemMessage(lang, kind, problem, name);
    if (seen.has(`${name}\n${message}`)) continue;
    seen.add(`${name}\n${message}`);
    out.push({ name, message });
  }
  return out;
}
