/** District pages: everything about one district in one place. */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { tProjects } from '../projects/index.js';
import { tIndustries } from '../industries/index.js';
import { tParks } from '../parks/index.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { Bullets, Card, CardGrid, Empty, PageHeader, Section, local } from '../../platform/views/components.js';
import { DataNote } from '../../platform/views/sources.js';
import { ServiceLineLink, serviceFormUrl } from '../cases/index.js';
import { ContactCard } from '../directory/index.js';
import { districtRents } from './district-rents.js';
import type { District } from '../content/index.js';

const TYPES: District['district_type'][] = ['core', 'urban', 'suburban', 'ecological', 'development_area'];

export function registerDistrictPages(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.districts, ({ lang, store }) => ({
    title: t(lang, 'districts.title'),
    description: t(lang, 'districts.lead'),
    section: 'nav.map',
    crumbs: [{ label: t(lang, 'districts.title') }],
    sources: store.districts.flatMap((d) => d.sources),
    body: (
      <>
        <PageHeader lang={lang} title={t(lang, 'districts.title')} lead={t(lang, 'districts.lead')} />
        <p>
          <a href={urls.map(lang)}>{t(lang, 'districts.seeMap')}</a>
        </p>
        {TYPES.map((type) => {
          const list = store.districts.filter((d) => d.district_type === type);
          if (list.length === 0) return null;
          return (
            <Section id={type} title={t(lang, `districts.type.${type}`)}>
              <CardGrid>
                {list.map((d) => {
                  const profile = store.districtProfile(d.id)!;
                  return (
                    <Card href={urls.district(lang, d.id)} title={local(d, lang).name} meta={t(lang, 'districts.cardMeta', { parks: profile.parks.length, projects: profile.projects.length })}>
                      <p>{local(d, lang).summary}</p>
                    </Card>
                  );
                })}
              </CardGrid>
            </Section>
          );
        })}
      </>
    ),
  }));

  registerPage(app, deps, routes.district, ({ lang, store, params }) => {
    const profile = store.districtProfile(params.id);
    if (!profile) return null;
    const { district, contacts, parks, clusters, industries, projects } = profile;
    const name = local(district, lang).name;
    const rents = districtRents(store, district.id);
    return {
      title: name,
      description: local(district, lang).summary,
      section: 'nav.map',
      crumbs: [{ label: t(lang, 'districts.title'), href: urls.districts(lang) }, { label: name }],
      sources: [district, ...contacts, ...parks, ...clusters, ...projects.slice(0, 1), ...rents.map((r) => r.cost)].flatMap((i) => i.sources),
      body: (
        <>
          <PageHeader lang={lang} title={name} lead={local(district, lang).summary} translation={district.zh_translation} kicker={t(lang, `districts.type.${district.district_type}`)} />
          <DataNote note={district.data_note} lang={lang} />
          <nav class="on-this-page" aria-label={tPlatform(lang, 'layout.onThisPage')}>
            <ul>
              {(['industries', 'parks', 'ftz', 'projects', 'rents', 'contacts'] as const).map((id) => (
                <li>
                  <a href={`#${id}`}>{t(lang, `districts.section.${id}`)}</a>
                </li>
              ))}
            </ul>
          </nav>
          <Section id="industries" title={t(lang, 'districts.section.industries')}>
            {industries.length === 0 ? (
              <Empty>{t(lang, 'districts.noIndustries')}</Empty>
            ) : (
              <ul class="link-list">
                {industries.map((i) => (
                  <li>
                    <a href={urls.industry(lang, i.id)}>{local(i, lang).name}</a>
                    <span class="muted"> — {tIndustries(lang, `industries.category.${i.category}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section id="parks" title={t(lang, 'districts.section.parks')}>
            {parks.length === 0 ? (
              <Empty>{t(lang, 'districts.noParks')}</Empty>
            ) : (
              <CardGrid>
                {parks.map((p) => (
                  <Card href={urls.park(lang, p.id)} title={local(p, lang).name} meta={tParks(lang, `parks.type.${p.park_type}`)} />
                ))}
              </CardGrid>
            )}
          </Section>
          <Section id="ftz" title={t(lang, 'districts.section.ftz')}>
            {clusters.length === 0 ? (
              <Empty>{t(lang, 'districts.noClusters')}</Empty>
            ) : (
              clusters.map((c) => (
                <div class="cluster">
                  <h3>
                    <a href={urls.zone(lang, c.id)}>{local(c, lang).name}</a>
                  </h3>
                  <Bullets items={local(c, lang).points.length ? local(c, lang).points : local(c, lang).key_layout} />
                </div>
              ))
            )}
          </Section>
          <Section id="projects" title={t(lang, 'districts.section.projects')}>
            {projects.length === 0 ? (
              <Empty>{t(lang, 'districts.noProjects')}</Empty>
            ) : (
              <>
                <p>{tProjects(lang, 'projects.count', { count: projects.length })}</p>
                <ol class="project-list project-list--columns">
                  {projects.map((p) => (
                    <li value={p.number}>{local(p, lang).name}</li>
                  ))}
                </ol>
              </>
            )}
          </Section>
          <Section id="rents" title={t(lang, 'districts.section.rents')}>
            {rents.length === 0 ? (
              <Empty>{t(lang, 'districts.noRents')}</Empty>
            ) : (
              <ul class="link-list">
                {rents.map((r) => (
                  <li>
                    {t(lang, 'districts.rentLine', { area: r.area[lang], rent: r.rent, unit: r.unit[lang] })} <a href={`${urls.costs(lang)}#${r.cost.id}`}>{t(lang, 'districts.rentSource')}</a>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section id="contacts" title={t(lang, 'districts.section.contacts')}>
            {contacts.length === 0 ? (
              <Empty>{t(lang, 'districts.noContacts')}</Empty>
            ) : (
              <ul class="contact-grid">
                {contacts.map((c) => (
                  <ContactCard contact={c} lang={lang} />
                ))}
              </ul>
            )}
          </Section>
          <ServiceLineLink lang={lang} place="district" district={name} href={serviceFormUrl(lang, store, { district: district.id })} />
        </>
      ),
    };
  });
}
