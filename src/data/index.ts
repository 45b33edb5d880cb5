export * from './cifar10/index.js';
export { checkRandomState, type RandomStateLike } from './check-random-state.js';
export type { ToyDataset } from './dataset.js';
export { shuffleArrays, type RowsOf } from './shuffle.js';
export { makeCircles, type MakeCirclesOptions } from './make-circles.js';
export { makeMoons, type MakeMoonsOptions } from './make-moons.js';
export { makeBlobs, type MakeBlobsOptions, type BlobsDataset } from './make-blobs.js';
export { MinMaxScaler, type MinMaxScalerOptions } from './min-max-scaler.js';
export {
  trainTestSplit,
  trainTestSplitIndices,
  type TrainTestSplitOptions,
  type SplitResult,
} from './train-test-split.js';
export {
  semicircleTask,
  isGold,
  SEMICIRCLE_GOLD,
  SEMICIRCLE_PURPLE,
  SEMICIRCLE_BEST,
  SEMICIRCLE_DEFAULT_POINT,
  type SemicircleParams,
  type SemicircleTaskOptions,
} from './semicircle.js';
