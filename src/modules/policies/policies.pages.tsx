/** Policies: the guide's policy list by section, and one page per policy with its links, interpretations and parts. */
import type { FastifyInstance } from 'fastify';
import { t } from '../../platform/i18n/i18n.js';
import { registerPage, type PageDeps } from '../../platform/http/pages.js';
import { routes, urls } from '../../platform/http/urls.js';
import { Empty, ExternalLink, Facts, PageHeader, Section, bi, local } from '../../platform/views/components.js';
import { ErrorSummary } from '../../platform/views/forms.js';
import { POLICY_CATEGORIES } from '../content/index.js';
import { filterPolicies, parsePolicyFilter } from './policies.filter.js';
import { PolicyParts } from './policy-parts.js';

export function registerPolicyPages(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.policies, ({ lang, store, query }) => {
    const { filter, errors } = parsePolicyFilter(query, lang);
    const policies = filterPolicies(store, filter);
    return {
      title: t(lang, 'policies.title'),
      description: t(lang, 'policies.lead'),
      section: 'nav.policies',
      status: errors.length ? 400 : 200,
      crumbs: [{ label: t(lang, 'policies.title') }],
      sources: policies.slice(0, 1).flatMap((p) => p.sources.slice(0, 1)),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'policies.title')} lead={t(lang, 'policies.lead')} />
          {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
          <form class="filter-form" method="get" action={urls.policies(lang)} role="search" aria-label={t(lang, 'policies.filterLabel')}>
            <div class="field">
              <label for="category">{t(lang, 'policies.category')}</label>
              <select id="category" name="category">
                <option value="">{t(lang, 'policies.allCategories')}</option>
                {POLICY_CATEGORIES.map((c) => (
                  <option value={c} selected={c === filter.category}>
                    {t(lang, `policies.category.${c}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="q">{t(lang, 'projects.words')}</label>
              <input id="q" name="q" type="search" value={filter.q ?? ''} maxLength={100} />
            </div>
            <button type="submit" class="button">
              {t(lang, 'projects.apply')}
            </button>
          </form>
          <p class="result-count" role="status">
            {t(lang, 'policies.count', { count: policies.length })}
          </p>
          {policies.length === 0 && <Empty>{t(lang, 'policies.none')}</Empty>}
          {POLICY_CATEGORIES.map((category) => {
            const list = policies.filter((p) => p.category === category);
            if (list.length === 0) return null;
            return (
              <Section id={category} title={t(lang, `policies.category.${category}`)}>
                <ul class="policy-list">
                  {list.map((p) => (
                    <li>
                      <a href={urls.policy(lang, p.id)}>{local(p, lang).title}</a>
                      <span class="muted">
                        {' '}
                        {[lang === 'zh' ? p.doc_number_zh ?? p.doc_number : p.doc_number, p.date].filter(Boolean).join(' · ')}
                      </span>
                    </li>
                  ))}
                </ul>
              </Section>
            );
          })}
        </>
      ),
    };
  });

  registerPage(app, deps, routes.policy, ({ lang, store, params }) => {
    const policy = store.get('policies', params.id);
    if (!policy) return null;
    const text = local(policy, lang);
    return {
      title: text.title,
      description: text.summary.slice(0, 200),
      section: 'nav.policies',
      crumbs: [{ label: t(lang, 'policies.title'), href: urls.policies(lang) }, { label: text.title }],
      sources: policy.sources,
      body: (
        <>
          <PageHeader lang={lang} title={text.title} translation={policy.zh_translation} kicker={t(lang, `policies.category.${policy.category}`)} />
          <div class="two-col">
            <div class="prose">
              {text.summary.split('\n').map((para) => (
                <p>{para}</p>
              ))}
            </div>
            <aside class="panel" aria-label={t(lang, 'policies.details')}>
              <h2>{t(lang, 'policies.details')}</h2>
              <Facts
                rows={[
                  [t(lang, 'policies.docNumber'), policy.doc_number],
                  [t(lang, 'policies.docNumberZh'), policy.doc_number_zh],
                  [t(lang, 'policies.issuer'), bi(policy.issuer, lang) || undefined],
                  [t(lang, 'policies.date'), policy.date],
                  [t(lang, 'policies.level'), t(lang, `policies.level.${policy.level}`)],
                  [t(lang, 'policies.official'), policy.url ? <ExternalLink href={policy.url}>{t(lang, 'policies.readOfficial')}</ExternalLink> : undefined],
                ]}
              />
              {lang === 'en' && <p class="muted">{local(policy, 'zh').title}</p>}
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
        </>
      ),
    };
  });
}
