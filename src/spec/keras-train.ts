/**
 * The training part of the exported notebook: optimizer (with a schedule object where the spec has one), loss and
 * callbacks, with Keras's argument names.
 */
import { scheduleKerasCall } from '../schedules/describe.js';
import { pyBool, pyCall, pyFloat, pyNumber, pyStr } from '../schedules/format.js';
import type { CallbackSpec, OptimizerSpec, ScheduleSpec, TrainSpec } from './types.js';

/** Python statements that must come before the code that uses a schedule, and the schedules' class preludes. */
export interface Setup {
  preludes: Set<string>;
  lines: string[];
}

/** Defines `variable = <schedule>` in `setup` and returns the variable's name. */
export function defineSchedule(spec: ScheduleSpec, variable: string, setup: Setup): string {
  const { fn, args, prelude } = scheduleKerasCall(spec);
  if (prelude) setup.preludes.add(prelude);
  setup.lines.push(`${variable} = ${pyCall(fn, args)}`);
  return variable;
}

const OPTIMIZER_CLASSES: Record<OptimizerSpec['name'], string> = {
  sgd: 'SGD',
  rmsprop: 'RMSprop',
  adam: 'Adam',
  adagrad: 'Adagrad',
  nadam: 'Nadam',
};

/** Keras's default learning rates, written out so the student sees the number this run used. */
const DEFAULT_RATES: Record<OptimizerSpec['name'], number> = { sgd: 0.01, rmsprop: 0.001, adam: 0.001, adagrad: 0.001, nadam: 0.001 };

/** `tf.keras.optimizers.Adam(learning_rate=0.001)`, or with `learning_rate=lr_schedule` defined in `setup`. */
export function optimizerCode(opt: OptimizerSpec, setup: Setup, indent: string): string {
  const lr = opt.learningRate ?? DEFAULT_RATES[opt.name];
  const args = [`learning_rate=${typeof lr === 'number' ? pyFloat(lr) : defineSchedule(lr, 'lr_schedule', setup)}`];
  const num = (key: string, v: number | undefined) => v !== undefined && args.push(`${key}=${pyFloat(v)}`);
  const bool = (key: string, v: boolean | undefined) => v !== undefined && args.push(`${key}=${pyBool(v)}`);
  switch (opt.name) {
    case 'sgd':
      num('momentum', opt.momentum);
      bool('nesterov', opt.nesterov);
      break;
    case 'rmsprop':
      num('rho', opt.rho);
      num('momentum', opt.momentum);
      num('epsilon', opt.epsilon);
      bool('centered', opt.centered);
      break;
    case 'adam':
      num('beta_1', opt.beta1);
      num('beta_2', opt.beta2);
      num('epsilon', opt.epsilon);
      bool('amsgrad', opt.amsgrad);
      break;
    case 'adagrad':
      num('initial_accumulator_value', opt.initialAccumulatorValue);
      num('epsilon', opt.epsilon);
      break;
    case 'nadam':
      num('beta_1', opt.beta1);
      num('beta_2', opt.beta2);
      num('epsilon', opt.epsilon);
      break;
  }
  let cls = `tf.keras.optimizers.${OPTIMIZER_CLASSES[opt.name]}`;
  if (opt.name === 'rmsprop') {
    // Where epsilon sits moved between Keras versions; the code says which one the run used, so a student whose
    // TensorFlow places it otherwise knows why the numbers differ slightly.
    if (opt.epsilonPlacement === 'outside') {
      setup.lines.push(
        '# epsilon outside the square root, as the legacy RMSprop (tf.keras.optimizers.legacy) and tf.keras 2.11 add it',
      );
      cls = 'tf.keras.optimizers.legacy.RMSprop';
    } else {
      setup.lines.push('# epsilon inside the square root, as tf.keras (2.12 and later) and Keras 3 add it');
    }
  }
  return pyCall(cls, args, indent);
}

const LOSS_CLASSES: Record<TrainSpec['loss'], string> = {
  binary_crossentropy: 'BinaryCrossentropy',
  categorical_crossentropy: 'CategoricalCrossentropy',
  sparse_categorical_crossentropy: 'SparseCategoricalCrossentropy',
  mean_squared_error: 'MeanSquaredError',
};

/** `'binary_crossentropy'`, or the loss class with `from_logits=True` when the spec says so. */
export function lossCode(train: TrainSpec): string {
  if (train.fromLogits) return `tf.keras.losses.${LOSS_CLASSES[train.loss]}(from_logits=True)`;
  return pyStr(train.loss);
}

/** One callback as a Python expression; a LearningRateScheduler's schedule is defined in `setup` first. */
export function callbackCode(cb: CallbackSpec, index: number, setup: Setup, indent: string): string {
  const args: string[] = [];
  const num = (key: string, v: number | undefined, float = true) =>
    v !== undefined && args.push(`${key}=${float ? pyFloat(v) : pyNumber(v)}`);
  switch (cb.name) {
    case 'EarlyStopping':
      if (cb.monitor !== undefined) args.push(`monitor=${pyStr(cb.monitor)}`);
      num('min_delta', cb.minDelta);
      num('patience', cb.patience, false);
      if (cb.mode !== undefined) args.push(`mode=${pyStr(cb.mode)}`);
      num('baseline', cb.baseline);
      if (cb.restoreBestWeights !== undefined) args.push(`restore_best_weights=${pyBool(cb.restoreBestWeights)}`);
      num('start_from_epoch', cb.startFromEpoch, false);
      return pyCall('tf.keras.callbacks.EarlyStopping', args, indent);
    case 'ReduceLROnPlateau':
      if (cb.monitor !== undefined) args.push(`monitor=${pyStr(cb.monitor)}`);
      num('factor', cb.factor);
      num('patience', cb.patience, false);
      if (cb.mode !== undefined) args.push(`mode=${pyStr(cb.mode)}`);
      num('min_delta', cb.minDelta);
      num('cooldown', cb.cooldown, false);
      num('min_lr', cb.minLr);
      return pyCall('tf.keras.callbacks.ReduceLROnPlateau', args, indent);
    case 'LearningRateScheduler': {
      const variable = defineSchedule(cb.schedule, `schedule_${index}`, setup);
      if (cb.perEpoch === false) {
        // Keras's LearningRateScheduler works per epoch only; per step, set the rate before each batch instead.
        const set = `model.optimizer.learning_rate.assign(float(${variable}(model.optimizer.iterations)))`;
        return pyCall('tf.keras.callbacks.LambdaCallback', [`on_train_batch_begin=lambda batch, logs: ${set}`], indent);
      }
      return pyCall('tf.keras.callbacks.LearningRateScheduler', [`lambda epoch: float(${variable}(epoch))`], indent);
    }
    case 'TerminateOnNaN':
      return 'tf.keras.callbacks.TerminateOnNaN()';
  }
}
