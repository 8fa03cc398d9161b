/** Policies: the faceted policy library, and one page per policy with its links, parts, relations and references. */
import type { FastifyInstance } from 'fastify';
import { t } from './messages.js';
import { tSearch } from '../search/index.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { Empty, ExternalLink, Facts, PageHeader, Pagination, Section, bi, local } from '../../platform/views/components.js';
import { DataNote, civilDateText } from '../../platform/views/sources.js';
import type { ContentStore } from '../content/index.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { todayInBeijing } from '../../platform/clock.js';
import { ErrorSummary } from '../../platform/views/forms.js';
import type { SearchService } from '../search/index.js';
import { FACETS, parsePolicyQuery, policyQueryString, runPolicyQuery } from './policies.filter.js';
import { PolicyFacetForm, SelectedFilters, facetLabel } from './policy-facets.js';
import { PolicyConditions } from './policy-conditions.js';
import { PolicyParts } from './policy-parts.js';
import { policyReferences, relatedPolicies } from './policy-relations.js';
import { ServiceLineLink, serviceFormUrl } from '../cases/index.js';

const PAGE_SIZE = 20;

export function registerPolicyPages(app: FastifyInstance, deps: PageDeps, search: SearchService): void {
  registerPage(app, deps, routes.policies, ({ lang, store, query: raw }) => {
    const { query, errors } = parsePolicyQuery(raw, store, lang);
    let relevance: Map<string, number> | undefined;
    if (query.q) {
      relevance = new Map();
      for (const hit of search.current.search(query.q, { lang, type: 'policies', limit: 500, perItem: 1 }).hits) relevance.set(hit.unit.id, hit.score);
    }
    const results = runPolicyQuery(store, query, relevance);
    const pages = Math.max(1, Math.ceil(results.policies.length / PAGE_SIZE));
    const shown = results.policies.slice((query.page - 1) * PAGE_SIZE, query.page * PAGE_SIZE);
    const topic = query.selected.topic.length === 1 ? query.selected.topic[0] : undefined;
    return {
      title: t(lang, 'policies.title'),
      description: t(lang, 'policies.lead'),
      section: 'nav.policies',
      status: errors.length ? 400 : 200,
      crumbs: [{ label: t(lang, 'policies.title') }],
      sources: shown.flatMap((p) => p.sources.slice(0, 1)),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'policies.title')} lead={t(lang, 'policies.lead')} />
          {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
          <div class="library">
            <PolicyFacetForm lang={lang} store={store} query={query} results={results} />
            <div>
              <SelectedFilters lang={lang} store={store} query={query} />
              <p class="result-count" role="status">
                {t(lang, 'policies.count', { count: results.policies.length })}
              </p>
              {results.policies.length === 0 && <Empty>{t(lang, 'policies.none')}</Empty>}
              <ul class="policy-list">
                {shown.map((p) => (
                  <li class="policy-item">
                    <h2 class="policy-item__title">
                      <a href={urls.policy(lang, p.id)}>{local(p, lang).title}</a>
                    </h2>
                    <p class="muted">
                      {[lang === 'zh' ? p.doc_number_zh : p.doc_number, bi(p.issuer, lang), p.date, t(lang, `policies.level.${p.level}`)].filter(Boolean).join(' · ')}
                    </p>
                    <p class="policy-item__tags">{facetLabel(store, 'category', p.category, lang)}</p>
                  </li>
                ))}
              </ul>
              <Pagination lang={lang} page={query.page} pages={pages} hrefFor={(n) => urls.policies(lang) + policyQueryString(query, { page: n })} />
              <p class="feed-link">
                <a href={urls.policyFeed(lang, topic)} type="application/atom+xml">
                  {topic ? t(lang, 'policies.feedTopic', { topic: facetLabel(store, 'topic', topic, lang) }) : t(lang, 'policies.feed')}
                </a>
              </p>
            </div>
          </div>
        </>
      ),
    };
  }, { query: [...FACETS, 'q', 'sort', 'page'] });

  registerPage(app, deps, routes.policy, ({ lang, store, params }) => {
    const policy = store.get('policies', params.id);
    if (!policy) return withdrawnPolicyPage(store, params.id, lang);
    const text = local(policy, lang);
    const related = relatedPolicies(store, policy);
    const references = policyReferences(search.current, policy);
    return {
      title: text.title,
      description: text.summary.slice(0, 200),
      section: 'nav.policies',
      crumbs: [{ label: t(lang, 'policies.title'), href: urls.policies(lang) }, { label: text.title }],
      sources: policy.sources,
      verified: policy.last_verified,
      body: (
        <>
          <PageHeader lang={lang} title={text.title} translation={policy.zh_translation} kicker={t(lang, `policies.category.${policy.category}`)} />
          <div class="two-col">
            <div class="prose">
              {text.summary.split('\n').map((para) => (
                <p>{para}</p>
              ))}
              <DataNote note={policy.data_note} lang={lang} />
              <PolicyConditions rules={store.all('rules').filter((r) => r.policy === policy.id)} lang={lang} />
            </div>
            <aside class="panel" aria-label={t(lang, 'policies.details')}>
              <h2>{t(lang, 'policies.details')}</h2>
              <Facts
                rows={[
                  [t(lang, 'policies.docNumber'), lang === 'en' || !policy.doc_number_zh ? policy.doc_number && <span lang="en">{policy.doc_number}</span> : undefined],
                  [t(lang, 'policies.docNumberZh'), policy.doc_number_zh && <span lang="zh-CN">{policy.doc_number_zh}</span>],
                  [t(lang, 'policies.issuer'), bi(policy.issuer, lang) || undefined],
                  [t(lang, policy.published ? 'policies.issued' : 'policies.date'), policy.date],
                  [t(lang, 'policies.published'), policy.published],
                  [t(lang, 'policies.level'), t(lang, `policies.level.${policy.level}`)],
                  [t(lang, 'policies.facet.audience'), policy.audiences.map((a) => facetLabel(store, 'audience', a, lang)).join(lang === 'zh' ? '、' : ', ') || undefined],
                  [
                    t(lang, 'policies.facet.topic'),
                    policy.topics.length ? (
                      <ul class="link-list link-list--inline">
                        {policy.topics.map((topic) => (
                          <li>
                            <a href={`${urls.policies(lang)}?topic=${encodeURIComponent(topic)}`}>{facetLabel(store, 'topic', topic, lang)}</a>
                          </li>
                        ))}
                      </ul>
                    ) : undefined,
                  ],
                  [t(lang, 'policies.official'), policy.url ? <ExternalLink href={policy.url}>{t(lang, 'policies.readOfficial')}</ExternalLink> : undefined],
                ]}
              />
              {lang === 'en' && <p class="muted" lang="zh-CN">{policy.zh.title}</p>}
            </aside>
          </div>
          {policy.interpretations.length > 0 && (
            <Section id="interpretations" title={t(lang, 'policies.interpretations')}>
              <ul class="link-list">
                {policy.interpretations.map((i) => (
                  <li>{i.url ? <ExternalLink href={i.url}>{i[lang].title}</ExternalLink> : i[lang].title}</li>
                ))}
              </ul>
            </Section>
          )}
          <PolicyParts policy={policy} lang={lang} />
          {policy.industries.length > 0 && (
            <Section id="industries" title={t(lang, 'policies.industries')}>
              <ul class="link-list link-list--inline">
                {policy.industries.map((id) => (
                  <li>
                    <a href={urls.industry(lang, id)}>{facetLabel(store, 'industry', id, lang)}</a>
                  </li>
                ))}
              </ul>
            </Section>
          )}
          {related.length > 0 && (
            <Section id="related" title={t(lang, 'policies.related')}>
              <ul class="link-list">
                {related.map((p) => (
                  <li>
                    <a href={urls.policy(lang, p.id)}>{local(p, lang).title}</a>
                    {p.date && <span class="muted"> · {p.date}</span>}
                  </li>
                ))}
              </ul>
            </Section>
          )}
          {references.length > 0 && (
            <Section id="references" title={t(lang, 'policies.references')}>
              <ul class="link-list">
                {references.map((r) => (
                  <li>
                    <a href={r.url[lang]}>{r.title[lang]}</a> <span class="muted">— {tSearch(lang, `search.type.${r.type}`)}</span>
                  </li>
                ))}
              </ul>
            </Section>
          )}
          <ServiceLineLink lang={lang} place="policy" href={serviceFormUrl(lang, store, { policyCategory: policy.category, subject: text.title })} />
        </>
      ),
    };
  });
}

/**
 * A policy that expired or was withdrawn by the editors: 410 Gone with what it was and when it left, so a link from a
 * feed, an alert e-mail or a search engine explains itself instead of ending in "not found". Unknown ids stay 404.
 */
function withdrawnPolicyPage(store: ContentStore, id: string, lang: Lang) {
  const gone = store.withdrawn('policies', id);
  if (!gone) return null;
  const title = gone.last ? local(gone.last, lang).title : id;
  const date = civilDateText(todayInBeijing(gone.withdrawnAt), lang);
  return {
    status: 410,
    title,
    section: 'nav.policies',
    crumbs: [{ label: t(lang, 'policies.title'), href: urls.policies(lang) }, { label: title }],
    body: (
      <>
        <PageHeader lang={lang} title={title} kicker={t(lang, 'policies.withdrawn.kicker')} />
        <p>{t(lang, 'policies.withdrawn.text', { date })}</p>
        <p>
          <a href={urls.policies(lang)}>{t(lang, 'policies.withdrawn.library')}</a>
        </p>
      </>
    ),
  };
}
