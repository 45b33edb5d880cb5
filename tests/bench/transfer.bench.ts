// Transfer learning on real data, through the worker protocol (a session in this process) in Node, as problem 5's
// lab runs it, on the backend the measured choice picks (NN_TRANSFER_BACKEND=cpu forces TF.js's CPU backend): from
// the course's base model, stage 1 (the new head, on activations cached once) on cifar10_train_10k.bin, scored on
// cifar10_test_2k.bin against the majority baseline and the original model mapped to 4 classes (problem 6); stage 2
// on the subset offered for a 3-minute budget; the whole flow's time; and a stage-1 epoch against an epoch of the
// whole model (same trainer, backend and data; the whole model's epoch is extrapolated from two timed steps). Takes
// about as long as the flow: minutes.
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { TRANSFER_CLASSES, parseCifar10 } from '../../src/data/index.js';
import { TRANSFER_RELABEL as RELABEL, cachePlan, compareModels, headSpec, mapPredictions, offerStage, stageSpec, topConvLayers, type ModelComparison, type StagePlan } from '../../src/transfer/index.js';
import { argmaxRows, cifarCnn, TrainingClient, type DataSource } from '../../src/worker/index.js';
import { inProcessClient } from '../../src/worker/in-process.js';
import type { BenchRow } from './types.js';

const DATA = '../shared/data/cifar10';
// The course's base; another model folder (model.json + weights.bin) and fewer images and epochs for a quick check.
const MODEL = process.env.NN_TRANSFER_BASE ?? 'content/models/cifar10-base';
const EPOCHS = Number(process.env.NN_TRANSFER_EPOCHS ?? 10);
const IMAGES = process.env.NN_TRANSFER_IMAGES ? Number(process.env.NN_TRANSFER_IMAGES) : undefined;
const BUDGET = 180;
// A backend to force (e.g. cpu: TF.js's plain CPU backend, far slower); default: the measured choice, as the element.
const BACKEND = process.env.NN_TRANSFER_BACKEND;

function source(file: string): DataSource {
  const { images, labels, count } = parseCifar10(readFileSync(`${DATA}/${file}`));
  return { kind: 'arrays', x: images, y: labels, count, shape: [32, 32, 3], format: 'cifar10' };
}

/** The median of per-epoch times from cumulative elapsed times. */
function medianEpochSeconds(elapsed: number[]): number {
  const per = elapsed.map((t, i) => t - (i ? elapsed[i - 1] : 0)).sort((a, b) => a - b);
  return per[Math.floor(per.length / 2)] / 1000;
}

/** Both models on the test set, from activations cached at `base` (for the base) and `mine` (the transferred model). */
async function compare(client: TrainingClient, base: string, mine: string): Promise<ModelComparison> {
  const original = await client.predictTop({ at: base, data: `test@${base}`, model: 'base' });
  const transferred = await client.predictTop({ at: mine, data: `test@${mine}` });
  return compareModels(
    transferred.labels,
    { name: 'the original model', predicted: mapPredictions(original.probabilities) },
    { name: 'the transferred model', predicted: argmaxRows(transferred.probabilities, 4) },
    { classNames: [...TRANSFER_CLASSES] },
  );
}

function scoreRows(stage: string, c: ModelComparison, images: number): BenchRow[] {
  const [a, b] = c.scores;
  return [
    {
      name: `transfer: ${stage}, balanced accuracy on ${images.toLocaleString('en-US')} images of cifar10_test_2k.bin (4 classes)`,
      value: b.balancedAccuracy,
      unit: '',
      target: 'clearly above the majority baseline',
      baseline: { name: 'always “other”', value: c.baseline.balancedAccuracy },
      note: `accuracy ${b.accuracy.toFixed(3)} (baseline ${c.baseline.accuracy.toFixed(3)}); original model mapped: balanced ${a.balancedAccuracy.toFixed(3)}, accuracy ${a.accuracy.toFixed(3)}; per class ${b.perClass.map((r) => r.toFixed(2)).join('/')}`,
    },
  ];
}

export default async function bench(): Promise<BenchRow[]> {
  await tf.setBackend('cpu');
  const client = inProcessClient();
  const rows: BenchRow[] = [];
  try {
    await client.init({ backend: 'cpu' });
    const train10k = source('cifar10_train_10k.bin');
    const test2k = source('cifar10_test_2k.bin');
    const w = readFileSync(`${MODEL}/weights.bin`);
    const started = performance.now();
    await client.loadModel({ modelJson: readFileSync(`${MODEL}/model.json`, 'utf8'), weightsName: 'weights.bin', weights: w.buffer.slice(w.byteOffset, w.byteOffset + w.byteLength) });
    const [train, test] = [await client.loadData({ source: train10k, name: 'train', subset: IMAGES }), await client.loadData({ source: test2k, name: 'test', subset: IMAGES && IMAGES / 5 })];
    const [trainCount, testCount] = [train[0].count, test[0].count];
    const { model } = await client.reuseLayers({ classes: 4, head: headSpec(128), seed: 42 });
    // As <nn-transfer backend="auto"> does before stage 1: the backends timed on the homework's CNN, the fastest
    // computes the activations and trains both stages (here, with no GPU: the WebAssembly SIMD path).
    const chosen = await client.measure({ spec: cifarCnn({ seed: 42 }), batchSize: 64, ...(BACKEND ? { backends: [BACKEND] } : {}) });
    const on = chosen.chosen.backend;
    const cpu = chosen.samples.find((x) => x.backend === 'cpu' && Number.isFinite(x.imagesPerSecond));
    rows.push({
      name: `transfer: the measured choice, ${on} (the homework's CNN, batch 64)`,
      value: chosen.chosen.imagesPerSecond,
      unit: 'images/s',
      ...(cpu && on !== 'cpu' ? { baseline: { name: 'tfjs cpu', value: cpu.imagesPerSecond } } : {}),
      note: chosen.summary,
    });

    // Stage 1: the new head on activations of the frozen layers, computed once.
    const at1 = cachePlan(model.layers).at!;
    const plan1: StagePlan = { learningRate: 1e-3, epochs: EPOCHS, batchSize: 64, seed: 42, subset: 0, validation: 0 };
    const train1 = await client.cacheActivations({ data: 'train', at: at1, relabel: RELABEL, name: `train@${at1}` });
    const test1 = await client.cacheActivations({ data: 'test', at: at1, relabel: RELABEL, name: `test@${at1}` });
    const cachedAt = performance.now();
    const elapsed: number[] = [];
    await client.trainTop({ at: at1, data: train1.name, validation: test1.name, spec: stageSpec(plan1) }, { onEpoch: (e) => elapsed.push(e.elapsedMs) });
    const stage1Done = performance.now();
    const epochSeconds = medianEpochSeconds(elapsed);
    const afterStage1 = await compare(client, at1, at1);
    rows.push({ name: `transfer: frozen base's activations at ${at1}, ${(trainCount + testCount).toLocaleString('en-US')} images, once`, value: ((trainCount + testCount) * 1000) / (cachedAt - started), unit: 'images/s', note: `${((cachedAt - started) / 1000).toFixed(0)} s` });
    rows.push(...scoreRows(`stage 1 (${EPOCHS} epochs, ${((stage1Done - cachedAt) / 1000).toFixed(0)} s)`, afterStage1, testCount));

    // Stage 2: the top two convs unfrozen; throughput measured on two batches, a subset offered for the budget.
    const plan2: StagePlan = { ...plan1, learningRate: 1e-4, epochs: 5, validation: 500 };
    const tops = topConvLayers(model.layers);
    const unfrozen = await client.setTrainable(Object.fromEntries(tops.map((n) => [n, true])));
    const at2 = cachePlan(unfrozen.layers).at!;
    const sample = await client.cacheActivations({ data: 'train', at: at2, relabel: RELABEL, subset: 2 * plan2.batchSize, name: `sample@${at2}` });
    const measured = await client.measureTop({ at: at2, data: sample.name, spec: stageSpec(plan2), steps: 2 });
    const offer = offerStage({
      rates: { train: measured.imagesPerSecond, cache: sample.imagesPerSecond },
      available: trainCount, batchSize: plan2.batchSize, budgetSeconds: BUDGET, epochs: plan2.epochs, validation: Math.min(plan2.validation, testCount), cacheOnly: testCount,
    });
    const stage2Start = performance.now();
    const train2 = await client.cacheActivations({ data: 'train', at: at2, relabel: RELABEL, subset: offer.subset, name: `train@${at2}` });
    const test2 = await client.cacheActivations({ data: 'test', at: at2, relabel: RELABEL, name: `test@${at2}` });
    await client.trainTop({ at: at2, data: train2.name, validation: test2.name, validationSubset: plan2.validation, spec: { ...stageSpec(plan2), epochs: offer.epochs } });
    const stage2Seconds = (performance.now() - stage2Start) / 1000;
    const afterStage2 = await compare(client, at1, at2);
    const flowSeconds = (performance.now() - started) / 1000;
    rows.push({
      name: 'transfer: stage 2 training through the top two convs (measured on 2 steps)',
      value: measured.imagesPerSecond,
      unit: 'images/s',
      note: `offer: ${offer.subset} images × ${offer.epochs} epochs, predicted ${offer.seconds.toFixed(0)} s, took ${stage2Seconds.toFixed(0)} s (with caching the test set)`,
    });
    rows.push(...scoreRows(`after stage 2 (${offer.subset} images × ${offer.epochs} epochs)`, afterStage2, testCount));
    rows.push({ name: 'transfer: the whole flow, base → stage 1 → stage 2 → comparison', value: flowSeconds / 60, unit: 'min', target: '< 10 min on this machine’s CPU', note: afterStage2.sentence });


    // An epoch of the whole model, and of the frozen full model without a cache: two timed steps each, after a
    // warm-up step, extrapolated to 10,000 images. Last: it changes the model.
    await client.loadData({ source: source('cifar10_train_10k.bin'), name: 'train4', relabel: RELABEL, subset: 4 * plan1.batchSize });
    const rate = async (): Promise<number> => {
      // The worker's own clock (elapsedMs at each step), not when its events arrive: they can arrive together.
      const seen: Array<{ step: number; ms: number }> = [];
      await client.train({ data: 'train4', spec: { ...stageSpec(plan1), epochs: 1 }, maxSteps: 3, progressIntervalMs: 0 }, { onBatch: (p) => seen.push({ step: p.step, ms: p.elapsedMs }) });
      const [first, last] = [seen[0], seen[seen.length - 1]];
      if (!first || last.step - first.step < 1) throw new Error(`the timed steps reported ${seen.length} progress events`);
      return (1000 * (last.step - first.step) * plan1.batchSize) / (last.ms - first.ms);
    };
    await client.setTrainable(Object.fromEntries(tops.map((n) => [n, false])));
    const frozen = trainCount / (await rate());
    await client.setTrainable(Object.fromEntries(model.layers.filter((l) => l.params > 0).map((l) => [l.name, true])));
    const whole = trainCount / (await rate());
    rows.push({
      name: `transfer: stage-1 epoch on cached activations, ${trainCount.toLocaleString('en-US')} images (${on})`,
      value: epochSeconds,
      unit: 's',
      target: '≥ 5× faster than an epoch of the whole model',
      baseline: { name: 'an epoch of the whole model, every layer training', value: whole },
      note: `the frozen full model without a cache: ${frozen.toFixed(0)} s an epoch (${(frozen / epochSeconds).toFixed(1)}×)`,
    });
  } finally {
    client.terminate();
  }
  return rows;
}
