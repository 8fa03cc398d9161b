/**
 * The investor questionnaire as GET forms (no JavaScript needed); the same fields feed every investor tool.
 * Progressive: once something is answered, only the questions that still settle a result are asked; the answers
 * given are summarised and travel along as hidden fields, and every question stays reachable under "change answers".
 */
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import type { ContentStore } from '../../content/index.js';
import { FACT_NAMES, FACTS, type FactName } from '../../content/index.js';
import { FIELD_GROUPS, profileFields, type ProfileField } from './profile-fields.js';
import type { RawForm } from '../../../platform/http/form.js';
import { profileFromQuery } from '../profile.form.js';

/** The answers given (profileFromQuery): one text per fact, a list for a set. */
type Answers = Record<string, string | string[]>;
const textOf = (answers: Answers, name: string) => (typeof answers[name] === 'string' ? (answers[name] as string) : '');
const listOf = (answers: Answers, name: string) => (Array.isArray(answers[name]) ? (answers[name] as string[]) : []);

/** One field; `prefix` keeps ids unique when the page holds the progressive form and the full form. */
function Field({ field, answers, prefix, hint }: { field: ProfileField; answers: Answers; prefix: string; hint?: string }) {
  const id = `${prefix}${field.name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  if (field.kind === 'checks') {
    const checked = listOf(answers, field.name);
    return (
      <fieldset id={`${prefix}field-${field.name}`} aria-describedby={hintId}>
        <legend>{field.label}</legend>
        {hint && <p class="hint" id={hintId}>{hint}</p>}
        <div class="form-grid">
          {field.options!.map((o) => (
            <div class="checkbox">
              <input type="checkbox" id={`${id}-${o.value}`} name={field.name} value={o.value} checked={checked.includes(o.value)} />
              <label for={`${id}-${o.value}`}>{o.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    );
  }
  return (
    <div class="field" id={`${prefix}field-${field.name}`}>
      <label for={id}>{field.label}</label>
      {hint && <p class="hint" id={hintId}>{hint}</p>}
      {field.kind === 'select' ? (
        <select id={id} name={field.name} aria-describedby={hintId}>
          {field.options!.map((o) => (
            <option value={o.value} selected={textOf(answers, field.name) === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input id={id} name={field.name} value={textOf(answers, field.name)} inputMode={field.kind === 'number' ? 'decimal' : undefined} maxLength={200} aria-describedby={hintId} />
      )}
    </div>
  );
}

/**
 * Fields in the order given: a run of single-answer fields shares a grid, a list of boxes (its own fieldset) takes the
 * full width between runs — so the order of the questions is the order on the page.
 */
function FieldRuns({ items, answers, prefix }: { items: { field: ProfileField; hint?: string }[]; answers: Answers; prefix: string }) {
  const runs: { field: ProfileField; hint?: string }[][] = [];
  for (const item of items) {
    const last = runs[runs.length - 1];
    if (item.field.kind !== 'checks' && last && last[0].field.kind !== 'checks') last.push(item);
    else runs.push([item]);
  }
  return (
    <>
      {runs.map((run) =>
        run[0].field.kind === 'checks' ? (
          <Field field={run[0].field} answers={answers} prefix={prefix} hint={run[0].hint} />
        ) : (
          <div class="form-grid">
            {run.map((a) => (
              <Field field={a.field} answers={answers} prefix={prefix} hint={a.hint} />
            ))}
          </div>
        ),
      )}
    </>
  );
}

function FullFields({ fields, answers, prefix, lang }: { fields: ProfileField[]; answers: Answers; prefix: string; lang: Lang }) {
  return (
    <>
      {FIELD_GROUPS.map((group) => {
        const inGroup = fields.filter((f) => f.group === group);
        if (group === 'statuses') return inGroup.map((f) => <Field field={f} answers={answers} prefix={prefix} />);
        return (
          <fieldset>
            <legend>{t(lang, `profile.${group}`)}</legend>
            <FieldRuns items={inGroup.map((field) => ({ field }))} answers={answers} prefix={prefix} />
          </fieldset>
        );
      })}
    </>
  );
}

/** The answers given so far, in words. */
function AnswerSummary({ fields, profile, lang }: { fields: ProfileField[]; profile: Record<string, string | string[]>; lang: Lang }) {
  const shown = fields.filter((f) => profile[f.name] !== undefined);
  if (shown.length === 0) return null;
  const words = (f: ProfileField) => {
    const values = Array.isArray(profile[f.name]) ? (profile[f.name] as string[]) : [profile[f.name] as string];
    return values.map((v) => f.options?.find((o) => o.value === v)?.label ?? v).join(lang === 'zh' ? '、' : ', ');
  };
  return (
    <div class="answers">
      <h3>{t(lang, 'profile.yourAnswers')}</h3>
      <dl class="facts">
        {shown.map((f) => (
          <div class="facts__row">
            <dt>{f.label}</dt>
            <dd>{words(f)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export interface ProfileFormProps {
  lang: Lang;
  store: ContentStore;
  query: RawForm;
  action: string;
  submitLabel: string;
  /** Progressive mode: the facts still worth asking, most decisive first, with why each matters. Null: the full form. */
  ask?: { fact: FactName; hint?: string }[] | null;
  /** Extra fields of the page (e.g. the plan's floor area and start date), shown in both modes. */
  children?: ComponentChildren;
  /** Those extra fields' answers (name → text), carried along when answers are changed in the full form. */
  carry?: Record<string, string | undefined>;
}

export function ProfileForm({ lang, store, query, action, submitLabel, ask = null, children, carry = {} }: ProfileFormProps) {
  const fields = profileFields(lang, store);
  const profile = profileFromQuery(query);
  if (!ask) {
    return (
      <form class="plan-form" method="get" action={action}>
        <FullFields fields={fields} answers={profile} prefix="" lang={lang} />
        {children}
        <button type="submit" class="button">
          {submitLabel}
        </button>
      </form>
    );
  }
  const asked = ask.flatMap((a) => {
    const field = fields.find((f) => f.name === a.fact);
    return field ? [{ field, hint: a.hint }] : [];
  });
  const askedNames = new Set(asked.map((a) => a.field.name as string));
  const carried = Object.entries(profile).filter(([key]) => !askedNames.has(key));
  return (
    <>
      <AnswerSummary fields={fields} profile={profile} lang={lang} />
      <form class="plan-form" method="get" action={action}>
        <HiddenAnswers entries={carried} />
        {asked.length > 0 ? (
          <fieldset>
            <legend>{t(lang, 'match.nextQuestions')}</legend>
            {/* Most decisive first; the statuses, a long list of their own, come last. */}
            <FieldRuns items={[...asked.filter((a) => a.field.group !== 'statuses'), ...asked.filter((a) => a.field.group === 'statuses')]} answers={profile} prefix="" />
          </fieldset>
        ) : (
          <p class="panel">{t(lang, 'profile.nothingToAsk')}</p>
        )}
        {children}
        <button type="submit" class="button">
          {submitLabel}
        </button>
      </form>
      <details class="change-answers">
        <summary>{t(lang, 'profile.changeAnswers')}</summary>
        <form class="plan-form" method="get" action={action}>
          {Object.entries(carry).flatMap(([key, value]) => (value ? [<input type="hidden" name={key} value={value} />] : []))}
          <FullFields fields={fields} answers={profile} prefix="all-" lang={lang} />
          <button type="submit" class="button button--secondary">
            {submitLabel}
          </button>
        </form>
      </details>
    </>
  );
}

/** Answers carried along as hidden fields, so a form that asks one thing keeps the rest of the profile. */
export function HiddenAnswers({ entries }: { entries: [string, string | string[]][] }) {
  return <>{entries.flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => <input type="hidden" name={key} value={v} />))}</>;
}
