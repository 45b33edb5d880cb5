/**
 * What every optimizer shares: the iteration count, the learning rate (a number that callbacks may change, or a
 * schedule evaluated at the iteration count, as Keras 2.11+ does), slot arrays the size of the parameters, and a
 * JSON-able state. Optimizers update the model's one flat parameter array in one fused loop: Keras applies the
 * same elementwise rule per variable, so the result is the same.
 */
import { makeSchedule } from '../../schedules/index.js';
import type { OptimizerSpec, ScheduleSpec } from '../../spec/types.js';
import { refuse } from '../errors.js';

/** A saved optimizer: enough to continue training exactly where it stopped. */
export interface OptimizerState {
  /** Updates done so far (Keras's `optimizer.iterations`). */
  iterations: number;
  /** The settable learning rate; null when the learning rate is a schedule. */
  learningRate: number | null;
  /** Slot arrays by Keras's names (momentum, velocity, m, v, vhat, accumulator, average_gradient). */
  slots: Record<string, number[]>;
  /** Scalar state (Nadam's running product of momentum coefficients). */
  scalars?: Record<string, number>;
}

/**
 * The schedule as a function of the step, with Keras's step semantics: `schedule(step)` with step = updates done
 * so far (0 for the first update). compile() has validated the spec (with its path) before this runs.
 */
export function scheduleFunction(spec: ScheduleSpec): (step: number) => number {
  return makeSchedule(spec);
}

/** The base of the five optimizers; subclasses implement {@link update}. */
export abstract class Optimizer {
  /** Updates done so far (Keras's `optimizer.iterations`). */
  iterations = 0;
  /** Slot arrays by Keras's names, each the size of the parameters. */
  readonly slots: Record<string, Float64Array> = {};
  private lr: number;
  private readonly schedule: ((step: number) => number) | null;

  constructor(
    readonly spec: OptimizerSpec,
    readonly size: number,
    defaultLearningRate: number,
  ) {
    const lr = spec.learningRate ?? defaultLearningRate;
    if (typeof lr === 'number') {
      if (!Number.isFinite(lr) || lr < 0) refuse('optimizer.learningRate', 'must be a finite number >= 0', lr);
      this.lr = lr;
      this.schedule = null;
    } else {
      this.schedule = scheduleFunction(lr);
      this.lr = NaN;
    }
  }

  /** True when the learning rate is a schedule (then callbacks cannot set it, as in Keras). */
  get hasSchedule(): boolean {
    return this.schedule !== null;
  }

  /** The learning rate the next update uses: schedule(iterations), or the settable value. */
  get learningRate(): number {
    return this.schedule ? this.schedule(this.iterations) : this.lr;
  }

  /**
   * Sets the learning rate (ReduceLROnPlateau, LearningRateScheduler).
   * @throws Error when the learning rate is a schedule, as Keras refuses to set it then.
   */
  setLearningRate(value: number): void {
    if (this.schedule) {
      throw new Error(
        'The optimizer was given a learning-rate schedule, so its learning rate cannot be set (Keras refuses too).',
      );
    }
    if (!Number.isFinite(value) || value < 0) refuse('learningRate', 'must be a finite number >= 0', value);
    this.lr = value;
  }

  /** Applies one update to `params` from `grads` at the current learning rate, then counts it. */
  step(params: Float64Array, grads: Float64Array): void {
    this.update(params, grads, this.learningRate, this.iterations + 1);
    this.iterations++;
  }

  /** One update; `t` is the 1-based step (Keras's `local_step = iterations + 1`). */
  protected abstract update(params: Float64Array, grads: Float64Array, lr: number, t: number): void;

  /** Makes (zero-filled, or filled with `value`) a slot array. */
  protected slot(name: string, value = 0): Float64Array {
    const s = new Float64Array(this.size);
    if (value !== 0) s.fill(value);
    this.slots[name] = s;
    return s;
  }

  /** Extra scalar state to save; Nadam overrides. */
  protected getScalars(): Record<string, number> | undefined {
    return undefined;
  }
  protected setScalars(_scalars: Record<string, number> | undefined): void {}

  /** A JSON-able copy of the state. */
  getState(): OptimizerState {
    const slots: Record<string, number[]> = {};
    for (const [k, v] of Object.entries(this.slots)) slots[k] = Array.from(v);
    const scalars = this.getScalars();
    return {
      iterations: this.iterations,
      learningRate: this.schedule ? null : this.lr,
      slots,
      ...(scalars ? { scalars } : {}),
    };
  }

  /**
   * Restores a state from {@link getState}.
   * @throws SpecError when a slot is missing or has the wrong size.
   */
  setState(state: OptimizerState): void {
    if (!Number.isSafeInteger(state.iterations) || state.iterations < 0) {
      refuse('optimizerState.iterations', 'must be a non-negative integer', state.iterations);
    }
    for (const [k, v] of Object.entries(this.slots)) {
      const saved = state.slots?.[k];
      if (!saved || saved.length !== v.length) {
        refuse(`optimizerState.slots.${k}`, `must hold ${v.length} numbers`, saved?.length);
      }
      v.set(saved);
    }
    this.iterations = state.iterations;
    if (!this.schedule && state.learningRate != null) this.lr = state.learningRate;
    this.setScalars(state.scalars);
  }
}
