/**
 * ModelSpec → a TensorFlow.js Sequential model, layer for layer as Keras would build it, with Keras's layer names
 * (conv2d, conv2d_1, ...) and initial weights drawn from the spec's seeded initializers.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerSpec, ModelSpec, RegularizerSpec } from '../../spec/index.js';
import { TfError } from '../errors.js';
import { tfActivation } from './activations.js';
import { DEFAULT_BIAS_INITIALIZER, DEFAULT_KERNEL_INITIALIZER, initialValues } from './initial-weights.js';
import { kerasLayerNames } from './layer-names.js';
import { assertTfModelSpec } from './validate.js';

/** The TF.js layers made for one spec layer, and which of them holds its weights (for the initial values). */
interface BuiltLayer {
  layers: tf.layers.Layer[];
  weighted: tf.layers.Layer | null;
}

/**
 * Builds the model that `spec` describes. Weights are drawn from the spec's initializers with `spec.seed`
 * (default 0) so the same spec always starts from the same weights, on every backend.
 *
 * @throws {SpecError} when the spec does not validate; {@link TfError} `spec` for what the TF engine cannot build
 *   (an activity regularizer, a scaled softmax, a layer that does not fit the shape before it).
 */
export function buildModel(spec: ModelSpec): tf.Sequential {
  assertTfModelSpec(spec);
  const seed = spec.seed ?? 0;
  const names = kerasLayerNames(spec.layers);
  const model = tf.sequential();
  const weighted: Array<{ layer: tf.layers.Layer; index: number }> = [];
  try {
    spec.layers.forEach((layerSpec, index) => {
      const inputShape = index === 0 ? spec.inputShape : undefined;
      const built = buildLayer(layerSpec, names[index], inputShape, `layers[${index}]`);
      for (const layer of built.layers) model.add(layer);
      if (built.weighted) weighted.push({ layer: built.weighted, index });
    });
  } catch (err) {
    model.dispose();
    if (err instanceof TfError) throw err;
    throw new TfError('spec', `The model spec does not build: ${(err as Error).message}`, { cause: err });
  }
  for (const { layer, index } of weighted) setInitialWeights(layer, spec.layers[index], seed, index);
  return model;
}

function buildLayer(spec: LayerSpec, name: string, inputShape: number[] | undefined, path: string): BuiltLayer {
  const first = inputShape ? { inputShape } : {};
  switch (spec.type) {
    case 'conv2d': {
      const act = tfActivation(spec.activation, name, `${path}.activation`);
      const layer = tf.layers.conv2d({
        ...first,
        name,
        filters: spec.filters,
        kernelSize: spec.kernelSize,
        strides: spec.strides ?? 1,
        padding: spec.padding ?? 'valid',
        activation: act.activation as 'linear',
        // Real values are set after the build from the spec's seeded initializers: zeros cost nothing to make.
        kernelInitializer: 'zeros',
        biasInitializer: 'zeros',
        kernelRegularizer: regularizer(spec.kernelRegularizer),
      });
      return { layers: act.after ? [layer, act.after] : [layer], weighted: layer };
    }
    case 'dense': {
      const act = tfActivation(spec.activation, name, `${path}.activation`);
      const layer = tf.layers.dense({
        ...first,
        name,
        units: spec.units,
        useBias: spec.useBias ?? true,
        activation: act.activation as 'linear',
        kernelInitializer: 'zeros',
        biasInitializer: 'zeros',
        kernelRegularizer: regularizer(spec.kernelRegularizer),
        biasRegularizer: regularizer(spec.biasRegularizer),
      });
      return { layers: act.after ? [layer, act.after] : [layer], weighted: layer };
    }
    case 'maxPooling2d': {
      const poolSize = spec.poolSize ?? 2;
      // Keras: strides default to the pool size.
      const layer = tf.layers.maxPooling2d({ ...first, name, poolSize, strides: spec.strides ?? poolSize });
      return { layers: [layer], weighted: null };
    }
    case 'dropout':
      // The seed is kept in the config for saving; training draws its own masks (train/dropout.ts says why).
      return { layers: [tf.layers.dropout({ ...first, name, rate: spec.rate, seed: spec.seed })], weighted: null };
    case 'flatten':
      return { layers: [tf.layers.flatten({ ...first, name })], weighted: null };
  }
}

function regularizer(spec: RegularizerSpec | undefined) {
  if (!spec || (!spec.l1 && !spec.l2)) return undefined;
  return tf.regularizers.l1l2({ l1: spec.l1 ?? 0, l2: spec.l2 ?? 0 });
}

function setInitialWeights(layer: tf.layers.Layer, spec: LayerSpec, seed: number, index: number): void {
  const kernelInit = 'kernelInitializer' in spec ? spec.kernelInitializer : undefined;
  const biasInit = 'biasInitializer' in spec ? spec.biasInitializer : undefined;
  const values = layer.weights.map((w, i) => {
    const isKernel = i === 0;
    const init = isKernel ? (kernelInit ?? DEFAULT_KERNEL_INITIALIZER) : (biasInit ?? DEFAULT_BIAS_INITIALIZER);
    const shape = w.shape as number[];
    return tf.tensor(initialValues(init, shape, seed, 2 * index + (isKernel ? 0 : 1)), shape);
  });
  layer.setWeights(values);
  tf.dispose(values);
}
