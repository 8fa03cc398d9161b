/**
 * The investment map: Beijing's districts as an SVG (server-rendered, no script), each district a link to its page.
 * Layers (chosen with ?layer=, so they work without JavaScript): project counts, parks, Pilot FTZ clusters.
 * A table under the map gives the same figures for screen readers and printing.
 */
import type { FastifyInstance } from 'fastify';
import { t, type Lang } from '../../platform/i18n/i18n.js';
import { registerPage, type PageDeps } from '../../platform/http/pages.js';
import { routes, urls } from '../../platform/http/urls.js';
import { PageHeader, local } from '../../platform/views/components.js';
import type { ContentStore } from '../content/index.js';
import { MAP_HEIGHT, MAP_WIDTH, districtShapes } from './district-geometry.js';

export const MAP_LAYERS = ['projects', 'parks', 'ftz'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];

/** Sequential reds; the darkest step still shows the label's halo clearly. */
const SHADES = ['#fbe9e7', '#f6c4bd', '#ee9a8f', '#e06c5e', '#c94a3c'];

function layerValue(store: ContentStore, districtId: string, layer: MapLayer): number {
  const profile = store.districtProfile(districtId);
  if (!profile) return 0;
  if (layer === 'projects') return profile.projects.length;
  if (layer === 'parks') return profile.parks.length;
  return profile.clusters.length;
}

function shadeFor(value: number, max: number): string {
  if (value === 0 || max === 0) return '#f4f5f7';
  return SHADES[Math.min(SHADES.length - 1, Math.floor((value / max) * (SHADES.length - 1)))];
}

export function DistrictMap({ lang, store, layer, highlight = [] }: { lang: Lang; store: ContentStore; layer: MapLayer; highlight?: string[] }) {
  const { districts: shapes, bda } = districtShapes();
  const byGeoName = new Map(store.districts.filter((d) => d.geo_name).map((d) => [d.geo_name!, d]));
  const values = store.districts.map((d) => layerValue(store, d.id, layer));
  const max = Math.max(0, ...values);
  const bdaDistrict = store.get('districts', 'bda');
  return (
    <svg class="district-map" viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-label={t(lang, 'map.svgLabel', { layer: t(lang, `map.layer.${layer}`) })}>
      {shapes.map((shape) => {
        const district = byGeoName.get(shape.geoName);
        if (!district) return <path d={shape.path} class="district-map__shape" fill="#f4f5f7" />;
        const value = layerValue(store, district.id, layer);
        // The accessible name starts with the words drawn on the map (WCAG 2.5.3, label in name).
        const name = local(district, lang).name.replace(/ District$/, '');
        return (
          <a href={urls.district(lang, district.id)} class={highlight.includes(district.id) ? 'is-highlighted' : undefined}>
            {/* SVG links take their accessible name from <title>, which also shows as a tooltip on hover. */}
            <title>{t(lang, `map.districtLabel.${layer}`, { name, count: value })}</title>
            <path d={shape.path} class="district-map__shape" fill={shadeFor(value, max)} />
            {shape.small ? (
              <text x={shape.labelAt[0]} y={shape.labelAt[1] + 4} class="district-map__label district-map__label--small district-map__value" text-anchor="middle" aria-hidden="true">
                {value}
              </text>
            ) : (
              <text x={shape.labelAt[0]} y={shape.labelAt[1]} class="district-map__label" text-anchor="middle" aria-hidden="true">
                <tspan x={shape.labelAt[0]}>{name}</tspan>
                <tspan x={shape.labelAt[0]} dy="1.15em" class="district-map__value">
                  {value}
                </tspan>
              </text>
            )}
          </a>
        );
      })}
      {bdaDistrict && (
        <a href={urls.district(lang, 'bda')}>
          <title>{t(lang, `map.districtLabel.${layer}`, { name: t(lang, 'map.bdaShort'), count: layerValue(store, 'bda', layer) })}</title>
          <circle cx={bda[0]} cy={bda[1]} r="9" class="district-map__marker" />
          <text x={bda[0] + 12} y={bda[1] + 4} class="district-map__label district-map__label--start" aria-hidden="true">
            {t(lang, 'map.bdaShort')} {layerValue(store, 'bda', layer)}
          </text>
        </a>
      )}
    </svg>
  );
}

export function registerMapPages(app: FastifyInstance, deps: PageDeps): void {
  registerPage(app, deps, routes.map, ({ lang, store, query }) => {
    const requested = typeof query.layer === 'string' ? query.layer : 'projects';
    const layer = (MAP_LAYERS as readonly string[]).includes(requested) ? (requested as MapLayer) : null;
    if (!layer) return null;
    return {
      title: t(lang, 'map.title'),
      description: t(lang, 'map.lead'),
      section: 'nav.map',
      crumbs: [{ label: t(lang, 'map.title') }],
      sources: [...store.districts, ...store.all('parks'), ...store.all('zones')].flatMap((i) => i.sources).slice(0, 12),
      body: (
        <>
          <PageHeader lang={lang} title={t(lang, 'map.title')} lead={t(lang, 'map.lead')} />
          <nav class="layer-switch" aria-label={t(lang, 'map.layers')}>
            <ul>
              {MAP_LAYERS.map((l) => (
                <li>
                  <a href={urls.map(lang, l)} aria-current={l === layer ? 'page' : undefined}>
                    {t(lang, `map.layer.${l}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="map-layout">
            <figure class="map-figure">
              <DistrictMap lang={lang} store={store} layer={layer} />
              <figcaption>{t(lang, `map.caption.${layer}`)}</figcaption>
            </figure>
            <MapTable lang={lang} store={store} />
          </div>
          <p class="muted">{t(lang, 'map.attribution')}</p>
        </>
      ),
    };
  });
}

function MapTable({ lang, store }: { lang: Lang; store: ContentStore }) {
  return (
    <div class="table-wrap" role="region" aria-label={t(lang, 'map.tableCaption')} tabindex={0}>
      <table class="data-table">
        <caption>{t(lang, 'map.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'projects.district')}</th>
            {MAP_LAYERS.map((l) => (
              <th scope="col" class="num">
                {t(lang, `map.layer.${l}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {store.districts.map((d) => (
            <tr>
              <th scope="row">
                <a href={urls.district(lang, d.id)}>{local(d, lang).name}</a>
              </th>
              {MAP_LAYERS.map((l) => (
                <td class="num">{layerValue(store, d.id, l)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
