/** Industries: the list by category and one page per industry with advantages, key areas and layout. */
import type { FastifyInstance } from 'fastify';
import { t } from './messages.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { urls, routes } from '../../platform/http/urls.js';
import { Bullets, Card, CardGrid, PageHeader, Section, local } from '../../platform/views/components.js';
import type { Industry } from '../content/index.js';

const CATEGORIES: Industry['category'][] = ['hpa', 'modern_service', 'cultural'];

export function registerIndustryPages(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.industries, ({ lang, store }) => {
    const industries = store.all('industries');
    return {
      title: t(lang, 'industries.title'),
      description: t(lang, 'industries.lead'),
      section: 'nav.industries',
      crumbs: [{ label: t(lang, 'industries.title') }],
      sources: industries.flatMap((i) => i.sources),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'industries.title')} lead={t(lang, 'industries.lead')} />
          {CATEGORIES.map((category) => {
            const list = industries.filter((i) => i.category === category);
            if (list.length === 0) return null;
            return (
              <Section id={category} title={t(lang, `industries.category.${category}`)}>
                <CardGrid>
                  {list.map((industry) => (
                    <Card href={urls.industry(lang, industry.id)} title={local(industry, lang).name}>
                      <p>{local(industry, lang).summary ?? local(industry, lang).key_areas.slice(0, 3).join(lang === 'zh' ? '；' : '; ')}</p>
                    </Card>
                  ))}
                </CardGrid>
              </Section>
            );
          })}
        </>
      ),
    };
  });

  registerPage(app, deps, routes.industry, ({ lang, store, params }) => {
    const industry = store.get('industries', params.id);
    if (!industry) return null;
    const text = local(industry, lang);
    const districts = industry.districts.map((id) => store.get('districts', id)).filter((d) => d !== undefined);
    const parks = industry.parks.map((id) => store.get('parks', id)).filter((p) => p !== undefined);
    return {
      title: text.name,
      description: text.summary,
      section: 'nav.industries',
      crumbs: [{ label: t(lang, 'industries.title'), href: urls.industries(lang) }, { label: text.name }],
      sources: industry.sources,
      verified: industry.last_verified,
      body: (
        <>
          <PageHeader lang={lang} title={text.name} lead={text.summary} translation={industry.zh_translation} kicker={t(lang, `industries.category.${industry.category}`)} />
          {text.advantages.length > 0 && (
            <Section id="advantages" title={t(lang, 'industries.advantages')}>
              <Bullets items={text.advantages} />
            </Section>
          )}
          {text.key_areas.length > 0 && (
            <Section id="key-areas" title={t(lang, 'industries.keyAreas')}>
              <Bullets items={text.key_areas} />
            </Section>
          )}
          {text.key_layout.length > 0 && (
            <Section id="key-layout" title={t(lang, 'industries.keyLayout')}>
              <Bullets items={text.key_layout} />
            </Section>
          )}
          {(districts.length > 0 || parks.length > 0) && (
            <Section id="where" title={t(lang, 'industries.where')}>
              <ul class="link-list">
                {districts.map((d) => (
                  <li>
                    <a href={urls.district(lang, d.id)}>{local(d, lang).name}</a>
                  </li>
                ))}
                {parks.map((p) => (
                  <li>
                    <a href={urls.park(lang, p.id)}>{local(p, lang).name}</a>
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
