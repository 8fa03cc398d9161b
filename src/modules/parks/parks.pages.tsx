/** Investment areas: parks, science cities, bonded zones and cooperation zones, with their management bodies. */
import type { FastifyInstance } from 'fastify';
import { t } from './messages.js';
import { tDirectory } from '../directory/index.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { Card, CardGrid, ExternalLink, Facts, PageHeader, Section, formatNumber, local, truncate } from '../../platform/views/components.js';
import type { Park } from '../content/index.js';

const PARK_TYPES: Park['park_type'][] = ['demonstration_zone', 'science_city', 'development_area', 'bonded_zone', 'cooperation_zone', 'park'];

export function registerParkPages(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.parks, ({ lang, store }) => {
    const parks = store.all('parks');
    return {
      title: t(lang, 'parks.title'),
      description: t(lang, 'parks.lead'),
      section: 'nav.parks',
      crumbs: [{ label: t(lang, 'parks.title') }],
      sources: parks.flatMap((p) => p.sources),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'parks.title')} lead={t(lang, 'parks.lead')} />
          {PARK_TYPES.map((type) => {
            const list = parks.filter((p) => p.park_type === type);
            if (list.length === 0) return null;
            return (
              <Section id={type} title={t(lang, `parks.type.${type}`)}>
                <CardGrid>
                  {list.map((park) => (
                    <Card
                      href={urls.park(lang, park.id)}
                      title={local(park, lang).name}
                      meta={park.planned_area_km2 ? t(lang, 'parks.plannedArea', { area: formatNumber(park.planned_area_km2, lang) }) : undefined}
                    >
                      <p>{truncate(local(park, lang).description, lang === 'zh' ? 90 : 200)}</p>
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

  registerPage(app, deps, routes.park, ({ lang, store, params }) => {
    const park = store.get('parks', params.id);
    if (!park) return null;
    const text = local(park, lang);
    const districts = park.districts.map((id) => store.get('districts', id)).filter((d) => d !== undefined);
    const industries = store.all('industries').filter((i) => i.parks.includes(park.id));
    const parent = park.parent ? store.get('parks', park.parent) : undefined;
    return {
      title: text.name,
      description: truncate(text.description, 160),
      section: 'nav.parks',
      crumbs: [{ label: t(lang, 'parks.title'), href: urls.parks(lang) }, { label: text.name }],
      sources: park.sources,
      verified: park.last_verified,
      body: (
        <>
          <PageHeader lang={lang} title={text.name} translation={park.zh_translation} kicker={t(lang, `parks.type.${park.park_type}`)} />
          <div class="two-col">
            <div class="prose">
              <p>{text.description}</p>
            </div>
            <aside class="panel" aria-label={t(lang, 'parks.contact')}>
              <h2>{t(lang, 'parks.contact')}</h2>
              <Facts
                rows={[
                  [t(lang, 'parks.plannedAreaLabel'), park.planned_area_km2 ? `${formatNumber(park.planned_area_km2, lang)} km²` : undefined],
                  [t(lang, 'parks.managementBody'), text.management_body],
                  [tDirectory(lang, 'contact.address'), text.address],
                  [tDirectory(lang, 'contact.phone'), park.phones.length ? park.phones.join(', ') : undefined],
                  [tDirectory(lang, 'contact.fax'), park.fax],
                  [tDirectory(lang, 'contact.email'), park.email ? <a href={`mailto:${park.email}`}>{park.email}</a> : undefined],
                  [tDirectory(lang, 'contact.website'), park.website ? <ExternalLink href={park.website}>{park.website}</ExternalLink> : undefined],
                  [t(lang, 'parks.partOf'), parent ? <a href={urls.park(lang, parent.id)}>{local(parent, lang).name}</a> : undefined],
                ]}
              />
            </aside>
          </div>
          {districts.length > 0 && (
            <Section id="districts" title={t(lang, 'parks.districts')}>
              <ul class="link-list link-list--inline">
                {districts.map((d) => (
                  <li>
                    <a href={urls.district(lang, d.id)}>{local(d, lang).name}</a>
                  </li>
                ))}
              </ul>
            </Section>
          )}
          {industries.length > 0 && (
            <Section id="industries" title={t(lang, 'parks.industries')}>
              <ul class="link-list">
                {industries.map((i) => (
                  <li>
                    <a href={urls.industry(lang, i.id)}>{local(i, lang).name}</a>
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
