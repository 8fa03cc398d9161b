/**
 * The questionnaire as a GET form, shared by Policies for me and the plan: every fact the rules know, each read with
 * the API's own field schema (profileSchema), so the pages and the API accept the same answers. A set (statuses,
 * business lines) takes every value of a repeated parameter, or one value listing several ("srdi,high_tech").
 * Then the "what if" forms: one other answer to try.
 */
import { z } from 'zod';
import { decimal, field, fieldNames, parseForm, readForm, text, type RawForm } from '../../platform/http/form.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import type { FieldError } from '../../platform/views/forms.js';
import { FACTS, type ContentStore, type FactName } from '../content/index.js';
import type { SearchService } from '../search/index.js';
import type { Facts } from './evaluate.js';
import { ProfileValueError, profileSchema, understandProfile, type ProfileInput } from './profile.js';

const problemWith = (name: FactName) => (lang: Lang) => t(lang, 'profile.error', { field: t(lang, `profile.label.${name}`) });

const shape = profileSchema.shape;
export const profileForm = z.object(
  Object.fromEntries(
    (Object.keys(shape) as FactName[]).map((name) => [name, field(shape[name], { many: FACTS[name].type === 'set' ? { split: ',' } : undefined, message: problemWith(name) })]),
  ) as typeof shape,
);

/** Paid-in capital is the one number to try; its bounds are the profile's. */
export const whatIfForm = z.object({
  whatif: text(),
  whatif_capital: decimal({ min: 0, max: 1e13, grouping: true }, { label: (lang) => t(lang, 'match.whatIfCapital') }),
  whatif_fact: text(),
  whatif_value: text(),
});

/** The query parameters of the questionnaire pages: every fact the rules know, and the "what if" forms. */
export const PROFILE_QUERY: readonly string[] = [...fieldNames(profileForm), ...fieldNames(whatIfForm)];

/** The answers given, as sent (first value, trimmed; all values of a set), without empty ones: for links and hidden fields. */
export function profileFromQuery(query: RawForm): Record<string, string | string[]> {
  return readForm(profileForm, query) as Record<string, string | string[]>;
}

/**
 * Parses the questionnaire from a query: facts, or the errors to show in the visitor's language. `known` holds the
 * facts of the valid answers even when some answer is wrong, so the questions asked next skip what was answered.
 */
export function profileFacts(query: RawForm, store: ContentStore, search: SearchService, lang: Lang): { facts: Facts | null; known: Facts; errors: FieldError[]; answered: boolean } {
  const form = parseForm(profileForm, query, lang);
  const answered = Object.keys(form.input).length > 0;
  // Ids of the fields' wrappers in the questionnaire (views/profile-form.tsx), which the error summary links to.
  const errorOf = (error: FieldError): FieldError => ({ field: `field-${error.field}`, message: error.message });
  const understood = (input: ProfileInput): Facts | FieldError => {
    try {
      return understandProfile(input, store, search.current).facts;
    } catch (error) {
      if (error instanceof ProfileValueError) return errorOf({ field: error.field, message: problemWith(error.field)(lang) });
      throw error;
    }
  };
  if (!form.value) {
    const rest = understood(form.valid);
    return { facts: null, known: 'message' in rest ? {} : rest, answered, errors: form.errors.map(errorOf) };
  }
  const facts = understood(form.value);
  if ('message' in facts) return { facts: null, known: {}, answered, errors: [facts] };
  return { facts, known: facts, errors: [], answered };
}

/** The "what if" answer to try, read without errors: an answer that is not valid changes nothing. */
export function readWhatIf(query: RawForm, lang: Lang) {
  const form = parseForm(whatIfForm, query, lang);
  return { input: form.input, capital: form.valid.whatif_capital };
}
