// WebGPU (SwiftShader here) in the page: the backend choice and its self-check, and a tiny conv net on the real
// CIFAR-10 images trained on WebGPU and on the CPU to agreeing losses. Own file: a WebGPU fault can lose the device
// for the whole page. Async reads only. (The homework CNN's step runs in cpu.test.ts: on SwiftShader it costs
// ~20-40 s of shader compiling; tools/gpu-bench runs it on WebGPU.)
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs';
import type { TrainSpec } from '../../../src/spec/index.js';
import { buildModel, chooseBackend, Trainer } from '../../../src/tf/index.js';
import { TINY_CONV, tinyCifar } from './helpers.js';

const SPEC: TrainSpec = {
  optimizer: { name: 'rmsprop', learningRate: 0.001 },
  loss: 'sparse_categorical_crossentropy',
  epochs: 1,
  batchSize: 8,
  seed: 3,
};

/** Per-step losses of 3 steps of the tiny conv net on `backend`, from the same weights and batches. */
async function losses(backend: string): Promise<number[]> {
  await tf.setBackend(backend);
  const model = buildModel(TINY_CONV);
  const out: number[] = [];
  await new Trainer(model, SPEC).fit(await tinyCifar(), {
    maxSteps: 3,
    progressIntervalMs: 0,
    onBatch: (p) => out.push(...p.losses.map((l) => l.loss)),
  });
  model.dispose();
  return out;
}

describe('TF engine on WebGPU (SwiftShader)', () => {
  it('chooses WebGPU, names the adapter, and passes the self-check', async () => {
    const report = await chooseBackend();
    expect(report.backend).to.equal('webgpu');
    expect(report.adapter?.vendor).to.equal('google');
    expect(report.adapter?.architecture).to.equal('swiftshader');
    expect(report.selfCheck?.passed, report.selfCheck?.reason).to.equal(true);
    expect(report.selfCheck!.maxLossDiff).to.be.lessThan(1e-5);
    expect(report.skipped).to.deep.equal([]);
    expect(report.summary).to.match(/^Training on WebGPU \(google swiftshader/);
    expect(tf.getBackend()).to.equal('webgpu');
  });

  it('trains a conv net on real CIFAR-10 images to the same losses as the CPU backend', async () => {
    const gpu = await losses('webgpu');
    const cpu = await losses('cpu');
    expect(gpu).to.have.length(3);
    cpu.forEach((l, i) => expect(Math.abs(gpu[i] - l), `step ${i}: ${gpu[i]} vs ${l}`).to.be.lessThan(1e-4));
    await tf.setBackend('webgpu');
  });
});
