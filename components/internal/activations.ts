import type { ActivationName } from '../../src/spec/index.js';

export type { ActivationName };

/** Activations a hidden layer of the chain-rule network may use (softmax is the output's). */
export const ACTIVATIONS: readonly ActivationName[] = ['relu', 'leaky_relu', 'elu', 'sigmoid', 'tanh', 'softplus', 'linear'];
