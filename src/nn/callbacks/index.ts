/** Training callbacks: Keras's four built-ins (spec builders and classes) and the callback protocol. */
import type { CallbackSpec } from '../../spec/types.js';
import { refuse } from '../errors.js';
import { EarlyStopping } from './early-stopping.js';
import { LearningRateScheduler } from './learning-rate-scheduler.js';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau.js';
import { TerminateOnNaN } from './terminate-on-nan.js';
import type { Callback } from './types.js';

export type { BatchLogs, Callback, EpochLogs, StopInfo, TrainingContext } from './types.js';
export { EarlyStopping, earlyStopping, monitorMaximises } from './early-stopping.js';
export { LearningRateScheduler, learningRateScheduler } from './learning-rate-scheduler.js';
export { ReduceLROnPlateau, reduceLROnPlateau } from './reduce-lr-on-plateau.js';
export { TerminateOnNaN, terminateOnNaN } from './terminate-on-nan.js';

/**
 * A running callback from a CallbackSpec, or the object itself when it is already a callback.
 * @throws SpecError naming `callbacks[i].name` for an unknown callback.
 */
export function makeCallback(c: CallbackSpec | Callback, index: number): Callback {
  const name = (c as { name?: unknown }).name;
  if (isCallbackObject(c)) return c;
  switch (name) {
    case 'EarlyStopping':
      return new EarlyStopping(c as Extract<CallbackSpec, { name: 'EarlyStopping' }>);
    case 'ReduceLROnPlateau':
      return new ReduceLROnPlateau(c as Extract<CallbackSpec, { name: 'ReduceLROnPlateau' }>);
    case 'LearningRateScheduler':
      return new LearningRateScheduler(c as Extract<CallbackSpec, { name: 'LearningRateScheduler' }>);
    case 'TerminateOnNaN':
      return new TerminateOnNaN();
    default:
      return refuse(`callbacks[${index}].name`, 'must be one of "EarlyStopping", "ReduceLROnPlateau", "LearningRateScheduler", "TerminateOnNaN"', name);
  }
}

/** True for a running callback (it has a hook, or is a built-in instance) rather than a JSON spec. */
export function isCallbackObject(c: CallbackSpec | Callback): c is Callback {
  if (typeof c !== 'object' || c === null) return false;
  if (c instanceof TerminateOnNaN || c instanceof EarlyStopping || c instanceof ReduceLROnPlateau || c instanceof LearningRateScheduler) return true;
  const o = c as unknown as Record<string, unknown>;
  return ['onTrainBegin', 'onEpochBegin', 'onBatchBegin', 'onBatchEnd', 'onEpochEnd', 'onTrainEnd'].some((k) => typeof o[k] === 'function');
}
