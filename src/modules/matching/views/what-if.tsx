/**
 * "What if": the investor changes one answer (district, entity type, FTZ, origin, investor type, a status, or the
 * paid-in capital) and sees which results change. Plain GET forms: a choice list of concrete alternatives, and a
 * number for the capital, so no script is needed to pair a question with its possible values.
 */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { formatNumber } from '../../../platform/views/components.js';
import type { ContentStore } from '../../content/index.js';
import type { FactName } from '../../content/index.js';
import { profileFields } from './profile-fields.js';
import { HiddenAnswers } from './profile-form.js';
import type { RawForm } from '../../../platform/http/form.js';
import { profileFromQuery, readWhatIf } from '../profile.form.js';


export const WHAT_IF_FACTS = ['district', 'entity_type', 'in_ftz', 'investor_origin', 'investor_type', 'statuses', 'paid_in_capital_usd'] as const;

export interface WhatIfChange {
  fact: FactName;
  value: string;
  /** The query with the one answer changed. */
  query: RawForm;
  /** "District: Changping District", "Status: + High-tech enterprise" … in the page's language. */
  label: string;
}

/**
 * Reads `whatif=fact:value`, `whatif_capital=…` or the older `whatif_fact` + `whatif_value` pair. A capital that is
 * not an amount changes nothing (and, as given, no other answer is tried instead).
 */
export function whatIfChange(query: RawForm, lang: Lang, store: ContentStore): WhatIfChange | null {
  let fact = '';
  let value = '';
  const { input, capital } = readWhatIf(query, lang);
  const pair = input.whatif ?? '';
  if (input.whatif_capital) {
    if (capital === undefined) return null;
    [fact, value] = ['paid_in_capital_usd', String(capital)];
  } else if (pair.includes(':')) [fact, value] = [pair.slice(0, pair.indexOf(':')), pair.slice(pair.indexOf(':') + 1)];
  else [fact, value] = [input.whatif_fact ?? '', input.whatif_value ?? ''];
  if (!(WHAT_IF_FACTS as readonly string[]).includes(fact) || !value) return null;
  const field = profileFields(lang, store).find((f) => f.name === fact)!;
  const optionLabel = field.options?.find((o) => o.value === value)?.label ?? (Number.isFinite(Number(value)) ? formatNumber(Number(value), lang) : value);
  if (fact === 'statuses') {
    // A status is toggled: added when the investor did not have it, taken away when they did.
    const current = profileFromQuery(query).statuses ?? [];
    const list = Array.isArray(current) ? current : [current];
    const has = list.includes(value);
    return { fact, value, query: { ...query, statuses: has ? list.filter((s) => s !== value) : [...list, value] }, label: `${field.label}: ${has ? '−' : '+'} ${optionLabel}` };
  }
  return { fact: fact as FactName, value, query: { ...query, [fact]: value }, label: `${field.label}: ${optionLabel}` };
}

export function WhatIfForms({ lang, store, query, action }: { lang: Lang; store: ContentStore; query: RawForm; action: string }) {
  const fields = profileFields(lang, store).filter((f) => (WHAT_IF_FACTS as readonly string[]).includes(f.name) && f.options);
  const current = profileFromQuery(query);
  const { input } = readWhatIf(query, lang);
  const selected = input.whatif ?? '';
  return (
    <div class="what-if-forms">
      <form class="filter-form what-if-form" method="get" action={action}>
        <HiddenAnswers entries={Object.entries(profileFromQuery(query))} />
        <div class="field">
          <label for="whatif">{t(lang, 'match.whatIf')}</label>
          <select id="whatif" name="whatif">
            <option value="">{t(lang, 'match.whatIfChoose')}</option>
            {fields.map((f) => (
              <optgroup label={f.label}>
                {f.options!.filter((o) => o.value && (f.name === 'statuses' || current[f.name] !== o.value)).map((o) => {
                  const had = f.name === 'statuses' && (current.statuses ?? []).includes(o.value);
                  return (
                    <option value={`${f.name}:${o.value}`} selected={selected === `${f.name}:${o.value}`}>
                      {f.name === 'statuses' ? `${had ? '−' : '+'} ${o.label}` : o.label}
                    </option>
                  );
                })}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          {t(lang, 'match.whatIfSubmit')}
        </button>
      </form>
      <form class="filter-form what-if-form" method="get" action={action}>
        <HiddenAnswers entries={Object.entries(profileFromQuery(query))} />
        <div class="field">
          <label for="whatif_capital">{t(lang, 'match.whatIfCapital')}</label>
          <input id="whatif_capital" name="whatif_capital" inputMode="decimal" maxLength={16} value={input.whatif_capital ?? ''} />
        </div>
        <button type="submit" class="button button--secondary">
          {t(lang, 'match.whatIfSubmit')}
        </button>
      </form>
    </div>
  );
}
