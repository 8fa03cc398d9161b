/**
 * /:lang/locations: districts ranked for the investor's needs (with the evidence behind each point), highlighted on
 * the investment map, and up to three locations compared side by side.
 */
import type { FastifyInstance } from 'fastify';
import { t, type Lang } from '../../platform/i18n/i18n.js';
import { registerPage, type PageDeps } from '../../platform/http/pages.js';
import { routes, urls } from '../../platform/http/urls.js';
import { PageHeader, Section, local } from '../../platform/views/components.js';
import { SelectField } from '../../platform/views/forms.js';
import type { ContentStore, District } from '../content/index.js';
import { districtRents } from '../districts/index.js';
import { DistrictMap } from '../map/map.pages.js';
import { rankSites } from './rank.js';
import { FactorList } from './views/factor-list.js';

type Query = Record<string, string | string[] | undefined>;
const one = (q: Query, k: string) => (typeof q[k] === 'string' ? (q[k] as string).trim() : '');
const list = (q: Query, k: string) => (Array.isArray(q[k]) ? (q[k] as string[]) : q[k] ? [String(q[k])] : []);

/** Policies that name the place: district- and park-level policies whose title or summary mentions it. */
function placePolicies(store: ContentStore, district: District) {
  const names = [district.en.name.replace(/ District$/, ''), district.zh.name.replace(/区$/, ''), ...(district.id === 'bda' ? ['Economic-Technological Development Area', '经济技术开发区', 'Yizhuang', '亦庄'] : [])];
  return store.policies.filter((p) => (p.level === 'district' || p.level === 'park') && names.some((n) => `${p.en.title} ${p.zh.title}`.includes(n)));
}

function Comparison({ lang, store, ids }: { lang: Lang; store: ContentStore; ids: string[] }) {
  const profiles = ids.map((id) => store.districtProfile(id)).filter((p) => p !== undefined);
  if (profiles.length === 0) return null;
  const sep = lang === 'zh' ? '、' : '; ';
  const rows: [string, (p: (typeof profiles)[number]) => string][] = [
    [t(lang, 'sites.row.industries'), (p) => p.industries.map((i) => local(i, lang).name).join(sep) || '—'],
    [t(lang, 'sites.row.clusters'), (p) => p.clusters.map((c) => local(c, lang).name).join(sep) || '—'],
    [t(lang, 'sites.row.bonded'), (p) => p.parks.filter((x) => x.park_type === 'bonded_zone').map((x) => local(x, lang).name).join(sep) || '—'],
    [t(lang, 'sites.row.parks'), (p) => p.parks.map((x) => local(x, lang).name).join(sep) || '—'],
    [t(lang, 'sites.row.rent'), (p) => districtRents(store, p.district.id).map((r) => `${r.area[lang]} ${r.rent}`).join(sep) || t(lang, 'sites.noRent')],
    [t(lang, 'sites.row.policies'), (p) => placePolicies(store, p.district).map((x) => local(x, lang).title).join(sep) || '—'],
    [t(lang, 'sites.row.projects'), (p) => String(p.projects.length)],
    [t(lang, 'sites.row.contacts'), (p) => p.contacts.filter((c) => c.org_type === 'commerce_bureau' || c.org_type === 'investment_promotion').map((c) => `${local(c, lang).name} ${c.phones[0]?.number ?? ''}`).join(sep) || '—'],
  ];
  return (
    <div class="table-wrap" role="region" aria-label={t(lang, 'sites.compare')} tabindex={0}>
      <table class="data-table">
        <caption>{t(lang, 'sites.compare')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'sites.aspect')}</th>
            {profiles.map((p) => (
              <th scope="col">
                <a href={urls.district(lang, p.district.id)}>{local(p.district, lang).name}</a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr>
              <th scope="row">{label}</th>
              {profiles.map((p) => (
                <td>{value(p)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function registerSitesPages(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.sites, ({ lang, store, query }) => {
    const industry = store.get('industries', one(query, 'industry')) ? one(query, 'industry') : undefined;
    const rent = Number(one(query, 'max_rent'));
    const needs = { ftz: one(query, 'ftz') === 'yes', bonded_zone: one(query, 'bonded') === 'yes', near_airport: one(query, 'airport') === 'yes', max_rent_per_m2: rent > 0 ? rent : undefined };
    const submitted = Boolean(industry || needs.ftz || needs.bonded_zone || needs.near_airport || needs.max_rent_per_m2);
    const ranking = submitted ? rankSites(store, { industry, needs, limit: 8 }) : [];
    const compare = list(query, 'compare').filter((id) => store.get('districts', id)).slice(0, 3);
    const yesNo = [{ value: '', label: t(lang, 'profile.notSure') }, { value: 'yes', label: t(lang, 'profile.yes') }];
    return {
      title: t(lang, 'sites.title'),
      description: t(lang, 'sites.lead'),
      section: 'nav.map',
      crumbs: [{ label: t(lang, 'sites.title') }],
      sources: ranking.flatMap((s) => s.factors.map((f) => f.source)).slice(0, 20).concat(store.districts[0].sources),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'sites.title')} lead={t(lang, 'sites.lead')} />
          <form class="estimator-form" method="get" action={urls.sites(lang)}>
            <div class="form-grid">
              <SelectField name="industry" label={t(lang, 'profile.industry')} selected={industry ?? ''} options={[{ value: '', label: t(lang, 'profile.notSure') }, ...store.all('industries').map((i) => ({ value: i.id, label: local(i, lang).name }))]} />
              <SelectField name="ftz" label={t(lang, 'sites.needFtz')} selected={one(query, 'ftz')} options={yesNo} />
              <SelectField name="bonded" label={t(lang, 'sites.needBonded')} selected={one(query, 'bonded')} options={yesNo} />
              <SelectField name="airport" label={t(lang, 'sites.needAirport')} selected={one(query, 'airport')} options={yesNo} />
              <div class="field">
                <label for="max_rent">{t(lang, 'sites.maxRent')}</label>
                <input id="max_rent" name="max_rent" inputMode="decimal" value={one(query, 'max_rent')} />
              </div>
            </div>
            <button type="submit" class="button">{t(lang, 'sites.submit')}</button>
          </form>
          {submitted && (
            <Section id="ranking" title={t(lang, 'plan.locations')}>
              <div class="map-layout">
                <form method="get" action={urls.sites(lang)}>
                  {Object.entries({ industry: industry ?? '', ftz: one(query, 'ftz'), bonded: one(query, 'bonded'), airport: one(query, 'airport'), max_rent: one(query, 'max_rent') }).map(([k, v]) => (v ? <input type="hidden" name={k} value={v} /> : null))}
                  <ol class="site-list">
                    {ranking.map((s) => (
                      <li>
                        <div class="checkbox">
                          <input type="checkbox" id={`compare-${s.district.id}`} name="compare" value={s.district.id} checked={compare.includes(s.district.id)} />
                          <label for={`compare-${s.district.id}`}>
                            <strong>{local(s.district, lang).name}</strong> ({t(lang, 'plan.score', { score: s.score })})
                          </label>
                        </div>
                        <FactorList factors={s.factors} lang={lang} />
                      </li>
                    ))}
                  </ol>
                  <button type="submit" class="button button--secondary">{t(lang, 'sites.compareButton')}</button>
                </form>
                <figure class="map-figure">
                  <DistrictMap lang={lang} store={store} layer="projects" highlight={ranking.slice(0, 3).map((s) => s.district.id)} />
                  <figcaption>{t(lang, 'sites.mapCaption')}</figcaption>
                </figure>
              </div>
            </Section>
          )}
          {compare.length > 0 && (
            <Section id="compare" title={t(lang, 'sites.compare')}>
              <Comparison lang={lang} store={store} ids={compare} />
            </Section>
          )}
        </>
      ),
    };
  });
}
