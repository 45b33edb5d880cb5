/**
 * Keras 2.11+ `SGD(learning_rate=0.01, momentum=0.0, nesterov=False)`:
 *   m ← momentum·m − lr·g;  w ← w + m                (momentum > 0)
 *   w ← w + momentum·m − lr·g                        (nesterov, with the new m)
 *   w ← w − lr·g                                     (momentum = 0)
 * TF.js's momentum optimizer keeps lr outside the velocity, which differs once the rate changes mid-run.
 */
import * as tf from '@tensorflow/tfjs';
import { KerasOptimizer, type Slots } from './keras-optimizer.js';

/** Keras's SGD with optional (Nesterov) momentum. */
export class KerasSGD extends KerasOptimizer {
  static className = 'SGD';
  constructor(
    learningRate = 0.01,
    readonly momentum = 0,
    readonly nesterov = false,
  ) {
    super(learningRate);
  }
  override getClassName(): string {
    return 'SGD';
  }
  protected slotNames(): Record<string, number> {
    return this.momentum > 0 ? { momentum: 0 } : {};
  }
  protected update(w: tf.Variable, g: tf.Tensor, s: Slots, lr: number): void {
    if (this.momentum <= 0) {
      w.assign(tf.sub(w, tf.mul(g, lr)));
      return;
    }
    const m = tf.sub(tf.mul(s.momentum, this.momentum), tf.mul(g, lr));
    s.momentum.assign(m);
    w.assign(this.nesterov ? tf.add(w, tf.sub(tf.mul(m, this.momentum), tf.mul(g, lr))) : tf.add(w, m));
  }
}
