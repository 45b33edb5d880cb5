/**
 * The upper part of a model as a model of its own, made of the same layer objects: training it on cached
 * activations trains those layers of the full model, which sees every change at once.
 */
import * as tf from '@tensorflow/tfjs';
import { TfError } from '../errors.js';
import { modelLayers } from '../train/forward.js';

/** One input's shape (no batch axis) of layer `from` of `model`: the model's input, or the output before it. */
export function inputShapeAt(model: tf.LayersModel, from: number): number[] {
  const layers = modelLayers(model);
  const shape = from === 0 ? model.inputs[0].shape : (layers[from - 1].outputShape as Array<number | null>);
  return shape.slice(1) as number[];
}

/**
 * Layers `from`… of `model` on an input of the shape below them. The result shares the layers and their
 * weights: dispose it before (never instead of) the full model, which then frees the weights.
 *
 * @throws {TfError} `model` when `from` is not a layer index of the model.
 */
export function topModel(model: tf.LayersModel, from: number): tf.LayersModel {
  const layers = modelLayers(model);
  if (!Number.isInteger(from) || from < 0 || from >= layers.length) {
    throw new TfError('model', `Layer index ${from} is outside the model's ${layers.length} layers.`);
  }
  const input = tf.input({ shape: inputShapeAt(model, from) });
  let h: tf.SymbolicTensor = input;
  for (const layer of layers.slice(from)) h = layer.apply(h) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: h, name: `${model.name}_from_${layers[from].name}` });
}
