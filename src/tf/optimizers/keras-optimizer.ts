/**
 * The base of this library's TF.js optimizers: Keras's update rules (tf.keras 2.11+ / Keras 3, as the small engine
 * in src/nn has them) on TF.js variables. TF.js's own optimizers differ from Keras in small ways (Adam's epsilon
 * on the bias-corrected root, Adagrad's epsilon, SGD momentum's learning-rate placement) and read their learning
 * rate once; these take `learningRate` as a plain field that the trainer sets before every step (schedules,
 * ReduceLROnPlateau).
 */
import * as tf from '@tensorflow/tfjs';

/** Slot variables of one model variable, by Keras's slot names. */
export type Slots = Record<string, tf.Variable>;

/** A Keras optimizer on TF.js variables; subclasses write {@link update} for one variable. */
export abstract class KerasOptimizer extends tf.Optimizer {
  /** The rate the next update uses; the trainer sets it per step from a schedule or a callback. */
  learningRate: number;
  private readonly slotsByVariable = new Map<string, Slots>();

  constructor(learningRate: number) {
    super();
    this.learningRate = learningRate;
  }

  /** Keras's class name of the optimizer (also TF.js's serialisation name). */
  abstract override getClassName(): string;

  /** The slot names this optimizer keeps per variable, with each slot's initial value. */
  protected abstract slotNames(): Record<string, number>;

  /**
   * Writes one variable's update.
   *
   * @param t the 1-based step number (Keras's iterations + 1), for bias corrections.
   */
  protected abstract update(variable: tf.Variable, gradient: tf.Tensor, slots: Slots, lr: number, t: number): void;

  /** Called once per step before the per-variable updates (Nadam's running product). */
  protected beginStep(_t: number): void {}

  override applyGradients(variableGradients: Parameters<tf.Optimizer['applyGradients']>[0]): void {
    const entries: Array<[string, tf.Tensor]> = Array.isArray(variableGradients)
      ? variableGradients.map((g) => [g.name, g.tensor])
      : Object.entries(variableGradients);
    const t = this.iterations + 1;
    const lr = this.learningRate;
    this.beginStep(t);
    const registered = tf.engine().registeredVariables;
    for (const [name, gradient] of entries) {
      if (gradient == null) continue;
      const variable = registered[name];
      if (!variable) continue;
      const slots = this.slotsFor(name, variable);
      tf.tidy(() => this.update(variable, gradient, slots, lr, t));
    }
    this.incrementIterations();
  }

  private slotsFor(name: string, variable: tf.Variable): Slots {
    let slots = this.slotsByVariable.get(name);
    if (!slots) {
      slots = {};
      for (const [slot, init] of Object.entries(this.slotNames())) {
        // Not trainable: slots must not show up in the model's gradient list.
        slots[slot] = tf.tidy(() => tf.fill(variable.shape, init).variable(false));
      }
      this.slotsByVariable.set(name, slots);
    }
    return slots;
  }

  /** Number of slot tensors held (for the tensor-count checks). */
  get slotCount(): number {
    let n = 0;
    for (const slots of this.slotsByVariable.values()) n += Object.keys(slots).length;
    return n;
  }

  override dispose(): void {
    for (const slots of this.slotsByVariable.values()) for (const v of Object.values(slots)) v.dispose();
    this.slotsByVariable.clear();
    super.dispose();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate };
  }
}
