/**
 * chainRulePaths(x, i, k): the chain rule written out. d z_last[k] / d x[i] is a sum over every path from input i
 * to output k through one unit of each hidden layer; each path's term is the product of its local factors —
 * weight, activation derivative, weight, ..., weight. A path through a unit whose activation derivative is 0
 * (a dead ReLU) contributes 0, and says which unit killed it.
 */
import { derFromCache } from '../activations.js';
import { refuse, refuseWith } from '../errors.js';
import type { ChainRulePath, PathFactor } from '../introspection-types.js';
import type { Network } from '../network.js';
import { derivativeLabel, outputLabel, weightLabel } from './labels.js';
import { trace } from './trace.js';

/** Options of chainRulePaths. */
export interface ChainRulePathOptions {
  /**
   * 'logit' (default): paths to z_last[k]. 'probability': paths to a_last[k], each ending with an 'output'
   * factor — f′(z_k) for an elementwise output, or the softmax Jacobian entry ∂a_k/∂z_m (then paths also run
   * through every output unit m).
   */
  of?: 'logit' | 'probability';
  /** Refuse networks with more paths than this (default 10,000): the list is for reading, not for big nets. */
  maxPaths?: number;
}

/**
 * Every path from input `inputIndex` to output `outputIndex` at `x`, with its factors, product, and the first
 * dead unit on it. The products sum to `inputGradient(model, x, outputIndex, { of })[inputIndex]`.
 * @throws SpecError for indices out of range, a softmax hidden layer (no per-unit derivative), or too many paths.
 */
export function chainRulePaths(
  model: Network,
  x: ArrayLike<number>,
  inputIndex: number,
  outputIndex: number,
  options: ChainRulePathOptions = {},
): ChainRulePath[] {
  const layers = model.layers;
  const L = layers.length;
  const last = layers[L - 1];
  if (!(Number.isInteger(inputIndex) && inputIndex >= 0 && inputIndex < model.inputDim)) {
    refuse('inputIndex', `must be an integer from 0 to ${model.inputDim - 1}`, inputIndex);
  }
  if (!(Number.isInteger(outputIndex) && outputIndex >= 0 && outputIndex < model.outputDim)) {
    refuse('outputIndex', `must be an integer from 0 to ${model.outputDim - 1}`, outputIndex);
  }
  const of = options.of ?? 'logit';
  const hidden = layers.slice(0, -1);
  const soft = hidden.findIndex((l) => !l.activation.elementwise);
  if (soft >= 0) {
    refuseWith(`layers[${soft}].activation`, `layers[${soft}] is a softmax hidden layer: its derivative couples all its units, so paths through one unit at a time do not exist`, 'softmax');
  }
  const ends = of === 'probability' && !last.activation.elementwise ? Array.from({ length: last.units }, (_, m) => m) : [outputIndex];
  let count = ends.length;
  for (const l of hidden) count *= l.units;
  const maxPaths = options.maxPaths ?? 10_000;
  if (count > maxPaths) {
    refuseWith('maxPaths', `the network has ${count} paths from one input to one output, more than maxPaths (${maxPaths})`, count);
  }

  const t = trace(model, x);
  // Local derivative of each hidden unit, computed once.
  const ders = hidden.map((layer, l) => {
    const { z, a } = t.layers[l];
    return Array.from(z, (zi, j) => derFromCache(layer.activation, zi, a[j]));
  });
  const weight = (l: number, to: number, from: number): PathFactor => ({
    kind: 'weight',
    layer: l,
    unit: to,
    from,
    ...weightLabel(l, to, from),
    value: layers[l].kernel[from * layers[l].units + to],
  });
  const paths: ChainRulePath[] = [];
  const units = new Array<number>(hidden.length).fill(0);
  for (let p = 0; p < count; p++) {
    // Decode path number p into one unit per hidden layer (the last hidden layer varies fastest) and an end unit.
    let rest = p;
    const end = ends[rest % ends.length];
    rest = Math.floor(rest / ends.length);
    for (let l = hidden.length - 1; l >= 0; l--) {
      units[l] = rest % hidden[l].units;
      rest = Math.floor(rest / hidden[l].units);
    }
    const factors: PathFactor[] = [];
    let deadAt: ChainRulePath['deadAt'];
    let from = inputIndex;
    for (let l = 0; l < hidden.length; l++) {
      const j = units[l];
      factors.push(weight(l, j, from));
      const v = ders[l][j];
      factors.push({ kind: 'activation-derivative', layer: l, unit: j, ...derivativeLabel(hidden[l].activation.name, l, j), value: v });
      if (v === 0 && !deadAt) deadAt = { layer: l, unit: j };
      from = j;
    }
    factors.push(weight(L - 1, end, from));
    if (of === 'probability') {
      const { z, a } = t.layers[L - 1];
      const act = last.activation;
      if (act.elementwise) {
        factors.push({ kind: 'output', layer: L - 1, unit: outputIndex, ...derivativeLabel(act.name, L - 1, outputIndex), value: derFromCache(act, z[outputIndex], a[outputIndex]) });
      } else {
        const k = outputIndex;
        const value = act.scale * a[k] * ((k === end ? 1 : 0) - a[end]);
        factors.push({ kind: 'output', layer: L - 1, unit: k, from: end, ...outputLabel(L - 1, k, end), value });
      }
    }
    let product = 1;
    for (const f of factors) product *= f.value;
    const path: ChainRulePath = { units: units.slice(), factors, product };
    if (deadAt) path.deadAt = deadAt;
    paths.push(path);
  }
  return paths;
}
