/**
 * The investment map: Beijing's districts as an SVG (server-rendered, no script), each district a link to its page.
 * Layers (chosen with ?layer=, so they work without JavaScript): project counts, parks, Pilot FTZ clusters.
 * A table under the map gives the same figures for screen readers and printing.
 */
import type { FastifyInstance } from 'fastify';
import { t as tPlatform, type Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { registerPage } from '../../platform/http/pages.js';
import type { PageDeps } from '../content/index.js';
import { routes, urls } from '../../platform/http/urls.js';
import { PageHeader, local } from '../../platform/views/components.js';
import type { ContentStore } from '../content/index.js';
import type { District } from '../content/index.js';
import { MAP_HEIGHT, MAP_WIDTH, districtShapes, insetFrame, insetTransform, toInset, type DistrictShape } from './district-geometry.js';
import { LINE_HEIGHT, nearestEdgePoint, placeLabels, type PlacedLabel } from './labels.js';

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

interface MapDistrict {
  district: District;
  shape: DistrictShape;
  value: number;
  name: string;
  central: boolean;
}

function mapDistricts(lang: Lang, store: ContentStore, layer: MapLayer): { byShape: Map<string, MapDistrict>; max: number } {
  const byGeoName = new Map(store.districts.filter((d) => d.geo_name).map((d) => [d.geo_name!, d]));
  const max = Math.max(0, ...store.districts.map((d) => layerValue(store, d.id, layer)));
  const byShape = new Map<string, MapDistrict>();
  for (const shape of districtShapes().districts) {
    const district = byGeoName.get(shape.geoName);
    if (!district) continue;
    // The accessible name starts with the words drawn on the map (WCAG 2.5.3, label in name).
    const name = local(district, lang).name.replace(/ District$/, '');
    byShape.set(shape.geoName, { district, shape, value: layerValue(store, district.id, layer), name, central: district.rate_zone === 'six_urban' });
  }
  return { byShape, max };
}

/** A label's text lines with a leader line from its anchor when it had to move away. */
function Label({ label, value }: { label: PlacedLabel; value: string }) {
  const [x, y] = label.at;
  // Two lines centred on the label's point, in em so they stay centred at any font size the CSS picks.
  const end = nearestEdgePoint(label.box, label.anchor);
  return (
    <>
      {label.leader && (
        <>
          <line x1={label.anchor[0]} y1={label.anchor[1]} x2={end[0]} y2={end[1]} class="district-map__leader" aria-hidden="true" />
          <circle cx={label.anchor[0]} cy={label.anchor[1]} r="2.5" class="district-map__anchor" aria-hidden="true" />
        </>
      )}
      <text x={x} y={y} class="district-map__label" text-anchor="middle" aria-hidden="true">
        <tspan x={x} dy="-0.25em">
          {label.lines[0]}
        </tspan>
        <tspan x={x} dy={`${LINE_HEIGHT}em`} class="district-map__value">
          {value}
        </tspan>
      </text>
    </>
  );
}

function DistrictLink({ lang, layer, d, highlight, children }: { lang: Lang; layer: MapLayer; d: MapDistrict; highlight: string[]; children: preact.ComponentChildren }) {
  return (
    <a href={urls.district(lang, d.district.id)} class={highlight.includes(d.district.id) ? 'is-highlighted' : undefined}>
      {/* SVG links take their accessible name from <title>, which also shows as a tooltip on hover. */}
      <title>{t(lang, `map.districtLabel.${layer}`, { name: d.name, count: d.value })}</title>
      {children}
    </a>
  );
}

/** Where every label of the map and of its enlargement goes (exported for the test that no two labels overlap). */
export function mapLayout(lang: Lang, store: ContentStore, layer: MapLayer) {
  const { bda } = districtShapes();
  const { byShape, max } = mapDistricts(lang, store, layer);
  const central = [...byShape.values()].filter((d) => d.central);
  const frame = insetFrame(central.map((d) => d.shape.geoName));
  const bdaDistrict = store.get('districts', 'bda');
  const bdaValue = layerValue(store, 'bda', layer);
  const bdaName = t(lang, 'map.bdaShort');
  const markerBox = (at: [number, number]) => ({ x0: at[0] - 11, y0: at[1] - 11, x1: at[0] + 11, y1: at[1] + 11 });
  const frameBox = { x0: frame.x0, y0: frame.y0, x1: frame.x1, y1: frame.y1 };

  // Main map: the outer districts' labels, larger districts first; the central frame is kept clear.
  const outer = [...byShape.values()].filter((d) => !d.central).sort((a, b) => area(b.shape) - area(a.shape));
  const mainLabels = placeLabels(outer.map((d) => ({ id: d.shape.geoName, anchor: d.shape.centroid, lines: [d.name, String(d.value)] })), { width: MAP_WIDTH, height: MAP_HEIGHT }, [frameBox, markerBox(bda)]);
  // Enlargement: the central districts and the BDA marker.
  const bdaInset = toInset(frame, bda);
  const insetLabels = placeLabels(
    [
      ...central.sort((a, b) => area(b.shape) - area(a.shape)).map((d) => ({ id: d.shape.geoName, anchor: toInset(frame, d.shape.centroid), lines: [d.name, String(d.value)] })),
      ...(bdaDistrict ? [{ id: 'bda', anchor: [bdaInset[0], bdaInset[1] - 14] as [number, number], lines: [bdaName, String(bdaValue)] }] : []),
    ],
    { width: frame.width, height: frame.height },
    [markerBox(bdaInset)],
  );
  return { byShape, max, frame, bdaDistrict, bdaValue, bdaName, bdaInset, mainLabels, insetLabels };
}

/**
 * The districts map, and under it an enlargement of the six central districts (whose names cannot be drawn
 * legibly at the main map's scale on a phone). Labels never overlap: they are placed by `placeLabels`, with a
 * leader line where one had to move away from its district.
 */
export function DistrictMap({ lang, store, layer, highlight = [] }: { lang: Lang; store: ContentStore; layer: MapLayer; highlight?: string[] }) {
  const { districts: shapes, bda } = districtShapes();
  const { byShape, max, frame, bdaDistrict, bdaValue, bdaName, bdaInset, mainLabels, insetLabels } = mapLayout(lang, store, layer);
  const valueOf = (id: string) => (id === 'bda' ? String(bdaValue) : String(byShape.get(id)!.value));
  const bdaLink = (at: [number, number], label: PlacedLabel | undefined) =>
    bdaDistrict && (
      <a href={urls.district(lang, 'bda')} class={highlight.includes('bda') ? 'is-highlighted' : undefined}>
        <title>{t(lang, `map.districtLabel.${layer}`, { name: bdaName, count: bdaValue })}</title>
        <circle cx={at[0]} cy={at[1]} r="9" class="district-map__marker" />
        {label && <Label label={label} value={valueOf('bda')} />}
      </a>
    );

  return (
    <div class="district-maps">
      <svg class="district-map" viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-label={t(lang, 'map.svgLabel', { layer: t(lang, `map.layer.${layer}`) })}>
        {shapes.map((shape) => {
          const d = byShape.get(shape.geoName);
          if (!d) return <path d={shape.path} class="district-map__shape" fill="#f4f5f7" />;
          return (
            <DistrictLink lang={lang} layer={layer} d={d} highlight={highlight}>
              <path d={shape.path} class="district-map__shape" fill={shadeFor(d.value, max)} />
            </DistrictLink>
          );
        })}
        <rect x={frame.x0} y={frame.y0} width={frame.x1 - frame.x0} height={frame.y1 - frame.y0} class="district-map__frame" aria-hidden="true" />
        {bdaLink(bda, undefined)}
        {/* Labels last, so no district drawn later covers them. */}
        {mainLabels.map((label) => (
          <Label label={label} value={valueOf(label.id)} />
        ))}
      </svg>
      <p class="district-inset__title" id={`inset-${layer}`}>
        {t(lang, 'map.insetTitle')}
      </p>
      <svg class="district-inset" viewBox={`0 0 ${frame.width} ${frame.height}`} role="group" aria-labelledby={`inset-${layer}`}>
        <defs>
          <clipPath id={`inset-clip-${layer}`}>
            <rect x="0" y="0" width={frame.width} height={frame.height} />
          </clipPath>
        </defs>
        <g clip-path={`url(#inset-clip-${layer})`}>
          <g transform={insetTransform(frame)}>
            {shapes.map((shape) => {
              const d = byShape.get(shape.geoName);
              const path = <path d={shape.path} class="district-map__shape" vector-effect="non-scaling-stroke" fill={d ? shadeFor(d.value, max) : '#f4f5f7'} />;
              // Neighbours are drawn for orientation only; the main map above links them.
              return d?.central ? (
                <DistrictLink lang={lang} layer={layer} d={d} highlight={highlight}>
                  {path}
                </DistrictLink>
              ) : (
                <g aria-hidden="true" class="district-inset__context">{path}</g>
              );
            })}
          </g>
          {bdaLink(bdaInset, undefined)}
          {insetLabels.map((label) => (
            <Label label={label} value={valueOf(label.id)} />
          ))}
        </g>
        <rect x="1" y="1" width={frame.width - 2} height={frame.height - 2} class="district-map__frame" aria-hidden="true" />
      </svg>
    </div>
  );
}

const area = (shape: DistrictShape) => (shape.bounds[1][0] - shape.bounds[0][0]) * (shape.bounds[1][1] - shape.bounds[0][1]);

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
  }, { query: ['layer'] });
}

function MapTable({ lang, store }: { lang: Lang; store: ContentStore }) {
  return (
    <div class="table-wrap" role="region" aria-label={t(lang, 'map.tableCaption')} tabindex={0}>
      <table class="data-table">
        <caption>{t(lang, 'map.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{tPlatform(lang, 'filter.district')}</th>
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
