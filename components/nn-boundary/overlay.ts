import { nothing, svg } from 'lit';
import { clipHalfPlane, type HalfPlane } from './half-plane.js';
import { renderMarker } from './marks.js';
import type { Domain, PlotTransform } from './transform.js';

/** Data points drawn over the map: rows `[x, y]` and their class labels (1 gold ●, 0 purple ■). */
export interface BoundaryPoints {
  X: ArrayLike<ArrayLike<number>>;
  y: ArrayLike<number>;
}

/** Problem 13's task outline: the semicircle of centre (0, 0.5) and radius 0.5, gold inside. */
export function renderSemicircle(t: PlotTransform) {
  const [cx, cy] = t.toPixel(0, 0.5);
  const r = t.toPixel(0.5, 0)[0] - t.toPixel(0, 0)[0];
  const [, top] = t.toPixel(0, 1);
  const [, bottom] = t.toPixel(0, 0);
  return svg`<path class="outline" d="M ${cx} ${top} A ${r} ${r} 0 0 1 ${cx} ${bottom}" />
    <text class="outline-label" x=${cx + r * 0.5} y=${cy} text-anchor="middle" aria-hidden="true">gold</text>`;
}

/** Each half-plane's part of the view, shaded (three hatch styles in turn) and labelled. */
export function renderHalfPlanes(t: PlotTransform, planes: HalfPlane[], view: Domain) {
  return planes.map((h, i) => {
    const poly = clipHalfPlane(h, view);
    if (poly.length < 3) return nothing;
    const pts = poly.map(([x, y]) => t.toPixel(x, y));
    const cx = pts.reduce((s, q) => s + q[0], 0) / pts.length;
    const cy = pts.reduce((s, q) => s + q[1], 0) / pts.length;
    return svg`<g class="dead-region r${i % 3}" role="img" aria-label=${`${h.label}: dead region`}>
      <polygon points=${pts.map((q) => q.join(',')).join(' ')} />
      <text x=${cx} y=${cy} text-anchor="middle" dominant-baseline="middle">${h.label}</text>
    </g>`;
  });
}

/** The data, gold ● and purple ■. */
export function renderPoints(t: PlotTransform, pts: BoundaryPoints) {
  const marks = [];
  for (let i = 0; i < pts.y.length; i++) {
    const [x, y] = t.toPixel(pts.X[i][0], pts.X[i][1]);
    marks.push(renderMarker(x, y, pts.y[i] === 1 ? 'gold' : 'purple', 3.5, 'datum'));
  }
  return svg`<g class="points" aria-hidden="true">${marks}</g>`;
}
