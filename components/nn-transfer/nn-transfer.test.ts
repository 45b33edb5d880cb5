import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { pageRunStore } from '../../src/runs/index.js';
import { smallCnn } from '../../tests/fixtures/small-cnn.js';
import { TrainingClient } from '../../src/worker/index.js';
import type { NnErrorEvent } from '../events/nn-error.js';
import { runContract } from '../internal/contract.js';
import './nn-transfer.js';
import { NnTransfer } from './nn-transfer.js';

const TINY = '/shared-data/cifar10/cifar10_tiny_100.bin';
const BASE = '/content/models/cifar10-base/model.json';
type Labbed = NnTransfer & { lab: { client: { terminated: boolean } | null } };

/** Saves a small trained-from-scratch base in IndexedDB, as problem 4's page would. */
async function saveSmallBase(name: string): Promise<void> {
  const client = TrainingClient.inWorker();
  try {
    await client.init({ backend: 'cpu' });
    await client.buildModel(smallCnn(2));
    await client.saveModel(`indexeddb://${name}`);
  } finally {
    client.terminate();
  }
}

const text = (el: NnTransfer, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent ?? '';

runContract<NnTransfer>({
  tag: 'nn-transfer',
  element: NnTransfer,
  template: () => html`<nn-transfer src=${TINY} base-src=${BASE}></nn-transfer>`,
  bad: [['epochs', '0'], ['learning-rate', '-0.01'], ['view', 'table'], ['budget', '1'], ['backend', 'cuda'], ['head-units', 'many']],
});

describe('<nn-transfer>', () => {
  before(() => saveSmallBase('nn-transfer-test-base'));

  it('from a saved base: relabelled counts and baseline, the layer table, stage 1, the offer, stage 2 with its marker, the comparison', async () => {
    const el = (await fixture<NnTransfer>(
      html`<nn-transfer src=${TINY} saved-name="nn-transfer-test-base" model-name="nn-transfer-test" backend="cpu" epochs="2"
        fine-tune-epochs="1" batch-size="16" head-units="8" budget="30"></nn-transfer>`,
    )) as Labbed;
    expect(await el.loadBase('saved')).to.equal(true);
    expect(await el.loadData()).to.equal(true);
    await el.updateComplete;
    // One file, no test set: 80 training and 20 test images; the test part is 17 "other" of 20.
    const counts = [...el.shadowRoot!.querySelectorAll('.counts tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(counts).to.have.length(2);
    expect(text(el, '[part=data] .note')).to.contain('Majority-class baseline').and.contain('Airplanes (CIFAR label 0) count as “other”');
    const boxes = () => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.layers input[type=checkbox]')].map((b) => `${b.getAttribute('aria-label')}:${b.checked}`);
    expect(boxes()).to.deep.equal([
      'conv2d trainable:false', 'conv2d_1 trainable:false', 'conv2d_2 trainable:false', 'conv2d_3 trainable:false',
      'head_dense trainable:true', 'head_output trainable:true',
    ]);

    await el.trainHead();
    await el.updateComplete;
    expect(text(el, '[part=error]')).to.equal('');
    const afterStage1 = el.comparison!;
    expect(afterStage1.scores[0].count).to.equal(20);
    expect(text(el, '[part=sentence]')).to.contain('Always answering “other” scores');
    expect(el.shadowRoot!.querySelectorAll('.confusion')).to.have.length(2);
    const run = pageRunStore().list().at(-1)!;
    expect(run.name).to.equal('nn-transfer · nn-transfer-test');
    expect(run.scalars.val_accuracy).to.have.length(2);
    expect(run.summary.baselineAccuracy).to.equal(afterStage1.baseline.accuracy);
    expect(run.hparams).to.include({ head_units: 8, epochs: 2, batch_size: 16 });
    expect(run.stage).to.match(/^head, then fine-tuning/);

    const offer = await el.measure();
    expect(offer, 'an offer').to.not.equal(null);
    expect(offer!.subset % 16 === 0 || offer!.subset === 80).to.equal(true);
    expect(text(el, '.offer')).to.match(/^Training ran at [\d.]+ images\/s on the first steps: 1 epoch on /);
    await el.fineTune();
    await el.updateComplete;
    expect(text(el, '[part=error]')).to.equal('');
    expect(boxes().slice(2, 4)).to.deep.equal(['conv2d_2 trainable:true', 'conv2d_3 trainable:true']);
    expect(run.scalars.val_accuracy).to.have.length(3, 'stage 2 continues the same run');
    expect(run.markers.phases).to.deep.equal([{ epoch: 3, label: 'stage 2' }]);
    expect(run.summary.stage2Images).to.equal(offer!.subset);
    expect(el.shadowRoot!.querySelector('nn-curves')!.shadowRoot!.querySelector('.marker.phase')).to.not.equal(null);
    const lab = el.comparison!;
    const shown = el.shadowRoot!.querySelectorAll('[part=disagreements] canvas');
    expect(shown.length).to.equal(lab.disagreements.length);
    await expect(el).to.be.accessible();
    const client = el.lab.client!;
    el.remove();
    expect(client.terminated, 'worker ended on disconnect').to.equal(true);

    // Problem 6's page: the same two models, loaded from storage and run on the test images from scratch.
    const page6 = await fixture<NnTransfer>(
      html`<nn-transfer view="compare" src=${TINY} saved-name="nn-transfer-test-base" model-name="nn-transfer-test" backend="cpu"></nn-transfer>`,
    );
    await page6.loadBase('saved');
    const again = (await page6.compare())!;
    expect(again.scores.map((s) => s.confusion)).to.deep.equal(lab.scores.map((s) => s.confusion));
    expect(page6.shadowRoot!.querySelectorAll('[part=layers]').length).to.equal(0);
    await expect(page6).to.be.accessible();
  });

  it('the course base loads and trains a head on a few real images', async () => {
    const el = await fixture<NnTransfer>(
      html`<nn-transfer src=${TINY} base-src=${BASE} subset="30" backend="cpu" epochs="1" batch-size="8" head-units="0" model-name="nn-transfer-course"></nn-transfer>`,
    );
    await el.trainHead();
    await el.updateComplete;
    expect(text(el, '[part=error]')).to.equal('');
    expect(text(el, '.status')).to.contain('the course’s base model, 10 classes, 1,250,858 parameters');
    expect(el.comparison!.scores[1].count).to.equal(6);
  });

  it('names what is missing: no saved model of that name, no course model, no transferred model for problem 6', async () => {
    const el = await fixture<NnTransfer>(html`<nn-transfer src=${TINY} saved-name="nn-transfer-nope" backend="cpu"></nn-transfer>`);
    const error = oneEvent(el, 'nn-error') as Promise<NnErrorEvent>;
    expect(await el.loadBase('saved')).to.equal(false);
    expect((await error).message).to.contain('no model is saved in this browser as “nn-transfer-nope”');
    const course = oneEvent(el, 'nn-error') as Promise<NnErrorEvent>;
    expect(await el.loadBase('course')).to.equal(false);
    expect((await course).message).to.contain('base-src is empty');
    const page6 = await fixture<NnTransfer>(
      html`<nn-transfer view="compare" src=${TINY} saved-name="nn-transfer-test-base" model-name="nn-transfer-never-saved" backend="cpu"></nn-transfer>`,
    );
    await page6.loadBase('saved');
    const missing = oneEvent(page6, 'nn-error') as Promise<NnErrorEvent>;
    expect(await page6.compare()).to.equal(null);
    expect((await missing).message).to.contain('no transferred model is saved in this browser as “nn-transfer-never-saved”');
  });
});
