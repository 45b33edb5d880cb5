/**
 * Keras 2.11+ `SGD(learning_rate=0.01, momentum=0.0, nesterov=False)` (keras/optimizers/sgd.py):
 *   m ← momentum·m − lr·g;  w ← w + m            (momentum > 0)
 *   w ← w + momentum·m − lr·g                    (nesterov, with the new m)
 *   w ← w − lr·g                                 (momentum = 0)
 */
import type { OptimizerSpec } from '../../spec/types.js';
import { refuse } from '../errors.js';
import { Optimizer } from './optimizer.js';

type SgdSpec = Extract<OptimizerSpec, { name: 'sgd' }>;

/** Stochastic gradient descent with optional (Nesterov) momentum. */
export class Sgd extends Optimizer {
  private readonly momentum: number;
  private readonly nesterov: boolean;
  private readonly m: Float64Array | null;

  constructor(spec: SgdSpec, size: number) {
    super(spec, size, 0.01);
    this.momentum = spec.momentum ?? 0;
    this.nesterov = spec.nesterov ?? false;
    if (!(this.momentum >= 0 && this.momentum <= 1)) refuse('optimizer.momentum', 'must be in [0, 1]', this.momentum);
    // Keras keeps a momentum slot only when momentum > 0.
    this.m = this.momentum > 0 ? this.slot('momentum') : null;
  }

  protected update(w: Float64Array, g: Float64Array, lr: number): void {
    const n = w.length;
    const m = this.m;
    if (m === null) {
      for (let i = 0; i < n; i++) w[i] -= lr * g[i];
      return;
    }
    const mu = this.momentum;
    if (this.nesterov) {
      for (let i = 0; i < n; i++) {
        const mi = -g[i] * lr + m[i] * mu;
        m[i] = mi;
        w[i] += -g[i] * lr + mi * mu;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const mi = -g[i] * lr + m[i] * mu;
        m[i] = mi;
        w[i] += mi;
      }
    }
  }
}
