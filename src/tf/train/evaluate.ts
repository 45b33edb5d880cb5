/**
 * Loss and accuracy of a model on a data set, and its predictions, batch by batch in inference mode (dropout off).
 * Sums stay on the device and are read back once, so a GPU is not stalled per batch.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossName } from '../../spec/index.js';
import { makeBatch, range, type Dataset } from './dataset.js';
import { forward, outputKind } from './forward.js';
import { correctCount, lossValue, toPrediction } from './losses.js';
import { confusionMatrix } from './metrics.js';
import { yieldToEventLoop } from './yield.js';

/** Options of {@link evaluateModel}. */
export interface EvaluateOptions {
  loss: LossName;
  fromLogits?: boolean;
  /** Examples per forward pass (default 128; the result does not depend on it). */
  batchSize?: number;
  /** Also return the confusion matrix (classification losses). */
  confusion?: boolean;
  /**
   * Checked between batches (the event loop gets a turn before each, so a worker hears a stop request): true ends
   * the pass early, and the result says `stopped`.
   */
  shouldStop?: () => boolean;
}

/** What {@link evaluateModel} returns; `accuracy` is absent for mean squared error. */
export interface EvaluateResult {
  loss: number;
  accuracy?: number;
  count: number;
  /** counts[true][predicted] when asked for. */
  confusion?: number[][];
  /** True when `shouldStop` ended the pass early: the numbers cover the first `count` examples only. */
  stopped?: boolean;
}

/** Mean loss (as Keras's evaluate: weighted by batch size), accuracy and optionally the confusion matrix. */
export async function evaluateModel(model: tf.LayersModel, data: Dataset, options: EvaluateOptions): Promise<EvaluateResult> {
  const batchSize = options.batchSize ?? 128;
  const kind = outputKind(model, options.fromLogits ?? false);
  const classify = options.loss !== 'mean_squared_error';
  let totals = tf.zeros([2]);
  const predictedParts: tf.Tensor[] = [];
  let count = 0;
  let stopped = false;
  for (let start = 0; start < data.count; start += batchSize) {
    if (options.shouldStop) {
      await yieldToEventLoop();
      if ((stopped = options.shouldStop())) break;
    }
    const batch = makeBatch(data, range(start, Math.min(data.count, start + batchSize)));
    const next = tf.tidy(() => {
      const out = forward(model, batch.x, { training: false, logits: true });
      const loss = tf.mul(lossValue(options.loss, batch.y, out, kind), batch.size);
      const prediction = toPrediction(out, kind);
      const correct = classify ? correctCount(options.loss, batch.y, prediction) : tf.scalar(0);
      if (options.confusion && classify) predictedParts.push(tf.keep(predictedClass(prediction)));
      return tf.add(totals, tf.stack([loss, correct]));
    });
    tf.dispose([batch.x, batch.y, totals]);
    totals = next;
    count += batch.size;
  }
  const [lossSum, correct] = await totals.data();
  totals.dispose();
  const n = Math.max(1, count);
  const result: EvaluateResult = { loss: lossSum / n, count, ...(stopped ? { stopped } : {}) };
  if (classify) result.accuracy = correct / n;
  if (options.confusion && classify) {
    const all = tf.concat(predictedParts);
    const predicted = await all.data();
    tf.dispose([all, ...predictedParts]);
    const classes = model.outputs[0].shape.at(-1) ?? 1;
    result.confusion = confusionMatrix(data.y.subarray(0, count), predicted, Math.max(classes, 2));
  }
  return result;
}

/**
 * The model's output probabilities for `data`, row-major [count, classes] (inference mode).
 */
export async function predictProbabilities(model: tf.LayersModel, data: Dataset, batchSize = 128): Promise<Float32Array> {
  const kind = outputKind(model, false);
  const parts: tf.Tensor[] = [];
  for (let start = 0; start < data.count; start += batchSize) {
    const batch = makeBatch(data, range(start, Math.min(data.count, start + batchSize)));
    parts.push(tf.tidy(() => toPrediction(forward(model, batch.x, { training: false, logits: true }), kind)));
    tf.dispose([batch.x, batch.y]);
  }
  if (parts.length === 0) return new Float32Array(0);
  const all = tf.concat(parts);
  const values = (await all.data()) as Float32Array;
  tf.dispose([all, ...parts]);
  return values;
}

/** Class ids from predictions: argmax, or the 0.5 threshold of a single sigmoid unit. */
function predictedClass(prediction: tf.Tensor): tf.Tensor {
  return prediction.shape.at(-1) === 1
    ? tf.cast(tf.greater(tf.reshape(prediction, [-1]), 0.5), 'int32')
    : tf.argMax(prediction, -1);
}
