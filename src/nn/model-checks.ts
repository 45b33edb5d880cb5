/**
 * What the small engine checks in a ModelSpec before building it: the shared validator's problems (src/spec: every
 * field, with its path), plus the engine's own limits — Dense layers only, a flat input. Every problem is collected
 * and thrown at once.
 */
import { LIMITS } from '../spec/limits.js';
import { validateModelSpec } from '../spec/validate-model.js';
import type { ModelSpec } from '../spec/types.js';
import { describeValue, SpecError, type SpecProblem } from './errors.js';

const LAYER_TITLES: Record<string, string> = {
  conv2d: 'Conv2D',
  maxPooling2d: 'MaxPooling2D',
  dropout: 'Dropout',
  flatten: 'Flatten',
};

/**
 * Every problem with `spec` for the small engine; empty when it can be built.
 * Runs src/spec's `validateModelSpec` first, then the engine's own checks.
 */
export function modelSpecProblems(spec: ModelSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const need = (path: string, req: string, value: unknown) =>
    problems.push({ path, message: `${path} ${req}, got ${describeValue(value)}`, value });
  problems.push(...validateModelSpec(spec));
  if (typeof spec !== 'object' || spec === null) {
    if (problems.length === 0) need('', 'model spec must be an object', spec);
    return problems;
  }
  const shape = spec.inputShape;
  if (!Array.isArray(shape) || shape.length !== 1 || !Number.isSafeInteger(shape[0]) || shape[0] < 1) {
    need('inputShape', 'must be [n] with n a positive integer (the small engine takes flat inputs)', shape);
  }
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) {
    need('layers', 'must be a non-empty array of layers', spec.layers);
    return dedupe(problems);
  }
  spec.layers.forEach((layer, i) => {
    const path = `layers[${i}]`;
    if (typeof layer !== 'object' || layer === null) return need(path, 'must be a layer object', layer);
    if (layer.type !== 'dense') {
      const title = LAYER_TITLES[layer.type as string];
      const named = layer.name ? ` ('${layer.name}')` : '';
      problems.push({
        path: `${path}.type`,
        message: title
          ? `${path}${named} is a ${title} layer: the small engine builds Dense layers only; ${title} layers run on the TensorFlow.js engine (nn-mathlets/tf)`
          : `${path}.type must be "dense" for the small engine, got ${describeValue(layer.type)}`,
        value: layer.type,
      });
      return;
    }
  });
  if (problems.length === 0) {
    let inDim = shape[0];
    let count = 0;
    for (const l of spec.layers as Array<{ units: number; useBias?: boolean }>) {
      count += inDim * l.units + (l.useBias === false ? 0 : l.units);
      inDim = l.units;
    }
    if (count > LIMITS.maxSmallEngineParams) {
      problems.push({
        path: 'layers',
        message: `the model has ${count.toLocaleString('en')} weights; the small engine takes at most ${LIMITS.maxSmallEngineParams.toLocaleString('en')} (larger models run on the TensorFlow.js engine, nn-mathlets/tf)`,
        value: count,
      });
    }
  }
  return dedupe(problems);
}

/** The shared validator and the engine may both flag one path; show it once. */
function dedupe(problems: SpecProblem[]): SpecProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (seen.has(p.path)) return false;
    seen.add(p.path);
    return true;
  });
}

/** Throws a SpecError listing every problem when `spec` cannot be built by the small engine. */
export function assertBuildable(spec: ModelSpec): void {
  const problems = modelSpecProblems(spec);
  if (problems.length > 0) throw new SpecError(problems, 'model spec');
}
