/**
 * ModelSpec activations on TensorFlow.js layers. Most map to a layer's `activation` string; leaky_relu, which TF.js
 * has no string for, becomes a linear layer plus a LeakyReLU layer (the same function, the weights where Keras has
 * them). TF.js 4.22 supports elu only with alpha 1.
 */
import * as tf from '@tensorflow/tfjs';
import type { ActivationName, ActivationSpec } from '../../spec/index.js';
import { TfError } from '../errors.js';

/** The default negative slope of `leaky_relu`: the small engine's (src/nn), Keras's LeakyReLU layer default. */
export const LEAKY_RELU_ALPHA = 0.3;

/** TF.js's own name for each activation it builds in. */
const TF_NAMES: Partial<Record<ActivationName, string>> = {
  linear: 'linear',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  elu: 'elu',
  softplus: 'softplus',
  softmax: 'softmax',
};

/** What a weighted layer gets: its `activation` string, and an extra layer to add after it (or none). */
export interface TfActivation {
  activation: string;
  after: tf.layers.Layer | null;
}

/**
 * Resolves an ActivationSpec for a layer named `layerName`.
 *
 * @throws {TfError} `spec` for softmax with a logit `scale` (the chain-rule network's softmax(10·o) is the small
 *   engine's; Keras has no such option), elu with alpha ≠ 1, or an unknown name.
 */
export function tfActivation(spec: ActivationSpec | undefined, layerName: string, path: string): TfActivation {
  const name: ActivationName = spec === undefined ? 'linear' : typeof spec === 'string' ? spec : spec.name;
  const opts: { alpha?: number; scale?: number } = typeof spec === 'object' ? spec : {};
  if (opts.scale !== undefined && opts.scale !== 1) {
    throw new TfError(
      'spec',
      `${path}.scale is ${opts.scale}: a scaled softmax runs on the small engine only (Keras has no such option).`,
    );
  }
  if (name === 'leaky_relu') {
    const alpha = opts.alpha ?? LEAKY_RELU_ALPHA;
    return { activation: 'linear', after: tf.layers.leakyReLU({ alpha, name: `${layerName}_leaky_relu` }) };
  }
  if (name === 'elu' && opts.alpha !== undefined && opts.alpha !== 1) {
    throw new TfError('spec', `${path}.alpha is ${opts.alpha}: TensorFlow.js 4.22 has elu with alpha 1 only.`);
  }
  const tfName = TF_NAMES[name];
  if (!tfName) throw new TfError('spec', `${path} is ${JSON.stringify(name)}, which the TF engine does not know.`);
  return { activation: tfName, after: null };
}
