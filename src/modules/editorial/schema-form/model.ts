/**
 * A content kind's zod 4 schema read as a form model: what each field is (text, number, yes/no, a choice, a list, a
 * keyed map, one of several shapes, a table) and whether it may be left out (optional), blank (nullable) or has a
 * default. Shapes that have no good field form (z.lazy trees such as a rule's condition, unions of plain values) become
 * a JSON text area for that sub-part; the rest are real fields.
 */
import type { z } from 'zod';
import { CONTENT_KINDS, tableSchema, type ContentKind } from '../../content/index.js';

export type FormNode =
  | { t: 'object'; fields: FormField[] }
  | { t: 'text' }
  | { t: 'number'; integer: boolean }
  | { t: 'boolean' }
  | { t: 'enum'; values: string[] }
  | { t: 'literal'; value: string | number | boolean | null }
  | { t: 'array'; element: FormSlot; min: number }
  | { t: 'record'; value: FormSlot }
  | { t: 'variants'; discriminator: string; options: { value: string; node: Extract<FormNode, { t: 'object' }> }[] }
  | { t: 'table'; node: Extract<FormNode, { t: 'object' }> }
  | { t: 'json' };

/** A place in the form: its node and how it may be missing. */
export interface FormSlot {
  node: FormNode;
  optional: boolean;
  nullable: boolean;
  /** The schema fills a default when the value is missing (e.g. `[]`). */
  hasDefault: boolean;
}

export interface FormField extends FormSlot {
  key: string;
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function isInteger(schema: z.ZodType): boolean {
  const bag = (schema as unknown as { _zod: { bag?: { format?: string } } })._zod.bag;
  return bag?.format === 'safeint' || bag?.format === 'int32' || bag?.format === 'int64';
}

const cache = new WeakMap<z.ZodType, FormSlot>();

/** The form slot of any schema (wrappers unwrapped into flags). */
export function slotOf(schema: z.ZodType): FormSlot {
  const cached = cache.get(schema);
  if (cached) return cached;
  let optional = false;
  let nullable = false;
  let hasDefault = false;
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else if (def.type === 'default' || def.type === 'prefault') hasDefault = true;
    else if (def.type !== 'readonly' && def.type !== 'catch') break;
    current = def.innerType as z.ZodType;
  }
  const slot: FormSlot = { node: nodeOf(current), optional, nullable, hasDefault };
  cache.set(schema, slot);
  return slot;
}

function objectNode(schema: z.ZodType): Extract<FormNode, { t: 'object' }> {
  const shape = defOf(schema).shape as Record<string, z.ZodType>;
  return { t: 'object', fields: Object.entries(shape).map(([key, child]) => ({ key, ...slotOf(child) })) };
}

function nodeOf(schema: z.ZodType): FormNode {
  if (schema === (tableSchema as unknown as z.ZodType)) return { t: 'table', node: objectNode(schema) };
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return objectNode(schema);
    case 'string':
      return { t: 'text' };
    case 'number':
      return { t: 'number', integer: isInteger(schema) };
    case 'boolean':
      return { t: 'boolean' };
    case 'enum':
      return { t: 'enum', values: Object.values(def.entries as Record<string, string>) };
    case 'literal': {
      const values = def.values as unknown[];
      return values.length === 1 ? { t: 'literal', value: values[0] as string } : { t: 'json' };
    }
    case 'array':
      return { t: 'array', element: slotOf(def.element as z.ZodType), min: minLength(schema) };
    case 'record':
      return { t: 'record', value: slotOf(def.valueType as z.ZodType) };
    case 'union':
      return variantsOf(def.options as z.ZodType[]) ?? { t: 'json' };
    case 'pipe':
      return nodeOf(def.in as z.ZodType);
    default:
      // z.lazy (a condition tree), null, unknown: a JSON text area.
      return { t: 'json' };
  }
}

function minLength(schema: z.ZodType): number {
  const bag = (schema as unknown as { _zod: { bag?: { minimum?: number } } })._zod.bag;
  return bag?.minimum ?? 0;
}

/** A union of objects told apart by one literal key (z.discriminatedUnion or a plain union shaped like one). */
function variantsOf(options: z.ZodType[]): FormNode | null {
  if (!options.every((o) => defOf(o).type === 'object')) return null;
  const nodes = options.map(objectNode);
  const literalKeys = (node: Extract<FormNode, { t: 'object' }>) => node.fields.filter((f) => f.node.t === 'literal' && !f.optional).map((f) => f.key);
  const candidates = literalKeys(nodes[0]).filter((key) => nodes.every((n) => literalKeys(n).includes(key)));
  for (const key of candidates) {
    const values = nodes.map((n) => String((n.fields.find((f) => f.key === key)!.node as { value: unknown }).value));
    if (new Set(values).size === values.length) return { t: 'variants', discriminator: key, options: nodes.map((node, i) => ({ value: values[i], node })) };
  }
  return null;
}

/** The form model of a content kind's items. */
export function kindSlot(kind: ContentKind): FormSlot {
  return slotOf(CONTENT_KINDS[kind] as unknown as z.ZodType);
}

/**
 * Every field key a kind's form can show, with the path of names leading to it (array and record entries as '*'),
 * e.g. ['sources', '*', 'section']: what the label catalogue must cover.
 */
export function fieldPaths(kind: ContentKind): string[][] {
  const found: string[][] = [];
  const walk = (node: FormNode, path: string[]) => {
    switch (node.t) {
      case 'object':
      case 'table':
        for (const field of node.t === 'object' ? node.fields : node.node.fields) {
          found.push([...path, field.key]);
          walk(field.node, [...path, field.key]);
        }
        break;
      case 'array':
        walk(node.element.node, [...path, '*']);
        break;
      case 'record':
        walk(node.value.node, [...path, '*']);
        break;
      case 'variants':
        for (const option of node.options) walk(option.node, path);
        break;
      default:
    }
  };
  walk(kindSlot(kind).node, []);
  const seen = new Set<string>();
  return found.filter((p) => !seen.has(p.join('.')) && (seen.add(p.join('.')), true));
}
