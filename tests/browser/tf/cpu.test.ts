// The TF engine on the cpu backend in the page, with the real CIFAR-10 images over HTTP: the homework CNN's
// training step, no tensor growth across epochs, and a diverging rate caught. (WebGPU: webgpu.test.ts.)
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs';
import type { TrainSpec } from '../../../src/spec/index.js';
import { buildModel, chooseBackend, cifarCnn, Trainer } from '../../../src/tf/index.js';
import { TINY_CONV, tinyCifar } from './helpers.js';

const RMSPROP: TrainSpec = {
  optimizer: { name: 'rmsprop', learningRate: 0.001 },
  loss: 'sparse_categorical_crossentropy',
  epochs: 1,
  batchSize: 2,
  seed: 1,
};

describe('TF engine on the cpu backend, real CIFAR-10 images', () => {
  before(async () => {
    const report = await chooseBackend({ backend: 'cpu' });
    expect(report.backend).to.equal('cpu');
  });

  it('trains the homework CNN (1,250,858 parameters) one step at batch 2', async () => {
    const model = buildModel(cifarCnn());
    expect(model.countParams()).to.equal(1_250_858);
    const result = await new Trainer(model, RMSPROP).fit(await tinyCifar(), { maxSteps: 1 });
    expect(result.steps).to.equal(1);
    // A softmax over 10 classes from Glorot weights starts near ln 10.
    expect(Math.abs(result.history[0].loss - Math.log(10))).to.be.lessThan(0.7);
    model.dispose();
  });

  it('keeps tf.memory().numTensors the same after every epoch (early stopping and validation included)', async () => {
    const data = await tinyCifar();
    const model = buildModel(TINY_CONV);
    const counts: number[] = [];
    const result = await new Trainer(model, {
      ...RMSPROP,
      epochs: 3,
      batchSize: 25,
      callbacks: [{ name: 'EarlyStopping', patience: 5, restoreBestWeights: true }, { name: 'TerminateOnNaN' }],
    }).fit(data, { validation: data, onEpoch: () => counts.push(tf.memory().numTensors) });
    expect(result.epochsRun).to.equal(3);
    expect(counts).to.have.length(3);
    expect(new Set(counts).size, `numTensors after each epoch: ${counts}`).to.equal(1);
    model.dispose();
  });

  it('catches a diverging learning rate and stops the run', async () => {
    const model = buildModel(TINY_CONV);
    const result = await new Trainer(model, {
      ...RMSPROP,
      optimizer: { name: 'rmsprop', learningRate: 3 },
      epochs: 3,
      batchSize: 10,
    }).fit(await tinyCifar(), { divergence: true });
    expect(result.stopReason).to.equal('diverged');
    expect(result.divergedAtStep).to.be.greaterThan(-1);
    expect(result.message).to.match(/Diverged at batch \d+/);
    model.dispose();
  });
});
