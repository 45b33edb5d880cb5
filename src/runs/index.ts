export { RunStore, pageRunStore, type RunStorage, type RunStoreOptions } from './run-store.js';
export { MemoryRunBackend, type RunBackend } from './backend.js';
export { openIndexedDbBackend, RUNS_DATABASE } from './indexeddb.js';
export { smoothScalars } from './smoothing.js';
export { lrChangeEpochs } from './markers.js';
export { histogramOf, appendHistogram, HISTOGRAM_BUCKETS, HISTOGRAM_KEEP } from './histogram.js';
export { runHparams } from './hparams.js';
export { crc32c, crc32, maskedCrc32c } from './crc.js';
export {
  tensorBoardEventFile,
  tensorBoardLogdir,
  eventFileName,
  runFolderName,
  tfRecord,
  type EventFileOptions,
  type EventFileSplit,
  type LogdirOptions,
  type LogdirFile,
} from './tensorboard.js';
export { zipFiles, type ZipEntry, type ZipOptions } from './zip.js';
export { tensorBoardZip } from './logdir-zip.js';
export { runsToJson, parseRunsJson, runsFromDocument, RunFormatError, RUNS_FORMAT, RUNS_VERSION, RUNS_LIMITS } from './json.js';
export { runsToCsv, CSV_COLUMNS } from './csv.js';
export { shareLink, runsFromFragment, toBase64Url, fromBase64Url, SHARE_KEY, SHARE_LINK_LIMIT, SHARE_MAX_BYTES, type ShareLink } from './share.js';
export type {
  RunRecord,
  RunStatus,
  RunMarkers,
  RunStoreChange,
  RunStoreListener,
  NewRun,
  HistogramEntry,
  HparamValue,
} from './types.js';
