import { startModuleWorker } from './start-worker.js';

/**
 * Starts the training worker. `new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' })`
 * is the form Vite (npm start, Storybook) bundles as a worker, and the test server serves as a module (it compiles
 * .ts on request). esbuild (scripts/build.mjs, for dist/) does not follow it: the build bundles
 * src/worker/training.worker.ts on its own, TF.js included (a worker loaded by URL cannot resolve bare imports),
 * replaces that line with a `startModuleWorker` call (cross-origin and Trusted Types safe, see start-worker.ts) and
 * points the literal './training.worker.ts' in its output at the built file, relative to the chunk holding it.
 * Keep the line and the literal as they are: the build looks for them.
 */

/** The name the worker shows in the browser's developer tools. */
const WORKER_NAME = 'nn-mathlets-training';

/**
 * A module Worker running the training session. `url` loads the worker file from elsewhere (a CDN, a copy on the
 * course's server); one on another origin is started through a module wrapper.
 */
export function createTrainingWorker(url?: string | URL): Worker {
  if (url) return startModuleWorker(url, WORKER_NAME);
  return new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: WORKER_NAME });
}
