/**
 * Learning-rate schedules as pure functions of the step, equal to tf.keras 2.x's schedule classes, plus Géron's
 * 1cycle; each with its formula (KaTeX) and its Keras code.
 */
export type * from './types.js';
export { makeSchedule, learningRateAt, sampleSchedule } from './make.js';
export { describeSchedule } from './describe.js';
export { validateScheduleSpec, assertValidSchedule } from './validate.js';
export { SCHEDULE_NAMES, SCHEDULE_TITLES, SCHEDULE_DEFAULTS, defaultSchedule, isScheduleName } from './registry.js';
export { exponentialDecay } from './exponential-decay.js';
export { piecewiseConstantDecay } from './piecewise-constant-decay.js';
export { inverseTimeDecay } from './inverse-time-decay.js';
export { polynomialDecay } from './polynomial-decay.js';
export { cosineDecay } from './cosine-decay.js';
export { cosineDecayRestarts, restartPeriod } from './cosine-decay-restarts.js';
export { oneCycle, oneCyclePhases } from './one-cycle.js';
