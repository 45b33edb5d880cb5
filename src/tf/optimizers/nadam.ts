/**
 * Keras `Nadam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)`, t = iterations + 1, decay 0.96:
 *   u_t = β₁(1 − ½·0.96ᵗ), u_{t+1} = β₁(1 − ½·0.96^{t+1}), Π_t = Π_{t−1}·u_t (once per step)
 *   m ← m + (g − m)(1 − β₁);  v ← v + (g² − v)(1 − β₂)
 *   m̂ = u_{t+1}·m/(1 − Π_t·u_{t+1}) + (1 − u_t)·g/(1 − Π_t);  v̂ = v/(1 − β₂ᵗ)
 *   w ← w − lr·m̂/(√v̂ + ε)
 * TF.js has no Nadam.
 */
import * as tf from '@tensorflow/tfjs';
import { KerasOptimizer, type Slots } from './keras-optimizer.js';

const DECAY = 0.96;

/** Keras's Nadam. */
export class KerasNadam extends KerasOptimizer {
  static className = 'Nadam';
  /** Π of u_1 … u_t (Keras's `_u_product`). */
  private uProduct = 1;
  private uT = 0;
  private uT1 = 0;

  constructor(
    learningRate = 0.001,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly epsilon = 1e-7,
  ) {
    super(learningRate);
  }
  override getClassName(): string {
    return 'Nadam';
  }
  protected slotNames(): Record<string, number> {
    return { m: 0, v: 0 };
  }
  protected override beginStep(t: number): void {
    this.uT = this.beta1 * (1 - 0.5 * DECAY ** t);
    this.uT1 = this.beta1 * (1 - 0.5 * DECAY ** (t + 1));
    this.uProduct *= this.uT;
  }
  protected update(w: tf.Variable, g: tf.Tensor, s: Slots, lr: number, t: number): void {
    const { beta1, beta2, epsilon, uT, uT1, uProduct } = this;
    const m = tf.add(s.m, tf.mul(tf.sub(g, s.m), 1 - beta1));
    const v = tf.add(s.v, tf.mul(tf.sub(tf.square(g), s.v), 1 - beta2));
    s.m.assign(m);
    s.v.assign(v);
    const mHat = tf.add(tf.mul(m, uT1 / (1 - uProduct * uT1)), tf.mul(g, (1 - uT) / (1 - uProduct)));
    const vHat = tf.div(v, 1 - beta2 ** t);
    w.assign(tf.sub(w, tf.div(tf.mul(mHat, lr), tf.add(tf.sqrt(vHat), epsilon))));
  }
}
