/**
 * The form model rendered as accessible HTML: objects and list entries as fieldsets with legends, an item's `en` and
 * `zh` blocks side by side (English | 中文, each input marked with its language), choices as selects (lists of choices
 * as checkboxes), yes/no as a select, long text as text areas, lists of objects as repeated fieldsets with "Add
 * another"/"Remove" submit buttons (the page re-renders the posted state without saving: no JavaScript), tables as a
 * grid (one row per table row, one input per column, a two-language cell as an en/zh pair). Each field shows its
 * own problems, in the page's language, above its input.
 */
import type { ComponentChildren, VNode } from 'preact';
import { t as tPlatform, type Lang } from '../../../platform/i18n/i18n.js';
import type { ContentKind } from '../../content/index.js';
import { fieldHelp, fieldLabel, keyLabel } from '../field-labels.js';
import { tForms } from '../messages.fields.js';
import type { FormField, FormNode, FormSlot } from './model.js';
import { fieldId, type FieldProblem } from './problems.js';
import { cellTypeName, countName, countOf, gridKeys, isChoiceList, join, many, one, type FormValues } from './values.js';

export interface FormContext {
  lang: Lang;
  kind: ContentKind;
  values: FormValues;
  problems: readonly FieldProblem[];
  /** The id cannot change (editing an existing item). */
  idLocked: boolean;
  /** Words for a choice's value, when known (district names, translation statuses…); the value itself otherwise. */
  choiceWord: (key: string, value: string) => string | undefined;
}

const LANG_HEADINGS = { en: 'English', zh: '中文' } as const;
/** Fields whose text is usually longer than a line. */
const LONG = new Set(['summary', 'text', 'description', 'definition', 'body', 'paragraphs', 'points', 'context', 'notes', 'hint', 'quote', 'advantages', 'key_areas', 'key_layout', 'focus', 'benefit', 'address']);

const pathOf = (name: string) => (name === '' ? [] : name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)));

function errorsAt(ctx: FormContext, name: string): string[] {
  return ctx.problems.filter((p) => p.name === name).map((p) => p.message);
}

function Errors({ ctx, name }: { ctx: FormContext; name: string }) {
  const errors = errorsAt(ctx, name);
  if (errors.length === 0) return null;
  return (
    <p class="field__error" id={`${fieldId(name)}-error`}>
      <span class="visually-hidden">{tPlatform(ctx.lang, 'form.errorPrefix')}</span> {errors.join(' ')}
    </p>
  );
}

function describedBy(ctx: FormContext, name: string, help: boolean): string | undefined {
  const ids = [help ? `${fieldId(name)}-hint` : '', errorsAt(ctx, name).length ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Button({ op, children }: { op: string; children: ComponentChildren }) {
  return (
    <button type="submit" name="_op" value={op} class="button button--secondary sf-op" formnovalidate>
      {children}
    </button>
  );
}

/** The language of a name's text: the last `en`/`zh` segment in it. */
function langOfName(name: string): 'en' | 'zh' | undefined {
  const parts = name.split('.');
  for (let i = parts.length - 1; i >= 0; i--) if (parts[i] === 'en' || parts[i] === 'zh') return parts[i] as 'en' | 'zh';
  return undefined;
}

/** One input with its label, help and problems. */
function Leaf({ ctx, node, slot, name, label, langOf }: { ctx: FormContext; node: FormNode; slot: Pick<FormSlot, 'optional' | 'nullable'>; name: string; label: string; langOf?: 'en' | 'zh' }) {
  const id = fieldId(name);
  const help = fieldHelp(ctx.lang, ctx.kind, pathOf(name));
  const value = one(ctx.values, name);
  const errors = errorsAt(ctx, name).length > 0;
  const described = describedBy(ctx, name, Boolean(help));
  const key = String([...pathOf(name)].reverse().find((p) => typeof p === 'string' && p !== 'en' && p !== 'zh') ?? '');
  const textLang = langOf ?? langOfName(name);
  let input: VNode;
  if (node.t === 'boolean') {
    input = (
      <select id={id} name={name} aria-describedby={described} aria-invalid={errors ? 'true' : undefined}>
        <option value="" selected={value === ''}>{tForms(ctx.lang, 'editorial.forms.notSet')}</option>
        <option value="true" selected={value === 'true'}>{tForms(ctx.lang, 'editorial.forms.yes')}</option>
        <option value="false" selected={value === 'false'}>{tForms(ctx.lang, 'editorial.forms.no')}</option>
      </select>
    );
  } else if (node.t === 'enum') {
    const known = node.values.includes(value);
    input = (
      <select id={id} name={name} aria-describedby={described} aria-invalid={errors ? 'true' : undefined}>
        {(slot.optional || slot.nullable || value === '' || !known) && <option value={known ? '' : value} selected={!known || value === ''}>{known || value === '' ? tForms(ctx.lang, 'editorial.forms.notSet') : value}</option>}
        {node.values.map((v) => (
          <option value={v} selected={v === value}>
            {ctx.choiceWord(key, v) ?? v}
          </option>
        ))}
      </select>
    );
  } else if (node.t === 'json' || (node.t === 'text' && (value.length > 70 || value.includes('\n') || LONG.has(key)))) {
    const rows = Math.min(16, Math.max(node.t === 'json' ? 6 : 3, Math.ceil(value.length / 70) + value.split('\n').length - 1));
    input = (
      <textarea id={id} name={name} rows={rows} lang={textLang} aria-describedby={described} aria-invalid={errors ? 'true' : undefined} class={node.t === 'json' ? 'sf-json' : undefined}>
        {value}
      </textarea>
    );
  } else {
    const locked = ctx.idLocked && name === 'id';
    input = (
      <input
        type="text" id={id} name={name} value={value} lang={node.t === 'text' ? textLang : undefined} inputmode={node.t === 'number' ? 'decimal' : undefined}
        readonly={locked} aria-describedby={described} aria-invalid={errors ? 'true' : undefined} class={node.t === 'number' ? 'sf-number' : undefined}
      />
    );
  }
  const hint = node.t === 'json' ? [help, tForms(ctx.lang, 'editorial.forms.jsonHint')].filter(Boolean).join(' ') : ctx.idLocked && name === 'id' ? tForms(ctx.lang, 'editorial.forms.idFixed') : help;
  return (
    <div class={`field sf-field${errors ? ' field--error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <Errors ctx={ctx} name={name} />
      {input}
    </div>
  );
}

/** A group of fields (an object, an entry of a list) as a fieldset with its legend and its own problems. */
function Group({ ctx, name, legend, children, extra }: { ctx: FormContext; name: string; legend: string; children: ComponentChildren; extra?: ComponentChildren }) {
  const help = fieldHelp(ctx.lang, ctx.kind, pathOf(name));
  return (
    <fieldset class={`sf-group${errorsAt(ctx, name).length ? ' sf-group--error' : ''}`} id={fieldId(name)}>
      <legend>{legend}</legend>
      {help && <p class="hint">{help}</p>}
      <Errors ctx={ctx} name={name} />
      {children}
      {extra}
    </fieldset>
  );
}

function isPair(fields: readonly FormField[]): boolean {
  const en = fields.find((f) => f.key === 'en');
  const zh = fields.find((f) => f.key === 'zh');
  return Boolean(en && zh && en.node.t === zh.node.t && (en.node.t === 'object' || en.node.t === 'text' || en.node.t === 'array'));
}

/** The item's `en` and `zh` parts side by side: English | 中文. */
function Pair({ ctx, fields, name }: { ctx: FormContext; fields: readonly FormField[]; name: string }) {
  return (
    <div class="sf-pair">
      {(['en', 'zh'] as const).map((lang) => {
        const field = fields.find((f) => f.key === lang)!;
        const child = join(name, lang);
        if (field.node.t === 'object') {
          return (
            <fieldset class="sf-lang" id={fieldId(child)}>
              <legend lang={lang}>{LANG_HEADINGS[lang]}</legend>
              <Errors ctx={ctx} name={child} />
              <ObjectFields ctx={ctx} node={field.node} name={child} textLang={lang} />
            </fieldset>
          );
        }
        return (
          <div class="sf-lang">
            <Slot ctx={ctx} slot={field} name={child} label={`${LANG_HEADINGS[lang]}`} textLang={lang} />
          </div>
        );
      })}
    </div>
  );
}

function ObjectFields({ ctx, node, name, textLang, skip = [] }: { ctx: FormContext; node: Extract<FormNode, { t: 'object' }>; name: string; textLang?: 'en' | 'zh'; skip?: string[] }) {
  const pair = isPair(node.fields);
  return (
    <>
      {node.fields.map((field) => {
        if (skip.includes(field.key)) return null;
        if (pair && field.key === 'zh') return null;
        if (pair && field.key === 'en') return <Pair ctx={ctx} fields={node.fields} name={name} />;
        return <Slot ctx={ctx} slot={field} name={join(name, field.key)} label={keyLabel(ctx.lang, ctx.kind, field.key)} textLang={textLang} />;
      })}
    </>
  );
}

/** Any slot: a leaf, a group, a list, a keyed map, a choice of shapes or a table. */
function Slot({ ctx, slot, name, label, textLang }: { ctx: FormContext; slot: FormSlot; name: string; label: string; textLang?: 'en' | 'zh' }): VNode | null {
  const node = slot.node;
  switch (node.t) {
    case 'literal':
      return <input type="hidden" name={name} value={one(ctx.values, name)} />;
    case 'object':
      return (
        <Group ctx={ctx} name={name} legend={label}>
          <ObjectFields ctx={ctx} node={node} name={name} textLang={textLang} />
        </Group>
      );
    case 'variants': {
      const discriminator = join(name, node.discriminator);
      const chosen = node.options.find((o) => o.value === one(ctx.values, discriminator));
      return (
        <Group ctx={ctx} name={name} legend={label}>
          <div class="sf-variant">
            <Leaf ctx={ctx} node={{ t: 'enum', values: node.options.map((o) => o.value) }} slot={{ optional: slot.optional || slot.nullable, nullable: false }} name={discriminator} label={keyLabel(ctx.lang, ctx.kind, node.discriminator)} />
            <Button op="refresh">{tForms(ctx.lang, 'editorial.forms.change')}</Button>
          </div>
          {chosen && <ObjectFields ctx={ctx} node={chosen.node} name={name} textLang={textLang} skip={[node.discriminator]} />}
        </Group>
      );
    }
    case 'array':
      if (isChoiceList(node)) return <ChoiceList ctx={ctx} node={node} name={name} label={label} />;
      return <List ctx={ctx} element={node.element} name={name} label={label} textLang={textLang} />;
    case 'record':
      return <List ctx={ctx} element={node.value} name={name} label={label} textLang={textLang} keyed />;
    case 'table':
      return <Table ctx={ctx} node={node} name={name} label={label} />;
    default:
      return <Leaf ctx={ctx} node={node} slot={slot} name={name} label={label} langOf={textLang} />;
  }
}

function ChoiceList({ ctx, node, name, label }: { ctx: FormContext; node: Extract<FormNode, { t: 'array' }>; name: string; label: string }) {
  const values = (node.element.node as Extract<FormNode, { t: 'enum' }>).values;
  const chosen = many(ctx.values, name);
  // The chosen values first, in their stored order (the browser posts boxes in page order), then the others.
  const ordered = [...chosen.filter((v) => values.includes(v)), ...values.filter((v) => !chosen.includes(v))];
  const key = String([...pathOf(name)].reverse().find((p) => typeof p === 'string') ?? '');
  return (
    <Group ctx={ctx} name={name} legend={label}>
      <input type="hidden" name={countName(name)} value={one(ctx.values, countName(name))} />
      <div class="sf-choices">
        {ordered.map((value, i) => (
          <div class="sf-choice">
            <input type="checkbox" id={`${fieldId(name)}-${i}`} name={name} value={value} checked={chosen.includes(value)} />
            <label for={`${fieldId(name)}-${i}`}>{ctx.choiceWord(key, value) ?? value}</label>
          </div>
        ))}
      </div>
    </Group>
  );
}

function List({ ctx, element, name, label, textLang, keyed = false }: { ctx: FormContext; element: FormSlot; name: string; label: string; textLang?: 'en' | 'zh'; keyed?: boolean }) {
  const n = countOf(ctx.values, name);
  const entries = Array.from({ length: n }, (_, i) => i);
  const entryLabel = (i: number) => fieldLabel(ctx.lang, ctx.kind, pathOf(join(name, i)).filter((p) => p !== 'en' && p !== 'zh')) + (textLang ? (ctx.lang === 'en' ? ` (${textLang === 'en' ? 'English' : 'Chinese'})` : `（${textLang === 'en' ? '英文' : '中文'}）`) : '');
  return (
    <Group
      ctx={ctx}
      name={name}
      legend={label}
      extra={<Button op={`add:${name}`}>{tForms(ctx.lang, 'editorial.forms.add', { label: keyed || element.node.t !== 'object' ? label : label })}</Button>}
    >
      <input type="hidden" name={countName(name)} value={one(ctx.values, countName(name))} />
      {entries.map((i) => {
        const entry = join(name, i);
        const remove = <Button op={`remove:${entry}`}>{tForms(ctx.lang, 'editorial.forms.remove', { label: entryLabel(i) })}</Button>;
        if (keyed) {
          return (
            <Group ctx={ctx} name={entry} legend={entryLabel(i)} extra={remove}>
              <Leaf ctx={ctx} node={{ t: 'text' }} slot={{ optional: false, nullable: false }} name={join(entry, '_key')} label={keyLabel(ctx.lang, ctx.kind, '_key')} />
              {element.node.t === 'object' ? (
                <ObjectFields ctx={ctx} node={element.node} name={entry} textLang={textLang} />
              ) : (
                <Slot ctx={ctx} slot={element} name={join(entry, '_value')} label={keyLabel(ctx.lang, ctx.kind, '_value')} textLang={textLang} />
              )}
            </Group>
          );
        }
        if (element.node.t === 'object' || element.node.t === 'variants' || element.node.t === 'table') {
          const inner = element.node.t === 'object' ? <ObjectFields ctx={ctx} node={element.node} name={entry} textLang={textLang} /> : <Slot ctx={ctx} slot={element} name={entry} label={entryLabel(i)} textLang={textLang} />;
          return element.node.t === 'object' ? (
            <Group ctx={ctx} name={entry} legend={entryLabel(i)} extra={remove}>
              {inner}
            </Group>
          ) : (
            <div class="sf-entry">
              {inner}
              {remove}
            </div>
          );
        }
        return (
          <div class="sf-entry sf-entry--inline">
            <Slot ctx={ctx} slot={element} name={entry} label={entryLabel(i)} textLang={textLang} />
            {remove}
          </div>
        );
      })}
    </Group>
  );
}

/** A table: its caption and columns as fields, its rows as a grid. */
function Table({ ctx, node, name, label }: { ctx: FormContext; node: Extract<FormNode, { t: 'table' }>; name: string; label: string }) {
  const rowsName = join(name, 'rows');
  const keys = gridKeys(ctx.values, name);
  const columns = join(name, 'columns');
  const heading = (key: string) => {
    for (let i = 0; i < countOf(ctx.values, columns); i++) {
      if (one(ctx.values, join(join(columns, i), 'key')) === key) return one(ctx.values, join(join(columns, i), ctx.lang)) || key;
    }
    return key;
  };
  const n = countOf(ctx.values, rowsName);
  const rowWord = (r: number) => tForms(ctx.lang, 'editorial.forms.row', { n: r + 1 });
  return (
    <Group ctx={ctx} name={name} legend={label}>
      <ObjectFields ctx={ctx} node={node.node} name={name} skip={['rows', 'notes']} />
      <fieldset class="sf-group sf-grid" id={fieldId(rowsName)}>
        <legend>{tForms(ctx.lang, 'editorial.forms.rowsLegend')}</legend>
        <Errors ctx={ctx} name={rowsName} />
        <input type="hidden" name={countName(rowsName)} value={String(n)} />
        <div class="sf-grid__scroll">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                {keys.map((key) => (
                  <th scope="col">{heading(key)}</th>
                ))}
                <th scope="col">
                  <span class="visually-hidden">{tForms(ctx.lang, 'editorial.forms.remove', { label: '' })}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: n }, (_, r) => (
                <tr>
                  <th scope="row">{r + 1}</th>
                  {keys.map((key) => {
                    const cell = join(join(rowsName, r), key);
                    const type = one(ctx.values, cellTypeName(cell));
                    const cellErrors = ctx.problems.filter((p) => p.name === cell || p.name.startsWith(`${cell}.`));
                    const aria = `${rowWord(r)} · ${heading(key)}`;
                    return (
                      <td class={cellErrors.length ? 'sf-cell--error' : undefined}>
                        {type !== '' && <input type="hidden" name={cellTypeName(cell)} value={type} />}
                        {cellErrors.length > 0 && (
                          <p class="field__error" id={`${fieldId(cell)}-error`}>
                            {cellErrors.map((p) => p.message).join(' ')}
                          </p>
                        )}
                        {type === 'b' ? (
                          <>
                            <input type="text" id={fieldId(join(cell, 'en'))} name={join(cell, 'en')} value={one(ctx.values, join(cell, 'en'))} lang="en" aria-label={`${aria} · English`} />
                            <input type="text" id={fieldId(join(cell, 'zh'))} name={join(cell, 'zh')} value={one(ctx.values, join(cell, 'zh'))} lang="zh" aria-label={`${aria} · 中文`} />
                          </>
                        ) : (
                          <input type="text" id={fieldId(cell)} name={cell} value={one(ctx.values, cell)} aria-label={aria} aria-describedby={cellErrors.length ? `${fieldId(cell)}-error` : undefined} />
                        )}
                      </td>
                    );
                  })}
                  <td>
                    <Button op={`remove:${join(rowsName, r)}`}>{tForms(ctx.lang, 'editorial.forms.remove', { label: rowWord(r) })}</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Button op={`add:${rowsName}`}>{tForms(ctx.lang, 'editorial.forms.add', { label: tForms(ctx.lang, 'editorial.forms.rowsLegend') })}</Button>
      </fieldset>
      <Slot ctx={ctx} slot={node.node.fields.find((f) => f.key === 'notes')!} name={join(name, 'notes')} label={keyLabel(ctx.lang, ctx.kind, 'notes')} />
    </Group>
  );
}

/** Every field of an item of the context's kind. */
export function SchemaFields({ ctx, slot }: { ctx: FormContext; slot: FormSlot }) {
  const node = slot.node;
  if (node.t === 'object') return <ObjectFields ctx={ctx} node={node} name="" />;
  if (node.t === 'variants') {
    const chosen = node.options.find((o) => o.value === one(ctx.values, node.discriminator));
    return (
      <>
        <div class="sf-variant">
          <Leaf ctx={ctx} node={{ t: 'enum', values: node.options.map((o) => o.value) }} slot={{ optional: false, nullable: false }} name={node.discriminator} label={keyLabel(ctx.lang, ctx.kind, node.discriminator)} />
          <Button op="refresh">{tForms(ctx.lang, 'editorial.forms.change')}</Button>
        </div>
        {chosen && <ObjectFields ctx={ctx} node={chosen.node} name="" skip={[node.discriminator]} />}
      </>
    );
  }
  return <Slot ctx={ctx} slot={slot} name="" label={keyLabel(ctx.lang, ctx.kind, 'id')} />;
}
