/** Up to three locations of any kind side by side, in the aspects an investor weighs. */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { urls } from '../../../platform/http/urls.js';
import { local } from '../../../platform/views/components.js';
import type { ContentStore } from '../../content/index.js';
import type { LocationProfile } from '../location-profile.js';
import { locationUrl } from '../locations.js';

export function Comparison({ lang, store, profiles }: { lang: Lang; store: ContentStore; profiles: LocationProfile[] }) {
  if (profiles.length === 0) return null;
  const sep = lang === 'zh' ? '、' : '; ';
  const districtNames = (p: LocationProfile) => p.districts.map((d) => store.get('districts', d)?.[lang].name ?? d).join(sep) || '—';
  const rows: [string, (p: LocationProfile) => string][] = [
    [t(lang, 'sites.row.kind'), (p) => t(lang, `sites.kindOne.${p.kind}`)],
    [t(lang, 'sites.row.district'), districtNames],
    [t(lang, 'sites.row.industries'), (p) => p.industries.map((i) => local(i, lang).name).join(sep) || '—'],
    [t(lang, 'sites.row.clusters'), (p) => p.ftz.map((x) => x[lang]).join(sep) || '—'],
    [t(lang, 'sites.row.bonded'), (p) => p.bonded.map((x) => x[lang]).join(sep) || '—'],
    [t(lang, 'sites.row.rent'), (p) => p.rents.map((r) => `${r.area[lang]} ${r.rent}`).join(sep) || t(lang, 'sites.noRent')],
    [t(lang, 'sites.row.policies'), (p) => p.policies.map((x) => local(x, lang).title).join(sep) || '—'],
    [t(lang, 'sites.row.projects'), (p) => p.projects.map((x) => x[lang]).join(sep)],
    [t(lang, 'sites.row.contacts'), (p) => p.contacts.map((c) => `${c.name[lang]} ${c.phone ?? ''}`.trim()).join(sep) || '—'],
  ];
  return (
    <>
      <div class="table-wrap" role="region" aria-label={t(lang, 'sites.compare')} tabindex={0}>
        <table class="data-table">
          <caption class="visually-hidden">{t(lang, 'sites.compare')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'sites.aspect')}</th>
              {profiles.map((p) => (
                <th scope="col">
                  <a href={locationUrl(lang, { ...p, name: p.name })}>{p.name[lang]}</a>
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
      <p class="muted">
        {t(lang, 'sites.inherited')} <a href={urls.costs(lang)}>{t(lang, 'sites.rentSource')}</a>
      </p>
    </>
  );
}
