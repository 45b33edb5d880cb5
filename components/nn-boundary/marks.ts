import { svg } from 'lit';
import type { Domain } from './transform.js';

/**
 * A class mark: gold is a circle, purple a square, so the classes differ by shape as well as colour.
 */
export function renderMarker(x: number, y: number, cls: 'gold' | 'purple' | 'neutral', r: number, extra: string) {
  if (cls === 'purple') {
    const s = r * 0.9;
    return svg`<rect class="${extra} purple" x=${x - s} y=${y - s} width=${2 * s} height=${2 * s} />`;
  }
  return svg`<circle class="${extra} ${cls}" cx=${x} cy=${y} r=${r} />`;
}

/** The move for an arrow key: 1/50 of the view, Shift 1/10, Alt 1/200; undefined for other keys. */
export function keyStep(e: KeyboardEvent, d: Domain): [number, number] | undefined {
  const frac = e.shiftKey ? 1 / 10 : e.altKey ? 1 / 200 : 1 / 50;
  const dx = (d.xMax - d.xMin) * frac;
  const dy = (d.yMax - d.yMin) * frac;
  switch (e.key) {
    case 'ArrowLeft':
      return [-dx, 0];
    case 'ArrowRight':
      return [dx, 0];
    case 'ArrowUp':
      return [0, dy];
    case 'ArrowDown':
      return [0, -dy];
    default:
      return undefined;
  }
}
