/**
 * A project field as a labelled control with its hint and its own error: the create and edit forms and the move
 * forms' evidence all draw their fields here, so a field looks and reads the same wherever it is asked for. Labels are
 * the shared field labels (messages.ts); the choices come from the content (project-options.ts).
 */
import type { VNode } from 'preact';
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { FieldError } from '../../../platform/views/forms.js';
import type { ContentStore } from '../../content/index.js';
import { StaffField, describedBy } from '../../staff/index.js';
import { fieldLabel, t } from '../messages.js';
import { tProject } from '../messages.project.js';
import { PROJECT_KINDS, SOURCE_KINDS } from '../stage-rules.js';
import {
  currencyChoices, districtChoices, ftzClusterChoices, industryChoices, opportunityGroups, parkChoices, type Choice, type ChoiceGroup,
} from './project-options.js';

export interface FieldContext {
  lang: Lang;
  store: ContentStore;
  values: Readonly<Record<string, string | undefined>>;
  errors: readonly FieldError[];
  /** The control's id (each move form has its own copy of a field). */
  idOf: (field: string) => string;
  /** Today in Beijing: the latest a date of evidence may be (the date picker offers no later day). */
  today?: string;
}

/** The project's own fields on the create and edit forms, in groups. */
export const FIELD_GROUPS = {
  project: ['name', 'kind', 'industry_id', 'district_id', 'park_id', 'ftz_cluster_id', 'opportunity_id'],
  amounts: ['currency', 'amount_total', 'amount_foreign', 'registered_capital', 'amount_cny', 'amount_cny_on', 'expected_jobs'],
  source: ['source_kind', 'source_detail', 'next_action', 'next_action_on'],
} as const;

const DATES = ['amount_cny_on', 'next_action_on', 'signed_on', 'registered_on', 'first_operation_on'];
const NOT_FUTURE = ['amount_cny_on', 'signed_on', 'registered_on', 'first_operation_on'];
const AMOUNTS = ['amount_total', 'amount_foreign', 'registered_capital', 'amount_cny'];
const REQUIRED = ['name', 'kind', 'source_kind'];

type HintField = 'uscc' | 'signed_on' | 'registered_on' | 'first_operation_on' | 'amount_cny_on' | 'amount' | 'amount_cny' | 'currency' | 'agreement_parties' | 'expected_jobs' | 'park_id' | 'opportunity_id' | 'next_action_on' | 'registered_capital';
const HINTED: readonly string[] = ['uscc', 'signed_on', 'registered_on', 'first_operation_on', 'amount_cny_on', 'amount_cny', 'currency', 'agreement_parties', 'expected_jobs', 'park_id', 'opportunity_id', 'next_action_on', 'registered_capital'];

function hintOf(lang: Lang, field: string): string | undefined {
  const key: HintField | undefined = HINTED.includes(field) ? (field as HintField) : AMOUNTS.includes(field) ? 'amount' : undefined;
  return key ? tProject(lang, `pipeline.project.hint.${key}`) : undefined;
}

function Options({ lang, choices, value, blank }: { lang: Lang; choices: Choice[]; value: string; blank: 'none' | 'choose' }) {
  return (
    <>
      <option value="">{tProject(lang, blank === 'none' ? 'pipeline.project.choice.none' : 'pipeline.project.choice.choose')}</option>
      {choices.map((c) => (
        <option value={c.value} selected={c.value === value}>
          {c.label}
        </option>
      ))}
    </>
  );
}

function Groups({ lang, groups, value }: { lang: Lang; groups: ChoiceGroup[]; value: string }) {
  return (
    <>
      <option value="">{tProject(lang, 'pipeline.project.choice.none')}</option>
      {groups.map((group) => (
        <optgroup label={group.label}>
          {group.choices.map((c) => (
            <option value={c.value} selected={c.value === value}>
              {c.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

function choicesOf(ctx: FieldContext, field: string): Choice[] | undefined {
  const { lang, store } = ctx;
  switch (field) {
    case 'kind':
      return PROJECT_KINDS.map((kind) => ({ value: kind, label: t(lang, `pipeline.kind.${kind}`) }));
    case 'source_kind':
      return SOURCE_KINDS.map((kind) => ({ value: kind, label: t(lang, `pipeline.source.${kind}`) }));
    case 'industry_id':
      return industryChoices(store, lang);
    case 'district_id':
      return districtChoices(store, lang);
    case 'park_id':
      return parkChoices(store, lang);
    case 'ftz_cluster_id':
      return ftzClusterChoices(store, lang);
    default:
      return undefined;
  }
}

export function ProjectField({ ctx, field }: { ctx: FieldContext; field: string }) {
  const { lang } = ctx;
  const id = ctx.idOf(field);
  const value = ctx.values[field] ?? '';
  const error = ctx.errors.find((e) => e.field === id)?.message;
  const hint = hintOf(lang, field);
  const aria = { 'aria-describedby': describedBy(id, Boolean(hint), error), 'aria-invalid': error ? ('true' as const) : undefined };
  const required = REQUIRED.includes(field) ? { 'aria-required': 'true' as const } : {};
  const wrap = (control: VNode) => (
    <StaffField lang={lang} name={id} label={fieldLabel(lang, field)} hint={hint} error={error}>
      {control}
    </StaffField>
  );
  const choices = choicesOf(ctx, field);
  if (choices) {
    return wrap(
      <select id={id} name={field} {...aria} {...required}>
        <Options lang={lang} choices={choices} value={value} blank={REQUIRED.includes(field) ? 'choose' : 'none'} />
      </select>,
    );
  }
  if (field === 'opportunity_id') {
    return wrap(
      <select id={id} name={field} {...aria}>
        <Groups lang={lang} groups={opportunityGroups(ctx.store, lang)} value={value} />
      </select>,
    );
  }
  if (field === 'currency') {
    return wrap(
      <>
        <input id={id} name={field} type="text" value={value} list={`${id}-list`} maxLength={3} size={5} autocomplete="off" spellcheck={false} class="input--short" {...aria} />
        <datalist id={`${id}-list`}>
          {currencyChoices(lang).map((c) => (
            <option value={c.value}>{c.label}</option>
          ))}
        </datalist>
      </>,
    );
  }
  if (DATES.includes(field)) return wrap(<input id={id} name={field} type="date" value={value} max={NOT_FUTURE.includes(field) ? ctx.today : undefined} {...aria} />);
  if (AMOUNTS.includes(field)) return wrap(<input id={id} name={field} type="text" inputMode="decimal" value={value} autocomplete="off" {...aria} />);
  if (field === 'expected_jobs') return wrap(<input id={id} name={field} type="text" inputMode="numeric" value={value} autocomplete="off" {...aria} />);
  if (field === 'agreement_parties') return wrap(<textarea id={id} name={field} rows={3} maxLength={500} {...aria}>{value}</textarea>);
  if (field === 'uscc') return wrap(<input id={id} name={field} type="text" value={value} maxLength={24} autocomplete="off" spellcheck={false} autocapitalize="characters" {...aria} />);
  return wrap(<input id={id} name={field} type="text" value={value} maxLength={field === 'name' ? 200 : 300} {...aria} {...required} />);
}

/** A group of fields under its legend. */
export function ProjectFieldset({ ctx, legend, fields }: { ctx: FieldContext; legend: string; fields: readonly string[] }) {
  return (
    <fieldset class="pipeline-fieldset">
      <legend>{legend}</legend>
      {fields.map((field) => (
        <ProjectField ctx={ctx} field={field} />
      ))}
    </fieldset>
  );
}
