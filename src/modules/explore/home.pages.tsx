/** Home: what Beijing offers, headline figures, the map, and the ways into the platform. */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { tMap } from '../map/index.js';
import { tDistricts } from '../districts/index.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { local } from '../../platform/views/components.js';
import { DistrictMap } from '../map/index.js';
import { StatisticValue } from './statistics.view.js';

/** Headline figures for the home page, by id; missing ids are skipped so content edits cannot break the page. */
const HEADLINE_STATISTICS = ['gdp', 'actually-utilized-foreign-capital', 'new-foreign-invested-enterprises', 'goods-trade-total'];

const ENTRY_POINTS = [
  { key: 'twoZones', href: urls.twoZones },
  { key: 'industries', href: urls.industries },
  { key: 'parks', href: urls.parks },
  { key: 'projects', href: (lang: 'en' | 'zh') => urls.projects(lang) },
  { key: 'policies', href: (lang: 'en' | 'zh') => urls.policies(lang) },
  { key: 'procedures', href: urls.procedures },
  { key: 'costs', href: urls.costs },
  { key: 'life', href: urls.life },
  { key: 'directory', href: (lang: 'en' | 'zh') => urls.directory(lang) },
] as const;

export function registerHomePage(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.home, ({ lang, store }) => {
    const headline = HEADLINE_STATISTICS.map((id) => store.get('statistics', id)).filter((s) => s !== undefined);
    const counts: Record<string, number> = {
      twoZones: store.count('zones'),
      industries: store.count('industries'),
      parks: store.count('parks'),
      projects: store.count('projects'),
      policies: store.count('policies'),
      procedures: store.count('procedures'),
      costs: store.count('costs'),
      life: store.procedures.filter((p) => p.category === 'entry-residence' || p.category === 'labour').length,
      directory: store.count('contacts'),
    };
    return {
      title: t(lang, 'home.title'),
      description: t(lang, 'home.lead'),
      sources: headline.flatMap((s) => s.sources),
      body: (
        <>
          <div class="hero">
            <p class="hero__kicker">{t(lang, 'home.kicker')}</p>
            <h1>{t(lang, 'home.title')}</h1>
            <p class="lead">{t(lang, 'home.lead')}</p>
            {/* One primary action: the plan answers the investor's question; the rest are quieter ways in. */}
            <p>{t(lang, 'home.planLead')}</p>
            <div class="hero__actions">
              <a class="button button--inverse hero__primary" href={urls.plan(lang)}>
                {tPlatform(lang, 'nav.plan')}
              </a>
              <p class="hero__secondary">
                {t(lang, 'home.orLabel')} <a href={urls.overview(lang)}>{t(lang, 'home.start')}</a> · <a href={urls.ask(lang)}>{tPlatform(lang, 'ask.title')}</a>
              </p>
            </div>
          </div>
          {headline.length > 0 && (
            <section class="section" aria-labelledby="headline-h">
              <h2 id="headline-h">{t(lang, 'home.headline')}</h2>
              <ul class="stat-grid">
                {headline.map((s) => (
                  <li class="stat">
                    <span class="stat__label">{local(s, lang).label}</span>
                    <span>
                      <StatisticValue stat={s} lang={lang} />
                    </span>
                    <span class="muted">
                      {s.year}
                      {s.change ? ` · ${s.change[lang]}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
              <p>
                <a href={urls.statistics(lang)}>{t(lang, 'home.allStatistics')}</a>
              </p>
            </section>
          )}
          <section class="section" aria-labelledby="explore-h">
            <h2 id="explore-h">{t(lang, 'home.explore')}</h2>
            <ul class="entry-grid">
              {ENTRY_POINTS.map((entry) => (
                <li class="entry">
                  <a href={entry.href(lang)}>
                    <span class="entry__title">{t(lang, `home.entry.${entry.key}`)}</span>
                    <span class="entry__meta">{t(lang, `home.entryCount.${entry.key}`, { count: counts[entry.key] })}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
          <section class="section home-map" aria-labelledby="map-h">
            <h2 id="map-h">{tMap(lang, 'map.title')}</h2>
            <div class="home-map__grid">
              <DistrictMap lang={lang} store={store} layer="projects" />
              <div>
                <p>{t(lang, 'home.mapLead')}</p>
                <p>{tMap(lang, 'map.caption.projects')}</p>
                <p>
                  <a class="button" href={urls.map(lang)}>
                    {t(lang, 'home.openMap')}
                  </a>
                </p>
                <p>
                  <a href={urls.districts(lang)}>{tDistricts(lang, 'districts.title')}</a>
                </p>
              </div>
            </div>
          </section>
        </>
      ),
    };
  });
}
