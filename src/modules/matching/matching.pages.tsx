/** /:lang/policies-for-me: the questionnaire, the policies that apply and why, and "what if" one answer changes. */
import type { FastifyInstance } from 'fastify';
import { t, type Lang } from '../../platform/i18n/i18n.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { formatDay, PageHeader, Section, truncate } from '../../platform/views/components.js';
import { ErrorSummary, type FieldError } from '../../platform/views/forms.js';
import type { ContentStore } from '../content/index.js';
import type { SearchService } from '../search/index.js';
import type { Facts } from './evaluate.js';
import { matchPolicies, type MatchResult } from './match.js';
import { ProfileValueError, profileSchema, understandProfile } from './profile.js';
import { ruleBookOf } from './rule-book.js';
import { MatchResults, NextQuestions, NotApplying } from './views/match-results.js';
import { ProfileForm, profileFromQuery } from './views/profile-form.js';
import { whatIfChange, WhatIfForms } from './views/what-if.js';
import { questionsToAsk } from './questions-to-ask.js';
import { FACT_NAMES } from '../content/index.js';
import { type Query } from '../../platform/http/query.js';


/** The query parameters of the questionnaire pages: every fact the rules know, and the "what if" forms. */
export const PROFILE_QUERY: readonly string[] = [...FACT_NAMES, 'whatif', 'whatif_capital', 'whatif_fact', 'whatif_value'];

/**
 * Parses the questionnaire from a query: facts, or the errors to show in the visitor's language. `known` holds the
 * facts of the valid answers even when some answer is wrong, so the questions asked next skip what was answered.
 */
export function profileFacts(query: Query, store: ContentStore, search: SearchService, lang: Lang): { facts: Facts | null; known: Facts; errors: FieldError[]; answered: boolean } {
  const raw = profileFromQuery(query);
  const answered = Object.keys(raw).length > 0;
  const errorOf = (field: string): FieldError => ({ field: `field-${field}`, message: t(lang, 'profile.error', { field: t(lang, `profile.label.${field}`) }) });
  const understood = (input: Record<string, string | string[]>): Facts | FieldError => {
    const parsed = profileSchema.safeParse(input);
    if (!parsed.success) return errorOf(String(parsed.error.issues[0].path[0]));
    try {
      return understandProfile(parsed.data, store, search.current).facts;
    } catch (error) {
      if (error instanceof ProfileValueError) return errorOf(error.field);
      throw error;
    }
  };
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) {
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
    const rest = understood(Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key))));
    return { facts: null, known: 'message' in rest ? {} : rest, answered, errors: [...bad].map(errorOf) };
  }
  const facts = understood(raw);
  if ('message' in facts) return { facts: null, known: {}, answered, errors: [facts] };
  return { facts, known: facts, errors: [], answered };
}

function changes(before: MatchResult[], after: MatchResult[]) {
  return after.filter((a) => before.find((b) => b.rule.id === a.rule.id)?.status !== a.status).map((a) => ({ after: a, before: before.find((b) => b.rule.id === a.rule.id)! }));
}

export function registerMatchingPages(app: FastifyInstance, deps: PageDeps, search: SearchService): void {
  registerPage(app, deps, routes.policiesForMe, ({ lang, store, query, today }) => {
    const { facts, known, errors, answered } = profileFacts(query, store, search, lang);
    const book = ruleBookOf(store);
    // Today in Beijing decides which rules are in force; the plan passes the same date for the same answers.
    const match = facts ? matchPolicies(book, store, facts, today) : null;
    // When an answer is invalid the questions come from the valid answers (none answered: an empty profile).
    const open = match?.nextQuestions ?? matchPolicies(book, store, known, today).nextQuestions;
    const ask = questionsToAsk(lang, errors, open);
    const change = match ? whatIfChange(query, lang, store) : null;
    let whatIf: ReturnType<typeof changes> | null = null;
    if (match && change) {
      const alt = profileFacts(change.query, store, search, lang);
      if (alt.facts) whatIf = changes(match.results, matchPolicies(book, store, alt.facts, today).results);
    }
    const applies = match?.results.filter((r) => r.status === 'applies').length ?? 0;
    const may = match?.results.filter((r) => r.status === 'may_apply').length ?? 0;
    return {
      title: t(lang, 'match.title'),
      description: t(lang, 'match.lead'),
      section: 'nav.tool.policiesForMe',
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
              <p class="muted">{t(lang, 'match.inForceOn', { date: formatDay(today, lang) })}</p>
              <NextQuestions questions={match.nextQuestions} lang={lang} />
              <MatchResults results={match.results} store={store} lang={lang} />
              <NotApplying results={match.results} store={store} lang={lang} />
              <WhatIfForms lang={lang} store={store} query={query} action={urls.policiesForMe(lang)} />
              {whatIf && change && (
                <div class="panel what-if" role="status">
                  <h3>
                    {change.label} — {t(lang, 'match.whatIfResult', { count: whatIf.length })}
                  </h3>
                  <ul>
                    {whatIf.map(({ before, after }) => (
                      <li>
                        <a href={urls.policy(lang, after.rule.policy)}>{store.get('policies', after.rule.policy)![lang].title}</a> <span class="muted">({truncate(after.rule[lang].benefit, 90)})</span>: {t(lang, `match.status.${before.status}`)} → <strong>{t(lang, `match.status.${after.status}`)}</strong>
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
  }, { dependsOnDate: true, query: PROFILE_QUERY });
}
