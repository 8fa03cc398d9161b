/** One kind of ranked location (districts, parks, clusters or projects): name, score, the factors behind it, rent for the area. */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { formatNumber } from '../../../platform/views/components.js';
import { locationKey, locationUrl } from '../locations.js';
import type { LocationScore } from '../rank.js';
import { FactorList } from './factor-list.js';

function RentEstimateLine({ location, lang }: { location: LocationScore; lang: Lang }) {
  const estimate = location.rent_estimate;
  if (!estimate) return null;
  return (
    <p class="muted">
      {t(lang, 'sites.rentEstimate', {
        area: formatNumber(estimate.area_m2, lang),
        rent: estimate.rent.rent,
        unit: estimate.rent.unit[lang],
        where: estimate.rent.area[lang],
        monthly: formatNumber(estimate.monthly_cny, lang),
        yearly: formatNumber(estimate.yearly_cny, lang),
      })}
    </p>
  );
}

/** `compare`: the location keys already ticked; when given, each entry gets a "compare" checkbox. */
export function RankedList({ locations, lang, compare }: { locations: LocationScore[]; lang: Lang; compare?: string[] }) {
  return (
    <ol class="site-list">
      {locations.map((s) => {
        const key = locationKey(s);
        const title = (
          <>
            <a href={locationUrl(lang, s)}>{s.name[lang]}</a> <span class="muted">({t(lang, 'sites.score', { score: s.score })})</span>
          </>
        );
        return (
          <li>
            <p class="site-list__title">{title}</p>
            <FactorList factors={s.factors} lang={lang} />
            <RentEstimateLine location={s} lang={lang} />
            {compare ? (
              <div class="checkbox">
                <input type="checkbox" id={`compare-${key.replace(':', '-')}`} name="compare" value={key} checked={compare.includes(key)} />
                <label for={`compare-${key.replace(':', '-')}`}>
                  {t(lang, 'sites.compareThis')}
                  <span class="visually-hidden">: {s.name[lang]}</span>
                </label>
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
