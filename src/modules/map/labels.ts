/**
 * Label placement for the district map: each label starts centred on its anchor; when it would overlap a label
 * already placed (or a marker, or leave the drawing), it moves outwards ring by ring until it fits, and a leader
 * line then ties it to its anchor. Labels are placed in priority order (larger districts first keep their place).
 * Sizes are estimated from the characters (CJK one em, Latin ~0.62 em, bold), at the largest font size the map
 * is drawn with, so a label that fits at that size also fits at smaller ones (boxes shrink towards their centres).
 */

export interface LabelRequest {
  id: string;
  anchor: [number, number];
  lines: string[];
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PlacedLabel extends LabelRequest {
  /** Centre of the label's box. */
  at: [number, number];
  box: Box;
  /** True when the label had to move away from its anchor: draw a leader line. */
  leader: boolean;
}

/** Font size (in SVG units) the layout is computed for: the size of the labels on narrow screens. */
export const LABEL_FONT = 22;
export const LINE_HEIGHT = 1.15;

const isWide = (char: string) => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u.test(char);

export function textWidth(text: string, fontSize = LABEL_FONT): number {
  let em = 0;
  for (const char of text) em += isWide(char) ? 1 : 0.62;
  return em * fontSize;
}

export function labelSize(lines: string[], fontSize = LABEL_FONT): { width: number; height: number } {
  return { width: Math.max(...lines.map((l) => textWidth(l, fontSize))) + 6, height: lines.length * LINE_HEIGHT * fontSize + 2 };
}

export const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function boxAt(center: [number, number], size: { width: number; height: number }): Box {
  return { x0: center[0] - size.width / 2, y0: center[1] - size.height / 2, x1: center[0] + size.width / 2, y1: center[1] + size.height / 2 };
}

/** A label covers its anchor (no leader line) or keeps a gap from it, so the leader line and its dot stay visible. */
function clearOfAnchor(box: Box, [x, y]: [number, number]): boolean {
  const covers = x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;
  const gap = 8;
  return covers || x < box.x0 - gap || x > box.x1 + gap || y < box.y0 - gap || y > box.y1 + gap;
}

/** Places labels without overlaps inside `bounds`, avoiding `obstacles` (markers); see the module comment. */
export function placeLabels(requests: LabelRequest[], bounds: { width: number; height: number }, obstacles: Box[] = [], fontSize = LABEL_FONT): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const taken: Box[] = [...obstacles];
  const inside = (b: Box) => b.x0 >= 2 && b.y0 >= 2 && b.x1 <= bounds.width - 2 && b.y1 <= bounds.height - 2;
  const step = fontSize * 0.6;
  for (const request of requests) {
    const size = labelSize(request.lines, fontSize);
    let chosen: [number, number] | null = null;
    for (let ring = 0; ring <= 40 && !chosen; ring++) {
      const directions = ring === 0 ? 1 : 16;
      for (let d = 0; d < directions; d++) {
        const angle = (d / directions) * 2 * Math.PI;
        const center: [number, number] = [request.anchor[0] + Math.cos(angle) * ring * step, request.anchor[1] + Math.sin(angle) * ring * step];
        const box = boxAt(center, size);
        const coversOther = requests.some((other) => other !== request && other.anchor[0] > box.x0 - 4 && other.anchor[0] < box.x1 + 4 && other.anchor[1] > box.y0 - 4 && other.anchor[1] < box.y1 + 4);
        if (inside(box) && clearOfAnchor(box, request.anchor) && !coversOther && !taken.some((t) => overlaps(t, box))) {
          chosen = center;
          break;
        }
      }
    }
    const at = chosen ?? request.anchor;
    const box = boxAt(at, size);
    taken.push(box);
    // A label still touching its anchor needs no line.
    const leader = !(request.anchor[0] >= box.x0 && request.anchor[0] <= box.x1 && request.anchor[1] >= box.y0 && request.anchor[1] <= box.y1);
    if (leader) {
      // Later labels keep off this label's anchor dot and its leader line.
      const [ax, ay] = request.anchor;
      const [ex, ey] = nearestEdgePoint(box, request.anchor);
      taken.push({ x0: ax - 5, y0: ay - 5, x1: ax + 5, y1: ay + 5 }, { x0: Math.min(ax, ex) - 2, y0: Math.min(ay, ey) - 2, x1: Math.max(ax, ex) + 2, y1: Math.max(ay, ey) + 2 });
    }
    placed.push({ ...request, at: [Math.round(at[0] * 10) / 10, Math.round(at[1] * 10) / 10], box, leader });
  }
  return placed;
}

/** The point of a box's edge nearest to a point outside it: where a leader line ends. */
export function nearestEdgePoint(box: Box, point: [number, number]): [number, number] {
  return [Math.min(Math.max(point[0], box.x0), box.x1), Math.min(Math.max(point[1], box.y0), box.y1)];
}
