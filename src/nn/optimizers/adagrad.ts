/**
 * Keras 2.11+ `Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7)`
 * (keras/optimizers/adagrad.py): acc ← acc + g²;  w ← w − lr·g / sqrt(acc + ε).
 */
import type { OptimizerSpec } from '../../spec/types.js';
import { refuse } from '../errors.js';
import { Optimizer } from './optimizer.js';

type AdagradSpec = Extract<OptimizerSpec, { name: 'adagrad' }>;

/** Adagrad, Keras's new-optimizer update. */
export class Adagrad extends Optimizer {
  private readonly epsilon: number;
  private readonly acc: Float64Array;

  constructor(spec: AdagradSpec, size: number) {
    super(spec, size, 0.001);
    const init = spec.initialAccumulatorValue ?? 0.1;
    this.epsilon = spec.epsilon ?? 1e-7;
    if (!(init >= 0)) refuse('optimizer.initialAccumulatorValue', 'must be >= 0', init);
    if (!(this.epsilon >= 0)) refuse('optimizer.epsilon', 'must be >= 0', this.epsilon);
    this.acc = this.slot('accumulator', init);
  }

  protected update(w: Float64Array, g: Float64Array, lr: number): void {
    const { epsilon, acc } = this;
    const n = w.length;
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const a = acc[i] + gi * gi;
      acc[i] = a;
      w[i] -= (lr * gi) / Math.sqrt(a + epsilon);
    }
  }
}
