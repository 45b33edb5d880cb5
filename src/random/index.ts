export { RandomState, type RandomStateSnapshot, type Seed } from './random-state.js';
export { MT_N, mt19937Seed, mt19937InitByArray, mt19937Generate, mt19937Next32, type Mt19937State } from './mt19937.js';
