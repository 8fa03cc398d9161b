/**
 * The rule editor (rule-editor.pages.tsx): the rule's fields, then the condition tree as nested fieldsets — a group
 * (all / any / not) holds its children; a condition has its fact, comparison, value or parameter, the sentence shown
 * as the reason in both languages side by side, the question, its source and the deciding clause. Every button
 * works without JavaScript: it posts the whole form and the page comes back with the tree changed, unsaved.
 */
import type { ComponentChildren } from 'preact';
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { ErrorSummary, type FieldError } from '../../../platform/views/forms.js';
import { BENEFIT_TYPES, FACT_NAMES, OFFICIAL_LINK, SOURCE_DOCUMENTS, type ContentStore, type Parameter } from '../../content/index.js';
import { StaffField, StaffNotice, describedBy } from '../../staff/index.js';
import { t as tEditorial } from '../messages.js';
import { tRules } from '../messages.rules.js';
import { factLabel, valueWords } from './fact-words.js';
import { ALL_OPS, allowedValues, factType, LIST_OPS, NO_VALUE_OPS, OPS_BY_TYPE, type LeafForm, type NodeForm, type Op, type RuleForm, type SourceForm } from './rule-form.js';

export interface RuleEditorModel {
  lang: Lang;
  csrf: string;
  action: string;
  isNew: boolean;
  form: RuleForm;
  errors: FieldError[];
  /** The open draft being edited, if any. */
  draftId: string | null;
  /** The tree was changed by a button and is not saved yet. */
  unsaved: boolean;
}

type Errors = Map<string, string>;
interface Ctx {
  lang: Lang;
  store: ContentStore;
  errors: Errors;
}

function TextInput({ ctx, name, label, value, hint, textarea, inputMode, lang: textLang, type }: { ctx: Ctx; name: string; label: string; value: string; hint?: string; textarea?: boolean; inputMode?: 'decimal'; lang?: Lang; type?: 'text' | 'url' }) {
  const error = ctx.errors.get(name);
  const aria = describedBy(name, Boolean(hint), error);
  return (
    <StaffField lang={ctx.lang} name={name} label={label} hint={hint} error={error}>
      {textarea ? (
        <textarea id={name} name={name} rows={3} lang={textLang} aria-describedby={aria} aria-invalid={error ? 'true' : undefined}>
          {value}
        </textarea>
      ) : (
        <input id={name} name={name} type={(type ?? 'text') as 'text'} value={value} inputmode={inputMode} lang={textLang} aria-describedby={aria} aria-invalid={error ? 'true' : undefined} />
      )}
    </StaffField>
  );
}

function Select({ ctx, name, label, value, options, hint, choose = true }: { ctx: Ctx; name: string; label: string; value: string; options: { value: string; label: string }[]; hint?: string; choose?: boolean }) {
  const error = ctx.errors.get(name);
  const known = options.some((o) => o.value === value);
  return (
    <StaffField lang={ctx.lang} name={name} label={label} hint={hint} error={error}>
      <select id={name} name={name} aria-describedby={describedBy(name, Boolean(hint), error)} aria-invalid={error ? 'true' : undefined}>
        {choose && <option value="">{tRules(ctx.lang, 'editorial.rules.field.choose')}</option>}
        {!known && value && <option value={value} selected>{value}</option>}
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </StaffField>
  );
}

/** Two fields side by side: English | Chinese. */
function Pair({ children }: { children: ComponentChildren }) {
  return <div class="rule-pair">{children}</div>;
}

function Button({ action, label, context }: { action: string; label: string; context: string }) {
  return (
    <button type="submit" name="_action" value={action} class="button button--secondary">
      {label}
      <span class="visually-hidden"> ({context})</span>
    </button>
  );
}

export function parameterWords(lang: Lang, p: Parameter): string {
  const value = Array.isArray(p.value) ? p.value.join(', ') : new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(p.value);
  const amount = tRules(lang, 'editorial.rules.param.value', { value, unit: p.unit?.[lang] ?? '' }).trim();
  const validity = tRules(lang, 'editorial.rules.param.validity', { from: p.valid_from ?? tRules(lang, 'editorial.rules.param.open'), to: p.valid_to ?? tRules(lang, 'editorial.rules.param.open') });
  return `${p.id} — ${amount} (${validity})`;
}

function SourceFields({ ctx, prefix, source, legend }: { ctx: Ctx; prefix: string; source: SourceForm; legend: string }) {
  const { lang } = ctx;
  const documents = [
    ...SOURCE_DOCUMENTS.map((d) => ({ value: d, label: d })),
    { value: OFFICIAL_LINK, label: tRules(lang, 'editorial.rules.field.officialLink') },
  ];
  return (
    <fieldset class="rule-source">
      <legend>{legend}</legend>
      <Select ctx={ctx} name={`${prefix}document`} label={tRules(lang, 'editorial.rules.field.document')} value={source.document} options={documents} />
      <TextInput ctx={ctx} name={`${prefix}section`} label={tRules(lang, 'editorial.rules.field.section')} value={source.section} lang="en" />
      <TextInput ctx={ctx} name={`${prefix}url`} label={tRules(lang, 'editorial.rules.field.url')} value={source.url} type="url" />
    </fieldset>
  );
}

function ValueField({ ctx, node, path }: { ctx: Ctx; node: LeafForm; path: string }) {
  const { lang, store } = ctx;
  const name = `${path}.value`;
  const type = factType(node.fact);
  const op = node.op as Op;
  if (NO_VALUE_OPS.includes(op)) return <p class="hint">{tRules(lang, 'editorial.rules.leaf.valueHint.noneNeeded')}</p>;
  const allowed = type ? allowedValues(node.fact, store) : null;
  const error = ctx.errors.get(name);
  if (allowed && LIST_OPS.includes(op)) {
    return (
      <fieldset class={`rule-values${error ? ' field--error' : ''}`} id={name} aria-describedby={error ? `${name}-error` : undefined}>
        <legend>{tRules(lang, 'editorial.rules.leaf.values')}</legend>
        {error && (
          <p class="field__error" id={`${name}-error`}>
            {error}
          </p>
        )}
        <div class="rule-values__list">
          {[...new Set([...allowed, ...node.value])].map((v, i) => (
            <div class="checkbox">
              <input type="checkbox" id={`${name}.${i}`} name={name} value={v} checked={node.value.includes(v)} />
              <label for={`${name}.${i}`}>{valueWords(lang, store, node.fact, v)}</label>
            </div>
          ))}
        </div>
      </fieldset>
    );
  }
  if (allowed) {
    return <Select ctx={ctx} name={name} label={tRules(lang, 'editorial.rules.leaf.value')} value={node.value[0] ?? ''} options={allowed.map((v) => ({ value: v, label: valueWords(lang, store, node.fact, v) }))} />;
  }
  const hint = type === 'number' ? tRules(lang, 'editorial.rules.leaf.valueHint.number') : type ? tRules(lang, 'editorial.rules.leaf.valueHint.text') : tRules(lang, 'editorial.rules.leaf.valueHint.chooseFact');
  return <TextInput ctx={ctx} name={name} label={tRules(lang, 'editorial.rules.leaf.value')} value={node.value.join(', ')} hint={hint} inputMode={type === 'number' ? 'decimal' : undefined} />;
}

function LeafView({ ctx, node, path, root }: { ctx: Ctx; node: LeafForm; path: string; root: boolean }) {
  const { lang, store } = ctx;
  const type = factType(node.fact);
  const ops = type ? OPS_BY_TYPE[type] : ALL_OPS;
  const legend = node.labelEn || node.labelZh ? tRules(lang, 'editorial.rules.node.leaf', { label: lang === 'zh' ? node.labelZh || node.labelEn : node.labelEn || node.labelZh }) : tRules(lang, 'editorial.rules.node.newLeaf');
  const parameters = store.all('rule-parameters');
  const chosen = node.param ? store.get('rule-parameters', node.param) : undefined;
  return (
    <fieldset class="rule-node rule-leaf" id={`${path}.kind`}>
      <legend>{legend}</legend>
      <input type="hidden" name={`${path}.kind`} value="leaf" />
      <div class="rule-leaf__test">
        <Select ctx={ctx} name={`${path}.fact`} label={tRules(lang, 'editorial.rules.leaf.fact')} value={node.fact} options={FACT_NAMES.map((f) => ({ value: f, label: `${factLabel(lang, f)} (${f})` }))} />
        <Select ctx={ctx} name={`${path}.op`} label={tRules(lang, 'editorial.rules.leaf.op')} value={node.op} options={ops.map((o) => ({ value: o, label: tRules(lang, `editorial.rules.op.${o}`) }))} />
      </div>
      <ValueField ctx={ctx} node={node} path={path} />
      {!NO_VALUE_OPS.includes(node.op as Op) && (
        <>
          <Select
            ctx={ctx}
            name={`${path}.param`}
            label={tRules(lang, 'editorial.rules.leaf.param')}
            hint={tRules(lang, 'editorial.rules.leaf.paramHint')}
            value={node.param}
            choose={false}
            options={[{ value: '', label: tRules(lang, 'editorial.rules.leaf.paramNone') }, ...parameters.map((p) => ({ value: p.id, label: parameterWords(lang, p) }))]}
          />
          {chosen && (
            <p>
              <a href={urls.staffContentEdit(lang, 'rule-parameters', chosen.id)}>{tRules(lang, 'editorial.rules.leaf.editParam', { param: chosen.id })}</a>
            </p>
          )}
        </>
      )}
      <Pair>
        <TextInput ctx={ctx} textarea name={`${path}.label_en`} label={tRules(lang, 'editorial.rules.leaf.label_en')} value={node.labelEn} lang="en" />
        <TextInput ctx={ctx} textarea name={`${path}.label_zh`} label={tRules(lang, 'editorial.rules.leaf.label_zh')} value={node.labelZh} lang="zh" />
      </Pair>
      <Pair>
        <TextInput ctx={ctx} name={`${path}.question_en`} label={tRules(lang, 'editorial.rules.leaf.question_en')} hint={tRules(lang, 'editorial.rules.leaf.questionHint')} value={node.questionEn} lang="en" />
        <TextInput ctx={ctx} name={`${path}.question_zh`} label={tRules(lang, 'editorial.rules.leaf.question_zh')} hint={tRules(lang, 'editorial.rules.leaf.questionHint')} value={node.questionZh} lang="zh" />
      </Pair>
      <SourceFields ctx={ctx} prefix={`${path}.source_`} source={{ document: node.sourceDocument, section: node.sourceSection, url: node.sourceUrl }} legend={tRules(lang, 'editorial.rules.leaf.source')} />
      <TextInput ctx={ctx} textarea name={`${path}.quote`} label={tRules(lang, 'editorial.rules.leaf.quote')} value={node.quote} lang="en" />
      <div class="rule-node__actions">
        <Button action={`wrap-not:${path}`} label={tRules(lang, 'editorial.rules.action.wrapNot')} context={legend} />
        {!root && <Button action={`remove:${path}`} label={tRules(lang, 'editorial.rules.action.remove')} context={legend} />}
      </div>
    </fieldset>
  );
}

function NodeView({ ctx, node, path }: { ctx: Ctx; node: NodeForm; path: string }) {
  const { lang } = ctx;
  const root = path === 'c';
  if (node.kind === 'leaf') return <LeafView ctx={ctx} node={node} path={path} root={root} />;
  if (node.kind === 'not') {
    const legend = tRules(lang, 'editorial.rules.node.not');
    return (
      <fieldset class="rule-node rule-not" id={`${path}.kind`}>
        <legend>{legend}</legend>
        <input type="hidden" name={`${path}.kind`} value="not" />
        <NodeView ctx={ctx} node={node.child} path={`${path}.0`} />
        <div class="rule-node__actions">
          <Button action={`unwrap:${path}`} label={tRules(lang, 'editorial.rules.action.unwrap')} context={legend} />
          {!root && <Button action={`remove:${path}`} label={tRules(lang, 'editorial.rules.action.remove')} context={legend} />}
        </div>
      </fieldset>
    );
  }
  const legend = tRules(lang, node.kind === 'all' ? 'editorial.rules.node.all' : 'editorial.rules.node.any');
  const error = ctx.errors.get(`${path}.group`);
  return (
    <fieldset class={`rule-node rule-group rule-group--${node.kind}${error ? ' field--error' : ''}`} id={`${path}.group`}>
      <legend>{legend}</legend>
      <input type="hidden" name={`${path}.kind`} value={node.kind} />
      {error && <p class="field__error">{error}</p>}
      {node.children.length === 0 && <p class="hint">{tRules(lang, 'editorial.rules.node.empty')}</p>}
      {node.children.map((child, i) => (
        <NodeView ctx={ctx} node={child} path={`${path}.${i}`} />
      ))}
      <div class="rule-node__actions">
        <Button action={`add-leaf:${path}`} label={tRules(lang, 'editorial.rules.action.addLeaf')} context={legend} />
        <Button action={`add-all:${path}`} label={tRules(lang, 'editorial.rules.action.addAll')} context={legend} />
        <Button action={`add-any:${path}`} label={tRules(lang, 'editorial.rules.action.addAny')} context={legend} />
        <Button action={`wrap-not:${path}`} label={tRules(lang, 'editorial.rules.action.wrapNot')} context={legend} />
        {!root && <Button action={`remove:${path}`} label={tRules(lang, 'editorial.rules.action.remove')} context={legend} />}
      </div>
    </fieldset>
  );
}

function paramsOf(node: NodeForm): string[] {
  if (node.kind === 'all' || node.kind === 'any') return node.children.flatMap(paramsOf);
  if (node.kind === 'not') return paramsOf(node.child);
  const leaf = node as LeafForm;
  return leaf.param ? [leaf.param] : [];
}

function ParametersPanel({ ctx, form }: { ctx: Ctx; form: RuleForm }) {
  const { lang, store } = ctx;
  const used = [...new Set(paramsOf(form.condition))].map((id) => store.get('rule-parameters', id)).filter((p): p is Parameter => p !== undefined);
  const open = tRules(lang, 'editorial.rules.param.open');
  return (
    <section class="panel" aria-labelledby="rule-parameters">
      <h2 id="rule-parameters">{tRules(lang, 'editorial.rules.section.parameters')}</h2>
      <p class="hint">{tRules(lang, 'editorial.rules.section.parametersHelp')}</p>
      {used.length === 0 ? (
        <p>{tRules(lang, 'editorial.rules.param.none')}</p>
      ) : (
        <table class="staff-table">
          <caption class="visually-hidden">{tRules(lang, 'editorial.rules.param.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tRules(lang, 'editorial.rules.param.col.id')}</th>
              <th scope="col">{tRules(lang, 'editorial.rules.param.col.value')}</th>
              <th scope="col">{tRules(lang, 'editorial.rules.param.col.validity')}</th>
              <th scope="col">{tRules(lang, 'editorial.rules.param.col.edit')}</th>
            </tr>
          </thead>
          <tbody>
            {used.map((p) => (
              <tr>
                <td>
                  <code>{p.id}</code>
                  <br />
                  <span lang={lang}>{p[lang].label}</span>
                </td>
                <td>{tRules(lang, 'editorial.rules.param.value', { value: Array.isArray(p.value) ? p.value.join(', ') : new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en').format(p.value), unit: p.unit?.[lang] ?? '' })}</td>
                <td>{tRules(lang, 'editorial.rules.param.validity', { from: p.valid_from ?? open, to: p.valid_to ?? open })}</td>
                <td>
                  <a href={urls.staffContentEdit(lang, 'rule-parameters', p.id)}>{tRules(lang, 'editorial.rules.leaf.editParam', { param: p.id })}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={urls.staffContentKind(lang, 'rule-parameters')}>{tRules(lang, 'editorial.rules.param.all')}</a>
      </p>
    </section>
  );
}

export function RuleEditorView({ model, store }: { model: RuleEditorModel; store: ContentStore }) {
  const { lang, form } = model;
  const ctx: Ctx = { lang, store, errors: new Map(model.errors.map((e) => [e.field, e.message])) };
  const title = model.isNew ? tRules(lang, 'editorial.rules.new.title') : tRules(lang, 'editorial.rules.edit.title', { id: form.id });
  const policies = [...store.policies].sort((a, b) => a[lang].title.localeCompare(b[lang].title, lang === 'zh' ? 'zh-CN' : 'en')).map((p) => ({ value: p.id, label: p[lang].title }));
  const sources = [...form.sources, { document: '', section: '', url: '' }];
  return (
    <>
      <h1>{title}</h1>
      <p class="lead">{tRules(lang, 'editorial.rules.edit.lead')}</p>
      {model.errors.length > 0 && <ErrorSummary lang={lang} errors={model.errors} />}
      {!model.isNew && (
        <p>
          {model.draftId ? (
            <>
              {tRules(lang, 'editorial.rules.edit.draft', { revision: model.draftId })} <a href={urls.staffContentRevision(lang, model.draftId)}>{tRules(lang, 'editorial.rules.edit.openRevision', { revision: model.draftId })}</a>
            </>
          ) : (
            tRules(lang, 'editorial.rules.edit.live')
          )}
        </p>
      )}
      {model.unsaved && <StaffNotice text={tRules(lang, 'editorial.rules.edit.notSaved')} />}
      <form method="post" action={model.action} class="rule-editor" novalidate>
        <input type="hidden" name="_csrf" value={model.csrf} />
        <fieldset>
          <legend>{tRules(lang, 'editorial.rules.section.rule')}</legend>
          {model.isNew ? (
            <TextInput ctx={ctx} name="id" label={tRules(lang, 'editorial.rules.field.id')} hint={tRules(lang, 'editorial.rules.field.idHint')} value={form.id} />
          ) : (
            <input type="hidden" name="id" value={form.id} />
          )}
          <Select ctx={ctx} name="policy" label={tRules(lang, 'editorial.rules.field.policy')} value={form.policy} options={policies} />
          <Select ctx={ctx} name="benefit_type" label={tRules(lang, 'editorial.rules.field.benefit_type')} value={form.benefitType} options={BENEFIT_TYPES.map((b) => ({ value: b, label: tRules(lang, `editorial.rules.benefit.${b}`) }))} />
          <Pair>
            <TextInput ctx={ctx} name="valid_from" label={tRules(lang, 'editorial.rules.field.valid_from')} hint={tRules(lang, 'editorial.rules.field.dateHint')} value={form.validFrom} />
            <TextInput ctx={ctx} name="valid_to" label={tRules(lang, 'editorial.rules.field.valid_to')} hint={tRules(lang, 'editorial.rules.field.dateHint')} value={form.validTo} />
          </Pair>
          <Select ctx={ctx} name="relevance" label={tRules(lang, 'editorial.rules.field.relevance')} value={form.relevance} choose={false} options={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))} />
          <Pair>
            <TextInput ctx={ctx} textarea name="en_benefit" label={tRules(lang, 'editorial.rules.field.en_benefit')} value={form.benefitEn} lang="en" />
            <TextInput ctx={ctx} textarea name="zh_benefit" label={tRules(lang, 'editorial.rules.field.zh_benefit')} value={form.benefitZh} lang="zh" />
          </Pair>
          <Select
            ctx={ctx}
            name="zh_translation"
            label={tRules(lang, 'editorial.rules.field.zh_translation')}
            value={form.zhTranslation}
            choose={false}
            options={(['official', 'unofficial'] as const).map((v) => ({ value: v, label: tEditorial(lang, `editorial.translation.${v}`) }))}
          />
          <TextInput ctx={ctx} name="last_verified" label={tRules(lang, 'editorial.rules.field.last_verified')} hint={tRules(lang, 'editorial.rules.field.dateHint')} value={form.lastVerified} />
        </fieldset>
        <fieldset>
          <legend>{tRules(lang, 'editorial.rules.section.sources')}</legend>
          {sources.map((s, i) => (
            <SourceFields ctx={ctx} prefix={`sources.${i}.`} source={s} legend={tRules(lang, 'editorial.rules.field.sourceN', { n: i + 1 })} />
          ))}
        </fieldset>
        <p>
          <button type="submit" name="_action" value="refresh" class="button button--secondary">
            {tRules(lang, 'editorial.rules.action.refresh')}
          </button>
        </p>
        <section aria-labelledby="rule-condition">
          <h2 id="rule-condition">{tRules(lang, 'editorial.rules.section.condition')}</h2>
          <p class="hint">{tRules(lang, 'editorial.rules.section.conditionHelp')}</p>
          <NodeView ctx={ctx} node={form.condition} path="c" />
        </section>
        <ParametersPanel ctx={ctx} form={form} />
        <fieldset>
          <legend>{tRules(lang, 'editorial.rules.section.save')}</legend>
          <TextInput ctx={ctx} textarea name="note" label={tRules(lang, 'editorial.rules.field.note')} value={form.note} />
          <button type="submit" name="_action" value="save" class="button">
            {tRules(lang, 'editorial.rules.action.save')}
          </button>
        </fieldset>
      </form>
    </>
  );
}
