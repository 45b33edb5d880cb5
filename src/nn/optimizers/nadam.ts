/**
 * Keras 2.11+ `Nadam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)` (keras/optimizers/nadam.py),
 * with t = iterations + 1 and decay 0.96:
 *   u_t = β₁(1 − ½·0.96ᵗ),  u_{t+1} = β₁(1 − ½·0.96^{t+1}),  Π_t = Π_{t−1}·u_t (kept across steps)
 *   m ← m + (g − m)(1 − β₁);  v ← v + (g² − v)(1 − β₂)
 *   m̂ = u_{t+1}·m/(1 − Π_t·u_{t+1}) + (1 − u_t)·g/(1 − Π_t);  v̂ = v/(1 − β₂ᵗ)
 *   w ← w − lr·m̂/(sqrt(v̂) + ε)
 */
import type { OptimizerSpec } from '../../spec/types.js';
import { refuse } from '../errors.js';
import { Optimizer } from './optimizer.js';

type NadamSpec = Extract<OptimizerSpec, { name: 'nadam' }>;

/** Nadam, Keras's new-optimizer update. */
export class Nadam extends Optimizer {
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly epsilon: number;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  /** Π of u_1 … u_t over the updates done (Keras's `_u_product`). */
  private uProduct = 1;

  constructor(spec: NadamSpec, size: number) {
    super(spec, size, 0.001);
    this.beta1 = spec.beta1 ?? 0.9;
    this.beta2 = spec.beta2 ?? 0.999;
    this.epsilon = spec.epsilon ?? 1e-7;
    if (!(this.beta1 >= 0 && this.beta1 < 1)) refuse('optimizer.beta1', 'must be in [0, 1)', this.beta1);
    if (!(this.beta2 >= 0 && this.beta2 < 1)) refuse('optimizer.beta2', 'must be in [0, 1)', this.beta2);
    if (!(this.epsilon >= 0)) refuse('optimizer.epsilon', 'must be >= 0', this.epsilon);
    this.m = this.slot('m');
    this.v = this.slot('v');
  }

  protected update(w: Float64Array, g: Float64Array, lr: number, t: number): void {
    const { beta1, beta2, epsilon, m, v } = this;
    const ut = beta1 * (1 - 0.5 * Math.pow(0.96, t));
    const ut1 = beta1 * (1 - 0.5 * Math.pow(0.96, t + 1));
    const prod = this.uProduct * ut;
    this.uProduct = prod;
    const prod1 = prod * ut1;
    const c1 = 1 - beta1;
    const c2 = 1 - beta2;
    const vCorr = 1 / (1 - Math.pow(beta2, t));
    const a = ut1 / (1 - prod1);
    const b = (1 - ut) / (1 - prod);
    const n = w.length;
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const mi = m[i] + (gi - m[i]) * c1;
      const vi = v[i] + (gi * gi - v[i]) * c2;
      m[i] = mi;
      v[i] = vi;
      const mHat = a * mi + b * gi;
      w[i] -= (lr * mHat) / (Math.sqrt(vi * vCorr) + epsilon);
    }
  }

  protected override getScalars(): Record<string, number> {
    return { uProduct: this.uProduct };
  }
  protected override setScalars(scalars: Record<string, number> | undefined): void {
    this.uProduct = scalars?.uProduct ?? 1;
  }
}
