// Transfer learning through the worker protocol (a session in this process), on the real 100-image file and a small
// conv net: the base stays frozen in stage 1, only the top two convs and the head change in stage 2, cached
// activations train exactly as the frozen full model would, stale caches and bad requests are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { HOMEWORK_LABEL_MAP } from '../../../src/data/index.js';
import type { LayerSpec, TrainSpec } from '../../../src/spec/index.js';
import { cachePlan } from '../../../src/transfer/index.js';
import { TrainingClient, type ModelFiles } from '../../../src/worker/index.js';
import { inProcessClient } from '../../../src/worker/in-process.js';
import { maxDiff, smallCnn, tinySource, weightsByName } from './helpers.js';

await tf.setBackend('cpu');

const RELABEL = { map: { ...HOMEWORK_LABEL_MAP }, other: 3 };
const HEAD: LayerSpec[] = [
  { type: 'dense', units: 8, activation: 'relu', name: 'head_dense' },
  { type: 'dense', units: 4, activation: 'softmax', name: 'head_output' },
];
const spec = (learningRate: number, epochs = 2): TrainSpec => ({
  optimizer: { name: 'rmsprop', learningRate },
  loss: 'sparse_categorical_crossentropy',
  batchSize: 16,
  epochs,
  seed: 4,
});

async function saved(client: TrainingClient): Promise<Map<string, Float32Array>> {
  const out = await client.saveModel({ files: true });
  return weightsByName((out as { files: ModelFiles }).files);
}

/** Asserts which weights changed between two snapshots, by layer. */
function assertChanged(before: Map<string, Float32Array>, after: Map<string, Float32Array>, changed: string[]): void {
  for (const [name, values] of before) {
    const layer = name.split('/')[0];
    const same = Buffer.from(values.buffer).equals(Buffer.from(after.get(name)!.buffer));
    assert.equal(!same, changed.includes(layer), `${name} ${same ? 'did not change' : 'changed'}`);
  }
}

async function session(): Promise<TrainingClient> {
  const client = inProcessClient();
  await client.init({ backend: 'cpu' });
  await client.loadData({ source: tinySource(), name: 'train' });
  await client.buildModel(smallCnn());
  return client;
}

test('stage 1 leaves the reused layers bit-identical; stage 2 changes only the top two convs and the head', async () => {
  const client = await session();
  try {
    const reused = await client.reuseLayers({ classes: 4, head: HEAD, seed: 3 });
    assert.deepEqual(reused.reused, ['conv2d', 'conv2d_1', 'max_pooling2d', 'dropout', 'conv2d_2', 'conv2d_3', 'max_pooling2d_1', 'dropout_1', 'flatten']);
    assert.deepEqual(reused.model.layers.map((l) => [l.name, l.trainable]).filter(([, t]) => t).map(([n]) => n), ['head_dense', 'head_output']);
    assert.equal(reused.base.outputUnits, 10);
    assert.equal(reused.model.outputUnits, 4);
    const base = await saved(client);

    const plan = cachePlan(reused.model.layers);
    assert.equal(plan.at, 'max_pooling2d_1');
    const cached = await client.cacheActivations({ data: 'train', at: plan.at!, relabel: RELABEL });
    assert.equal(cached.name, 'train@max_pooling2d_1');
    assert.deepEqual(cached.shape, [2, 2, 6]);
    assert.deepEqual(cached.classCounts, [10, 10, 10, 70], 'relabelled as they were copied');
    assert.ok(cached.imagesPerSecond > 0);

    const measured = await client.measureTop({ at: plan.at!, data: cached.name, spec: spec(1e-3), steps: 2 });
    assert.equal(measured.steps, 2);
    assert.ok(measured.imagesPerSecond > 0);
    assertChanged(base, await saved(client), []);

    const stage1 = await client.trainTop({ at: plan.at!, data: cached.name, spec: spec(1e-3) });
    assert.equal(stage1.epochsRun, 2);
    const afterStage1 = await saved(client);
    assertChanged(base, afterStage1, ['head_dense', 'head_output']);

    const unfrozen = await client.setTrainable({ conv2d_2: true, conv2d_3: true });
    const plan2 = cachePlan(unfrozen.layers);
    assert.equal(plan2.at, 'max_pooling2d');
    // Training above the old cache would leave the unfrozen convs untrained: refused.
    await assert.rejects(client.trainTop({ at: plan.at!, data: cached.name, spec: spec(1e-4) }), /"conv2d_2" is trainable but lies below/);
    const low = await client.cacheActivations({ data: 'train', at: plan2.at!, relabel: RELABEL, batchSize: 7 });
    await client.trainTop({ at: plan2.at!, data: low.name, spec: spec(1e-4) });
    assertChanged(afterStage1, await saved(client), ['conv2d_2', 'conv2d_3', 'head_dense', 'head_output']);
    assertChanged(base, await saved(client), ['conv2d_2', 'conv2d_3', 'head_dense', 'head_output']);

    // The stage-1 cache no longer matches the model above conv2d_2, but it still is the base's own activations.
    await client.setTrainable({ conv2d_2: false, conv2d_3: false });
    await assert.rejects(client.predictTop({ at: plan.at!, data: cached.name }), /out of date: layers below "max_pooling2d_1" have trained/);
    const mine = await client.predictTop({ at: plan2.at!, data: low.name });
    assert.deepEqual([mine.count, mine.classes], [100, 4]);
    const theirs = await client.predictTop({ at: plan.at!, data: cached.name, model: 'base' });
    assert.deepEqual([theirs.count, theirs.classes], [100, 10]);
    assert.deepEqual(Array.from(theirs.labels).slice(0, 5), [3, 2, 2, 3, 0], 'the cached labels are the 4-class ones');
  } finally {
    client.terminate();
  }
});

test('bad requests are refused by name; computing activations can be stopped; no tensor is left behind', async () => {
  const client = await session();
  try {
    await assert.rejects(client.predictTop({ at: 'flatten', data: 'train', model: 'base' }), /no base model/);
    await client.reuseLayers({ classes: 4, head: HEAD });
    await assert.rejects(client.cacheActivations({ data: 'train', at: 'nope' }), /no layer "nope" \(it has conv2d, conv2d_1/);
    await assert.rejects(client.cacheActivations({ data: 'test', at: 'flatten' }), /No data set "test"/);
    await assert.rejects(client.trainTop({ at: 'max_pooling2d_1', data: 'train', spec: spec(1e-3) }), /"train" holds no cached activations/);
    await client.cacheActivations({ data: 'train', at: 'flatten', subset: 10 });
    await assert.rejects(client.trainTop({ at: 'max_pooling2d_1', data: 'train@flatten', spec: spec(1e-3) }), /holds the activations at "flatten", not at "max_pooling2d_1"/);
    await assert.rejects(client.reuseLayers({ classes: 4, head: [{ type: 'dense', units: 3, activation: 'softmax' }] }), /must end with a Dense layer of 4 units/);
    await assert.rejects(client.reuseLayers({ classes: 4, upTo: 'head_output' }), /"head_dense" is taken by a reused layer/);
    await assert.rejects(client.reuseLayers({ classes: 4, upTo: 'conv9' }), /The base model has no layer "conv9"/);

    const seen: number[] = [];
    const off = client.on((e) => e.type === 'activations-progress' && seen.push(e.done));
    const slow = client.cacheActivations({ data: 'train', at: 'max_pooling2d', batchSize: 1 });
    while (seen.length < 2) await new Promise((r) => setTimeout(r, 2));
    await assert.rejects(client.buildModel(smallCnn()), /while activations are being computed/);
    await client.stop();
    await assert.rejects(slow, (e: Error & { code?: string }) => e.code === 'aborted');
    off();

    await client.reset();
    const memory = await client.memory();
    assert.equal(memory.numTensors, 0, 'the transfer model, its base, its top parts and their weights are freed');
  } finally {
    client.terminate();
  }
});

for (const head of ['no dropout in the head', 'dropout in the head'] as const) {
  test(`training on cached activations equals training the frozen full model (${head}), stage 1 and stage 2`, async () => {
    const layers: LayerSpec[] = head === 'no dropout in the head' ? HEAD : [HEAD[0], { type: 'dropout', rate: 0.5, name: 'head_dropout' }, HEAD[1]];
    const results: Array<Map<string, Float32Array>> = [];
    for (const mode of ['cached', 'full'] as const) {
      const client = await session();
      try {
        await client.loadData({ source: tinySource(), name: 'train4', relabel: RELABEL });
        const { model } = await client.reuseLayers({ classes: 4, head: layers, seed: 3 });
        for (const stage of [1, 2]) {
          const info = stage === 1 ? model : await client.setTrainable({ conv2d_2: true, conv2d_3: true });
          const at = cachePlan(info.layers).at!;
          const s = spec(stage === 1 ? 1e-3 : 1e-4);
          if (mode === 'full') await client.train({ data: 'train4', spec: s });
          else await client.trainTop({ at, data: (await client.cacheActivations({ data: 'train4', at })).name, spec: s });
          results.push(await saved(client));
        }
      } finally {
        client.terminate();
      }
    }
    const [cached1, cached2, full1, full2] = results;
    for (const [cached, full] of [[cached1, full1], [cached2, full2]]) {
      for (const [name, values] of cached) assert.ok(maxDiff(values, full.get(name)!) <= 1e-5, `${name}: ${maxDiff(values, full.get(name)!)}`);
    }
    assert.ok(maxDiff(cached1.get('head_dense/kernel')!, cached2.get('head_dense/kernel')!) > 0, 'stage 2 trained');
  });
}

test('stage 2 after the measured choice picks the WebAssembly SIMD path: activations cached on the CPU backend train there as they would on it', async () => {
  const run = async (measure: boolean): Promise<Map<string, Float32Array>> => {
    const client = await session();
    try {
      await client.reuseLayers({ classes: 4, head: HEAD, seed: 3 });
      const unfrozen = await client.setTrainable({ conv2d_2: true, conv2d_3: true });
      const at = cachePlan(unfrozen.layers).at!;
      const low = await client.cacheActivations({ data: 'train', at, relabel: RELABEL });
      if (measure) {
        // As <nn-transfer> does before stage 2: the model, its weights and the cache stay; the backend changes.
        const chosen = await client.measure({ spec: smallCnn(), batchSize: 16, backends: ['wasm-simd'] });
        assert.deepEqual([chosen.chosen.backend, chosen.report.backend], ['wasm-simd', 'wasm-simd']);
      }
      await client.trainTop({ at, data: low.name, spec: spec(1e-3, 1) });
      return await saved(client);
    } finally {
      client.terminate();
    }
  };
  const onCpu = await run(false);
  const onSimd = await run(true);
  for (const [name, values] of onCpu) assert.ok(maxDiff(values, onSimd.get(name)!) < 1e-4, `${name}: the same training on either backend`);
});
