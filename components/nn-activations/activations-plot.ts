import { svg, type SVGTemplateResult } from 'lit';
import { getActivation } from '../../src/nn/index.js';
import { COLORS, DASHES, type ShownActivation } from './activation-info.js';

/** One panel's box in SVG units, and its value range. */
export interface Panel {
  w: number;
  h: number;
  range: number;
  yMin: number;
  yMax: number;
}

const PAD = 24;
const sx = (p: Panel, x: number) => PAD + ((x + p.range) / (2 * p.range)) * (p.w - 2 * PAD);
const sy = (p: Panel, y: number) => p.h - PAD - ((y - p.yMin) / (p.yMax - p.yMin)) * (p.h - 2 * PAD);

/** The x in [−range, range] at SVG x-coordinate `px`. */
export const xAt = (p: Panel, px: number) => ((px - PAD) / (p.w - 2 * PAD)) * 2 * p.range - p.range;

/** Samples f (or f′) of `name` from the engine at `n` points and draws it; values outside the panel are clipped. */
function curve(p: Panel, name: ShownActivation, der: boolean, n = 161): SVGTemplateResult {
  const act = getActivation(name);
  const f = der ? act.der : act.output;
  let d = '';
  for (let i = 0; i < n; i++) {
    const x = -p.range + (2 * p.range * i) / (n - 1);
    const y = Math.min(p.yMax + 1, Math.max(p.yMin - 1, f(x)));
    d += `${i ? 'L' : 'M'}${sx(p, x).toFixed(1)},${sy(p, y).toFixed(1)}`;
  }
  return svg`<path class="curve" data-name=${name} d=${d} stroke=${COLORS[name]} stroke-dasharray=${DASHES[name] || 'none'}></path>`;
}

/** A whole panel: axes, one curve per shown activation, the cursor and its dots. */
export function panel(p: Panel, names: readonly ShownActivation[], der: boolean, cursor: number): SVGTemplateResult {
  const ticks = [-Math.floor(p.range), 0, Math.floor(p.range)];
  return svg`
    <defs><clipPath id="clip-${der ? 'd' : 'f'}"><rect x=${PAD} y=${PAD} width=${p.w - 2 * PAD} height=${p.h - 2 * PAD}></rect></clipPath></defs>
    <g class="axes" aria-hidden="true">
      <line x1=${PAD} x2=${p.w - PAD} y1=${sy(p, 0)} y2=${sy(p, 0)}></line>
      <line x1=${sx(p, 0)} x2=${sx(p, 0)} y1=${PAD} y2=${p.h - PAD}></line>
      ${ticks.map((t) => svg`<text x=${sx(p, t)} y=${p.h - 8} text-anchor="middle">${t}</text>`)}
      ${[p.yMin, p.yMax].map((t) => svg`<text x=${PAD - 4} y=${sy(p, t)} text-anchor="end" dominant-baseline="middle">${t}</text>`)}
      <text class="title" x=${p.w - PAD} y=${PAD - 8} text-anchor="end">${der ? 'f′(x)' : 'f(x)'}</text>
    </g>
    <g clip-path="url(#clip-${der ? 'd' : 'f'})">${names.map((n) => curve(p, n, der))}</g>
    <line class="cursor" x1=${sx(p, cursor)} x2=${sx(p, cursor)} y1=${PAD} y2=${p.h - PAD}></line>
    ${names.map((n) => {
      const act = getActivation(n);
      const v = der ? act.der(cursor) : act.output(cursor);
      return v < p.yMin || v > p.yMax ? null : svg`<circle cx=${sx(p, cursor)} cy=${sy(p, v)} r="4" fill=${COLORS[n]}></circle>`;
    })}`;
}
