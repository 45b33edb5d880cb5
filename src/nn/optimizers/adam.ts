/**
 * Keras 2.11+ `Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False)`
 * (keras/optimizers/adam.py, dense branch), with t = iterations + 1:
 *   α = lr·sqrt(1 − β₂ᵗ)/(1 − β₁ᵗ)
 *   m ← m + (g − m)(1 − β₁);  v ← v + (g² − v)(1 − β₂);  (amsgrad: v̂ ← max(v̂, v), used for v)
 *   w ← w − m·α/(sqrt(v) + ε)
 * ε is added to the uncorrected sqrt(v) ("epsilon hat"). TensorFlow.js instead divides by sqrt(v̂_t) + ε with
 * both moments bias-corrected, which differs by ε·(1 − sqrt(1 − β₂ᵗ)) in the denominator.
 */
import type { OptimizerSpec } from '../../spec/types.js';
import { refuse } from '../errors.js';
import { Optimizer } from './optimizer.js';

type AdamSpec = Extract<OptimizerSpec, { name: 'adam' }>;

/** Adam (and AMSGrad), Keras's new-optimizer update. */
export class Adam extends Optimizer {
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly epsilon: number;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private readonly vhat: Float64Array | null;

  constructor(spec: AdamSpec, size: number) {
    super(spec, size, 0.001);
    this.beta1 = spec.beta1 ?? 0.9;
    this.beta2 = spec.beta2 ?? 0.999;
    this.epsilon = spec.epsilon ?? 1e-7;
    if (!(this.beta1 >= 0 && this.beta1 < 1)) refuse('optimizer.beta1', 'must be in [0, 1)', this.beta1);
    if (!(this.beta2 >= 0 && this.beta2 < 1)) refuse('optimizer.beta2', 'must be in [0, 1)', this.beta2);
    if (!(this.epsilon >= 0)) refuse('optimizer.epsilon', 'must be >= 0', this.epsilon);
    this.m = this.slot('m');
    this.v = this.slot('v');
    this.vhat = spec.amsgrad ? this.slot('vhat') : null;
  }

  protected update(w: Float64Array, g: Float64Array, lr: number, t: number): void {
    const { beta1, beta2, epsilon, m, v, vhat } = this;
    const alpha = (lr * Math.sqrt(1 - Math.pow(beta2, t))) / (1 - Math.pow(beta1, t));
    const c1 = 1 - beta1;
    const c2 = 1 - beta2;
    const n = w.length;
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const mi = m[i] + (gi - m[i]) * c1;
      let vi = v[i] + (gi * gi - v[i]) * c2;
      m[i] = mi;
      v[i] = vi;
      if (vhat !== null) {
        if (vi < vhat[i]) vi = vhat[i];
        vhat[i] = vi;
      }
      w[i] -= (mi * alpha) / (Math.sqrt(vi) + epsilon);
    }
  }
}
