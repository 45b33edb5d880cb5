/**
 * MT19937, the Mersenne Twister exactly as numpy's `mt19937.c` runs it (the bit generator behind
 * numpy's legacy `RandomState`).
 */

/** Number of 32-bit words in the state (`RK_STATE_LEN`). */
export const MT_N = 624;
const MT_M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** The generator's full state: 624 key words and the position of the next word to temper. */
export interface Mt19937State {
  /** 624 words of state. */
  key: Uint32Array;
  /** Index of the next word; 624 means "regenerate before the next draw". */
  pos: number;
}

/** Seeds `state` as numpy's `mt19937_seed` (Matsumoto–Nishimura `init_genrand`) does for a 32-bit seed. */
export function mt19937Seed(state: Mt19937State, seed: number): void {
  const key = state.key;
  let s = seed >>> 0;
  for (let pos = 0; pos < MT_N; pos++) {
    key[pos] = s;
    s = (Math.imul(1812433253, (s ^ (s >>> 30)) >>> 0) + pos + 1) >>> 0;
  }
  state.pos = MT_N;
}

/** Seeds `state` from an array of 32-bit words, as numpy's `mt19937_init_by_array` (`init_by_array`). */
export function mt19937InitByArray(state: Mt19937State, initKey: ArrayLike<number>): void {
  const mt = state.key;
  const len = initKey.length;
  mt19937Seed(state, 19650218);
  let i = 1;
  let j = 0;
  for (let k = MT_N > len ? MT_N : len; k > 0; k--) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + (initKey[j] >>> 0) + j) >>> 0;
    i++;
    j++;
    if (i >= MT_N) {
      mt[0] = mt[MT_N - 1];
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (let k = MT_N - 1; k > 0; k--) {
    const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
    mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
    i++;
    if (i >= MT_N) {
      mt[0] = mt[MT_N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000;
  state.pos = MT_N;
}

/** Regenerates all 624 words (numpy's `mt19937_gen`). */
export function mt19937Generate(state: Mt19937State): void {
  const key = state.key;
  let i = 0;
  let y: number;
  for (; i < MT_N - MT_M; i++) {
    y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
    key[i] = key[i + MT_M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  for (; i < MT_N - 1; i++) {
    y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
    key[i] = key[i + (MT_M - MT_N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  y = (key[MT_N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
  key[MT_N - 1] = key[MT_M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  state.pos = 0;
}

/** Next tempered 32-bit word, as an unsigned integer in [0, 2^32) (numpy's `mt19937_next32`). */
export function mt19937Next32(state: Mt19937State): number {
  if (state.pos === MT_N) mt19937Generate(state);
  let y = state.key[state.pos++];
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}
