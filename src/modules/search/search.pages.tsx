/** /:lang/search (one box for everything) and /:lang/ask (questions answered with citations). */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { PageHeader, Pagination } from '../../platform/views/components.js';
import type { ContentStore } from '../content/index.js';
import { isSearchType, type SearchType } from './search-units.js';
import { ContactCard } from '../directory/index.js';
import { askOfficeText, serviceFormUrl } from '../cases/index.js';
import { answerQuestion } from './answers.js';
import type { SearchService } from './search.service.js';
import { ResultList } from './views/results.js';
import { fallbackContacts } from './fallback-contacts.js';
import { fieldNames, readForm } from '../../platform/http/form.js';
import { askForm, searchForm } from './search.form.js';

const PAGE_SIZE = 10;

function NextSteps({ lang }: { lang: Lang }) {
  return (
    <div class="panel next-steps">
      <h2>{t(lang, 'search.nextSteps')}</h2>
      <ul class="bullets">
        <li>{t(lang, 'search.tipFewer')}</li>
        <li>{t(lang, 'search.tipOtherLanguage')}</li>
        <li>
          <a href={urls.ask(lang)}>{t(lang, 'search.tipAsk')}</a>
        </li>
        <li>
          <a href={urls.policies(lang)}>{t(lang, 'search.tipPolicies')}</a> · <a href={urls.procedures(lang)}>{tPlatform(lang, 'nav.procedures')}</a> ·{' '}
          <a href={urls.directory(lang)}>{tPlatform(lang, 'nav.directory')}</a>
        </li>
      </ul>
    </div>
  );
}

function SearchForm({ lang, q, action, label, button }: { lang: Lang; q: string; action: string; label: string; button: string }) {
  return (
    <form class="search-form" method="get" action={action} role="search">
      <label for="search-q">{label}</label>
      <div class="search-form__row">
        <input id="search-q" name="q" type="search" value={q} maxLength={300} autocomplete="off" lang={lang === 'zh' ? 'zh-CN' : 'en'} />
        <button type="submit" class="button">
          {button}
        </button>
      </div>
    </form>
  );
}

export function registerSearchPages(app: FastifyInstance, deps: PageDeps, search: SearchService): void {
  registerPage(app, deps, routes.search, ({ lang, query }) => {
    const input = readForm(searchForm, query);
    const q = input.q ?? '';
    const requestedType = input.type ?? '';
    const type = isSearchType(requestedType) ? requestedType : undefined;
    const page = Math.max(1, Math.min(100, Number(input.page ?? '') || 1));
    const outcome = q ? search.current.search(q, { lang, type, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }) : null;
    const pages = outcome ? Math.ceil(outcome.total / PAGE_SIZE) : 0;
    return {
      title: q ? t(lang, 'search.titleFor', { q }) : tPlatform(lang, 'search.title'),
      section: undefined,
      crumbs: [{ label: tPlatform(lang, 'search.title') }],
      sources: outcome?.hits.map((h) => h.unit.source) ?? [],
      body: (
        <>
          <PageHeader lang={lang} title={tPlatform(lang, 'search.title')} lead={t(lang, 'search.lead')} />
          <SearchForm lang={lang} q={q} action={urls.search(lang)} label={tPlatform(lang, 'search.label')} button={tPlatform(lang, 'search.button')} />
          {outcome?.didYouMean && (
            <p class="did-you-mean">
              {t(lang, 'search.didYouMean')} <a href={urls.search(lang, { q: outcome.didYouMean })}>{outcome.didYouMean}</a>
            </p>
          )}
          {!q && <NextSteps lang={lang} />}
          {outcome && (
            <div class="search-layout">
              {/* On small screens the filters fold under one line, so the first result is in view without script. */}
              <details class="type-filter-box">
                <summary class="type-filter__toggle">{t(lang, 'search.filterSummary', { current: type ? t(lang, `search.type.${type}`) : t(lang, 'search.allTypes') })}</summary>
              <nav class="type-filter" aria-label={t(lang, 'search.filterByType')}>
                <ul>
                  <li>
                    <a href={urls.search(lang, { q })} aria-current={!type ? 'page' : undefined}>
                      {t(lang, 'search.allTypes')}
                    </a>
                  </li>
                  {(Object.entries(outcome.countsByType) as [SearchType, number][]).map(([kind, count]) => (
                    <li>
                      <a href={urls.search(lang, { q, type: kind })} aria-current={type === kind ? 'page' : undefined}>
                        {t(lang, `search.type.${kind}`)} ({count})
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
              </details>
              <div>
                <p class="result-count" role="status">
                  {t(lang, 'search.count', { count: outcome.total })}
                </p>
                {outcome.total === 0 ? <NextSteps lang={lang} /> : <ResultList hits={outcome.hits} lang={lang} />}
                <Pagination lang={lang} page={page} pages={pages} hrefFor={(n) => urls.search(lang, { q, type, page: n })} />
              </div>
            </div>
          )}
        </>
      ),
    };
  }, { query: fieldNames(searchForm) });

  registerPage(app, deps, routes.ask, ({ lang, store, query }) => {
    const q = readForm(askForm, query).q ?? '';
    // A question asked in Chinese on the English page is answered in Chinese (its words are compared with the Chinese
    // text); the answer is marked as Chinese for screen readers.
    const answerLang: Lang = lang === 'en' && /\p{Script=Han}/u.test(q) && !/[A-Za-z]{3}/.test(q) ? 'zh' : lang;
    const answer = q.length >= 2 ? answerQuestion(search.current, store, q, answerLang) : null;
    return {
      title: q ? t(lang, 'ask.titleFor', { q }) : tPlatform(lang, 'ask.title'),
      crumbs: [{ label: tPlatform(lang, 'ask.title') }],
      sources: answer ? [...(answer.card ? [answer.card.source] : []), ...answer.passages.map((h) => h.unit.source)] : [],
      body: (
        <>
          <PageHeader lang={lang} title={tPlatform(lang, 'ask.title')} lead={t(lang, 'ask.lead')} />
          <SearchForm lang={lang} q={q} action={urls.ask(lang)} label={t(lang, 'ask.label')} button={t(lang, 'ask.button')} />
          {!q && <p class="muted">{t(lang, 'ask.examples')}</p>}
          {answer && !answer.card && !answer.noAnswer && answer.intents.length > 0 && (
            <p class="panel notice" role="status">
              {t(lang, 'ask.notStated')} <a href="#contacts-h">{t(lang, 'ask.askOffice')}</a> ·{' '}
              <a href={serviceFormUrl(lang, store, { kind: 'inquiry', subject: q })}>{askOfficeText(lang)}</a>
            </p>
          )}
          <div lang={answerLang === lang ? undefined : 'zh-CN'}>
            {answer?.card && (
              <section class="answer-card" aria-labelledby="answer-h">
                <h2 id="answer-h">{t(answerLang, 'ask.answer')}</h2>
                <p class="answer-card__sentence">{answer.card.sentence}</p>
                {answer.card.rows && (
                  <ul class="answer-card__rows">
                    {answer.card.rows.map((row) => (
                      <li>
                        <strong>{row.label}</strong>: {row.value}
                      </li>
                    ))}
                  </ul>
                )}
                <p class="answer-card__source">
                  <a href={answer.card.url}>{t(answerLang, 'ask.seeSource')}</a>
                  {answer.card.source.url && (
                    <>
                      {' · '}
                      <a href={answer.card.source.url} rel="noopener">
                        {tPlatform(answerLang, 'sources.official')}
                      </a>
                    </>
                  )}
                </p>
              </section>
            )}
            {answer && answer.passages.length > 0 && (
              <section class="section" aria-labelledby="passages-h">
                <h2 id="passages-h">{t(answerLang, answer.card ? 'ask.morePassages' : 'ask.passages')}</h2>
                <ResultList hits={answer.passages} lang={answerLang} />
              </section>
            )}
          </div>
          {answer && (answer.noAnswer || !answer.card) && <AskSomeone lang={lang} store={store} q={q} found={!answer.noAnswer} />}
        </>
      ),
    };
  }, { query: fieldNames(askForm) });
}

function AskSomeone({ lang, store, q, found }: { lang: Lang; store: ContentStore; q: string; found: boolean }) {
  return (
    <section class="section" aria-labelledby="contacts-h">
      <h2 id="contacts-h">{t(lang, found ? 'ask.notSure' : 'ask.noAnswer')}</h2>
      <p>
        <a href={serviceFormUrl(lang, store, { kind: 'inquiry', subject: q })}>{askOfficeText(lang)}</a>
      </p>
      <p>{t(lang, 'ask.contactsLead')}</p>
      <ul class="contact-grid">
        {fallbackContacts(store, q).map((c) => (
          <ContactCard contact={c} lang={lang} />
        ))}
      </ul>
    </section>
  );
}
