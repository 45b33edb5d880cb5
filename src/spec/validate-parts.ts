/**
 * Checks for the parts a layer is made of: activation, initializer, regularizer. Each takes the part's own path,
 * so the same check serves `layers[0].kernelInitializer` and `layers[3].biasInitializer`.
 */
import { ACTIVATION_NAMES, INITIALIZER_NAMES } from './names.js';
import {
  FINITE_NUMBER,
  isFiniteNumber,
  isRecord,
  joinPath,
  NON_NEGATIVE_NUMBER,
  oneOf,
  POSITIVE_NUMBER,
  type ProblemList,
  SEED,
} from './problems.js';
import type { ActivationName, InitializerName } from './types.js';

/** The activation's name, whether given as a string or as `{ name, alpha, scale }` (linear when absent). */
export function activationName(spec: unknown): string | undefined {
  if (spec === undefined) return 'linear';
  if (typeof spec === 'string') return spec;
  return isRecord(spec) && typeof spec.name === 'string' ? spec.name : undefined;
}

/** Checks an ActivationSpec: a known name; alpha only for leaky_relu/elu; scale (softmax's logit scale) only for softmax. */
export function checkActivation(spec: unknown, problems: ProblemList, path: string): void {
  const names = oneOf(ACTIVATION_NAMES);
  if (typeof spec === 'string') {
    problems.check(path, spec, names);
    return;
  }
  const obj = problems.object(path, spec, `an activation name (${ACTIVATION_NAMES.join(', ')}) or { name, alpha?, scale? }`);
  if (!obj) return;
  if (!problems.check(joinPath(path, 'name'), obj.name, names)) return;
  const name = obj.name as ActivationName;
  if (obj.alpha !== undefined) {
    if (name === 'leaky_relu' || name === 'elu') {
      // A negative slope would flip the sign of negative inputs: not an activation a student means.
      problems.check(joinPath(path, 'alpha'), obj.alpha, NON_NEGATIVE_NUMBER);
    } else problems.notApplicable(path, obj, ['alpha'], `${name} (only leaky_relu and elu take alpha)`);
  }
  if (obj.scale !== undefined) {
    if (name === 'softmax') problems.check(joinPath(path, 'scale'), obj.scale, POSITIVE_NUMBER);
    else problems.notApplicable(path, obj, ['scale'], `${name} (only softmax takes a logit scale)`);
  }
}

/** Which config fields each initializer takes (Keras's constructor arguments, camelCased). */
const INITIALIZER_FIELDS: Record<InitializerName, readonly string[]> = {
  zeros: [],
  ones: [],
  constant: ['value'],
  random_uniform: ['minval', 'maxval', 'seed'],
  random_normal: ['mean', 'stddev', 'seed'],
  truncated_normal: ['mean', 'stddev', 'seed'],
  glorot_uniform: ['seed'],
  glorot_normal: ['seed'],
  he_normal: ['seed'],
  he_uniform: ['seed'],
  lecun_normal: ['seed'],
  lecun_uniform: ['seed'],
};
const ALL_INITIALIZER_FIELDS = ['minval', 'maxval', 'mean', 'stddev', 'value', 'seed'];

/** Checks an InitializerSpec: a known name and only its own fields, each in range (minval < maxval, stddev > 0). */
export function checkInitializer(spec: unknown, problems: ProblemList, path: string): void {
  const names = oneOf(INITIALIZER_NAMES);
  if (typeof spec === 'string') {
    problems.check(path, spec, names);
    return;
  }
  const obj = problems.object(path, spec, `an initializer name (${INITIALIZER_NAMES.join(', ')}) or { name, ... }`);
  if (!obj) return;
  if (!problems.check(joinPath(path, 'name'), obj.name, names)) return;
  const name = obj.name as InitializerName;
  const own = INITIALIZER_FIELDS[name];
  const takes = own.length === 0 ? 'it takes no arguments' : `it takes ${own.join(', ')}`;
  problems.notApplicable(path, obj, ALL_INITIALIZER_FIELDS.filter((f) => !own.includes(f)), `${name} (${takes})`);
  problems.optional(joinPath(path, 'seed'), own.includes('seed') ? obj.seed : undefined, SEED);
  if (name === 'constant') problems.optional(joinPath(path, 'value'), obj.value, FINITE_NUMBER);
  if (name === 'random_normal' || name === 'truncated_normal') {
    problems.optional(joinPath(path, 'mean'), obj.mean, FINITE_NUMBER);
    problems.optional(joinPath(path, 'stddev'), obj.stddev, POSITIVE_NUMBER);
  }
  if (name === 'random_uniform') {
    const minOk = problems.optional(joinPath(path, 'minval'), obj.minval, FINITE_NUMBER);
    const maxOk = problems.optional(joinPath(path, 'maxval'), obj.maxval, FINITE_NUMBER);
    // Keras's defaults fill in a missing bound, so { maxval: -1 } is as wrong as { minval: 1, maxval: -1 }.
    const minval = obj.minval ?? -0.05;
    const maxval = obj.maxval ?? 0.05;
    if (minOk && maxOk && isFiniteNumber(minval) && isFiniteNumber(maxval) && !(minval < maxval)) {
      const p = joinPath(path, obj.maxval === undefined ? 'minval' : 'maxval');
      problems.add(p, `${path}.minval must be less than ${path}.maxval, got minval ${minval} and maxval ${maxval}`, obj[obj.maxval === undefined ? 'minval' : 'maxval']);
    }
  }
}

/** Checks a RegularizerSpec: `{ l1?, l2? }`, each a non-negative finite coefficient. */
export function checkRegularizer(spec: unknown, problems: ProblemList, path: string): void {
  const obj = problems.object(path, spec, 'a regularizer { l1?, l2? }');
  if (!obj) return;
  problems.optional(joinPath(path, 'l1'), obj.l1, NON_NEGATIVE_NUMBER);
  problems.optional(joinPath(path, 'l2'), obj.l2, NON_NEGATIVE_NUMBER);
}
