/**
 * Keras `Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7)`:
 *   acc ← acc + g²;  w ← w − lr·g/√(acc + ε)
 */
import * as tf from '@tensorflow/tfjs';
import { KerasOptimizer, type Slots } from './keras-optimizer.js';

/** Keras's Adagrad. */
export class KerasAdagrad extends KerasOptimizer {
  static className = 'Adagrad';
  constructor(
    learningRate = 0.001,
    readonly initialAccumulatorValue = 0.1,
    readonly epsilon = 1e-7,
  ) {
    super(learningRate);
  }
  override getClassName(): string {
    return 'Adagrad';
  }
  protected slotNames(): Record<string, number> {
    return { accumulator: this.initialAccumulatorValue };
  }
  protected update(w: tf.Variable, g: tf.Tensor, s: Slots, lr: number): void {
    const acc = tf.add(s.accumulator, tf.square(g));
    s.accumulator.assign(acc);
    w.assign(tf.sub(w, tf.div(tf.mul(g, lr), tf.sqrt(tf.add(acc, this.epsilon)))));
  }
}
