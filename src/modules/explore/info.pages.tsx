/** Life in Beijing, the glossary and the about page. */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { PageHeader, Section, local } from '../../platform/views/components.js';
import { LIFE_CATEGORIES, ProcedureGroups } from '../procedures/index.js';

export function registerInfoPages(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.life, ({ lang, store }) => {
    const articles = store.articles.filter((a) => a.section === 'life');
    return {
      title: t(lang, 'life.title'),
      description: t(lang, 'life.lead'),
      section: 'nav.life',
      crumbs: [{ label: t(lang, 'life.title') }],
      sources: store.procedures.filter((p) => LIFE_CATEGORIES.includes(p.category)).flatMap((p) => p.sources),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'life.title')} lead={t(lang, 'life.lead')} />
          <ProcedureGroups lang={lang} store={store} categories={LIFE_CATEGORIES} />
          {articles.length > 0 && (
            <Section id="more" title={t(lang, 'life.more')}>
              <ul class="link-list">
                {articles.map((a) => (
                  <li>
                    <a href={urls.article(lang, a.section, a.id)}>{local(a, lang).title}</a>
                  </li>
                ))}
              </ul>
            </Section>
          )}
        </>
      ),
    };
  });

  registerPage(app, deps, routes.glossary, ({ lang, store }) => {
    const terms = [...store.glossary].sort((a, b) => local(a, lang).term.localeCompare(local(b, lang).term, lang === 'zh' ? 'zh-CN' : 'en'));
    return {
      title: t(lang, 'glossary.title'),
      description: t(lang, 'glossary.lead'),
      crumbs: [{ label: t(lang, 'glossary.title') }],
      sources: terms.flatMap((g) => g.sources),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'glossary.title')} lead={t(lang, 'glossary.lead')} />
          <dl class="glossary">
            {terms.map((g) => (
              <div class="glossary__entry" id={g.id}>
                <dt>
                  {local(g, lang).term} <span class="muted" lang={lang === 'en' ? 'zh-CN' : 'en'}>{local(g, lang === 'en' ? 'zh' : 'en').term}</span>
                </dt>
                <dd>{local(g, lang).definition}</dd>
              </div>
            ))}
          </dl>
        </>
      ),
    };
  });

  registerPage(app, deps, routes.about, ({ lang, store }) => ({
    title: t(lang, 'about.title'),
    crumbs: [{ label: t(lang, 'about.title') }],
    body: (
      <>
        <PageHeader lang={lang} title={t(lang, 'about.title')} lead={t(lang, 'about.lead')} />
        <div class="prose">
          <p>{t(lang, 'about.sources')}</p>
          <p>{t(lang, 'about.translation')}</p>
          <p>{t(lang, 'about.version', { version: store.version })}</p>
          <p>
            <a href={urls.apiDocs()}>{tPlatform(lang, 'footer.api')}</a>
          </p>
        </div>
      </>
    ),
  }));
}
