/**
 * The numbers of one forward and one backward pass, laid out for a walk-through (problem 10): every cached forward
 * value (z and a per layer), the loss, and per layer the backward quantities δ = ∂L/∂z, ∂L/∂a, ∂L/∂W and ∂L/∂b.
 * Forward values come from the engine's trace, gradients from its gradients(); only ∂L/∂a = Wᵀδ, which the engine
 * does not hand out, is formed here from those (and the tests check δ = ∂L/∂a ⊙ f′(z) against the engine).
 */
import { getActivation, gradients, lossValue, trace, type Network } from '../nn/index.js';
import type { ActivationName, LossName } from '../spec/index.js';

/** One layer's forward cache and backward quantities. Kernels are [in][out] rows, as Keras's get_weights. */
export interface BackpropLayer {
  activation: ActivationName;
  W: number[][];
  b: number[];
  /** Cached in the forward pass. */
  z: number[];
  a: number[];
  /** f′(z), from the cached z (and a). */
  fPrime: number[];
  /** ∂L/∂z (δ). */
  delta: number[];
  /** ∂L/∂a (for the output layer, ∂L/∂ŷ). */
  dA: number[];
  dW: number[][];
  db: number[];
}

/** A whole pass for one example. */
export interface BackpropPass {
  x: number[];
  y: number;
  loss: number;
  layers: BackpropLayer[];
}

const rows = (flat: ArrayLike<number>, nIn: number, nOut: number) =>
  Array.from({ length: nIn }, (_, i) => Array.from({ length: nOut }, (_, j) => flat[i * nOut + j]));

/**
 * The forward cache and the backward quantities of `model` (Dense layers with biases) for the example `(x, y)`,
 * under `loss` (default binary cross-entropy).
 * @throws SpecError from the engine for a point of the wrong size.
 */
export function backpropPass(model: Network, x: readonly number[], y: number, loss: LossName = 'binary_crossentropy'): BackpropPass {
  const t = trace(model, x);
  const g = gradients(model, x, y, { loss });
  const L = model.layers.length;
  const layers: BackpropLayer[] = model.layers.map((l, k) => {
    const act = getActivation(l.spec.activation);
    const z = Array.from(t.layers[k].z);
    return {
      activation: act.name,
      W: rows(l.kernel, l.inputDim, l.units),
      b: Array.from(l.bias),
      z,
      a: Array.from(t.layers[k].a),
      fPrime: z.map((v) => act.der(v)),
      delta: Array.from(g[k].bias ?? new Float64Array(l.units)),
      dA: [],
      dW: rows(g[k].kernel, l.inputDim, l.units),
      db: Array.from(g[k].bias ?? []),
    };
  });
  // ∂L/∂a of layer k is W_{k+1}ᵀ δ_{k+1}; for the output, ∂L/∂ŷ = δ / f′(z) where f′ ≠ 0.
  for (let k = 0; k < L - 1; k++) {
    const next = layers[k + 1];
    layers[k].dA = layers[k].a.map((_, i) => next.W[i].reduce((s, w, j) => s + w * next.delta[j], 0));
  }
  const out = layers[L - 1];
  out.dA = out.delta.map((d, j) => (out.fPrime[j] !== 0 ? d / out.fPrime[j] : NaN));
  return { x: Array.from(t.input), y, loss: lossValue(model, x, y, { loss }), layers };
}
