/**
 * Keras `Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False)`, t = iterations + 1:
 *   α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ);  m ← m + (g − m)(1 − β₁);  v ← v + (g² − v)(1 − β₂)
 *   (amsgrad: v̂ ← max(v̂, v), used for v);  w ← w − α·m/(√v + ε)
 * Keras adds ε to the uncorrected root; TF.js adds it to the bias-corrected one.
 */
import * as tf from '@tensorflow/tfjs';
import { KerasOptimizer, type Slots } from './keras-optimizer.js';

/** Keras's Adam (and AMSGrad). */
export class KerasAdam extends KerasOptimizer {
  static className = 'Adam';
  constructor(
    learningRate = 0.001,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly epsilon = 1e-7,
    readonly amsgrad = false,
  ) {
    super(learningRate);
  }
  override getClassName(): string {
    return 'Adam';
  }
  protected slotNames(): Record<string, number> {
    return { m: 0, v: 0, ...(this.amsgrad ? { vhat: 0 } : {}) };
  }
  protected update(w: tf.Variable, g: tf.Tensor, s: Slots, lr: number, t: number): void {
    const { beta1, beta2, epsilon } = this;
    const alpha = (lr * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
    const m = tf.add(s.m, tf.mul(tf.sub(g, s.m), 1 - beta1));
    const v = tf.add(s.v, tf.mul(tf.sub(tf.square(g), s.v), 1 - beta2));
    s.m.assign(m);
    s.v.assign(v);
    let second: tf.Tensor = v;
    if (this.amsgrad) {
      second = tf.maximum(s.vhat, v);
      s.vhat.assign(second);
    }
    w.assign(tf.sub(w, tf.div(tf.mul(m, alpha), tf.add(tf.sqrt(second), epsilon))));
  }
}
