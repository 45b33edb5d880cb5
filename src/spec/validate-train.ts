/**
 * Checks a TrainSpec: optimizer and each hyperparameter's range (Keras's own limits where it has them), loss,
 * batch size, epochs, validation split and callbacks, and the combinations Keras would refuse or silently ignore
 * (a plateau callback on an optimizer driven by a schedule, early stopping on a metric that is not recorded).
 */
import { LIMITS, overLimit } from './limits.js';
import { checkSchedule } from '../schedules/validate.js';
import { CALLBACK_NAMES, LOSS_NAMES, MONITOR_NAMES, OPTIMIZER_NAMES } from './names.js';
import {
  BOOLEAN,
  FINITE_NUMBER,
  inRange,
  isRecord,
  joinPath,
  NON_NEGATIVE_INTEGER,
  NON_NEGATIVE_NUMBER,
  oneOf,
  POSITIVE_INTEGER,
  POSITIVE_NUMBER,
  ProblemList,
  type Rule,
  SEED,
  type SpecProblem,
} from './problems.js';

/** Every problem of a train spec, with paths such as `optimizer.beta1` and `callbacks[0].patience`. */
export function validateTrainSpec(spec: unknown): SpecProblem[] {
  const problems = new ProblemList('train spec');
  checkTrain(spec, problems, '');
  return problems.problems;
}

// The rule tables are marked pure: the package's chunks bundle many modules together, and without the mark a site's
// bundler keeps them on pages that never check a train spec.
const UNIT_INTERVAL_OPEN = /* @__PURE__ */ inRange(0, 1, true, false);

/** Each optimizer's hyperparameters and their ranges; `learningRate` is checked apart (number or schedule). */
const OPTIMIZER_FIELDS: Record<(typeof OPTIMIZER_NAMES)[number], Record<string, Rule>> = {
  // Keras's SGD raises for momentum outside [0, 1].
  sgd: { momentum: /* @__PURE__ */ inRange(0, 1, true, true), nesterov: BOOLEAN },
  rmsprop: {
    rho: UNIT_INTERVAL_OPEN,
    momentum: /* @__PURE__ */ inRange(0, 1, true, true),
    epsilon: POSITIVE_NUMBER,
    centered: BOOLEAN,
    epsilonPlacement: /* @__PURE__ */ oneOf(['outside', 'inside']),
  },
  adam: { beta1: UNIT_INTERVAL_OPEN, beta2: UNIT_INTERVAL_OPEN, epsilon: POSITIVE_NUMBER, amsgrad: BOOLEAN },
  adagrad: { initialAccumulatorValue: NON_NEGATIVE_NUMBER, epsilon: POSITIVE_NUMBER },
  nadam: { beta1: UNIT_INTERVAL_OPEN, beta2: UNIT_INTERVAL_OPEN, epsilon: POSITIVE_NUMBER },
};
const ALL_OPTIMIZER_FIELDS = /* @__PURE__ */ Array.from(/* @__PURE__ */ new Set(/* @__PURE__ */ Object.values(OPTIMIZER_FIELDS).flatMap((f) => Object.keys(f))));

const MODE = /* @__PURE__ */ oneOf(['auto', 'min', 'max']);
const MONITOR = /* @__PURE__ */ oneOf(MONITOR_NAMES);
const CALLBACK_FIELDS: Record<(typeof CALLBACK_NAMES)[number], Record<string, Rule | 'schedule'>> = {
  EarlyStopping: {
    monitor: MONITOR,
    minDelta: NON_NEGATIVE_NUMBER,
    patience: NON_NEGATIVE_INTEGER,
    mode: MODE,
    restoreBestWeights: BOOLEAN,
    startFromEpoch: NON_NEGATIVE_INTEGER,
    baseline: FINITE_NUMBER,
  },
  ReduceLROnPlateau: {
    monitor: MONITOR,
    // Keras raises for factor >= 1: it would not reduce anything.
    factor: /* @__PURE__ */ inRange(0, 1, false, false),
    patience: NON_NEGATIVE_INTEGER,
    mode: MODE,
    minDelta: NON_NEGATIVE_NUMBER,
    cooldown: NON_NEGATIVE_INTEGER,
    minLr: NON_NEGATIVE_NUMBER,
  },
  LearningRateScheduler: { schedule: 'schedule', perEpoch: BOOLEAN },
  TerminateOnNaN: {},
};
const ALL_CALLBACK_FIELDS = /* @__PURE__ */ Array.from(/* @__PURE__ */ new Set(/* @__PURE__ */ Object.values(CALLBACK_FIELDS).flatMap((f) => Object.keys(f))));

/** Adds the problems of the train spec at `base` (`''` alone, `'train'` inside validateSpec). */
export function checkTrain(spec: unknown, problems: ProblemList, base: string): void {
  const obj = problems.object(base, spec);
  if (!obj) return;
  const at = (key: string) => joinPath(base, key);
  const scheduled = checkOptimizer(obj.optimizer, problems, at('optimizer'));
  problems.check(at('loss'), obj.loss, oneOf(LOSS_NAMES));
  problems.optional(at('fromLogits'), obj.fromLogits, BOOLEAN);
  if (obj.fromLogits === true && obj.loss === 'mean_squared_error') {
    problems.add(at('fromLogits'), `${at('fromLogits')} applies only to the cross-entropy losses, not mean_squared_error, got true`, true);
  }
  const metricsPath = at('metrics');
  if (obj.metrics !== undefined) {
    if (!Array.isArray(obj.metrics)) problems.need(metricsPath, 'must be an array such as ["accuracy"]', obj.metrics);
    else obj.metrics.forEach((m, i) => problems.check(joinPath(metricsPath, i), m, oneOf(['accuracy'])));
  }
  problems.optional(at('batchSize'), obj.batchSize, POSITIVE_INTEGER);
  if (problems.check(at('epochs'), obj.epochs, POSITIVE_INTEGER) && (obj.epochs as number) > LIMITS.maxEpochs) {
    problems.add(at('epochs'), overLimit(at('epochs'), obj.epochs as number, 'maxEpochs'), obj.epochs);
  }
  problems.optional(at('shuffle'), obj.shuffle, BOOLEAN);
  problems.optional(at('seed'), obj.seed, SEED);
  problems.optional(at('validationSplit'), obj.validationSplit, UNIT_INTERVAL_OPEN);

  const callbacksPath = at('callbacks');
  if (obj.callbacks === undefined) return;
  if (!Array.isArray(obj.callbacks)) {
    problems.need(callbacksPath, 'must be an array of callbacks', obj.callbacks);
    return;
  }
  const hasAccuracy = Array.isArray(obj.metrics) && obj.metrics.includes('accuracy');
  obj.callbacks.forEach((cb, i) => checkCallback(cb, problems, joinPath(callbacksPath, i), { scheduled, hasAccuracy }));
}

/** Checks the optimizer; returns whether its learning rate is a schedule (which no callback may then change). */
function checkOptimizer(spec: unknown, problems: ProblemList, path: string): boolean {
  const obj = problems.object(path, spec, 'an optimizer object ({ name: "adam", learningRate: 0.001 })');
  if (!obj) return false;
  if (!problems.check(joinPath(path, 'name'), obj.name, oneOf(OPTIMIZER_NAMES))) return false;
  const name = obj.name as (typeof OPTIMIZER_NAMES)[number];
  const own = OPTIMIZER_FIELDS[name];
  problems.notApplicable(path, obj, ALL_OPTIMIZER_FIELDS.filter((f) => !(f in own)), name);
  for (const [key, rule] of Object.entries(own)) problems.optional(joinPath(path, key), obj[key], rule);

  const lrPath = joinPath(path, 'learningRate');
  const lr = obj.learningRate;
  if (lr === undefined || typeof lr === 'number') {
    problems.optional(lrPath, lr, POSITIVE_NUMBER);
    return false;
  }
  if (isRecord(lr)) {
    checkSchedule(lr, problems, lrPath);
    return true;
  }
  problems.need(lrPath, 'must be a positive finite number or a schedule ({ name: "ExponentialDecay", ... })', lr);
  return false;
}

/** Checks one callback, its fields and how it fits the rest of the train spec. */
function checkCallback(
  spec: unknown,
  problems: ProblemList,
  path: string,
  context: { scheduled: boolean; hasAccuracy: boolean },
): void {
  const obj = problems.object(path, spec, 'a callback object ({ name: "EarlyStopping", patience: 5, ... })');
  if (!obj) return;
  if (!problems.check(joinPath(path, 'name'), obj.name, oneOf(CALLBACK_NAMES))) return;
  const name = obj.name as (typeof CALLBACK_NAMES)[number];
  const own = CALLBACK_FIELDS[name];
  problems.notApplicable(path, obj, ALL_CALLBACK_FIELDS.filter((f) => !(f in own)), name);
  for (const [key, rule] of Object.entries(own)) {
    if (rule === 'schedule') checkSchedule(obj[key], problems, joinPath(path, key));
    else problems.optional(joinPath(path, key), obj[key], rule);
  }

  if ((name === 'ReduceLROnPlateau' || name === 'LearningRateScheduler') && context.scheduled) {
    // Keras raises here: a rate that comes from a schedule object cannot be set by a callback.
    problems.add(path, `${path} (${name}) cannot change the learning rate of an optimizer whose learningRate is a schedule; use a number there`, obj);
  }
  const monitor = obj.monitor;
  if (typeof monitor === 'string' && MONITOR.test(monitor)) {
    const accuracy = monitor.endsWith('accuracy');
    if (accuracy && !context.hasAccuracy) {
      problems.add(joinPath(path, 'monitor'), `${path}.monitor is "${monitor}", but metrics does not include "accuracy", so it is never recorded`, monitor);
    }
    if ((obj.mode === 'min' && accuracy) || (obj.mode === 'max' && !accuracy)) {
      const want = accuracy ? 'max' : 'min';
      problems.add(joinPath(path, 'mode'), `${path}.mode is "${obj.mode}", but ${monitor} should ${accuracy ? 'rise' : 'fall'}: use "${want}" or "auto"`, obj.mode);
    }
  }
}
