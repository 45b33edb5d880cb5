/**
 * Keras 2.11+ `RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False)`
 * (keras/optimizers/rmsprop.py, dense branch):
 *   v ← ρ·v + (1 − ρ)·g²
 *   denom = v + ε            (centered: v − ḡ² + ε, with ḡ ← ρ·ḡ + (1 − ρ)·g)
 *   inc = lr·g / sqrt(denom) — the new optimizer puts ε inside the root (`tf.math.rsqrt(denominator)`);
 *   only the legacy optimizer_v2 (momentum 0) added ε outside it: `epsilonPlacement: 'outside'` gives that,
 *   inc = lr·g / (sqrt(v) + ε) (centered: sqrt(v − ḡ²) + ε), the same rule as the TensorFlow.js engine's.
 *   w ← w − inc, or with momentum: mom ← momentum·mom + inc; w ← w − mom.
 */
import type { OptimizerSpec } from '../../spec/types.js';
import { refuse } from '../errors.js';
import { Optimizer } from './optimizer.js';

type RmspropSpec = Extract<OptimizerSpec, { name: 'rmsprop' }>;

/** RMSprop with optional momentum and centring, Keras's new-optimizer update. */
export class Rmsprop extends Optimizer {
  private readonly rho: number;
  private readonly momentum: number;
  private readonly epsilon: number;
  private readonly v: Float64Array;
  private readonly mom: Float64Array | null;
  private readonly avg: Float64Array | null;
  private readonly outside: boolean;

  constructor(spec: RmspropSpec, size: number) {
    super(spec, size, 0.001);
    this.rho = spec.rho ?? 0.9;
    this.momentum = spec.momentum ?? 0;
    this.epsilon = spec.epsilon ?? 1e-7;
    if (!(this.rho >= 0 && this.rho <= 1)) refuse('optimizer.rho', 'must be in [0, 1]', this.rho);
    if (!(this.momentum >= 0)) refuse('optimizer.momentum', 'must be >= 0', this.momentum);
    if (!(this.epsilon >= 0)) refuse('optimizer.epsilon', 'must be >= 0', this.epsilon);
    this.v = this.slot('velocity');
    this.mom = this.momentum > 0 ? this.slot('momentum') : null;
    this.avg = spec.centered ? this.slot('average_gradient') : null;
    this.outside = spec.epsilonPlacement === 'outside';
  }

  protected update(w: Float64Array, g: Float64Array, lr: number): void {
    const { rho, epsilon, v, mom, avg, momentum, outside } = this;
    const n = w.length;
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const vi = rho * v[i] + (1 - rho) * gi * gi;
      v[i] = vi;
      let second = vi;
      if (avg !== null) {
        const ai = rho * avg[i] + (1 - rho) * gi;
        avg[i] = ai;
        second = vi - ai * ai;
      }
      const inc = outside ? (lr * gi) / (Math.sqrt(second) + epsilon) : (lr * gi) / Math.sqrt(second + epsilon);
      if (mom !== null) {
        const mi = momentum * mom[i] + inc;
        mom[i] = mi;
        w[i] -= mi;
      } else {
        w[i] -= inc;
      }
    }
  }
}
