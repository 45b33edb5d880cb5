// The rules of <nn-boundary>'s object properties, set from JavaScript: what a page may hand it, and how much.
import { describeValue } from '../../src/spec/problems.js';

/** The most data points drawn (each is an SVG mark). */
export const MAX_POINTS = 1_000;
/**
 * The most work one map may take, in grid cells × model weights: a 256×256 grid of a model of 900 weights, a 64×64
 * grid of one of 14,600, a lab's 40×40 grid of one of 37,500 (a map is computed again on every change of the model).
 */
export const MAX_GRID_WORK = 60_000_000;
/** The most half-planes shaded. */
export const MAX_HALF_PLANES = 64;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isArrayLike = (v: unknown): v is ArrayLike<unknown> =>
  Array.isArray(v) || ArrayBuffer.isView(v) || (typeof v === 'object' && v !== null && typeof (v as { length?: unknown }).length === 'number');

/** An engine model with two inputs (what `decisionGrid` draws), small enough to map at `resolution`. */
export function modelProblem(m: unknown, resolution: number): string | undefined {
  const model = m as { inputDim?: unknown; outputDim?: unknown; layers?: unknown; params?: unknown };
  if (typeof m !== 'object' || m === null || !Array.isArray(model.layers) || !(model.params instanceof Float64Array))
    return `model must be a model of the small engine (sequential(...) from nn-mathlets/core), got ${describeValue(m)}`;
  if (model.inputDim !== 2) return `model must take 2 inputs (x, y), not ${String(model.inputDim)}`;
  return gridWorkProblem(model.params.length, resolution);
}

/** A message when a map of `weights` at `resolution` is more work than one update may take. */
export function gridWorkProblem(weights: number, resolution: number): string | undefined {
  if (weights * resolution * resolution <= MAX_GRID_WORK) return undefined;
  const most = Math.floor(Math.sqrt(MAX_GRID_WORK / weights));
  return `a ${resolution}×${resolution} map of a model of ${weights.toLocaleString('en')} weights is too much work for one update: use resolution ${most >= 8 ? `${most} or less` : 'at 8 a smaller model'}`;
}

/** `{ X: [[x, y], …], y: [label, …] }`, as long as each other and at most MAX_POINTS. */
export function pointsProblem(p: unknown): string | undefined {
  const pts = p as { X?: unknown; y?: unknown };
  const want = `points must be { X: [[x, y], …], y: [label, …] } of equal length`;
  if (typeof p !== 'object' || p === null || !isArrayLike(pts.X) || !isArrayLike(pts.y)) return `${want}, got ${describeValue(p)}`;
  const { X, y } = pts;
  if (X.length !== y.length) return `${want}, got ${X.length} points and ${y.length} labels`;
  if (y.length > MAX_POINTS) return `points: ${y.length} points is over the limit of ${MAX_POINTS.toLocaleString('en')}`;
  for (let i = 0; i < y.length; i++) {
    const row = X[i];
    if (!isArrayLike(row) || row.length < 2 || !finite(row[0]) || !finite(row[1]) || !finite(y[i]))
      return `points: point ${i} is not two finite numbers with a numeric label, got ${describeValue(row)}`;
  }
  return undefined;
}

/** An array of at most MAX_HALF_PLANES `{ w: [a, b], b, label }` with finite numbers. */
export function halfPlanesProblem(h: unknown): string | undefined {
  if (!Array.isArray(h)) return `halfPlanes must be an array of { w: [a, b], b, label }, got ${describeValue(h)}`;
  if (h.length > MAX_HALF_PLANES) return `halfPlanes: ${h.length} is over the limit of ${MAX_HALF_PLANES}`;
  const bad = h.findIndex((p: { w?: unknown; b?: unknown; label?: unknown } | null) =>
    typeof p !== 'object' || p === null || !Array.isArray(p.w) || p.w.length !== 2 || !p.w.every(finite) || !finite(p.b) || typeof p.label !== 'string',
  );
  return bad < 0 ? undefined : `halfPlanes[${bad}] must be { w: [a, b], b, label } with finite numbers, got ${describeValue(h[bad])}`;
}
