/**
 * Optimizer spec builders named like Keras's classes in camelCase: `adam({ learningRate: 0.01 })` or
 * `adam(0.01)` returns the plain-JSON OptimizerSpec a TrainSpec holds. Options left out keep Keras's defaults.
 */
import type { OptimizerSpec, ScheduleSpec } from '../../spec/types.js';

type Options<N extends OptimizerSpec['name']> = Omit<Extract<OptimizerSpec, { name: N }>, 'name'>;
type Arg<N extends OptimizerSpec['name']> = number | ScheduleSpec | Options<N>;

function build<N extends OptimizerSpec['name']>(name: N, arg: Arg<N> | undefined): Extract<OptimizerSpec, { name: N }> {
  const opts: Record<string, unknown> =
    arg === undefined
      ? {}
      : typeof arg === 'number' || (typeof arg === 'object' && arg !== null && 'name' in arg)
        ? { learningRate: arg }
        : { ...(arg as object) };
  for (const k of Object.keys(opts)) if (opts[k] === undefined) delete opts[k];
  return { name, ...opts } as Extract<OptimizerSpec, { name: N }>;
}

/** Keras `SGD(learning_rate=0.01, momentum=0.0, nesterov=False)`. */
export function sgd(options?: Arg<'sgd'>): Extract<OptimizerSpec, { name: 'sgd' }> {
  return build('sgd', options);
}
/** Keras `RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False)`. */
export function rmsprop(options?: Arg<'rmsprop'>): Extract<OptimizerSpec, { name: 'rmsprop' }> {
  return build('rmsprop', options);
}
/** Keras `Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False)`. */
export function adam(options?: Arg<'adam'>): Extract<OptimizerSpec, { name: 'adam' }> {
  return build('adam', options);
}
/** Keras `Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7)`. */
export function adagrad(options?: Arg<'adagrad'>): Extract<OptimizerSpec, { name: 'adagrad' }> {
  return build('adagrad', options);
}
/** Keras `Nadam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7)`. */
export function nadam(options?: Arg<'nadam'>): Extract<OptimizerSpec, { name: 'nadam' }> {
  return build('nadam', options);
}
