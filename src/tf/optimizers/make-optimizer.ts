/**
 * OptimizerSpec → one of this library's Keras optimizers, plus the schedule that sets its rate per step.
 */
import { makeSchedule } from '../../schedules/index.js';
import type { OptimizerSpec } from '../../spec/index.js';
import { TfError } from '../errors.js';
import { KerasAdagrad } from './adagrad.js';
import { KerasAdam } from './adam.js';
import type { KerasOptimizer } from './keras-optimizer.js';
import { KerasNadam } from './nadam.js';
import { KerasRMSprop } from './rmsprop.js';
import { KerasSGD } from './sgd.js';

/** Keras's default learning rate of each optimizer. */
export const DEFAULT_LEARNING_RATES: Record<OptimizerSpec['name'], number> = {
  sgd: 0.01,
  rmsprop: 0.001,
  adam: 0.001,
  adagrad: 0.001,
  nadam: 0.001,
};

/** An optimizer and, when its spec's rate is a schedule, the function the trainer evaluates at every step. */
export interface MadeOptimizer {
  optimizer: KerasOptimizer;
  /** Keras's step semantics: `schedule(iterations)` is the rate of the update about to be made. */
  schedule: ((step: number) => number) | null;
}

/**
 * Builds the optimizer `spec` names, with Keras's defaults.
 *
 * @throws {SpecError} for a schedule that does not validate; {@link TfError} `spec` for an unknown name or a
 *   learning rate that is not a finite number ≥ 0.
 */
export function makeOptimizer(spec: OptimizerSpec): MadeOptimizer {
  const rate = spec.learningRate ?? DEFAULT_LEARNING_RATES[spec.name];
  const schedule = typeof rate === 'number' ? null : makeSchedule(rate);
  const lr = typeof rate === 'number' ? rate : schedule!(0);
  if (!Number.isFinite(lr) || lr < 0) {
    throw new TfError('spec', `optimizer.learningRate must be a finite number >= 0, got ${lr}.`);
  }
  const optimizer = ((): KerasOptimizer => {
    switch (spec.name) {
      case 'sgd':
        return new KerasSGD(lr, spec.momentum, spec.nesterov);
      case 'rmsprop':
        return new KerasRMSprop({ ...spec, learningRate: lr });
      case 'adam':
        return new KerasAdam(lr, spec.beta1, spec.beta2, spec.epsilon, spec.amsgrad);
      case 'adagrad':
        return new KerasAdagrad(lr, spec.initialAccumulatorValue, spec.epsilon);
      case 'nadam':
        return new KerasNadam(lr, spec.beta1, spec.beta2, spec.epsilon);
      default:
        throw new TfError('spec', `optimizer.name ${JSON.stringify((spec as { name: unknown }).name)} is unknown.`);
    }
  })();
  return { optimizer, schedule };
}
