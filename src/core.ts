/**
 * nn-mathlets/core: the engine, without any DOM or TensorFlow.js import. Runs in Node, pages and workers.
 */
export * from './random/index.js';
export * from './data/index.js';
export * from './nn/index.js';
export * from './schedules/index.js';
export * from './spec/index.js';
export * from './labs/index.js';
export * from './runs/index.js';
export * from './transfer/index.js';
