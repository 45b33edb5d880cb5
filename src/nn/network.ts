/**
 * The Dense network behind every small-engine model: its spec, its weights in one Float64Array in Keras's
 * `get_weights()` order (kernel, bias per layer; the optimizers update everything in one loop), and what is computed
 * from them without training. Sequential (sequential.ts) adds training.
 *
 * Seeding: an initializer with its own `seed` uses it; otherwise layer i's kernel draws from
 * `RandomState(derivedSeed(seed, 2i))` and its bias from `RandomState(derivedSeed(seed, 2i + 1))`, where
 * derivedSeed(s, k) = (s·1000 + k) mod 2³² and `seed` is the spec's (default 0). Each layer thus has its own
 * stream: changing one layer's initializer leaves the others' weights as they were.
 */
import type { DenseLayerSpec, ModelSpec, TrainSpec } from '../spec/types.js';
import { makeDenseLayer, denseParamCount, type DenseLayer } from './dense.js';
import { describeValue, refuse, refuseWith } from './errors.js';
import { derivedSeed, initializeInto } from './initializers.js';
import { assertBuildable } from './model-checks.js';
import type { CompiledState } from './compile.js';
import type { LabelInput, MatrixInput } from './data-input.js';
import { decisionGrid, type DecisionGridOptions } from './decision-grid.js';
import { predict } from './evaluate.js';
import { chainRulePaths, type ChainRulePathOptions } from './introspection/chain-rule-paths.js';
import { deadUnits, deadUnitsOn } from './introspection/dead-units.js';
import { gradients, type GradientOptions } from './introspection/gradients.js';
import { inputGradient, type InputGradientOptions } from './introspection/input-gradient.js';
import { layerGradientNorms } from './introspection/layer-gradient-norms.js';
import { trace } from './introspection/trace.js';
import type { ChainRulePath, DeadUnits, LayerGradient, Trace } from './introspection-types.js';
import type { OptimizerState } from './optimizers/optimizer.js';
import type { LayerGradientNorm } from './trainer.js';

/** A weight array as setWeights accepts it: flat (row-major for a kernel) or a kernel as rows [in][out]. */
export type WeightInput = ArrayLike<number> | ReadonlyArray<ArrayLike<number>>;

/** The spec a model is built from, checked and copied (the model never shares the caller's object). */
export function checkedSpec(spec: ModelSpec): ModelSpec {
  assertBuildable(spec);
  return structuredClone(spec);
}

/**
 * A stack of Dense layers and its weights, and everything computed from them without training: predict, trace,
 * gradients, decisionGrid and the other introspection. {@link Sequential} extends it with compile, fit and
 * evaluate. Elements that only draw and explain a network build these, so a page that never trains does not load
 * the training code (optimizers, schedules, callbacks, the fit loop).
 */
export class Network {
  /** The spec the model was built from (Keras names in camelCase). */
  readonly spec: ModelSpec;
  /** Number of inputs (inputShape[0]). */
  readonly inputDim: number;
  /** Units of the last layer. */
  readonly outputDim: number;
  readonly layers: readonly DenseLayer[];
  /** Every weight, in Keras's get_weights order; `layers[i].kernel` and `.bias` are views into it. */
  readonly params: Float64Array;
  /** Loss, metrics and optimizer, set by a Sequential's compile; null until then, and always on a Network. */
  compiled: CompiledState | null = null;

  /** Use {@link Network.fromSpec} (or `sequential`, `buildModel` for a trainable model). */
  protected constructor(spec: ModelSpec, source?: Network) {
    this.spec = spec;
    this.inputDim = spec.inputShape[0];
    if (source) {
      // A clone: the same layers (their activations and regularizers are immutable) over a copy of the weights.
      this.params = source.params.slice();
      this.layers = source.layers.map((l) => ({
        ...l,
        kernel: this.params.subarray(l.kernelOffset, l.biasOffset),
        bias: this.params.subarray(l.biasOffset, l.biasOffset + l.bias.length),
      }));
      this.outputDim = source.outputDim;
      return;
    }
    const dense = spec.layers as DenseLayerSpec[];
    let size = 0;
    let inDim = this.inputDim;
    for (const l of dense) {
      size += denseParamCount(inDim, l);
      inDim = l.units;
    }
    this.params = new Float64Array(size);
    const layers: DenseLayer[] = [];
    let offset = 0;
    inDim = this.inputDim;
    dense.forEach((l, i) => {
      const layer = makeDenseLayer(l, i, inDim, this.params, offset);
      layers.push(layer);
      offset += denseParamCount(inDim, l);
      inDim = l.units;
    });
    this.layers = layers;
    this.outputDim = inDim;
  }

  /**
   * Builds and initializes a model from its spec.
   * @throws SpecError listing every problem (including non-Dense layers, which run on the TensorFlow.js engine).
   */
  static fromSpec(spec: ModelSpec): Network {
    return new Network(checkedSpec(spec)).initialized();
  }

  /** This model after {@link initialize}: the last step of fromSpec. */
  protected initialized(): this {
    this.initialize();
    return this;
  }

  /** (Re)draws every weight from the initializers and the seed (see the module comment for the seeding). */
  initialize(seed = this.spec.seed ?? 0): void {
    for (const layer of this.layers) {
      const i = layer.index;
      const s = layer.spec;
      initializeInto(s.kernelInitializer ?? 'glorot_uniform', layer.kernel, layer.inputDim, layer.units, derivedSeed(seed, 2 * i));
      if (layer.useBias) {
        initializeInto(s.biasInitializer ?? 'zeros', layer.bias, layer.units, layer.units, derivedSeed(seed, 2 * i + 1));
      }
    }
  }

  /**
   * A model of the same architecture with a copy of these weights, uncompiled: Keras's `clone_model` followed by
   * `set_weights`. Nothing is validated or drawn again, so it costs microseconds where `fromSpec` costs a tenth of a
   * millisecond (`<nn-mathlet>` makes models on every slider move). The clone shares this model's `spec` object,
   * which the engine never changes.
   */
  clone(): this {
    const Model = this.constructor as new (spec: ModelSpec, source: Network) => this;
    return new Model(this.spec, this);
  }

  /** Number of weights (Keras's count_params). */
  countParams(): number {
    return this.params.length;
  }

  /** Copies of the weights in Keras's order: [kernel₀ (in·out, row-major), bias₀, kernel₁, bias₁, ...]. */
  getWeights(): Float64Array[] {
    const out: Float64Array[] = [];
    for (const l of this.layers) {
      out.push(l.kernel.slice());
      if (l.useBias) out.push(l.bias.slice());
    }
    return out;
  }

  /**
   * Sets the weights from arrays in Keras's order (as {@link getWeights} returns them). A kernel may be flat
   * (row-major [in][out]) or rows, exactly [in][out] as Keras's `set_weights` requires: a 3×2 kernel given for a
   * 2×3 one is refused, not reshaped.
   * @throws SpecError naming `weights[k]` when the count, a shape or a value is wrong; nothing is changed then.
   */
  setWeights(weights: readonly WeightInput[]): void {
    const targets: Array<{ array: Float64Array; rows: number; cols: number }> = [];
    for (const l of this.layers) {
      targets.push({ array: l.kernel, rows: l.inputDim, cols: l.units });
      if (l.useBias) targets.push({ array: l.bias, rows: 0, cols: l.units });
    }
    if (!Array.isArray(weights) || weights.length !== targets.length) {
      refuseWith('weights', `weights must hold ${targets.length} arrays (kernel and bias per layer), got ${Array.isArray(weights) ? weights.length : describeValue(weights)}`, weights);
    }
    const flat = targets.map((t, k) => flattenWeight(weights[k], t.rows, t.cols, `weights[${k}]`));
    flat.forEach((f, k) => targets[k].array.set(f));
  }











  /** Outputs for every row, flat row-major rows × outputDim (see {@link predict}). */
  predict(x: MatrixInput): Float64Array {
    return predict(this, x);
  }

  /** Every layer's z and a for one input (see {@link trace}). */
  trace(x: ArrayLike<number>): Trace {
    return trace(this, x);
  }

  /** dLoss/dW and dLoss/db per layer (see {@link gradients}). */
  gradients(x: MatrixInput | ArrayLike<number>, y: LabelInput | number | ArrayLike<number>, options?: GradientOptions): LayerGradient[] {
    return gradients(this, x, y, options);
  }

  /** d output / d input (see {@link inputGradient}). */
  inputGradient(x: ArrayLike<number>, outputIndex: number, options?: InputGradientOptions): Float64Array {
    return inputGradient(this, x, outputIndex, options);
  }

  /** Every chain-rule path from an input to an output (see {@link chainRulePaths}). */
  chainRulePaths(x: ArrayLike<number>, inputIndex: number, outputIndex: number, options?: ChainRulePathOptions): ChainRulePath[] {
    return chainRulePaths(this, x, inputIndex, outputIndex, options);
  }

  /** Hidden units with zero derivative at x (see {@link deadUnits}). */
  deadUnits(x: ArrayLike<number>): DeadUnits {
    return deadUnits(this, x);
  }

  /** Hidden units dead at every row of X (see {@link deadUnitsOn}). */
  deadUnitsOn(X: MatrixInput): DeadUnits {
    return deadUnitsOn(this, X);
  }

  /** Per-layer gradient norms over a set (see {@link layerGradientNorms}). */
  layerGradientNorms(X: MatrixInput, y: LabelInput, options?: GradientOptions): LayerGradientNorm[] {
    return layerGradientNorms(this, X, y, options);
  }

  /** The output over a 2-D grid (see {@link decisionGrid}). */
  decisionGrid(options: DecisionGridOptions): Float32Array {
    return decisionGrid(this, options);
  }

  /** The model's spec as Keras-shaped JSON plus (exactly round-tripping) weights; see {@link modelToJSON}. */
  toJSON(): SequentialJSON {
    return modelToJSON(this);
  }


}

/** Plain JSON for a model: spec, weights (Keras order, kernels flat row-major), training setup if compiled. */
export interface SequentialJSON {
  format: 'nn-mathlets/sequential';
  version: 1;
  spec: ModelSpec;
  weights: number[][];
  trainSpec?: TrainSpec;
  optimizerState?: OptimizerState;
}

/**
 * The model as JSON. Numbers are float64 written by JSON.stringify, which round-trips exactly.
 * `includeOptimizer` (default true) saves the optimizer's slots and iteration count when compiled.
 */
export function modelToJSON(model: Network, includeOptimizer = true): SequentialJSON {
  const json: SequentialJSON = {
    format: 'nn-mathlets/sequential',
    version: 1,
    spec: structuredClone(model.spec),
    weights: model.getWeights().map((w) => Array.from(w)),
  };
  if (model.compiled) {
    json.trainSpec = structuredClone(model.compiled.trainSpec);
    if (includeOptimizer) json.optimizerState = model.compiled.optimizer.getState();
  }
  return json;
}

/** `v` when it is a finite number (not a string or null that a Float64Array would quietly turn into one). */
function finiteAt(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) refuse(path, 'must be a finite number', v);
  return v;
}

/** A weight as a flat copy; `rows` > 0 for a kernel, which may also come as exactly `rows` rows of `cols`. */
function flattenWeight(w: WeightInput, rows: number, cols: number, path: string): Float64Array {
  const size = (rows || 1) * cols;
  const shape = rows ? `${rows}×${cols} ([inputs][units])` : `${cols}`;
  if (w == null || typeof w !== 'object' || typeof (w as ArrayLike<unknown>).length !== 'number') refuse(path, `must be an array of ${size} numbers (${shape})`, w);
  const out = new Float64Array(size);
  const first = (w as ArrayLike<unknown>)[0];
  if (first != null && typeof first === 'object') {
    const given = w as ReadonlyArray<ArrayLike<number>>;
    const lengths = Array.from(given, (row) => (row != null && typeof row === 'object' ? Number(row.length) : -1));
    if (!rows || given.length !== rows || lengths.some((n) => n !== cols)) {
      const got = lengths.every((n) => n === lengths[0]) ? `${given.length}×${lengths[0]}` : `${given.length} rows of lengths ${lengths.slice(0, 8).join(', ')}`;
      refuseWith(path, rows ? `${path} must be ${shape} or ${size} numbers flat, got ${got}` : `${path} must be ${cols} numbers (a bias is flat), got ${got}`, w);
    }
    given.forEach((row, r) => {
      for (let j = 0; j < cols; j++) out[r * cols + j] = finiteAt(row[j], `${path}[${r}][${j}]`);
    });
  } else {
    const flat = w as ArrayLike<number>;
    if (flat.length !== size) refuseWith(path, `${path} must hold ${size} numbers, got ${flat.length}${rows ? ` (the kernel is ${shape})` : ''}`, flat.length);
    for (let i = 0; i < size; i++) out[i] = finiteAt(flat[i], `${path}[${i}]`);
  }
  return out;
}

