/**
 * The homework's CIFAR-10 network (problem 3), as a ModelSpec: the Keras code's layers one for one, with the
 * separate `Activation` layers folded into the layer before them (the same function, the same 1,250,858 weights).
 */
import type { ModelSpec } from '../../spec/index.js';

/** Trainable parameters of {@link cifarCnn} with 10 classes (Keras's `model.summary()` total). */
export const CIFAR_CNN_PARAMS = 1_250_858;

/** Options of {@link cifarCnn}. */
export interface CifarCnnOptions {
  /** Output classes (default 10; the transfer task's head has 4). */
  classes?: number;
  /** Model seed for the initializers (default 0). */
  seed?: number;
}

/**
 * Conv2D(32, 3, same)-relu, Conv2D(32, 3)-relu, MaxPool(2), Dropout(.25), Conv2D(64, 3, same)-relu,
 * Conv2D(64, 3)-relu, MaxPool(2), Dropout(.25), Flatten, Dense(512)-relu, Dropout(.5), Dense(10)-softmax, on
 * 32×32×3 inputs scaled to [0, 1]. Keras defaults throughout: GlorotUniform kernels, zero biases, 'valid' padding
 * where the homework gives none.
 */
export function cifarCnn(options: CifarCnnOptions = {}): ModelSpec {
  const { classes = 10, seed = 0 } = options;
  return {
    inputShape: [32, 32, 3],
    seed,
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
      { type: 'dense', units: classes, activation: 'softmax' },
    ],
  };
}
