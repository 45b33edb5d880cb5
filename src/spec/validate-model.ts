/**
 * Checks a ModelSpec: the input shape, every layer's fields, and that each layer fits the shape the one before it
 * makes (a conv layer needs an image, a dense layer a flat vector), so a bad model is refused before any weight is
 * made.
 */
import { LAYER_TYPES } from './names.js';
import {
  BOOLEAN,
  inRange,
  joinPath,
  oneOf,
  POSITIVE_INTEGER,
  ProblemList,
  SEED,
  type SpecProblem,
} from './problems.js';
import { checkActivation, checkInitializer, checkRegularizer } from './validate-parts.js';
import { LIMITS, overLimit, withinLimit } from './limits.js';

/** Every problem of a model spec, with paths such as `layers[2].units`. */
export function validateModelSpec(spec: unknown): SpecProblem[] {
  const problems = new ProblemList('model spec');
  checkModel(spec, problems, '');
  return problems.problems;
}

/** TensorFlow's rule for scope names, which Keras layer names become; a name outside it fails in the notebook. */
const LAYER_NAME = {
  test: (v: unknown) => typeof v === 'string' && /^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$/.test(v),
  text: 'must be a name TensorFlow accepts (letters, digits and _ . - / >, not starting with _ - / >)',
};

/** Fields each layer type takes besides `type`, so one type's field on another is named. */
const LAYER_FIELDS: Record<(typeof LAYER_TYPES)[number], readonly string[]> = {
  dense: ['units', 'activation', 'useBias', 'kernelInitializer', 'biasInitializer', 'kernelRegularizer', 'biasRegularizer', 'activityRegularizer', 'name'],
  conv2d: ['filters', 'kernelSize', 'strides', 'padding', 'activation', 'kernelInitializer', 'kernelRegularizer', 'name'],
  maxPooling2d: ['poolSize', 'strides', 'name'],
  dropout: ['rate', 'seed', 'name'],
  flatten: ['name'],
};
const ALL_LAYER_FIELDS = [...new Set(Object.values(LAYER_FIELDS).flat())];

/** Adds the problems of the model spec at `base` (`''` alone, `'model'` inside validateSpec). */
export function checkModel(spec: unknown, problems: ProblemList, base: string): void {
  const obj = problems.object(base, spec);
  if (!obj) return;
  const shapePath = joinPath(base, 'inputShape');
  let shape: number[] | null = null;
  if (!Array.isArray(obj.inputShape) || obj.inputShape.length === 0) {
    problems.need(shapePath, 'must be a non-empty array of positive integers ([2] for the 2-D labs, [32, 32, 3] for CIFAR-10)', obj.inputShape);
  } else {
    const ok = obj.inputShape.map((d, i) => problems.check(joinPath(shapePath, i), d, POSITIVE_INTEGER));
    const size = ok.every(Boolean) ? (obj.inputShape as number[]).reduce((a, b) => a * b, 1) : 0;
    if (size > LIMITS.maxInputSize) problems.add(shapePath, overLimit(shapePath, size, 'maxInputSize', 'values'), obj.inputShape);
    else if (size > 0) shape = [...(obj.inputShape as number[])];
  }
  problems.optional(joinPath(base, 'seed'), obj.seed, SEED);

  const layersPath = joinPath(base, 'layers');
  if (!Array.isArray(obj.layers) || obj.layers.length === 0) {
    problems.need(layersPath, 'must be a non-empty array of layers', obj.layers);
    return;
  }
  if (obj.layers.length > LIMITS.maxLayers) {
    problems.add(layersPath, overLimit(`${layersPath}.length`, obj.layers.length, 'maxLayers'), obj.layers.length);
    return;
  }
  const names = new Map<string, number>();
  let params = 0;
  obj.layers.forEach((layer, i) => {
    const path = joinPath(layersPath, i);
    const input = shape;
    shape = checkLayer(layer, problems, path, shape);
    params += input && shape ? layerParams(layer as Record<string, unknown>, input, shape) : 0;
    const name = (layer as { name?: unknown } | null)?.name;
    if (typeof name === 'string') {
      // Keras refuses two layers of one name; weights saved by name would collide.
      if (names.has(name)) problems.need(joinPath(path, 'name'), `must be unique (layers[${names.get(name)}] has it too)`, name);
      else names.set(name, i);
    }
  });
  if (params > LIMITS.maxParams) problems.add(layersPath, `the model has ${params.toLocaleString('en')} weights; the limit is ${LIMITS.maxParams.toLocaleString('en')}`, params);
}

/** Weights of a layer that maps `input` to `output` (Keras's count_params for it). */
function layerParams(layer: Record<string, unknown>, input: number[], output: number[]): number {
  const out = output[output.length - 1];
  if (layer.type === 'dense') return input[0] * out + (layer.useBias === false ? 0 : out);
  if (layer.type !== 'conv2d') return 0;
  const k = layer.kernelSize as number | [number, number];
  const [kh, kw] = typeof k === 'number' ? [k, k] : k;
  return kh * kw * input[2] * out + out;
}

/** Checks one layer; returns the shape it outputs, or null when it cannot be known (so no cascade of problems). */
function checkLayer(layer: unknown, problems: ProblemList, path: string, input: number[] | null): number[] | null {
  const obj = problems.object(path, layer, 'a layer object ({ type: "dense", units: 5, ... })');
  if (!obj) return null;
  if (!problems.check(joinPath(path, 'type'), obj.type, oneOf(LAYER_TYPES))) return null;
  const type = obj.type as (typeof LAYER_TYPES)[number];
  const own = LAYER_FIELDS[type];
  problems.notApplicable(path, obj, ALL_LAYER_FIELDS.filter((f) => !own.includes(f)), `a ${type} layer`);
  problems.optional(joinPath(path, 'name'), obj.name, LAYER_NAME);
  const at = (key: string) => joinPath(path, key);
  const needsRank = (rank: number, what: string): boolean => {
    if (input === null || input.length === rank) return true;
    problems.add(path, `${path} (${type}) needs ${what}, but its input has shape [${input.join(', ')}]${rank === 1 ? '; add a flatten layer before it' : ''}`, input);
    return false;
  };

  switch (type) {
    case 'dense': {
      const unitsOk = problems.check(at('units'), obj.units, POSITIVE_INTEGER) && withinLimit(problems, at('units'), obj.units, 'maxUnits');
      if (obj.activation !== undefined) checkActivation(obj.activation, problems, at('activation'));
      problems.optional(at('useBias'), obj.useBias, BOOLEAN);
      for (const key of ['kernelInitializer', 'biasInitializer']) {
        if (obj[key] !== undefined) checkInitializer(obj[key], problems, at(key));
      }
      for (const key of ['kernelRegularizer', 'biasRegularizer', 'activityRegularizer']) {
        if (obj[key] !== undefined) checkRegularizer(obj[key], problems, at(key));
      }
      const flat = needsRank(1, 'a flat input');
      return unitsOk && flat ? [obj.units as number] : null;
    }
    case 'conv2d': {
      const filtersOk = problems.check(at('filters'), obj.filters, POSITIVE_INTEGER) && withinLimit(problems, at('filters'), obj.filters, 'maxUnits');
      const kernel = pair(obj.kernelSize, problems, at('kernelSize'));
      const strides: [number, number] | null = obj.strides === undefined ? [1, 1] : pair(obj.strides, problems, at('strides'));
      problems.optional(at('padding'), obj.padding, oneOf(['valid', 'same']));
      if (obj.activation !== undefined) checkActivation(obj.activation, problems, at('activation'));
      if (obj.kernelInitializer !== undefined) checkInitializer(obj.kernelInitializer, problems, at('kernelInitializer'));
      if (obj.kernelRegularizer !== undefined) checkRegularizer(obj.kernelRegularizer, problems, at('kernelRegularizer'));
      if (!needsRank(3, 'an image input [height, width, channels]') || !input || !kernel || !strides || !filtersOk) return null;
      const out = windowed(input, kernel, strides, obj.padding === 'same');
      if (!out) {
        problems.need(at('kernelSize'), `must fit in the input ${input[0]}×${input[1]} (padding "valid")`, obj.kernelSize);
        return null;
      }
      return [out[0], out[1], obj.filters as number];
    }
    case 'maxPooling2d': {
      const pool: [number, number] | null = obj.poolSize === undefined ? [2, 2] : pair(obj.poolSize, problems, at('poolSize'));
      // Keras's default strides are the pool size.
      const strides = obj.strides === undefined ? pool : pair(obj.strides, problems, at('strides'));
      if (!needsRank(3, 'an image input [height, width, channels]') || !input || !pool || !strides) return null;
      const out = windowed(input, pool, strides, false);
      if (!out) {
        problems.need(at('poolSize'), `must fit in the input ${input[0]}×${input[1]}`, obj.poolSize ?? 2);
        return null;
      }
      return [out[0], out[1], input[2]];
    }
    case 'dropout':
      problems.check(at('rate'), obj.rate, inRange(0, 1, true, false));
      problems.optional(at('seed'), obj.seed, SEED);
      return input;
    case 'flatten':
      return input === null ? null : [input.reduce((a, b) => a * b, 1)];
  }
}

/** A size given as `n` or `[h, w]`; null (with a problem) when it is neither. */
function pair(value: unknown, problems: ProblemList, path: string): [number, number] | null {
  if (POSITIVE_INTEGER.test(value)) return [value as number, value as number];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => POSITIVE_INTEGER.test(v))) {
    return [value[0] as number, value[1] as number];
  }
  problems.need(path, 'must be a positive integer or a pair [height, width] of them', value);
  return null;
}

/** Output height and width of a sliding window (Keras's formulas); null when "valid" leaves nothing. */
function windowed(input: number[], size: [number, number], strides: [number, number], same: boolean): [number, number] | null {
  const out = [0, 1].map((k) =>
    same ? Math.ceil(input[k] / strides[k]) : Math.floor((input[k] - size[k]) / strides[k]) + 1,
  );
  return out[0] > 0 && out[1] > 0 ? [out[0], out[1]] : null;
}
