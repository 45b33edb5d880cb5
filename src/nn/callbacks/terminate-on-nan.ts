/**
 * Keras's `TerminateOnNaN()`: stops training when a batch's loss is NaN or infinite. The check itself runs inside
 * the fit loop, before the update is applied — so the weights kept are those from before the bad step (Keras
 * checks after applying it, leaving NaN weights). The callback object only marks that the check is on.
 */
import type { CallbackSpec } from '../../spec/types.js';
import type { Callback } from './types.js';

/** Builds a TerminateOnNaN spec. */
export function terminateOnNaN(): Extract<CallbackSpec, { name: 'TerminateOnNaN' }> {
  return { name: 'TerminateOnNaN' };
}

/** Marker callback: the fit loop sees its name and checks every batch's loss and gradient. */
export class TerminateOnNaN implements Callback {
  readonly name = 'TerminateOnNaN';
}
