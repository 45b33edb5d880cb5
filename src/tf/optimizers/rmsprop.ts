/**
 * RMSprop with the choice of where epsilon goes:
 *   v ← ρ·v + (1 − ρ)·g²            (centered: ḡ ← ρ·ḡ + (1 − ρ)·g, and v − ḡ² below)
 *   'inside':  inc = lr·g / √(v + ε)   — tf.keras's current optimizer (2.12 on), Keras 3, TF.js, the small engine
 *   'outside': inc = lr·g / (√v + ε)   — the legacy optimizer without momentum, and tf.keras 2.11's first release
 *   w ← w − inc, or with momentum: mom ← momentum·mom + inc; w ← w − mom.
 * The two differ only where √v is near ε (gradients around 1e-4 and below).
 */
import * as tf from '@tensorflow/tfjs';
import { RMSPROP_UPDATE, type RMSpropUpdateAttrs } from '../backend/simd/optimizer-kernels.js';
import { KerasOptimizer, type Slots } from './keras-optimizer.js';

/** Where RMSprop adds epsilon: inside the root (current tf.keras, Keras 3, TF.js) or outside it (legacy). */
export type EpsilonPlacement = 'outside' | 'inside';

/**
 * The placement used when a spec gives none: inside, as tf.keras's RMSprop source has it since 2.12
 * (`lr * g * rsqrt(v + eps)`) and as Keras 3 and the small engine do, so both engines train alike.
 */
export const DEFAULT_RMSPROP_EPSILON_PLACEMENT: EpsilonPlacement = 'inside';

/** Options of {@link KerasRMSprop}, Keras's names and defaults. */
export interface RMSpropOptions {
  learningRate?: number;
  rho?: number;
  momentum?: number;
  epsilon?: number;
  centered?: boolean;
  epsilonPlacement?: EpsilonPlacement;
}

/** RMSprop with Keras's defaults (lr 0.001, ρ 0.9, ε 1e-7) and a chosen epsilon placement. */
export class KerasRMSprop extends KerasOptimizer {
  static className = 'RMSprop';
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;
  readonly epsilonPlacement: EpsilonPlacement;

  constructor(options: RMSpropOptions = {}) {
    super(options.learningRate ?? 0.001);
    this.rho = options.rho ?? 0.9;
    this.momentum = options.momentum ?? 0;
    this.epsilon = options.epsilon ?? 1e-7;
    this.centered = options.centered ?? false;
    this.epsilonPlacement = options.epsilonPlacement ?? DEFAULT_RMSPROP_EPSILON_PLACEMENT;
  }
  override getClassName(): string {
    return 'RMSprop';
  }
  protected slotNames(): Record<string, number> {
    return {
      velocity: 0,
      ...(this.momentum > 0 ? { momentum: 0 } : {}),
      ...(this.centered ? { average_gradient: 0 } : {}),
    };
  }
  protected update(w: tf.Variable, g: tf.Tensor, s: Slots, lr: number): void {
    const { rho, epsilon } = this;
    if (this.momentum === 0 && !this.centered && tf.getKernel(RMSPROP_UPDATE, tf.getBackend())) {
      // The fast CPU backend's one-pass update: the same numbers as the ops below.
      const attrs: RMSpropUpdateAttrs = { lr, rho, epsilon, inside: this.epsilonPlacement === 'inside' };
      const [w2, v2] = tf.engine().runKernel(RMSPROP_UPDATE, { w, g, v: s.velocity }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
      s.velocity.assign(v2);
      w.assign(w2);
      return;
    }
    const v = tf.add(tf.mul(s.velocity, rho), tf.mul(tf.square(g), 1 - rho));
    s.velocity.assign(v);
    let second: tf.Tensor = v;
    if (this.centered) {
      const a = tf.add(tf.mul(s.average_gradient, rho), tf.mul(g, 1 - rho));
      s.average_gradient.assign(a);
      second = tf.sub(v, tf.square(a));
    }
    const denom = this.epsilonPlacement === 'inside' ? tf.sqrt(tf.add(second, epsilon)) : tf.add(tf.sqrt(second), epsilon);
    const inc = tf.div(tf.mul(g, lr), denom);
    if (this.momentum > 0) {
      const mom = tf.add(tf.mul(s.momentum, this.momentum), inc);
      s.momentum.assign(mom);
      w.assign(tf.sub(w, mom));
    } else {
      w.assign(tf.sub(w, inc));
    }
  }
  override getConfig(): tf.serialization.ConfigDict {
    return {
      learningRate: this.learningRate,
      rho: this.rho,
      momentum: this.momentum,
      epsilon: this.epsilon,
      centered: this.centered,
      epsilonPlacement: this.epsilonPlacement,
    };
  }
}
