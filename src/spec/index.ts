/**
 * ModelSpec / TrainSpec / DataSpec: the plain JSON every part shares, its validation (every problem, with path and
 * value) and its export as Keras code.
 */
export type * from './types.js';
export { SpecError, formatProblems, describeValue, type SpecProblem } from './problems.js';
export { validateModelSpec } from './validate-model.js';
export { validateTrainSpec } from './validate-train.js';
export { validateDataSpec } from './validate-data.js';
export { validateSpec, assertValidSpec, validateCombination, type RunSpec } from './validate-spec.js';
export { assertValidModelSpec, assertValidTrainSpec, assertValidDataSpec } from './assert.js';
export {
  ACTIVATION_NAMES,
  INITIALIZER_NAMES,
  LAYER_TYPES,
  LOSS_NAMES,
  OPTIMIZER_NAMES,
  CALLBACK_NAMES,
  DATA_NAMES,
  MONITOR_NAMES,
} from './names.js';
export { toKerasCode } from './keras-code.js';
export { LIMITS, checkLimit, type LimitName } from './limits.js';
