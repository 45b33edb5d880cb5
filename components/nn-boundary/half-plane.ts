import type { Domain } from './transform.js';

/** The region `w[0]·x + w[1]·y + b ≤ 0` (e.g. where a ReLU unit of the first layer is dead), with a label. */
export interface HalfPlane {
  w: readonly [number, number];
  b: number;
  label: string;
}

/**
 * The part of the domain's rectangle inside the half-plane, as a polygon (empty when they do not meet). One
 * Sutherland–Hodgman step against a single line: drawing geometry, not the network's math.
 */
export function clipHalfPlane(h: HalfPlane, d: Domain): Array<[number, number]> {
  const rect: Array<[number, number]> = [
    [d.xMin, d.yMin],
    [d.xMax, d.yMin],
    [d.xMax, d.yMax],
    [d.xMin, d.yMax],
  ];
  const f = (p: [number, number]) => h.w[0] * p[0] + h.w[1] * p[1] + h.b;
  const out: Array<[number, number]> = [];
  for (let i = 0; i < rect.length; i++) {
    const a = rect[i];
    const b = rect[(i + 1) % rect.length];
    const fa = f(a);
    const fb = f(b);
    if (fa <= 0) out.push(a);
    if ((fa < 0 && fb > 0) || (fa > 0 && fb < 0)) {
      const t = fa / (fa - fb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

/**
 * Where to write each half-plane's label: inside its own region, as far as can be from every region's edge line
 * and from the view's border and the labels placed before it (on a grid of candidate points). Labels on a line read
 * as labelling the line, or the neighbour's region. Null for a half-plane that misses the view.
 *
 * @param scale pixels per unit of the domain (for distances in pixels).
 */
export function labelPoints(planes: readonly HalfPlane[], d: Domain, scale: number): Array<[number, number] | null> {
  // Each line as a·x + b·y + c with (a, b) of unit length times the scale, so |a·x + b·y + c| is the distance in
  // pixels; computed once, since every candidate of every plane measures its distance to every line.
  const lines = planes.map((h) => {
    const n = Math.hypot(h.w[0], h.w[1]);
    return n > 0 ? [(h.w[0] / n) * scale, (h.w[1] / n) * scale, (h.b / n) * scale] : null;
  });
  const placed: Array<[number, number]> = [];
  const steps = 24;
  return planes.map((h) => {
    let best: [number, number] | null = null;
    let bestScore = -Infinity;
    for (let i = 1; i < steps; i++) {
      for (let j = 1; j < steps; j++) {
        const x = d.xMin + ((d.xMax - d.xMin) * i) / steps;
        const y = d.yMin + ((d.yMax - d.yMin) * j) / steps;
        if (h.w[0] * x + h.w[1] * y + h.b > 0) continue;
        // The score is the smallest of three distances: a candidate stops counting once it cannot beat the best.
        let score = Math.min(x - d.xMin, d.xMax - x, y - d.yMin, d.yMax - y) * scale;
        for (let k = 0; k < lines.length && score > bestScore; k++) {
          const l = lines[k];
          if (l) score = Math.min(score, Math.abs(l[0] * x + l[1] * y + l[2]));
        }
        for (let k = 0; k < placed.length && score > bestScore; k++) score = Math.min(score, (Math.hypot(placed[k][0] - x, placed[k][1] - y) * scale) / 2);
        if (score > bestScore) [best, bestScore] = [[x, y], score];
      }
    }
    if (best) placed.push(best);
    return best;
  });
}
