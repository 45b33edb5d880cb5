import { TrainingClient } from '../../src/worker/index.js';
import { setting } from './settings.js';

/**
 * A client of a new training worker, for the elements that train TensorFlow.js models: the worker comes from the
 * page's setting (`configure({ workerUrl })` or `<meta name="nn-mathlets:worker-url">`) or from beside the library.
 */
export function startTrainingClient(): TrainingClient {
  return TrainingClient.inWorker(setting('workerUrl'));
}
