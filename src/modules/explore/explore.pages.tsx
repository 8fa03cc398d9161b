/** Experience Beijing: the overview, statistics with charts, and the guide's narrative articles. */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { Card, CardGrid, PageHeader, Section, local } from '../../platform/views/components.js';
import { ARTICLE_SECTIONS } from '../content/index.js';
import { ArticleBody } from './article.view.js';
import { StatisticGroups } from './statistics.view.js';

/** Sections shown on the Beijing overview page; the business environment and news are linked from there too. */
const OVERVIEW_SECTIONS = ARTICLE_SECTIONS.filter((s) => s !== 'life' && s !== 'two-zones');

export function registerExplorePages(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.overview, ({ lang, store }) => ({
    title: t(lang, 'overview.title'),
    description: t(lang, 'overview.lead'),
    section: 'nav.beijing',
    crumbs: [{ label: t(lang, 'overview.title') }],
    sources: store.articles.flatMap((a) => a.sources.slice(0, 1)),
    body: (
      <>
        <PageHeader lang={lang} title={t(lang, 'overview.title')} lead={t(lang, 'overview.lead')} />
        <p>
          <a class="button" href={urls.statistics(lang)}>
            {t(lang, 'overview.seeStatistics', { count: store.statistics.length })}
          </a>
        </p>
        {OVERVIEW_SECTIONS.map((section) => {
          const articles = store.articles.filter((a) => a.section === section).sort((a, b) => a.order - b.order);
          if (articles.length === 0) return null;
          return (
            <Section id={section} title={t(lang, `articles.section.${section}`)}>
              <CardGrid>
                {articles.map((a) => (
                  <Card href={urls.article(lang, a.section, a.id)} title={local(a, lang).title} meta={a.date}>
                    {local(a, lang).summary && <p>{local(a, lang).summary}</p>}
                  </Card>
                ))}
              </CardGrid>
            </Section>
          );
        })}
      </>
    ),
  }));

  registerPage(app, deps, routes.statistics, ({ lang, store }) => ({
    title: t(lang, 'statistics.title'),
    description: t(lang, 'statistics.lead'),
    section: 'nav.beijing',
    crumbs: [{ label: t(lang, 'overview.title'), href: urls.overview(lang) }, { label: t(lang, 'statistics.title') }],
    sources: store.statistics.flatMap((s) => s.sources),
    body: (
      <>
        <PageHeader lang={lang} title={t(lang, 'statistics.title')} lead={t(lang, 'statistics.lead')} />
        {lang === 'zh' && <p class="tag tag--unofficial">{tPlatform(lang, 'translation.unofficial')}</p>}
        <StatisticGroups lang={lang} stats={store.statistics} />
      </>
    ),
  }));

  registerPage(app, deps, routes.article, ({ lang, store, params }) => {
    const article = store.get('articles', params.id);
    if (!article || article.section !== params.section) return null;
    const text = local(article, lang);
    const siblings = store.articles.filter((a) => a.section === article.section && a.id !== article.id).sort((a, b) => a.order - b.order);
    return {
      title: text.title,
      description: text.summary,
      section: article.section === 'life' ? 'nav.life' : 'nav.beijing',
      crumbs: [{ label: t(lang, 'overview.title'), href: urls.overview(lang) }, { label: text.title }],
      sources: article.sources,
      verified: article.last_verified,
      body: (
        <>
          <PageHeader lang={lang} title={text.title} lead={text.summary} translation={article.zh_translation} kicker={t(lang, `articles.section.${article.section}`)} />
          {article.date && <p class="muted">{article.date}</p>}
          <ArticleBody article={article} lang={lang} />
          {siblings.length > 0 && (
            <Section id="more" title={t(lang, 'articles.more', { section: t(lang, `articles.section.${article.section}`) })}>
              <ul class="link-list">
                {siblings.map((a) => (
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
}
