export { RunStore, pageRunStore } from './run-store.js';
export { smoothScalars } from './smoothing.js';
export { lrChangeEpochs } from './markers.js';
export type { RunRecord, RunStatus, RunMarkers, RunStoreChange, RunStoreListener, NewRun } from './types.js';
