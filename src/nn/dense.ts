/**
 * The Dense layer: its spec builder (`dense(5, { activation: 'tanh' })`, shaped like Keras's `Dense`) and the
 * runtime layer the engine computes with. The kernel is Keras's [in][out] layout, row-major:
 * `kernel[i * units + j]` is the weight to unit j from input i.
 */
import type { ActivationSpec, DenseLayerSpec, InitializerSpec, RegularizerSpec } from '../spec/types.js';
import { getActivation, type Activation } from './activations.js';
import { getRegularizer, type Regularizer } from './regularizers.js';
import { refuse } from './errors.js';
import { checkLimit } from '../spec/limits.js';

/** Keras `Dense` keyword arguments, in camelCase. */
export interface DenseOptions {
  activation?: ActivationSpec;
  useBias?: boolean;
  kernelInitializer?: InitializerSpec;
  biasInitializer?: InitializerSpec;
  kernelRegularizer?: RegularizerSpec;
  biasRegularizer?: RegularizerSpec;
  activityRegularizer?: RegularizerSpec;
  name?: string;
}

/**
 * A Dense layer's spec, as Keras's `Dense(units, activation=..., ...)` reads. Options left out keep Keras's
 * defaults (linear activation, bias on, glorot_uniform kernel, zeros bias) and are not written into the spec.
 */
export function dense(units: number, options: DenseOptions = {}): DenseLayerSpec {
  // As Keras's Dense refuses units ≤ 0 when it is made; the limit keeps dense(1e9) from reaching an allocation.
  if (!(Number.isSafeInteger(units) && units > 0)) refuse('units', 'must be a positive integer', units, 'layer');
  checkLimit('units', units, 'maxUnits', 'layer');
  const out: DenseLayerSpec = { type: 'dense', units };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
  return out;
}

/** One Dense layer of a built model. `kernel`, `bias` and their gradients are views into the model's flat arrays. */
export interface DenseLayer {
  /** Position in the model (0 = first Dense layer). */
  index: number;
  name: string;
  inputDim: number;
  units: number;
  useBias: boolean;
  activation: Activation;
  /** [inputDim][units], row-major; a view into the model's parameter array. */
  kernel: Float64Array;
  /** [units]; empty when `useBias` is false. */
  bias: Float64Array;
  /** Offsets of kernel and bias in the model's flat parameter array (Keras's get_weights order). */
  kernelOffset: number;
  biasOffset: number;
  kernelRegularizer: Regularizer | null;
  biasRegularizer: Regularizer | null;
  activityRegularizer: Regularizer | null;
  spec: DenseLayerSpec;
}

/** Number of parameters a Dense layer of this shape holds. */
export function denseParamCount(inputDim: number, spec: DenseLayerSpec): number {
  return inputDim * spec.units + (spec.useBias === false ? 0 : spec.units);
}

/** Builds the runtime layer over `params` (already sized for the whole model) starting at `offset`. */
export function makeDenseLayer(
  spec: DenseLayerSpec,
  index: number,
  inputDim: number,
  params: Float64Array,
  offset: number,
): DenseLayer {
  const units = spec.units;
  const useBias = spec.useBias !== false;
  const where = `layers[${index}]`;
  const biasOffset = offset + inputDim * units;
  return {
    index,
    name: spec.name ?? (index === 0 ? 'dense' : `dense_${index}`),
    inputDim,
    units,
    useBias,
    activation: getActivation(spec.activation),
    kernel: params.subarray(offset, biasOffset),
    bias: params.subarray(biasOffset, biasOffset + (useBias ? units : 0)),
    kernelOffset: offset,
    biasOffset,
    kernelRegularizer: getRegularizer(spec.kernelRegularizer, `${where}.kernelRegularizer`),
    biasRegularizer: useBias ? getRegularizer(spec.biasRegularizer, `${where}.biasRegularizer`) : null,
    activityRegularizer: getRegularizer(spec.activityRegularizer, `${where}.activityRegularizer`),
    spec,
  };
}
