/**
 * Throughput of training above a cache point, measured the way the run would go (same batch size, optimizer and
 * dropout) on a few steps after one warm-up step (kernels compile, buffers are made), with every weight put back
 * afterwards so the measurement leaves no trace in the model.
 */
import * as tf from '@tensorflow/tfjs';
import { TfError } from '../tf/errors.js';
import type { Dataset } from '../tf/train/dataset.js';
import { Trainer } from '../tf/train/trainer.js';
import type { MeasureResult, MeasureTopParams } from './protocol.js';

/** Times `params.steps` training steps of `top` on `data` (after one untimed step), then restores its weights. */
export async function measureTop(top: tf.LayersModel, data: Dataset, params: MeasureTopParams, layerOffset: number): Promise<MeasureResult> {
  const steps = params.steps ?? 3;
  if (!Number.isInteger(steps) || steps < 1) throw new TfError('spec', `measureTop: steps must be a positive whole number, got ${steps}.`);
  const batchSize = params.spec.batchSize ?? 32;
  const perStep = Math.min(batchSize, data.count);
  const batchesPerEpoch = Math.ceil(data.count / batchSize);
  // No callbacks and no split: only the steps themselves are timed.
  const spec = { ...params.spec, epochs: Math.ceil((steps + 1) / batchesPerEpoch), callbacks: [], validationSplit: 0 };
  const snapshot = top.getWeights().map((w) => w.clone());
  const times: number[] = [];
  try {
    await new Trainer(top, spec).fit(data, { maxSteps: steps + 1, progressIntervalMs: 0, layerOffset, onBatch: () => times.push(performance.now()) });
  } finally {
    top.setWeights(snapshot);
    tf.dispose(snapshot);
  }
  const ms = times.length > 1 ? times[times.length - 1] - times[0] : NaN;
  const timed = times.length - 1;
  return { imagesPerSecond: ms > 0 ? (1000 * timed * perStep) / ms : 0, steps: timed, batchSize: perStep, ms };
}
