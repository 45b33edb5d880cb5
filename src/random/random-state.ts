/**
 * numpy 1.24's legacy `np.random.RandomState`, ported: the same seed gives the same integer stream,
 * the same shuffles and permutations, and the same doubles (to the last bit where no libm call is involved;
 * Gaussians go through `Math.log`, which may differ from glibc's `log` by an ulp now and then).
 */
import { MT_N, mt19937InitByArray, mt19937Next32, mt19937Seed, type Mt19937State } from './mt19937.js';

const TWO_32 = 4294967296;
const MAX_UINT32 = 0xffffffff;

/** A snapshot of a {@link RandomState}, enough to replay its stream (numpy's `get_state()`, as an object). */
export interface RandomStateSnapshot {
  /** The 624 MT19937 key words. */
  key: Uint32Array;
  /** Position of the next key word, 0..624. */
  pos: number;
  /** Whether a second Gaussian from the last polar pair is cached. */
  hasGauss: boolean;
  /** The cached Gaussian (0 when none). */
  gauss: number;
}

/** A seed as numpy's legacy seeding takes it: one integer in [0, 2^32), or a non-empty array of them. */
export type RandomSeed = number | ArrayLike<number>;

function checkCount(n: number, name = 'n'): void {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
  }
}

function checkSeedWord(v: number, what: string): void {
  if (!Number.isInteger(v) || v < 0 || v > MAX_UINT32) {
    throw new RangeError(`${what} must be an integer between 0 and 2**32 - 1, got ${v}`);
  }
}

/** Smallest 2^k - 1 that is >= v (numpy's `gen_mask`), for 0 <= v < 2^53. */
function genMask(v: number): number {
  let mask = 1;
  while (mask < v) mask = mask * 2 + 1;
  return mask;
}

/**
 * numpy's legacy Mersenne Twister generator.
 *
 * @example
 * const rs = new RandomState(42);
 * rs.randomSample(3); // Float64Array [0.3745401188473625, 0.9507143064099162, 0.7319939418114051]
 */
export class RandomState {
  private readonly mt: Mt19937State = { key: new Uint32Array(MT_N), pos: MT_N };
  private hasGauss = false;
  private gaussCache = 0;

  /**
   * @param seed an integer in [0, 2^32) (numpy seeds it with `init_genrand`), or a non-empty array of such
   *   integers (numpy seeds it with `init_by_array`).
   */
  constructor(seed: RandomSeed) {
    this.seed(seed);
  }

  /** Re-seeds in place, as numpy's `RandomState.seed(seed)`; also drops any cached Gaussian. */
  seed(seed: RandomSeed): void {
    if (typeof seed === 'number') {
      checkSeedWord(seed, 'seed');
      mt19937Seed(this.mt, seed);
    } else {
      if (seed == null || typeof seed.length !== 'number') {
        throw new TypeError(`seed must be an integer or an array of integers, got ${String(seed)}`);
      }
      if (seed.length === 0) throw new RangeError('seed must be a non-empty array, got an empty one');
      for (let i = 0; i < seed.length; i++) checkSeedWord(seed[i], `seed[${i}]`);
      mt19937InitByArray(this.mt, seed);
    }
    this.hasGauss = false;
    this.gaussCache = 0;
  }

  /** A deep copy of the generator's state (numpy's `get_state()`). */
  getState(): RandomStateSnapshot {
    return { key: this.mt.key.slice(), pos: this.mt.pos, hasGauss: this.hasGauss, gauss: this.gaussCache };
  }

  /** Restores a state from {@link getState} (numpy's `set_state()`); the snapshot is copied, not kept. */
  setState(state: RandomStateSnapshot): void {
    if (!state || state.key == null || state.key.length !== MT_N) {
      throw new RangeError(`state.key must hold ${MT_N} words, got ${state?.key?.length}`);
    }
    if (!Number.isInteger(state.pos) || state.pos < 0 || state.pos > MT_N) {
      throw new RangeError(`state.pos must be an integer between 0 and ${MT_N}, got ${state.pos}`);
    }
    this.mt.key.set(state.key);
    this.mt.pos = state.pos;
    this.hasGauss = Boolean(state.hasGauss);
    this.gaussCache = this.hasGauss ? state.gauss : 0;
  }

  /** An independent generator in the same state: both produce the same stream from here on. */
  clone(): RandomState {
    const copy = new RandomState(0);
    copy.setState(this.getState());
    return copy;
  }

  /** Next raw 32-bit word of the stream, an integer in [0, 2^32) (numpy's `next_uint32`). */
  randomUint32(): number {
    return mt19937Next32(this.mt);
  }

  /** `n` raw 32-bit words (numpy's `randint(0, 2**32, n, dtype=np.uint32)` draws the same). */
  randomUint32Array(n: number): Uint32Array {
    checkCount(n);
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = mt19937Next32(this.mt);
    return out;
  }

  /** One double in [0, 1) with 53 random bits (numpy's `random_sample()` / `legacy_double`). */
  nextDouble(): number {
    const a = mt19937Next32(this.mt) >>> 5;
    const b = mt19937Next32(this.mt) >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** One standard normal value by the legacy polar Box–Muller method, which caches its second value. */
  nextGaussian(): number {
    if (this.hasGauss) {
      const temp = this.gaussCache;
      this.hasGauss = false;
      this.gaussCache = 0;
      return temp;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2.0 * this.nextDouble() - 1.0;
      x2 = 2.0 * this.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    const f = Math.sqrt((-2.0 * Math.log(r2)) / r2);
    this.gaussCache = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /**
   * A uniform integer in [0, max] by masked rejection (numpy's `random_interval`, used by `shuffle`).
   * @param max inclusive upper bound, an integer in [0, 2^53).
   */
  randomInterval(max: number): number {
    if (max === 0) return 0;
    const mask = genMask(max);
    if (max <= MAX_UINT32) {
      let value: number;
      while ((value = (mt19937Next32(this.mt) & mask) >>> 0) > max);
      return value;
    }
    return this.maskedUint64(max, mask);
  }

  /** numpy's `bounded_masked_uint64` for 2^32 <= rng < 2^53: high word first, as `next_uint64` builds it. */
  private maskedUint64(rng: number, mask: number): number {
    const maskHi = Math.floor(mask / TWO_32);
    let value: number;
    do {
      const hi = (mt19937Next32(this.mt) & maskHi) >>> 0;
      const lo = mt19937Next32(this.mt);
      value = hi * TWO_32 + lo;
    } while (value > rng);
    return value;
  }

  /** `n` doubles uniform in [0, 1) (numpy's `random_sample(n)`). */
  randomSample(n: number): Float64Array {
    checkCount(n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.nextDouble();
    return out;
  }

  /** `n` standard normal values (numpy's legacy `standard_normal(n)`). */
  standardNormal(n: number): Float64Array {
    checkCount(n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.nextGaussian();
    return out;
  }

  /**
   * `n` doubles uniform in [low, high), each `low + (high - low) * u` (numpy's legacy `uniform(low, high, n)`;
   * like numpy, `high < low` is allowed and draws from (high, low]).
   */
  uniform(low: number, high: number, n: number): Float64Array {
    checkCount(n);
    const range = high - low;
    if (!Number.isFinite(range)) {
      throw new RangeError(`uniform: range high - low must be finite, got low=${low}, high=${high}`);
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = low + range * this.nextDouble();
    return out;
  }

  /** `n` normal values `loc + scale * gauss` (numpy's legacy `normal(loc, scale, n)`); `scale` must be >= 0. */
  normal(loc: number, scale: number, n: number): Float64Array {
    checkCount(n);
    if (!(scale >= 0)) throw new RangeError(`normal: scale must be non-negative, got ${scale}`);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = loc + scale * this.nextGaussian();
    return out;
  }

  /**
   * `n` integers uniform in [low, high) as numpy's legacy `randint(low, high, n)` (dtype int64) draws them:
   * masked rejection on 32-bit words when `high - low - 1` fits in 32 bits, else on 64-bit words.
   * With `high` undefined (or null), draws from [0, low), as numpy does.
   * Bounds must be safe integers with `high - low <= 2^53`.
   */
  randint(low: number, high: number | undefined | null, n: number): number[] {
    checkCount(n);
    if (high == null) {
      high = low;
      low = 0;
    }
    if (!Number.isSafeInteger(low)) throw new RangeError(`randint: low must be a safe integer, got ${low}`);
    if (!Number.isSafeInteger(high)) throw new RangeError(`randint: high must be a safe integer, got ${high}`);
    if (low >= high) throw new RangeError(`randint: low >= high (low=${low}, high=${high})`);
    // BigInt, because high - low of two safe integers may round as a double
    if (BigInt(high) - BigInt(low) > 9007199254740992n) {
      throw new RangeError(`randint: high - low must be at most 2**53, got low=${low}, high=${high}`);
    }
    const rng = high - low - 1;
    const out = new Array<number>(n);
    if (rng === 0) {
      out.fill(low);
    } else if (rng === MAX_UINT32) {
      for (let i = 0; i < n; i++) out[i] = low + mt19937Next32(this.mt);
    } else if (rng < MAX_UINT32) {
      const mask = genMask(rng);
      for (let i = 0; i < n; i++) {
        let v: number;
        while ((v = (mt19937Next32(this.mt) & mask) >>> 0) > rng);
        out[i] = low + v;
      }
    } else {
      const mask = genMask(rng);
      for (let i = 0; i < n; i++) out[i] = low + this.maskedUint64(rng, mask);
    }
    return out;
  }

  /** One integer uniform in [low, high) (numpy's `randint(low, high)` with no size). */
  randintOne(low: number, high?: number): number {
    return this.randint(low, high, 1)[0];
  }

  /**
   * A random permutation: of `0..n-1` for a number (numpy's `permutation(n)`), or a shuffled copy of an array.
   */
  permutation(n: number): number[];
  permutation<T>(array: readonly T[]): T[];
  permutation<T>(arg: number | readonly T[]): number[] | T[] {
    if (typeof arg === 'number') {
      checkCount(arg);
      const out = new Array<number>(arg);
      for (let i = 0; i < arg; i++) out[i] = i;
      return this.shuffle(out);
    }
    return this.shuffle(arg.slice());
  }

  /**
   * Shuffles `array` in place along its first axis (numpy's legacy Fisher–Yates from the end, with
   * `random_interval` draws) and returns it. Rows of a `number[][]` move as wholes, like numpy's 2-D shuffle.
   */
  shuffle<A extends { length: number; [i: number]: unknown }>(array: A): A {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.randomInterval(i);
      const t = array[i];
      array[i] = array[j];
      array[j] = t;
    }
    return array;
  }
}
