// Smoke test of the TensorFlow.js side: the same tiny dense net, with the same weights and data, trained a few
// steps on the cpu, webgl and webgpu backends in headless Chromium; their losses must agree.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';

const X = [
  [0.1, -0.4],
  [0.8, 0.3],
  [-0.5, 0.9],
  [0.2, 0.2],
  [-0.9, -0.7],
  [0.6, -0.8],
  [-0.3, 0.5],
  [0.7, 0.7],
];
const Y = [0, 1, 1, 0, 0, 1, 1, 0];

function weightsFor(shape: number[], offset: number): number[] {
  const n = shape.reduce((a, b) => a * b, 1);
  // Fixed, varied values so every backend starts from the same point without a random generator.
  return Array.from({ length: n }, (_, i) => Math.sin(offset + i * 1.7) * 0.5);
}

async function trainOn(backend: string): Promise<number[]> {
  await tf.setBackend(backend);
  await tf.ready();
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 5, activation: 'tanh', inputShape: [2] }),
      tf.layers.dense({ units: 5, activation: 'relu' }),
      tf.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.setWeights(model.getWeights().map((w, i) => tf.tensor(weightsFor(w.shape, i), w.shape)));
  model.compile({ optimizer: tf.train.sgd(0.5), loss: 'binaryCrossentropy' });
  const xs = tf.tensor2d(X);
  const ys = tf.tensor2d(Y, [Y.length, 1]);
  const losses: number[] = [];
  for (let step = 0; step < 5; step++) {
    const h = await model.fit(xs, ys, { batchSize: 8, epochs: 1, shuffle: false, verbose: 0 });
    losses.push(h.history.loss[0] as number);
  }
  xs.dispose();
  ys.dispose();
  model.dispose();
  return losses;
}

describe('TensorFlow.js backends in headless Chromium', () => {
  it('trains the same dense net to the same losses on cpu, webgl and webgpu', async () => {
    const cpu = await trainOn('cpu');
    const webgl = await trainOn('webgl');
    const webgpu = await trainOn('webgpu');
    expect(tf.getBackend()).to.equal('webgpu');
    expect(cpu[4]).to.be.lessThan(cpu[0]);
    for (let i = 0; i < cpu.length; i++) {
      expect(Math.abs(webgl[i] - cpu[i]), `webgl step ${i}`).to.be.lessThan(1e-5);
      expect(Math.abs(webgpu[i] - cpu[i]), `webgpu step ${i}`).to.be.lessThan(1e-5);
    }
  });
});
