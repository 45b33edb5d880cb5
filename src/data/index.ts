export {};
export * from './cifar10/index.js';
