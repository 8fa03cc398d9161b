/** The "Two Zones": the services-sector Demonstration Zone and the Pilot Free Trade Zone with its areas and clusters. */
import type { FastifyInstance } from 'fastify';
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { Bullets, Facts, PageHeader, Section, formatNumber, local } from '../../platform/views/components.js';
import type { ContentStore, Zone } from '../content/index.js';

/** Policies that carry the Two Zones' measures, shown with the zones. */
const TWO_ZONES_POLICY_CATEGORY = 'two-zones';

function ZoneSummary({ zone, lang, store, level }: { zone: Zone; lang: Lang; store: ContentStore; level: 2 | 3 }) {
  const text = local(zone, lang);
  const children = store.all('zones').filter((z) => z.parent === zone.id);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article class="zone" id={zone.id}>
      <Heading>
        <a href={urls.zone(lang, zone.id)}>{text.name}</a>
      </Heading>
      <Facts
        rows={[
          [t(lang, 'zones.plannedArea'), zone.planned_area_km2 ? `${formatNumber(zone.planned_area_km2, lang)} km²` : undefined],
          [t(lang, 'zones.focus'), text.focus.length ? text.focus.join(lang === 'zh' ? '、' : ', ') : undefined],
          [t(lang, 'zones.districts'), zone.districts.length ? zone.districts.flatMap((d) => { const district = store.get('districts', d); return district ? [local(district, lang).name] : []; }).join(lang === 'zh' ? '、' : ', ') : undefined],
        ]}
      />
      <p>{text.summary}</p>
      {children.length > 0 && (
        <ul class="link-list link-list--inline" aria-label={t(lang, 'zones.clusters')}>
          {children.map((c) => (
            <li>
              <a href={urls.zone(lang, c.id)}>{local(c, lang).name}</a>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

export function registerTwoZonesPages(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.twoZones, ({ lang, store }) => {
    const zones = store.all('zones');
    const top = zones.filter((z) => !z.parent);
    const policies = store.policies.filter((p) => p.category === TWO_ZONES_POLICY_CATEGORY);
    return {
      title: t(lang, 'zones.title'),
      description: t(lang, 'zones.lead'),
      section: 'nav.twoZones',
      crumbs: [{ label: t(lang, 'zones.title') }],
      sources: zones.flatMap((z) => z.sources),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'zones.title')} lead={t(lang, 'zones.lead')} />
          {top.map((zone) => (
            <div class="section">
              <ZoneSummary zone={zone} lang={lang} store={store} level={2} />
              {zones
                .filter((z) => z.parent === zone.id)
                .map((area) => (
                  <ZoneSummary zone={area} lang={lang} store={store} level={3} />
                ))}
            </div>
          ))}
          {policies.length > 0 && (
            <Section id="policies" title={t(lang, 'zones.policies')}>
              <ul class="link-list">
                {policies.map((p) => (
                  <li>
                    <a href={urls.policy(lang, p.id)}>{local(p, lang).title}</a>
                  </li>
                ))}
              </ul>
            </Section>
          )}
        </>
      ),
    };
  });

  registerPage(app, deps, routes.zone, ({ lang, store, params }) => {
    const zone = store.get('zones', params.id);
    if (!zone) return null;
    const text = local(zone, lang);
    const parent = zone.parent ? store.get('zones', zone.parent) : undefined;
    const children = store.all('zones').filter((z) => z.parent === zone.id);
    return {
      title: text.name,
      description: text.summary,
      section: 'nav.twoZones',
      crumbs: [
        { label: t(lang, 'zones.title'), href: urls.twoZones(lang) },
        ...(parent ? [{ label: local(parent, lang).name, href: urls.zone(lang, parent.id) }] : []),
        { label: text.name },
      ],
      sources: [zone, ...children].flatMap((z) => z.sources),
      body: (
        <>
          <PageHeader lang={lang} title={text.name} lead={text.summary} translation={zone.zh_translation} kicker={t(lang, `zones.type.${zone.zone_type}`)} />
          <Facts
            rows={[
              [t(lang, 'zones.plannedArea'), zone.planned_area_km2 ? `${formatNumber(zone.planned_area_km2, lang)} km²` : undefined],
              [t(lang, 'zones.partOf'), parent ? <a href={urls.zone(lang, parent.id)}>{local(parent, lang).name}</a> : undefined],
              [
                t(lang, 'zones.districts'),
                zone.districts.length ? (
                  <ul class="link-list link-list--inline">
                    {zone.districts.flatMap((d) => {
                      const district = store.get('districts', d);
                      return district ? [<li><a href={urls.district(lang, d)}>{local(district, lang).name}</a></li>] : [];
                    })}
                  </ul>
                ) : undefined,
              ],
            ]}
          />
          {text.focus.length > 0 && (
            <Section id="focus" title={t(lang, 'zones.focus')}>
              <Bullets items={text.focus} />
            </Section>
          )}
          {text.points.length > 0 && (
            <Section id="points" title={t(lang, 'zones.points')}>
              <Bullets items={text.points} />
            </Section>
          )}
          {text.key_layout.length > 0 && (
            <Section id="layout" title={t(lang, 'zones.keyLayout')}>
              <Bullets items={text.key_layout} />
            </Section>
          )}
          {children.map((child) => (
            <ZoneSummary zone={child} lang={lang} store={store} level={2} />
          ))}
        </>
      ),
    };
  });
}
