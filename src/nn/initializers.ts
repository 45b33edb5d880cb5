/**
 * Keras's initializers: spec builders (`heNormal()`, `randomUniform(-1, 1)`, ...) and the code that fills a
 * kernel or bias from a spec with a seeded `RandomState`. Formulas are Keras's (tf.keras 2.x):
 * variance-scaling normals are truncated at two standard deviations, with the stddev divided by
 * 0.87962566103423978 (the stddev of a unit normal truncated to [−2, 2]) so the variance is what was asked.
 */
import { RandomState } from '../random/index.js';
import type { InitializerName, InitializerSpec } from '../spec/types.js';

/** Stddev of a standard normal truncated to [−2, 2]; Keras divides by it in VarianceScaling. */
export const TRUNCATED_NORMAL_STDDEV = 0.87962566103423978;

type Config = Exclude<InitializerSpec, string>;

function spec(name: InitializerName, config: Omit<Config, 'name'>): InitializerSpec {
  const entries = Object.entries(config).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? name : ({ name, ...Object.fromEntries(entries) } as Config);
}

/** Keras `Zeros()`. */
export function zeros(): InitializerSpec {
  return 'zeros';
}
/** Keras `Ones()`. */
export function ones(): InitializerSpec {
  return 'ones';
}
/** Keras `Constant(value=0)`. */
export function constant(value = 0): InitializerSpec {
  return { name: 'constant', value };
}
/** Keras `RandomUniform(minval=-0.05, maxval=0.05, seed=None)`. */
export function randomUniform(minval = -0.05, maxval = 0.05, seed?: number): InitializerSpec {
  return { name: 'random_uniform', minval, maxval, ...(seed === undefined ? {} : { seed }) };
}
/** Keras `RandomNormal(mean=0, stddev=0.05, seed=None)`. */
export function randomNormal(mean = 0, stddev = 0.05, seed?: number): InitializerSpec {
  return { name: 'random_normal', mean, stddev, ...(seed === undefined ? {} : { seed }) };
}
/** Keras `TruncatedNormal(mean=0, stddev=0.05, seed=None)`: values beyond two stddev are redrawn. */
export function truncatedNormal(mean = 0, stddev = 0.05, seed?: number): InitializerSpec {
  return { name: 'truncated_normal', mean, stddev, ...(seed === undefined ? {} : { seed }) };
}
/** Keras `GlorotUniform(seed=None)`: U(−l, l), l = sqrt(6 / (fan_in + fan_out)). Keras's Dense default. */
export function glorotUniform(seed?: number): InitializerSpec {
  return spec('glorot_uniform', { seed });
}
/** Keras `GlorotNormal(seed=None)`: truncated normal, stddev sqrt(2 / (fan_in + fan_out)). */
export function glorotNormal(seed?: number): InitializerSpec {
  return spec('glorot_normal', { seed });
}
/** Keras `HeNormal(seed=None)`: truncated normal, stddev sqrt(2 / fan_in). */
export function heNormal(seed?: number): InitializerSpec {
  return spec('he_normal', { seed });
}
/** Keras `HeUniform(seed=None)`: U(−l, l), l = sqrt(6 / fan_in). */
export function heUniform(seed?: number): InitializerSpec {
  return spec('he_uniform', { seed });
}
/** Keras `LecunNormal(seed=None)`: truncated normal, stddev sqrt(1 / fan_in). */
export function lecunNormal(seed?: number): InitializerSpec {
  return spec('lecun_normal', { seed });
}
/** Keras `LecunUniform(seed=None)`: U(−l, l), l = sqrt(3 / fan_in). */
export function lecunUniform(seed?: number): InitializerSpec {
  return spec('lecun_uniform', { seed });
}

const VARIANCE_SCALING: Partial<
  Record<InitializerName, { scale: number; mode: 'fan_in' | 'fan_avg'; distribution: 'truncated' | 'uniform' }>
> = {
  glorot_uniform: { scale: 1, mode: 'fan_avg', distribution: 'uniform' },
  glorot_normal: { scale: 1, mode: 'fan_avg', distribution: 'truncated' },
  he_normal: { scale: 2, mode: 'fan_in', distribution: 'truncated' },
  he_uniform: { scale: 2, mode: 'fan_in', distribution: 'uniform' },
  lecun_normal: { scale: 1, mode: 'fan_in', distribution: 'truncated' },
  lecun_uniform: { scale: 1, mode: 'fan_in', distribution: 'uniform' },
};

/** The initializer's name, whichever form its spec takes. */
export function initializerName(s: InitializerSpec): InitializerName {
  return typeof s === 'string' ? s : s.name;
}

/** Mixes a model seed with a slot number (2·layer for a kernel, 2·layer + 1 for a bias) into a 32-bit seed. */
export function derivedSeed(modelSeed: number, slot: number): number {
  // seed·1000 + slot keeps seeds 0, 1, 2, ... of a model from sharing any layer's stream (up to 500 layers).
  return (((modelSeed % 4294967296) * 1000) % 4294967296 + slot) % 4294967296;
}

/**
 * Fills `out` (a kernel of shape [fanIn][fanOut], row-major, or a bias with fanIn = fanOut = its length, as
 * Keras's `_compute_fans` treats 1-D shapes) from `s`. The initializer's own `seed`, when set, wins over
 * `fallbackSeed` (as a seeded Keras initializer gives the same values every call).
 * @throws RangeError naming the value for an unknown name or a non-finite option.
 */
export function initializeInto(
  s: InitializerSpec,
  out: Float64Array,
  fanIn: number,
  fanOut: number,
  fallbackSeed: number,
): void {
  const name = initializerName(s);
  const c: Partial<Config> = typeof s === 'string' ? {} : s;
  const n = out.length;
  const rng = () => new RandomState(c.seed ?? fallbackSeed);
  switch (name) {
    case 'zeros':
      out.fill(0);
      return;
    case 'ones':
      out.fill(1);
      return;
    case 'constant':
      out.fill(finite(c.value ?? 0, 'value'));
      return;
    case 'random_uniform':
      out.set(rng().uniform(finite(c.minval ?? -0.05, 'minval'), finite(c.maxval ?? 0.05, 'maxval'), n));
      return;
    case 'random_normal': {
      const mean = finite(c.mean ?? 0, 'mean');
      const std = finite(c.stddev ?? 0.05, 'stddev');
      out.set(rng().normal(mean, std, n));
      return;
    }
    case 'truncated_normal':
      fillTruncated(out, rng(), finite(c.mean ?? 0, 'mean'), finite(c.stddev ?? 0.05, 'stddev'));
      return;
  }
  const vs = VARIANCE_SCALING[name];
  if (!vs) throw new RangeError(`initializer must be a Keras initializer name, got ${JSON.stringify(name)}`);
  const fan = vs.mode === 'fan_in' ? fanIn : (fanIn + fanOut) / 2;
  const scale = vs.scale / Math.max(1, fan);
  if (vs.distribution === 'uniform') {
    const limit = Math.sqrt(3 * scale);
    out.set(rng().uniform(-limit, limit, n));
  } else {
    fillTruncated(out, rng(), 0, Math.sqrt(scale) / TRUNCATED_NORMAL_STDDEV);
  }
}

/** Normal(mean, std) truncated at two std: each draw beyond ±2 is discarded and drawn again (as TF does). */
function fillTruncated(out: Float64Array, rs: RandomState, mean: number, std: number): void {
  for (let i = 0; i < out.length; i++) {
    let g: number;
    do g = rs.nextGaussian();
    while (g > 2 || g < -2);
    out[i] = mean + std * g;
  }
}

function finite(v: number, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new RangeError(`initializer.${field} must be a finite number, got ${v}`);
  }
  return v;
}
