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
