// The one place components reach the engine: everything comes from the engine's index files, and this file only
// adapts names and shapes (the homework's [out][in] weight rows to Keras's [in][out] kernels, a Domain to ranges).
import {
  chainRulePaths as engineChainRulePaths,
  decisionGrid as engineDecisionGrid,
  deadUnits as engineDeadUnits,
  dense,
  gradients,
  inputGradient as engineInputGradient,
  Network,
  trace as engineTrace,
} from '../../src/nn/index.js';
import type { ActivationName, LayerSpec } from '../../src/spec/index.js';
import type { ChainRulePath, DeadUnits, LayerGradient, Trace } from '../../src/nn/introspection-types.js';
import type { NetParams, ParamRef } from './params.js';
import type { Domain } from '../nn-boundary/transform.js';

export { isGold, semicircleTask, SEMICIRCLE_BEST, SEMICIRCLE_DEFAULT_POINT } from '../../src/data/index.js';
export { RandomState } from '../../src/random/index.js';

/** A model the elements can draw: any engine model with two inputs (a Sequential, trained or not, or a Network). */
export type Classifier = Network;

/** The chain-rule net's output activation: p = softmax(10·o). */
const OUTPUT = { name: 'softmax', scale: 10 } as const;

/** [rows = units][cols = inputs] → Keras's kernel rows [in][out]. */
const kernel = (rows: number[][]): number[][] => rows[0].map((_, i) => rows.map((r) => r[i]));

/**
 * The chain-rule net as an engine model: Dense(hidden, activation) → Dense(2, softmax(10·o)); with `logits`, the
 * same net with a linear output (its outputs are the logits o).
 */
export function buildChainRuleModel(params: NetParams, activation: ActivationName, logits = false): Classifier {
  const model = shape(`chain|${params.b1.length}|${activation}|${logits}`, () => [
    dense(params.b1.length, { activation, ...ZEROS }),
    dense(2, { activation: logits ? 'linear' : OUTPUT, ...ZEROS }),
  ]).clone();
  model.setWeights([kernel(params.W1), params.b1, kernel(params.W2), params.b2]);
  return model;
}

// Zeros initializers: the weights are set right after, so drawing random ones would be wasted work.
const ZEROS = { kernelInitializer: 'zeros', biasInitializer: 'zeros' } as const;
const shapes = new Map<string, Network>();

/**
 * One model per network shape, built once and then cloned with new weights: the mathlet makes two or three models
 * per slider move, and building each from its spec (validation, a copy of the spec) was a fifth of the move's cost.
 */
function shape(key: string, layers: () => LayerSpec[]): Network {
  let model = shapes.get(key);
  // A Network, not a Sequential: these models are drawn, never trained, so the page needs no training code.
  if (!model) shapes.set(key, (model = Network.fromSpec({ inputShape: [2], layers: layers() })));
  return model;
}

export function trace(model: Classifier, x: readonly [number, number]): Trace {
  return engineTrace(model, x);
}

export function deadUnits(model: Classifier, x: readonly [number, number]): DeadUnits {
  return engineDeadUnits(model, x);
}

/** The first layer alone, Dense(hidden, activation): its outputs are the hidden units' z (linear) or a. */
export function buildHiddenModel(params: NetParams, activation: ActivationName): Classifier {
  const model = shape(`hidden|${params.b1.length}|${activation}`, () => [dense(params.b1.length, { activation, ...ZEROS })]).clone();
  model.setWeights([kernel(params.W1), params.b1]);
  return model;
}

/** ∂o_k/∂x: of the output's logit z (default) or of its activation a. */
export function inputGradient(model: Classifier, x: readonly [number, number], output: number, of: 'logit' | 'probability' = 'logit'): Float64Array {
  return engineInputGradient(model, x, output, { of });
}

export function chainRulePaths(model: Classifier, x: readonly [number, number], input: number, output: number): ChainRulePath[] {
  return engineChainRulePaths(model, x, input, output, { of: 'logit' });
}

/**
 * ∂a_k/∂θ for one parameter θ, where a is the model's output. The engine differentiates losses, not single
 * outputs, so this asks it for the gradient of mean squared error against a target one below output k and equal
 * to the others: MSE = Σ(a − y)²/n over the n outputs, so its gradient is Σ 2(a − y)/n · ∂a/∂θ = (2/n)·∂a_k/∂θ, scaled back by n/2.
 * TODO(engine): an `outputGradient(model, x, k, { of })` over the parameters would say this directly.
 */
export function outputParamGradient(model: Classifier, x: readonly [number, number], output: number, ref: ParamRef): number {
  const a = engineTrace(model, x).output;
  const y = Array.from(a, (v, k) => (k === output ? v - 1 : v));
  const g: LayerGradient[] = gradients(model, x, y, { loss: 'mean_squared_error' });
  const index = ref.name.endsWith('1') ? 0 : 1;
  const layer = g[index];
  const units = model.layers[index].units;
  const n = a.length / 2;
  if (ref.from === undefined) return (layer.bias?.[ref.to] ?? NaN) * n;
  return layer.kernel[ref.from * units + ref.to] * n;
}

/**
 * The probability of output unit `unit` (-1: the last) on a res×res grid over `domain`, row 0 at the top (into `into`
 * when given; only rows [from, to) when `rows` is given).
 */
export function decisionGrid(model: Classifier, domain: Domain, res: number, unit: number, into?: Float32Array, rows?: readonly [number, number]): Float32Array {
  return engineDecisionGrid(model, {
    into,
    rows,
    xRange: [domain.xMin, domain.xMax],
    yRange: [domain.yMin, domain.yMax],
    resolution: res,
    output: unit < 0 ? undefined : unit,
  });
}
