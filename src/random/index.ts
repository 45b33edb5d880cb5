export { RandomState, type RandomStateSnapshot, type RandomSeed } from './random-state.js';
