/** /:lang/policies-for-me: the questionnaire, the policies that apply and why, and "what if" one answer changes. */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { tPolicies } from '../policies/index.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { formatDay, PageHeader, Section, truncate } from '../../platform/views/components.js';
import { ErrorSummary } from '../../platform/views/forms.js';
import type { SearchService } from '../search/index.js';
import { matchPolicies, type MatchResult } from './match.js';
import { PROFILE_QUERY, profileFacts, profileFromQuery } from './profile.form.js';
import { ruleBookOf } from './rule-book.js';
import { MatchResults, NextQuestions, NotApplying } from './views/match-results.js';
import { ProfileForm } from './views/profile-form.js';
import { AlertSubscribeForm } from './views/alert-subscribe.js';
import { whatIfChange, WhatIfForms } from './views/what-if.js';
import { questionsToAsk } from './questions-to-ask.js';


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
      title: tPlatform(lang, 'match.title'),
      description: t(lang, 'match.lead'),
      section: 'nav.tool.policiesForMe',
      status: errors.length ? 400 : 200,
      crumbs: [{ label: tPolicies(lang, 'policies.title'), href: urls.policies(lang) }, { label: tPlatform(lang, 'match.title') }],
      sources: book.rules.flatMap((r) => r.sources).slice(0, 20),
      body: (
        <>
          <PageHeader lang={lang} title={tPlatform(lang, 'match.title')} lead={t(lang, 'match.lead')} />
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
              <AlertSubscribeForm lang={lang} origin="policies-for-me" profile={profileFromQuery(query)} headingLevel={3} />
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
