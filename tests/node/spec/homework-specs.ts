/**
 * The homework's runs as specs (HOMEWORK.md problems 1, 3–4 and 6–8, and the chain-rule network of 13).
 */
import type { DataSpec, LayerSpec, ModelSpec, TrainSpec } from '../../../src/spec/types.js';

/** Problem 1's data: make_circles(1000, noise 0.08, random_state 1), MinMaxScaler(-1, 1), train_test_split(.8, 42). */
export const P1_DATA: DataSpec = {
  name: 'circles',
  nSamples: 1000,
  noise: 0.08,
  randomState: 1,
  split: { kind: 'trainTestSplit', trainSize: 0.8, randomState: 42, scale: [-1, 1] },
};

const uniform = { name: 'random_uniform', minval: -1, maxval: 1 } as const;
/** Problem 1's "not-so-good" model: three Dense(5, tanh), RandomUniform(-1, 1) everywhere, a sigmoid output. */
export const P1_BAD_MODEL: ModelSpec = {
  inputShape: [2],
  seed: 42,
  layers: [
    { type: 'dense', units: 5, activation: 'tanh', kernelInitializer: uniform },
    { type: 'dense', units: 5, activation: 'tanh', kernelInitializer: uniform },
    { type: 'dense', units: 5, activation: 'tanh', kernelInitializer: uniform },
    { type: 'dense', units: 1, activation: 'sigmoid', kernelInitializer: uniform },
  ],
};
export const P1_BAD_TRAIN: TrainSpec = {
  optimizer: { name: 'sgd', learningRate: 0.01 },
  loss: 'binary_crossentropy',
  metrics: ['accuracy'],
  batchSize: 32,
  epochs: 300,
};

const he = { name: 'he_normal', seed: 42 } as const;
/** Problem 1's fixed model: relu + HeNormal(seed=42) + Adam. */
export const P1_FIXED_MODEL: ModelSpec = {
  inputShape: [2],
  seed: 42,
  layers: [
    { type: 'dense', units: 5, activation: 'relu', kernelInitializer: he },
    { type: 'dense', units: 5, activation: 'relu', kernelInitializer: he },
    { type: 'dense', units: 5, activation: 'relu', kernelInitializer: he },
    { type: 'dense', units: 1, activation: 'sigmoid', kernelInitializer: he },
  ],
};
export const P1_FIXED_TRAIN: TrainSpec = { ...P1_BAD_TRAIN, optimizer: { name: 'adam' } };

/** Problems 6–8's data: make_circles(600, noise 0.25, random_state 0, factor 0.5); 200 / 200 / 200 slices. */
export const P6_DATA: DataSpec = {
  name: 'circles',
  nSamples: 600,
  noise: 0.25,
  randomState: 0,
  factor: 0.5,
  split: { kind: 'slices', train: 200, validation: 200, test: 200 },
};

/** Problems 6–8's model: seven Dense(20, relu) with GlorotUniform(seed=66), a Dense(1, sigmoid); optional kernel regularizer. */
export function p6Model(kernelRegularizer?: { l1?: number; l2?: number }): ModelSpec {
  const hidden: LayerSpec = {
    type: 'dense',
    units: 20,
    activation: 'relu',
    kernelInitializer: { name: 'glorot_uniform', seed: 66 },
    ...(kernelRegularizer ? { kernelRegularizer } : {}),
  };
  return { inputShape: [2], seed: 0, layers: [...Array.from({ length: 7 }, () => ({ ...hidden })), { type: 'dense', units: 1, activation: 'sigmoid' }] };
}
export const P6_TRAIN: TrainSpec = {
  optimizer: { name: 'adam' },
  loss: 'binary_crossentropy',
  metrics: ['accuracy'],
  batchSize: 32,
  epochs: 1000,
};
export const P6_EARLY_STOPPING: TrainSpec = {
  ...P6_TRAIN,
  callbacks: [{ name: 'EarlyStopping', monitor: 'val_loss', patience: 20, restoreBestWeights: true }],
};

/** Problems 3–4's CIFAR-10 CNN (1,250,858 parameters), softmax over 10 classes. */
export const CIFAR_MODEL: ModelSpec = {
  inputShape: [32, 32, 3],
  layers: [
    { type: 'conv2d', filters: 32, kernelSize: 3, padding: 'same', activation: 'relu' },
    { type: 'conv2d', filters: 32, kernelSize: 3, activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'dropout', rate: 0.25 },
    { type: 'conv2d', filters: 64, kernelSize: 3, padding: 'same', activation: 'relu' },
    { type: 'conv2d', filters: 64, kernelSize: 3, activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'dropout', rate: 0.25 },
    { type: 'flatten' },
    { type: 'dense', units: 512, activation: 'relu' },
    { type: 'dropout', rate: 0.5 },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};
/** Problem 4: RMSprop with exponential decay from the chosen rate, 20 epochs, early stopping with patience 5. */
export const CIFAR_SCHEDULE_TRAIN: TrainSpec = {
  optimizer: {
    name: 'rmsprop',
    learningRate: { name: 'ExponentialDecay', initialLearningRate: 1e-4, decaySteps: 1563, decayRate: 0.9, staircase: false },
  },
  loss: 'sparse_categorical_crossentropy',
  metrics: ['accuracy'],
  batchSize: 32,
  epochs: 20,
  callbacks: [{ name: 'EarlyStopping', monitor: 'val_loss', patience: 5 }],
};

/** Problem 13's chain-rule network: 2 → 3 relu → 2 linear outputs, p = softmax(10·o). */
export const CHAIN_RULE_MODEL: ModelSpec = {
  inputShape: [2],
  layers: [
    { type: 'dense', units: 3, activation: 'relu' },
    { type: 'dense', units: 2, activation: { name: 'softmax', scale: 10 } },
  ],
};
