// The fast CPU backend ('wasm-simd') in Chromium: it starts on the page's main thread (compiled without blocking)
// and in the training worker; on real CIFAR-10 images its loss and gradients are the cpu backend's to float32
// round-off, and training in the worker repeats exactly.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../../../src/spec/index.js';
import { buildModel, chooseBackend, forward, lossValue, makeBatch, outputKind, SIMD_BACKEND } from '../../../src/tf/index.js';
import { TrainingClient } from '../../../src/worker/index.js';
import { tinyCifar, TINY_URL } from './helpers.js';

/** Both convolution paddings, pooling, dropout, a hidden dense layer. */
const NET: ModelSpec = {
  inputShape: [32, 32, 3],
  seed: 3,
  layers: [
    { type: 'conv2d', filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'conv2d', filters: 8, kernelSize: 3, activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 2 },
    { type: 'dropout', rate: 0.25 },
    { type: 'flatten' },
    { type: 'dense', units: 16, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

async function lossAndGradients(backend: string): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const data = await tinyCifar();
  const model = buildModel(NET);
  const batch = makeBatch(data, Int32Array.from({ length: 16 }, (_, i) => i));
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const { value, grads } = tf.variableGrads(
    () => lossValue('sparse_categorical_crossentropy', batch.y, forward(model, batch.x, { training: true, seed: 1, step: 0, logits: true }), outputKind(model, false)),
    vars,
  );
  const out = [Float32Array.from(await value.data()), ...(await Promise.all(vars.map(async (v) => Float32Array.from(await grads[v.name].data()))))];
  tf.dispose([value, ...Object.values(grads), batch.x, batch.y]);
  model.dispose();
  return out;
}

describe('the fast CPU backend (WebAssembly SIMD)', () => {
  it('starts on the main thread and names itself plainly', async () => {
    const report = await chooseBackend({ backend: SIMD_BACKEND });
    expect(report.backend).to.equal(SIMD_BACKEND);
    expect(report.summary).to.match(/^Training on WebAssembly on the CPU \(SIMD, 1 thread\)/);
  });

  it('gives the cpu backend’s loss and gradients on real CIFAR-10 images', async () => {
    const cpu = await lossAndGradients('cpu');
    const simd = await lossAndGradients(SIMD_BACKEND);
    expect(Math.abs(simd[0][0] - cpu[0][0])).to.be.lessThan(1e-5 * Math.max(1, cpu[0][0]));
    for (let i = 1; i < cpu.length; i++) {
      let scale = 1e-30;
      let diff = 0;
      cpu[i].forEach((v, j) => {
        scale = Math.max(scale, Math.abs(v));
        diff = Math.max(diff, Math.abs(v - simd[i][j]));
      });
      expect(diff / scale, `gradient ${i}`).to.be.lessThan(2e-5);
    }
  });

  it('trains in the training worker, the same run twice', async () => {
    const client = TrainingClient.inWorker();
    try {
      const report = await client.init({ backend: SIMD_BACKEND });
      expect(report.backend).to.equal(SIMD_BACKEND);
      await client.loadData({ source: { kind: 'cifar10', from: TINY_URL, cache: false }, name: 'train' });
      const spec = { optimizer: { name: 'rmsprop' as const, learningRate: 0.001 }, loss: 'sparse_categorical_crossentropy' as const, epochs: 2, batchSize: 20, seed: 4 };
      const histories = [];
      for (let run = 0; run < 2; run++) {
        await client.buildModel(NET);
        histories.push((await client.train({ spec })).history);
      }
      expect(histories[0]).to.have.length(2);
      expect(histories[0][1].loss).to.be.a('number').and.lessThan(histories[0][0].loss + 1);
      expect(histories[1]).to.deep.equal(histories[0]);
    } finally {
      client.terminate();
    }
  });
});
