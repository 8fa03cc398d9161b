/**
 * The one reader of forms, GET or posted: a zod object whose fields are built here, and `parseForm()`, which
 * normalises Fastify's raw query or body the way every form needs it — the first value of a repeated parameter (all
 * values for a list), trimmed, cut to its bound, empty read as "not given" — validates every field at once and
 * returns the typed value, or each invalid field's error in the visitor's language, ready for ErrorSummary.
 *
 * Field-specific messages belong to the module (a `Message` built with its own translator); the generic ones, for a
 * field that names only its label, are the platform's (`form.error.*` in the platform catalogue).
 */
import { z } from 'zod';
import { numberFormat, t, type Lang } from '../i18n/i18n.js';
import type { FieldError } from '../views/forms.js';
import { MAX_VALUE_CHARS, MAX_VALUES } from './page-guard.js';

/** A query or form body as Fastify parses it: a string, or several for a repeated parameter (anything else is ignored). */
export type RawForm = Readonly<Record<string, unknown>>;

/** Text in the visitor's language. */
export type Message = (lang: Lang) => string;

/** What a visitor is told about an invalid field: its own message, or a generic one naming its label. */
export type Described = { label: Message; message?: Message } | { label?: Message; message: Message };

interface NumberRange {
  min?: number;
  max: number;
  /** More than 0 (an area, a quantity), rather than at least `min`. */
  positive?: boolean;
  integer?: boolean;
}

interface FieldMeta {
  /** All values of a repeated parameter; `split` also splits a single value (`a,b` as well as `x=a&x=b`). */
  many?: { split?: string };
  /** Longest value kept, in characters (each value of a list). */
  max?: number;
  label?: Message;
  message?: Message;
  range?: NumberRange;
  choice?: boolean;
}

const fields = z.registry<FieldMeta>();

/** Any zod schema as a form field, with how its raw value is read and what an error says. */
export function field<S extends z.ZodType>(schema: S, meta: FieldMeta & Described): S {
  const own = schema.clone() as S;
  fields.add(own, meta);
  return own;
}

/** Free text, trimmed and cut to `max` characters (a longer value is cut, not refused, as browsers cut it too). */
export function text({ max = MAX_VALUE_CHARS }: { max?: number } = {}) {
  const schema = z.string().optional();
  fields.add(schema, { max });
  return schema;
}

/** One of a fixed list of values (a select or radios). */
export function choice<const T extends readonly [string, ...string[]]>(values: T, described: Described) {
  return field(z.enum(values).optional(), { ...described, choice: true });
}

/** A checkbox, or a yes/no select: true when `value` was sent, false otherwise (never an error). */
export function checkbox(value = 'yes') {
  const schema = z
    .string()
    .optional()
    .transform((given) => given === value);
  fields.add(schema, {});
  return schema;
}

/** Thousands separators people type: "1,000", "1，000" (full-width comma), "1 000". */
const GROUPING = /[,，\s]/g;

interface NumberOptions {
  max: number;
  /** Accept "1,000", "1，000" and "1 000" as 1000. */
  grouping?: boolean;
}

function number(range: NumberRange, grouping: boolean | undefined, described: Described) {
  // Number() as z.coerce.number() reads it, so a form accepts what the JSON API accepts ("1e3", " 12 ", ".5").
  const schema = z
    .string()
    .transform((given, ctx) => {
      const value = Number(grouping ? given.replace(GROUPING, '') : given);
      const low = range.positive ? value > 0 : value >= (range.min ?? -Infinity);
      if (Number.isFinite(value) && low && value <= range.max && (!range.integer || Number.isInteger(value))) return value;
      ctx.addIssue({ code: 'custom', message: 'not a number in range' });
      return z.NEVER;
    })
    .optional();
  return field(schema, { ...described, range });
}

/** A number with or without decimals, from `min` (or more than 0 when `positive`) to `max`, without its unit. */
export function decimal(options: NumberOptions & ({ min: number; positive?: never } | { positive: true; min?: never }), described: Described) {
  return number({ min: options.min, max: options.max, positive: options.positive }, options.grouping, described);
}

/** A whole number from `min` to `max`. */
export function integer(options: NumberOptions & { min: number }, described: Described) {
  return number({ min: options.min, max: options.max, integer: true }, options.grouping, described);
}

/**
 * Every value of a repeated parameter (checkboxes, a multiple select), empty ones dropped; with `of`, each must be one
 * of those values; with `split`, one value may also list several ("a,b").
 */
export function many<const T extends readonly [string, ...string[]]>(options: { of?: T; split?: string; max?: number } & Described) {
  const { of, split, max, ...described } = options;
  const item = of ? z.enum(of) : z.string();
  return field(z.array(item).optional(), { ...described, many: { split }, max, choice: Boolean(of) });
}

/** The normalised text of each field: what the visitor sent, as the form shows it again. */
export type FormInput<T> = { [K in keyof T]?: NonNullable<T[K]> extends readonly unknown[] ? string[] : string };

export interface ParsedForm<T> {
  /** The typed values when every field is valid (and every rule holds); otherwise null. */
  value: T | null;
  /** The values of the fields that are valid on their own, even when others are not. */
  valid: Partial<T>;
  /** Each field's normalised text, given or not, to show the form again with the visitor's answers. */
  input: FormInput<T>;
  /** One error per invalid field, in the order of the form's fields. */
  errors: FieldError[];
}

/** A rule across fields ("a salary needs a number of staff"), checked on what was sent even when fields are invalid. */
export type FormRule<T> = (form: { input: FormInput<T>; valid: Partial<T> }) => { field: keyof T & string; message: Message }[];

type Form = z.ZodObject;

/** The names of a form's fields: the query parameters its page declares (page-guard), so the two cannot drift. */
export function fieldNames<F extends Form>(form: F): (keyof F['shape'] & string)[] {
  return Object.keys(form.shape);
}

/** The normalised text of every field, without validating (for links and hidden fields that carry the answers on). */
export function readForm<F extends Form>(form: F, raw: RawForm): FormInput<z.output<F>> {
  const input: Record<string, string | string[] | undefined> = {};
  for (const [name, schema] of Object.entries(form.shape)) {
    const value = normalise(raw[name], fields.get(schema as z.ZodType) ?? {});
    if (value !== undefined) input[name] = value;
  }
  return input as FormInput<z.output<F>>;
}

function normalise(raw: unknown, meta: FieldMeta): string | string[] | undefined {
  const given = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  const max = meta.max ?? MAX_VALUE_CHARS;
  const clean = (value: string) => value.trim().slice(0, max);
  if (meta.many) {
    const split = meta.many.split;
    const values = split !== undefined && !Array.isArray(raw) ? given.flatMap((v) => v.split(split)) : given;
    const kept = values.map(clean).filter(Boolean).slice(0, MAX_VALUES);
    return kept.length ? kept : undefined;
  }
  return clean(given[0] ?? '') || undefined;
}

/** Reads and validates a form: see the file's comment. `rules` add errors between fields; every error is reported. */
export function parseForm<F extends Form>(form: F, raw: RawForm, lang: Lang, rules?: FormRule<z.output<F>>): ParsedForm<z.output<F>> {
  type T = z.output<F>;
  const input = readForm(form, raw);
  const parsed = form.safeParse(input);
  const shape = form.shape as Record<string, z.ZodType>;
  const messages = new Map<string, string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      if (!messages.has(name)) messages.set(name, messageOf(fields.get(shape[name]) ?? {}, lang));
    }
  }
  const valid: Record<string, unknown> = {};
  if (parsed.success) Object.assign(valid, parsed.data);
  else {
    for (const [name, schema] of Object.entries(shape)) {
      const one = messages.has(name) ? null : schema.safeParse((input as Record<string, unknown>)[name]);
      if (one?.success && one.data !== undefined) valid[name] = one.data;
    }
  }
  for (const broken of rules?.({ input, valid: valid as Partial<T> }) ?? []) {
    if (!messages.has(broken.field)) messages.set(broken.field, broken.message(lang));
  }
  const order = Object.keys(shape);
  const errors = [...messages].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([name, message]) => ({ field: name, message }));
  return { value: parsed.success && errors.length === 0 ? (parsed.data as T) : null, valid: valid as Partial<T>, input, errors };
}

function messageOf(meta: FieldMeta, lang: Lang): string {
  if (meta.message) return meta.message(lang);
  if (!meta.label) return t(lang, 'form.error.unlabelled');
  const label = meta.label(lang);
  const range = meta.range;
  if (range) {
    const [min, max] = [numberFormat[lang].format(range.min ?? 0), numberFormat[lang].format(range.max)];
    return t(lang, range.positive ? 'form.error.positive' : range.integer ? 'form.error.wholeNumber' : 'form.error.number', { label, min, max });
  }
  return t(lang, meta.choice ? 'form.error.choose' : 'form.error.invalid', { label });
}
