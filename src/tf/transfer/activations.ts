/**
 * "Features of a data set": a model's activations at one layer for every example, computed once in inference mode
 * (dropout off) and kept as a float32 data set, so the layers above can train on them without running the frozen
 * layers below at every step.
 */
import * as tf from '@tensorflow/tfjs';
import { relabel as relabelLabels } from '../../data/index.js';
import { TfError } from '../errors.js';
import { makeBatch, range, type Dataset } from '../train/dataset.js';
import { modelLayers } from '../train/forward.js';
import { yieldToEventLoop } from '../train/yield.js';

/** Options of {@link computeActivations}. */
export interface ActivationOptions {
  /** Examples per forward pass (default 64; the result does not depend on it). */
  batchSize?: number;
  /** Called after every batch with the examples done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between batches: return true to stop (the promise then rejects with a TfError `aborted`). */
  shouldStop?: () => boolean;
  /** Map the labels as they are copied (the 4-class task on a 10-class set). */
  relabel?: { map: Record<number, number>; other: number };
}

/**
 * The output of layer `at` (an index into the model's layers, inclusive) for every example of `data`.
 *
 * @throws {TfError} `model` for an index outside the model; `aborted` when `shouldStop` said so.
 */
export async function computeActivations(model: tf.LayersModel, data: Dataset, at: number, options: ActivationOptions = {}): Promise<Dataset> {
  const layers = modelLayers(model);
  if (!Number.isInteger(at) || at < 0 || at >= layers.length) {
    throw new TfError('model', `Layer index ${at} is outside the model's ${layers.length} layers.`);
  }
  const below = layers.slice(0, at + 1);
  const shape = (below[at].outputShape as Array<number | null>).slice(1) as number[];
  const per = shape.reduce((a, b) => a * b, 1);
  const x = new Float32Array(data.count * per);
  const batchSize = options.batchSize ?? 64;
  for (let start = 0; start < data.count; start += batchSize) {
    if (options.shouldStop?.()) throw new TfError('aborted', 'Computing the activations was stopped.');
    const end = Math.min(data.count, start + batchSize);
    const batch = makeBatch(data, range(start, end));
    const out = tf.tidy(() => {
      let h = batch.x;
      // Dropout is the identity in inference; every other layer runs as the model would at test time.
      for (const layer of below) if (layer.getClassName() !== 'Dropout') h = layer.apply(h, { training: false }) as tf.Tensor;
      return h;
    });
    tf.dispose([batch.x, batch.y]);
    x.set(await out.data(), start * per);
    out.dispose();
    options.onProgress?.(end, data.count);
    // A macrotask between batches: a stop request (and progress messages) get their turn.
    await yieldToEventLoop();
  }
  const y = options.relabel && data.y instanceof Uint8Array ? relabelLabels(data.y, options.relabel.map, options.relabel.other) : data.y.slice();
  return { x, y, count: data.count, shape, format: 'float32' };
}
