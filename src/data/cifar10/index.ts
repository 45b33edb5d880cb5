// CIFAR-10: parsing the official binary records, the homework's relabelling, layouts for TensorFlow.js and
// canvases, and streaming loads (URLs, files, the official .tar.gz) with progress, abort and Cache Storage.
export {
  CIFAR10_CLASSES,
  CIFAR10_IMAGE_SIZE,
  CIFAR10_CHANNELS,
  CIFAR10_IMAGE_BYTES,
  CIFAR10_RECORD_BYTES,
  type Cifar10ClassName,
} from './classes.js';
export { Cifar10Error, type Cifar10ErrorCode } from './errors.js';
export { CIFAR10_MAX_RECORDS, CIFAR10_MAX_BYTES } from './limits.js';
export type { Cifar10Data } from './record-sink.js';
export { parseCifar10 } from './parse.js';
export { concatCifar10 } from './concat.js';
export { relabel, HOMEWORK_LABEL_MAP, TRANSFER_CLASSES } from './relabel.js';
export { toFloatNHWC, imageToRGBA } from './tensor-layout.js';
export type { Cifar10Batch, Cifar10Split } from './batch.js';
export type { Cifar10Progress } from './progress.js';
export type { Cifar10SourceItem } from './sources.js';
export { CIFAR10_CACHE_NAME, deleteCifar10Cache, type Cifar10Cache } from './cache.js';
export { loadCifar10, type Cifar10Source, type LoadCifar10Options, type Cifar10LoadResult } from './load.js';
