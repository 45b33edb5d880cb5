/**
 * Starts the training worker. `new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' })`
 * is the form Vite (npm start, Storybook) bundles as a worker, and the test server serves as a module (it compiles
 * .ts on request). esbuild (scripts/build.mjs, for dist/) does not follow it: the build bundles
 * src/worker/training.worker.ts on its own, TF.js included (a worker loaded by URL cannot resolve bare imports), as
 * dist/training.worker.js, and rewrites the literal './training.worker.ts' in its output to that file's path
 * relative to the chunk holding it. Keep the literal as it is: the build looks for it.
 */

/** A module Worker running the training session; `url` loads the worker file from elsewhere (a CDN, a copy). */
export function createTrainingWorker(url?: string | URL): Worker {
  if (url) return new Worker(url, { type: 'module', name: 'nn-mathlets-training' });
  return new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'nn-mathlets-training' });
}
