/** The map's labels: none overlaps another, a marker or the enlargement's frame, in either language or layer. */
import { beforeAll, describe, expect, it } from 'vitest';
import { realContent } from '../../../test/helpers/test-app.js';
import { ContentStore } from '../content/index.js';
import { MAP_HEIGHT, MAP_WIDTH } from './district-geometry.js';
import { labelSize, overlaps, placeLabels, textWidth } from './labels.js';
import { MAP_LAYERS, mapLayout } from './map.pages.js';

let store: ContentStore;
beforeAll(async () => {
  store = new ContentStore(1, await realContent());
});

describe('label placement', () => {
  it('sizes Chinese characters at one em and Latin letters narrower', () => {
    expect(textWidth('东城区', 20)).toBe(60);
    expect(textWidth('Dongcheng', 20)).toBeGreaterThan(100);
    expect(labelSize(['Xicheng', '5'], 20).height).toBeCloseTo(48, 0);
  });

  it('moves a label that would overlap off its anchor and ties it back with a leader line', () => {
    const [a, b] = placeLabels(
      [
        { id: 'a', anchor: [100, 100], lines: ['Dongcheng', '7'] },
        { id: 'b', anchor: [110, 100], lines: ['Xicheng', '5'] },
      ],
      { width: 400, height: 400 },
    );
    expect(overlaps(a.box, b.box)).toBe(false);
    expect(a.leader || b.leader).toBe(true);
  });
});

describe.each(['en', 'zh'] as const)('the district map in %s', (lang) => {
  it.each(MAP_LAYERS.map((l) => [l]))('labels every district once, with no two labels overlapping (%s)', (layer) => {
    const { mainLabels, insetLabels, frame, byShape } = mapLayout(lang, store, layer);
    for (const [labels, width, height] of [[mainLabels, MAP_WIDTH, MAP_HEIGHT], [insetLabels, frame.width, frame.height]] as const) {
      labels.forEach((a, i) => {
        expect(a.box.x0, a.id).toBeGreaterThanOrEqual(0);
        expect(a.box.y0, a.id).toBeGreaterThanOrEqual(0);
        expect(a.box.x1, a.id).toBeLessThanOrEqual(width);
        expect(a.box.y1, a.id).toBeLessThanOrEqual(height);
        for (const b of labels.slice(i + 1)) expect(overlaps(a.box, b.box), `${a.id} / ${b.id}`).toBe(false);
      });
    }
    // The central districts are named in the enlargement only, and stay clear of the main map's dashed frame.
    const central = [...byShape.values()].filter((d) => d.central).map((d) => d.shape.geoName);
    expect(central.length).toBe(6);
    expect(insetLabels.map((l) => l.id).sort()).toEqual([...central, 'bda'].sort());
    expect(mainLabels.length + central.length).toBe(byShape.size);
    const frameBox = { x0: frame.x0, y0: frame.y0, x1: frame.x1, y1: frame.y1 };
    for (const label of mainLabels) expect(overlaps(label.box, frameBox), label.id).toBe(false);
    // Enlarged at least three times, so Dongcheng and Xicheng are wide enough to tap on a phone.
    expect(frame.k).toBeGreaterThanOrEqual(3);
  });
});
