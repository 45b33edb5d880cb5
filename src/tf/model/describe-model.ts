/** A built or loaded model described as plain JSON, for the UI (summary table, which layers are trainable). */
import type * as tf from '@tensorflow/tfjs';

/** One layer of a TF.js model. */
export interface LayerInfo {
  name: string;
  className: string;
  /** Output shape without the batch axis. */
  outputShape: number[];
  params: number;
  trainable: boolean;
}

/** A TF.js model as the UI shows it. */
export interface ModelInfo {
  name: string;
  layers: LayerInfo[];
  params: number;
  trainableParams: number;
  /** One input's shape without the batch axis ([32, 32, 3]). */
  inputShape: number[];
  /** Output units (classes). */
  outputUnits: number;
}

type Dims = Array<number | null>;

/** A layer's shape without the batch axis (the first output's, for a layer with several); -1 for unknown. */
function withoutBatch(shape: Dims | Dims[]): number[] {
  const first = (Array.isArray(shape[0]) ? shape[0] : shape) as Dims;
  return first.slice(1).map((d) => d ?? -1);
}

/** Describes `model`: Keras's summary plus trainability. */
export function describeModel(model: tf.LayersModel): ModelInfo {
  const layers = model.layers
    .filter((l) => l.getClassName() !== 'InputLayer')
    .map((l) => ({
      name: l.name,
      className: l.getClassName(),
      outputShape: withoutBatch(l.outputShape),
      params: l.countParams(),
      trainable: l.trainable,
    }));
  const trainableParams = model.trainableWeights.reduce((a, w) => a + (w.shape as number[]).reduce((x, y) => x * y, 1), 0);
  return {
    name: model.name,
    layers,
    params: model.countParams(),
    trainableParams,
    inputShape: withoutBatch(model.inputs[0].shape),
    outputUnits: model.outputs[0].shape.at(-1) ?? 1,
  };
}
