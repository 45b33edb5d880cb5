import { nothing, svg } from 'lit';
import { clipHalfPlane, labelPoints, type HalfPlane } from './half-plane.js';
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

/**
 * Each half-plane's part of the view, hatched in its own colour and direction (three in turn: told apart without
 * colour too) and labelled inside it, away from every region's edge.
 */
export function renderHalfPlanes(t: PlotTransform, planes: HalfPlane[], view: Domain) {
  if (planes.length === 0) return nothing;
  const labels = labelPoints(planes, view, t.width / (view.xMax - view.xMin));
  return svg`<defs>${[45, -45, 0].map(
    (angle, i) => svg`<pattern id=${`dead-hatch-${i}`} class=${`hatch r${i}`} patternUnits="userSpaceOnUse" width="9" height="9" patternTransform=${`rotate(${angle})`}>
      <line x1="0" y1="0" x2="0" y2="9"></line></pattern>`,
  )}</defs>
  ${planes.map((h, i) => {
    const poly = clipHalfPlane(h, view);
    if (poly.length < 3) return nothing;
    const at = labels[i] ? t.toPixel(labels[i]![0], labels[i]![1]) : null;
    return svg`<g class="dead-region r${i % 3}" role="img" aria-label=${`${h.label}: dead region`}>
      <polygon points=${poly.map(([x, y]) => t.toPixel(x, y).join(',')).join(' ')} fill=${`url(#dead-hatch-${i % 3})`} />
      ${at ? svg`<text x=${at[0]} y=${at[1]} text-anchor="middle" dominant-baseline="middle">${h.label} dead</text>` : nothing}
    </g>`;
  })}`;
}

/**
 * The data, gold ● and purple ■, as one path per class: 1,000 points as 1,000 elements cost the page about 20 ms
 * to build, style and paint each time the data changed. Each point is one subpath (`M`), a circle or a square.
 */
export function renderPoints(t: PlotTransform, pts: BoundaryPoints) {
  const r = 3.5;
  const s = r * 0.9;
  let gold = '';
  let purple = '';
  for (let i = 0; i < pts.y.length; i++) {
    const [x, y] = t.toPixel(pts.X[i][0], pts.X[i][1]);
    if (pts.y[i] === 1) gold += `M${hundredths(x - r)},${hundredths(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
    else purple += `M${hundredths(x - s)},${hundredths(y - s)}h${2 * s}v${2 * s}h${-2 * s}z`;
  }
  return svg`<g class="points" aria-hidden="true"><path class="datum purple" d=${purple}></path><path class="datum gold" d=${gold}></path></g>`;
}

const hundredths = (v: number) => Math.round(v * 100) / 100;
