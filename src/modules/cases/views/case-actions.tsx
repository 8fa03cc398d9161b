/**
 * One form per action the signed-in person may take on the case now. Actions without input are a single button;
 * the others open (a <details>, no script needed) on their fields. Reply forms offer the topic's templates (a GET
 * form that reloads the page with the template's text filled in) and the library items to cite.
 */
import type { VNode } from 'preact';
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { StaffField, describedBy } from '../../staff/index.js';
import { RESOLUTION_CODES } from '../case-actions.js';
import { ACTION_FIELDS, REPLY_ACTIONS, fieldId, type ActionField, type StaffAction } from '../case-action-forms.js';
import { t } from '../messages.js';
import { actionName, resolutionLabel } from './case-labels.js';
import type { CasePageModel } from './case-page-model.js';
import { DepartmentOptions } from './department-options.js';

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const asText = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

function Input({ model, action, spec }: { model: CasePageModel; action: StaffAction; spec: ActionField }) {
  const { lang } = model;
  const id = fieldId(action, spec.name);
  const state = model.forms[action];
  const value = state?.values[spec.name];
  const error = state?.errors.find((e) => e.field === id)?.message;
  const hint = spec.hint ? t(lang, spec.hint) : undefined;
  const aria = { 'aria-describedby': describedBy(id, Boolean(hint), error), 'aria-invalid': error ? ('true' as const) : undefined };
  const field = (control: VNode) => (
    <StaffField lang={lang} name={id} label={t(lang, spec.label)} hint={hint} error={error}>
      {control}
    </StaffField>
  );
  switch (spec.kind) {
    case 'text':
    case 'note':
      return field(<textarea id={id} name={spec.name} rows={spec.kind === 'text' ? 8 : 3} maxLength={spec.kind === 'text' ? 20000 : 2000} {...aria}>{asText(value)}</textarea>);
    case 'date':
      return field(<input id={id} name={spec.name} type="date" value={asText(value)} {...aria} />);
    case 'reference':
      return field(<input id={id} name={spec.name} type="text" value={asText(value)} spellcheck={false} autocomplete="off" {...aria} />);
    case 'limit':
      return field(
        <select id={id} name={spec.name} {...aria}>
          {model.limits.map((l) => (
            <option value={l.id} selected={asText(value) === l.id}>{`${l[lang].name}: ${l.rule[lang]}`}</option>
          ))}
        </select>,
      );
    case 'district':
      return field(
        <select id={id} name={spec.name} {...aria}>
          <option value="">{t(lang, 'casePage.noDistrict')}</option>
          {model.districts.map((d) => (
            <option value={d.id} selected={asText(value) === d.id}>
              {d.name}
            </option>
          ))}
        </select>,
      );
    case 'lead':
      return field(
        <select id={id} name={spec.name} {...aria}>
          <option value="">{t(lang, 'workbench.dispatch.choose')}</option>
          <DepartmentOptions lang={lang} targets={model.targets} selected={asList(value)} />
        </select>,
      );
    case 'co':
      return field(
        <select id={id} name={spec.name} multiple size={6} {...aria}>
          <DepartmentOptions lang={lang} targets={model.targets} selected={asList(value)} />
        </select>,
      );
    case 'cites': {
      const { policies, procedures } = model.library;
      if (policies.length + procedures.length === 0) return null;
      const chosen = asList(value);
      const option = (c: { kind: string; id: string; en: string; zh: string }) => (
        <option value={`${c.kind}:${c.id}`} selected={chosen.includes(`${c.kind}:${c.id}`)}>
          {c[lang]}
        </option>
      );
      return field(
        <select id={id} name={spec.name} multiple size={8} {...aria}>
          {policies.length > 0 && <optgroup label={t(lang, 'caseForm.cites.policies')}>{policies.map(option)}</optgroup>}
          {procedures.length > 0 && <optgroup label={t(lang, 'caseForm.cites.procedures')}>{procedures.map(option)}</optgroup>}
        </select>,
      );
    }
    case 'satisfaction':
      return field(
        <select id={id} name={spec.name} {...aria}>
          <option value="">{t(lang, 'caseForm.choose')}</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option value={String(n)} selected={asText(value) === String(n)}>
              {t(lang, `caseForm.satisfaction.${n as 1 | 2 | 3 | 4 | 5}`)}
            </option>
          ))}
        </select>,
      );
    case 'resolution':
      return field(
        <select id={id} name={spec.name} {...aria}>
          <option value="">{t(lang, 'caseForm.choose')}</option>
          {RESOLUTION_CODES.map((code) => (
            <option value={code} selected={asText(value) === code}>
              {resolutionLabel(lang, code)}
            </option>
          ))}
        </select>,
      );
    case 'yes_no':
      return (
        <fieldset class={`field staff-field case-radios${error ? ' field--error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
          <legend>{t(lang, spec.label)}</legend>
          {error && (
            <p class="field__error" id={`${id}-error`}>
              {error}
            </p>
          )}
          {(['yes', 'no'] as const).map((answer) => (
            <div>
              <input type="radio" id={answer === 'yes' ? id : `${id}-no`} name={spec.name} value={answer} checked={asText(value) === answer} />{' '}
              <label for={answer === 'yes' ? id : `${id}-no`}>{t(lang, answer === 'yes' ? 'casePage.yes' : 'casePage.no')}</label>
            </div>
          ))}
        </fieldset>
      );
  }
}

function TemplatePicker({ model, action }: { model: CasePageModel; action: StaffAction }) {
  const { lang, row } = model;
  if (!REPLY_ACTIONS.includes(action) || model.templates.length === 0) return null;
  const id = `${action}-template`;
  return (
    <form method="get" action={`${urls.staffCase(lang, row.reference)}#action-${action}`} class="case-template">
      <input type="hidden" name="for" value={action} />
      <label for={id}>{t(lang, 'caseForm.template')}</label>
      <p class="hint" id={`${id}-hint`}>
        {t(lang, 'caseForm.template.hint', { language: t(lang, `casePage.caseLang.${row.lang}`) })}
      </p>
      <select id={id} name="template" aria-describedby={`${id}-hint`}>
        {model.templates.map((tpl) => (
          <option value={tpl.id}>{tpl[lang].name}</option>
        ))}
      </select>{' '}
      <button type="submit" class="button button--secondary button--small">
        {t(lang, 'caseForm.template.use')}
      </button>
    </form>
  );
}

function ActionForm({ model, action }: { model: CasePageModel; action: StaffAction }) {
  const { lang, row } = model;
  const specs = ACTION_FIELDS[action];
  const state = model.forms[action];
  const formError = state?.errors.find((e) => e.field === `action-${action}`)?.message;
  const form = (
    <form method="post" action={urls.staffCaseAction(lang, row.reference, action)} class="staff-form case-action__form" novalidate>
      <input type="hidden" name="_csrf" value={model.csrf} />
      {formError && <p class="field__error">{formError}</p>}
      {specs.map((spec) => (
        <Input model={model} action={action} spec={spec} />
      ))}
      <button type="submit" class="button">
        {t(lang, `caseForm.submit.${action}`)}
      </button>
    </form>
  );
  if (specs.length === 0) {
    return (
      <div class="case-action case-action--quick" id={`action-${action}`}>
        <h3>{actionName(lang, action)}</h3>
        <p class="hint">{t(lang, `caseForm.about.${action}`)}</p>
        {form}
      </div>
    );
  }
  return (
    <details class="case-action" id={`action-${action}`} open={state?.open}>
      <summary>{actionName(lang, action)}</summary>
      <p class="hint">{t(lang, `caseForm.about.${action}`)}</p>
      <TemplatePicker model={model} action={action} />
      {form}
    </details>
  );
}

export function CaseActions({ model, readOnly }: { model: CasePageModel; readOnly: boolean }) {
  const { lang } = model;
  return (
    <section aria-labelledby="actions-title" class="case-actions">
      <h2 id="actions-title">{t(lang, 'casePage.actions')}</h2>
      {model.actions.length === 0 ? (
        <p>{t(lang, readOnly ? 'casePage.actions.readOnly' : 'casePage.actions.none')}</p>
      ) : (
        model.actions.map((action) => <ActionForm model={model} action={action} />)
      )}
    </section>
  );
}

