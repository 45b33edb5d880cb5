// The training worker for real: a module worker served by the test server, driven through TrainingClient.
// CIFAR-10 loads over HTTP inside the worker; runs pause, resume and stop; failures come back as named errors;
// an element that leaves the page terminates its worker. Training here is on the cpu backend (WebGPU's numbers
// are checked in webgpu.test.ts; here only that the worker reaches the GPU adapter).
import { expect } from '@open-wc/testing';
import { TrainingClient, type ClientEvent, type TfError } from '../../../src/worker/index.js';
import { TINY_CONV, TINY_URL } from './helpers.js';

const TRAIN = {
  optimizer: { name: 'rmsprop' as const, learningRate: 0.001 },
  loss: 'sparse_categorical_crossentropy' as const,
  epochs: 1000,
  batchSize: 10,
  seed: 1,
};

/** Rejects with the error, or fails when the promise resolves. */
async function failure(p: Promise<unknown>): Promise<TfError> {
  try {
    await p;
  } catch (err) {
    return err as TfError;
  }
  throw new Error('expected a rejection');
}

const until = async (test: () => boolean) => {
  while (!test()) await new Promise((r) => setTimeout(r, 10));
};

/** The pattern an element follows: a worker while connected, terminated when it leaves the page. */
class TrainingHost extends HTMLElement {
  client: TrainingClient | null = null;
  connectedCallback() {
    this.client = TrainingClient.inWorker();
  }
  disconnectedCallback() {
    this.client?.terminate();
  }
}
customElements.define('nn-test-training-host', TrainingHost);

describe('the training worker', () => {
  let client: TrainingClient;
  before(() => {
    client = TrainingClient.inWorker();
  });
  after(() => client.terminate());

  it('starts as a module worker and reaches the WebGPU adapter from there', async () => {
    const gpu = await client.init({ backend: 'webgpu', selfCheck: false });
    expect(gpu.backend).to.equal('webgpu');
    expect(gpu.adapter?.architecture).to.equal('swiftshader');
    const cpu = await client.init({ backend: 'cpu' });
    expect(cpu.backend).to.equal('cpu');
  });

  it('loads the real CIFAR-10 file over HTTP in the worker, with progress events', async () => {
    const progress: number[] = [];
    const off = client.on((e: ClientEvent) => {
      if (e.type === 'load-progress') progress.push(e.loaded);
    });
    const sets = await client.loadData({ source: { kind: 'cifar10', from: TINY_URL, cache: false }, name: 'train' });
    off();
    expect(sets.map((s) => [s.name, s.count, s.format])).to.deep.equal([['train', 100, 'cifar10']]);
    expect(sets[0].classCounts.reduce((a, b) => a + b, 0)).to.equal(100);
    expect(progress.at(-1)).to.equal(100 * 3073);
  });

  it('trains with progress, pauses, resumes and stops', async () => {
    const info = await client.buildModel(TINY_CONV);
    expect(info.layers.map((l) => l.className)).to.deep.equal(['Conv2D', 'MaxPooling2D', 'Dropout', 'Flatten', 'Dense']);
    let steps = 0;
    const run = client.train({ spec: TRAIN, progressIntervalMs: 0 }, { onBatch: (p) => (steps = p.step + 1) });
    await until(() => steps >= 2);
    await client.pause();
    const at = steps;
    await new Promise((r) => setTimeout(r, 300));
    expect(steps, 'no progress while paused').to.be.at.most(at + 1);
    await client.resume();
    await until(() => steps >= at + 2);
    await client.stop();
    const result = await run;
    expect(result.stopReason).to.equal('stopped');
    expect(result.steps).to.be.at.least(at + 2);
  });

  it('evaluates with a confusion matrix and predicts with the images for thumbnails', async () => {
    const evaluation = await client.evaluate({ data: 'train', confusion: true });
    expect(evaluation.count).to.equal(100);
    expect(evaluation.confusion).to.have.length(10);
    const p = await client.predict({ data: 'train', indices: [3, 4], withImages: true });
    expect(p.classes).to.equal(10);
    expect(p.probabilities).to.have.length(20);
    expect(p.images).to.have.length(2 * 3072);
    expect(p.labels).to.have.length(2);
  });

  it('reports a data file that fails to load: the URL and why', async () => {
    const missing = await failure(client.loadData({ source: { kind: 'cifar10', from: '/shared-data/cifar10/nope.bin', cache: false } }));
    expect(missing.name).to.equal('Cifar10Error');
    expect(missing.code).to.equal('data');
    expect(missing.reason).to.equal('http');
    expect(missing.message).to.contain('nope.bin');
    const wrong = await failure(
      client.loadData({ source: { kind: 'cifar10', from: '/shared-data/cifar10/cifar10_tiny_100_index.txt', cache: false } }),
    );
    expect(wrong.name).to.equal('Cifar10Error');
    expect(wrong.message).to.contain('cifar10_tiny_100_index.txt');
    expect(wrong.message).to.contain('not CIFAR-10');
  });

  it('reports a worker script that fails to load, instead of waiting forever', async () => {
    const broken = TrainingClient.inWorker('/src/worker/no-such-worker.js');
    const error = await failure(broken.init({ backend: 'cpu' }));
    expect(error.code).to.equal('internal');
    expect(error.message).to.match(/training worker failed/);
    expect(broken.terminated).to.equal(true);
  });

  it('terminates the worker when its element leaves the page; pending work rejects', async () => {
    const host = document.createElement('nn-test-training-host') as TrainingHost;
    document.body.append(host);
    const c = host.client!;
    await c.init({ backend: 'cpu' });
    await c.loadData({ source: { kind: 'cifar10', from: TINY_URL, cache: false } });
    await c.buildModel(TINY_CONV);
    const run = c.train({ spec: TRAIN });
    host.remove();
    expect(c.terminated).to.equal(true);
    expect((await failure(run)).code).to.equal('terminated');
    expect((await failure(c.memory())).code).to.equal('terminated');
  });
});
