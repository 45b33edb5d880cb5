/**
 * Problem 5's stage 1 on a backend: an epoch of the new head on the frozen layers' cached activations against an
 * epoch of the whole homework CNN (every layer training), both with this library's trainer on the same images. The
 * base's weights are fresh (speed does not depend on them). The target: a stage-1 epoch ≥ 5× faster.
 */
import { relabel } from '../../src/data/index.js';
import {
  buildModel,
  chooseBackend,
  cifarCnn,
  computeActivations,
  describeModel,
  reuseLayers,
  topModel,
  Trainer,
  type BackendName,
  type Dataset,
} from '../../src/tf/index.js';
import { cachePlan, headSpec, stageSpec, TRANSFER_RELABEL } from '../../src/transfer/index.js';

/** What {@link benchTransfer} found, in seconds per epoch of `images` images. */
export interface TransferBenchResult {
  images: number;
  /** Computing the frozen layers' activations once, for every image. */
  activationSeconds: number;
  /** The median of `epochs` stage-1 epochs on the cached activations. */
  stage1EpochSeconds: number;
  /** The whole model's epoch, from `steps` timed steps after a warm-up step. */
  wholeEpochSeconds: number;
  ratio: number;
}

/** Measures stage 1 against the whole model on `data` with `backend`. */
export async function benchTransfer(data: Dataset, options: { backend: BackendName; batchSize?: number; epochs?: number; steps?: number; selfCheck?: boolean; log?: (line: string) => void }): Promise<TransferBenchResult> {
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? 64;
  const steps = options.steps ?? 5;
  await chooseBackend({ backend: options.backend, selfCheck: options.selfCheck });
  const four = { ...data, y: relabel(data.y as Uint8Array, TRANSFER_RELABEL.map, TRANSFER_RELABEL.other) };
  const base = buildModel(cifarCnn());
  const { model } = await reuseLayers(base, { classes: 4, head: headSpec(128) });
  base.dispose();
  const plan = cachePlan(describeModel(model).layers);
  const spec = { ...stageSpec({ learningRate: 1e-3, epochs: options.epochs ?? 3, batchSize, seed: 0, subset: 0, validation: 0 }) };
  let t = performance.now();
  const cached = await computeActivations(model, four, plan.from - 1, { batchSize: 128 });
  const activationSeconds = (performance.now() - t) / 1000;
  log(`stage 1: activations at ${plan.at} for ${data.count} images in ${activationSeconds.toFixed(2)} s`);
  const ends: number[] = [];
  t = performance.now();
  await new Trainer(topModel(model, plan.from), spec).fit(cached, { layerOffset: plan.from, onEpoch: () => ends.push(performance.now()) });
  const epochs = ends.map((e, i) => (e - (i ? ends[i - 1] : t)) / 1000).sort((a, b) => a - b);
  const stage1EpochSeconds = epochs[Math.floor(epochs.length / 2)];
  log(`stage 1: ${epochs.length} epochs on cached activations, median ${stage1EpochSeconds.toFixed(2)} s`);
  for (const layer of model.layers) layer.trainable = true;
  const stamps: number[] = [];
  await new Trainer(model, { ...spec, epochs: 1 }).fit(four, { maxSteps: steps + 1, progressIntervalMs: 0, onBatch: () => stamps.push(performance.now()) });
  const wholeEpochSeconds = ((stamps[stamps.length - 1] - stamps[0]) / 1000 / steps) * Math.ceil(data.count / batchSize);
  log(`whole model: ${steps} steps → ${wholeEpochSeconds.toFixed(1)} s an epoch of ${data.count} images`);
  model.dispose();
  return { images: data.count, activationSeconds, stage1EpochSeconds, wholeEpochSeconds, ratio: wholeEpochSeconds / stage1EpochSeconds };
}
