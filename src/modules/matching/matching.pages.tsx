/** /:lang/policies-for-me: the questionnaire, the policies that apply and why, and "what if" one answer changes. */
import type { FastifyInstance } from 'fastify';
import { t, type Lang } from '../../platform/i18n/i18n.js';
import { registerPage, type PageDeps } from '../../platform/http/pages.js';
import { routes, urls } from '../../platform/http/urls.js';
import { PageHeader, Section } from '../../platform/views/components.js';
import { ErrorSummary, type FieldError } from '../../platform/views/forms.js';
import type { ContentStore } from '../content/index.js';
import type { SearchService } from '../search/index.js';
import type { Facts } from './evaluate.js';
import { matchPolicies, type MatchResult } from './match.js';
import { ProfileValueError, profileSchema, understandProfile } from './profile.js';
import type { RuleBook } from './rules.files.js';
import { MatchResults, NextQuestions, NotApplying } from './views/match-results.js';
import { ProfileForm, profileFromQuery } from './views/profile-form.js';
import { questionsToAsk } from './questions-to-ask.js';

type Query = Record<string, string | string[] | undefined>;

/** Parses the questionnaire from a query: facts, or the errors to show in the visitor's language. */
export function profileFacts(query: Query, store: ContentStore, search: SearchService, lang: Lang): { facts: Facts | null; errors: FieldError[]; answered: boolean } {
  const raw = profileFromQuery(query);
  const answered = Object.keys(raw).length > 0;
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) {
    return { facts: null, answered, errors: parsed.error.issues.map((i) => ({ field: `field-${String(i.path[0])}`, message: t(lang, 'profile.error', { field: t(lang, `profile.label.${String(i.path[0])}`) }) })) };
  }
  try {
    return { facts: understandProfile(parsed.data, store, search.current).facts, errors: [], answered };
  } catch (error) {
    if (error instanceof ProfileValueError) return { facts: null, answered, errors: [{ field: `field-${error.field}`, message: t(lang, 'profile.error', { field: t(lang, `profile.label.${error.field}`) }) }] };
    throw error;
  }
}

const WHAT_IF_FACTS = ['district', 'paid_in_capital_usd', 'entity_type', 'in_ftz', 'investor_origin'] as const;

function changes(before: MatchResult[], after: MatchResult[]) {
  return after.filter((a) => before.find((b) => b.rule.id === a.rule.id)?.status !== a.status).map((a) => ({ after: a, before: before.find((b) => b.rule.id === a.rule.id)! }));
}

export function registerMatchingPages(app: FastifyInstance, deps: PageDeps, search: SearchService, book: RuleBook): void {
  registerPage(app, deps, routes.policiesForMe, ({ lang, store, query }) => {
    const { facts, errors, answered } = profileFacts(query, store, search, lang);
    const match = facts ? matchPolicies(book, store, facts) : null;
    // Before anything is answered (or when an answer is invalid) the questions come from an empty profile.
    const open = match?.nextQuestions ?? matchPolicies(book, store, {}).nextQuestions;
    const ask = questionsToAsk(lang, errors, open);
    const whatIfFact = typeof query.whatif_fact === 'string' && (WHAT_IF_FACTS as readonly string[]).includes(query.whatif_fact) ? query.whatif_fact : null;
    const whatIfValue = typeof query.whatif_value === 'string' ? query.whatif_value.trim() : '';
    let whatIf: ReturnType<typeof changes> | null = null;
    if (match && whatIfFact && whatIfValue) {
      const alt = profileFacts({ ...query, [whatIfFact]: whatIfValue }, store, search, lang);
      if (alt.facts) whatIf = changes(match.results, matchPolicies(book, store, alt.facts).results);
    }
    const applies = match?.results.filter((r) => r.status === 'applies').length ?? 0;
    const may = match?.results.filter((r) => r.status === 'may_apply').length ?? 0;
    return {
      title: t(lang, 'match.title'),
      description: t(lang, 'match.lead'),
      section: 'nav.policies',
      status: errors.length ? 400 : 200,
      crumbs: [{ label: t(lang, 'policies.title'), href: urls.policies(lang) }, { label: t(lang, 'match.title') }],
      sources: book.rules.flatMap((r) => r.sources).slice(0, 20),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'match.title')} lead={t(lang, 'match.lead')} />
          {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
          {match && answered && (
            <Section id="results" title={t(lang, 'match.resultsTitle')}>
              <p class="result-count" role="status">
                {t(lang, 'match.summary', { applies, may })}
              </p>
              <NextQuestions questions={match.nextQuestions} lang={lang} />
              <MatchResults results={match.results} store={store} lang={lang} />
              <NotApplying results={match.results} store={store} lang={lang} />
              <WhatIfForm lang={lang} query={query} />
              {whatIf && (
                <div class="panel what-if" role="status">
                  <h3>{t(lang, 'match.whatIfResult', { count: whatIf.length })}</h3>
                  <ul>
                    {whatIf.map(({ before, after }) => (
                      <li>
                        <a href={urls.policy(lang, after.rule.policy)}>{store.get('policies', after.rule.policy)![lang].title}</a>: {t(lang, `match.status.${before.status}`)} → <strong>{t(lang, `match.status.${after.status}`)}</strong>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </Section>
          )}
          <Section id="questionnaire" title={t(lang, answered ? 'match.refine' : 'match.start')}>
            <ProfileForm lang={lang} store={store} query={query} action={urls.policiesForMe(lang)} ask={ask} submitLabel={t(lang, 'match.submit')} />
          </Section>
        </>
      ),
    };
  });
}

function WhatIfForm({ lang, query }: { lang: Lang; query: Query }) {
  const profile = profileFromQuery(query);
  return (
    <form class="filter-form what-if-form" method="get" action={urls.policiesForMe(lang)} aria-label={t(lang, 'match.whatIf')}>
      {Object.entries(profile).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => <input type="hidden" name={key} value={v} />))}
      <div class="field">
        <label for="whatif_fact">{t(lang, 'match.whatIf')}</label>
        <select id="whatif_fact" name="whatif_fact">
          {WHAT_IF_FACTS.map((f) => (
            <option value={f} selected={query.whatif_fact === f}>
              {t(lang, `profile.label.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="whatif_value">{t(lang, 'match.whatIfValue')}</label>
        <input id="whatif_value" name="whatif_value" value={typeof query.whatif_value === 'string' ? query.whatif_value : ''} maxLength={60} />
      </div>
      <button type="submit" class="button button--secondary">
        {t(lang, 'match.whatIfSubmit')}
      </button>
    </form>
  );
}
