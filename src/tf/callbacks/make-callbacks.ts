/** CallbackSpec[] → the callback objects the trainer runs. */
import type { CallbackSpec } from '../../spec/index.js';
import { TfError } from '../errors.js';
import { EarlyStopping } from './early-stopping.js';
import { LearningRateScheduler } from './learning-rate-scheduler.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import { TerminateOnNaN } from './terminate-on-nan.js';
import type { Callback } from './types.js';

/**
 * Builds the callbacks a TrainSpec lists, in its order (Keras calls them in list order).
 *
 * @throws {TfError} `spec` for an unknown callback name or a ReduceLROnPlateau factor ≥ 1.
 */
export function makeCallbacks<W>(specs: readonly CallbackSpec[] = []): Callback<W>[] {
  return specs.map((spec, i): Callback<W> => {
    switch (spec.name) {
      case 'EarlyStopping':
        return new EarlyStopping<W>(spec);
      case 'ReduceLROnPlateau':
        return new ReduceLROnPlateau<W>(spec);
      case 'TerminateOnNaN':
        return new TerminateOnNaN<W>();
      case 'LearningRateScheduler':
        return new LearningRateScheduler<W>(spec);
      default: {
        const name = (spec as { name?: unknown }).name;
        throw new TfError('spec', `callbacks[${i}].name ${JSON.stringify(name)} is not a callback this library has.`);
      }
    }
  });
}
