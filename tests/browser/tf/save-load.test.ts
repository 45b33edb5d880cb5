// Save and load in the browser (cpu backend): IndexedDB and downloadable files give bit-identical predictions,
// and a Keras model converted with tensorflowjs_converter loads from a URL and predicts what numpy computed.
import { expect } from '@open-wc/testing';
import * as tf from '@tensorflow/tfjs';
import {
  buildModel,
  chooseBackend,
  loadModel,
  modelFilesToBlobs,
  predictProbabilities,
  saveModel,
  subset,
} from '../../../src/tf/index.js';
import { TrainingClient } from '../../../src/worker/index.js';
import { TINY_CONV, TINY_URL, tinyCifar } from './helpers.js';

const FIXTURE = new URL('./fixtures/keras-tiny/', import.meta.url);

describe('saving and loading models', () => {
  before(async () => {
    await chooseBackend({ backend: 'cpu' });
  });

  it('IndexedDB: save → load gives the same predictions bit for bit', async () => {
    const data = subset(await tinyCifar(), 4);
    const model = buildModel({ ...TINY_CONV, seed: 21 });
    const before = await predictProbabilities(model, data);
    const saved = await saveModel(model, 'indexeddb://nn-mathlets-test');
    expect(saved).to.include({ url: 'indexeddb://nn-mathlets-test' });
    const loaded = await loadModel('indexeddb://nn-mathlets-test');
    expect(Array.from(await predictProbabilities(loaded, data))).to.deep.equal(Array.from(before));
    await tf.io.removeModel('indexeddb://nn-mathlets-test');
    model.dispose();
    loaded.dispose();
  });

  it('downloadable files from the worker load back as picked files, bit for bit', async () => {
    const client = TrainingClient.inWorker();
    try {
      await client.init({ backend: 'cpu' });
      await client.loadData({ source: { kind: 'cifar10', from: TINY_URL, cache: false }, subset: 4 });
      await client.buildModel({ ...TINY_CONV, seed: 22 });
      const before = await client.predict({ data: 'train' });
      const saved = await client.saveModel({ files: true });
      if (!('files' in saved)) throw new Error('expected files');
      const blobs = modelFilesToBlobs(saved.files);
      // What <input type="file" multiple> gives after the student downloaded both files.
      const json = new File([blobs.json], blobs.jsonName);
      const weights = new File([blobs.weights], blobs.weightsName);
      await client.buildModel({ ...TINY_CONV, seed: 23 });
      const info = await client.loadModel({ json, weights: [weights] });
      expect(info.params).to.equal(saved.files.weights.byteLength / 4);
      const after = await client.predict({ data: 'train' });
      expect(Array.from(after.probabilities)).to.deep.equal(Array.from(before.probabilities));
    } finally {
      client.terminate();
    }
  });

  it('loads a Keras-converted model.json from a URL and predicts what numpy computed', async () => {
    const model = await loadModel(new URL('model.json', FIXTURE).href);
    const expected = (await (await fetch(new URL('expected.json', FIXTURE))).json()) as {
      x: number[];
      probabilities: number[][];
    };
    const got = await predictProbabilities(model, {
      x: Float32Array.from(expected.x),
      y: new Uint8Array(2),
      count: 2,
      shape: [6, 6, 3],
      format: 'float32',
    });
    expected.probabilities.flat().forEach((p, i) => expect(Math.abs(got[i] - p), `p[${i}]`).to.be.lessThan(1e-6));
    model.dispose();
  });

  it('names the URL of a model that is not there', async () => {
    try {
      await loadModel('/no/such/model.json');
      throw new Error('expected a rejection');
    } catch (err) {
      expect((err as Error & { code: string }).code).to.equal('load');
      expect((err as Error).message).to.contain('/no/such/model.json');
    }
  });
});
