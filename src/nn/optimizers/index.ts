/** The five optimizers: spec builders, classes, and `makeOptimizer(spec, size)`. */
import type { OptimizerSpec } from '../../spec/types.js';
import { refuse } from '../errors.js';
import { Adagrad } from './adagrad.js';
import { Adam } from './adam.js';
import { Nadam } from './nadam.js';
import type { Optimizer } from './optimizer.js';
import { Rmsprop } from './rmsprop.js';
import { Sgd } from './sgd.js';

export { Optimizer, scheduleFunction, type OptimizerState } from './optimizer.js';
export { Adagrad, Adam, Nadam, Rmsprop, Sgd };
export { adagrad, adam, nadam, rmsprop, sgd } from './specs.js';

/**
 * A fresh optimizer for `size` parameters from its spec.
 * @throws SpecError naming `optimizer.name` when the name is not one of sgd, rmsprop, adam, adagrad, nadam.
 */
export function makeOptimizer(spec: OptimizerSpec, size: number): Optimizer {
  switch (spec?.name) {
    case 'sgd':
      return new Sgd(spec, size);
    case 'rmsprop':
      return new Rmsprop(spec, size);
    case 'adam':
      return new Adam(spec, size);
    case 'adagrad':
      return new Adagrad(spec, size);
    case 'nadam':
      return new Nadam(spec, size);
    default:
      return refuse('optimizer.name', 'must be one of "sgd", "rmsprop", "adam", "adagrad", "nadam"', (spec as { name?: unknown })?.name);
  }
}
