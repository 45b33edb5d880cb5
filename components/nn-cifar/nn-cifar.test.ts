import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { pageRunStore } from '../../src/runs/index.js';
import type { ModelSpec } from '../../src/spec/types.js';
import type { NnErrorEvent } from '../events/nn-error.js';
import type { NnProgressEvent } from '../events/nn-progress.js';
import { runContract } from '../internal/contract.js';
import './nn-cifar.js';
import { NnCifar } from './nn-cifar.js';
import { pickedModel } from './model-files.js';

const TINY = '/shared-data/cifar10/cifar10_tiny_100.bin';
const TINY_NET: ModelSpec = {
  inputShape: [32, 32, 3],
  seed: 5,
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 2, activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 4 },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};
type Labbed = NnCifar & { lab: { client: { terminated: boolean } | null } };

/** Resolves once `ready()` holds (checked every 20 ms), or fails after `ms`. */
async function until(ready: () => boolean, ms = 60_000): Promise<void> {
  const end = performance.now() + ms;
  while (!ready()) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

runContract<NnCifar>({
  tag: 'nn-cifar',
  element: NnCifar,
  template: () => html`<nn-cifar src=${TINY}></nn-cifar>`,
  bad: [['epochs', '0'], ['learning-rate', '-0.01'], ['backend', 'cuda'], ['validation-split', '1'], ['budget', '0']],
});

describe('<nn-cifar>', () => {
  it('loads the tiny file with progress, trains a tiny net an epoch, shows predictions, names the run; save→load keeps predictions', async () => {
    const el = (await fixture<NnCifar>(
      html`<nn-cifar src=${TINY} subset="20" epochs="1" batch-size="10" grid-size="4" backend="cpu" model-name="nn-cifar-test" .model=${TINY_NET}></nn-cifar>`,
    )) as Labbed;
    const loading = el.loadData();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('progress')).to.not.equal(null);
    expect(await loading).to.equal(true);
    await el.updateComplete;
    // One file and no test set: its last 20% (Keras's validation_split) tests, and the student is told so.
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.contain('80 training images, 20 test images held out from the end of the same file');
    await el.train();
    await el.updateComplete;
    const shown = el.predictions!;
    expect(shown.count).to.equal(4);
    const cells = el.shadowRoot!.querySelectorAll('[part=predictions] > li');
    expect(cells).to.have.length(4);
    expect(cells[0].querySelectorAll('ol li')).to.have.length(3);
    const canvas = cells[0].querySelector('canvas')!;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, 32, 32).data;
    expect(pixels.some((v, i) => i % 4 !== 3 && v > 0), 'thumbnail painted').to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[part=confusion] tbody tr')).to.have.length(10);
    expect(el.savedUrl).to.equal('indexeddb://nn-cifar-test');
    const run = pageRunStore().list().at(-1)!;
    expect(run.name).to.equal('nn-cifar · nn-cifar-test');
    expect(run.scalars.val_loss).to.have.length(1);
    expect(run.message).to.contain('indexeddb://nn-cifar-test');
    await el.loadModel('indexeddb://nn-cifar-test');
    expect(Array.from(el.predictions!.probabilities)).to.deep.equal(Array.from(shown.probabilities));
    await expect(el).to.be.accessible();
    const client = el.lab.client!;
    el.remove();
    expect(client.terminated, 'worker ended on disconnect').to.equal(true);
  });

  it('pauses after a step and resumes; Stop shows “Stopping…” at once and ends the run after its step, keeping the model', async () => {
    const el = await fixture<NnCifar>(
      html`<nn-cifar src=${TINY} epochs="200" batch-size="4" grid-size="2" backend="cpu" model-name="nn-cifar-stop" .model=${TINY_NET}></nn-cifar>`,
    );
    const events: NnProgressEvent[] = [];
    el.addEventListener('nn-progress', (e) => events.push(e));
    const training = el.train();
    await until(() => events.some((e) => e.phase === 'training' && (e.detail.step ?? 0) >= 2));
    const phases = events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases.slice(0, 3)).to.deep.equal(['loading', 'measuring', 'training']);
    const line = events.filter((e) => e.phase === 'training').at(-1)!.text;
    expect(line).to.match(/^Run: step \d+ of 4000 · [\d.,]+ images\/s · about .+ left\. Epoch 1 of 200: batch \d+ of 20, loss [\d.]+, accuracy [\d.]+\.$/);
    await el.pause();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button.pause')!.textContent).to.contain('Resume');
    const step = events.at(-1)!.detail.step;
    await new Promise((r) => setTimeout(r, 300));
    expect(events.filter((e) => e.phase === 'training' && e.detail.step! > step!)).to.have.length(0);
    el.resume();
    await until(() => events.some((e) => e.phase === 'training' && e.detail.step! > step! + 1));
    el.stop();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button.stop')!.textContent).to.contain('Stopping…');
    expect(el.shadowRoot!.querySelector('[part=progress]')!.textContent).to.contain('Stopping after this step…');
    await training;
    await el.updateComplete;
    const status = el.shadowRoot!.querySelector('.status')!.textContent!;
    expect(status).to.contain('Training stopped.');
    // The model trained so far is kept: its predictions are shown and it is saved.
    expect(el.predictions!.count).to.equal(2);
    expect(el.savedUrl).to.equal('indexeddb://nn-cifar-stop');
    expect(events.map((e) => e.phase)).to.include('stopped');
  });

  it('the quick plan is cut to the budget at the measured speed, with each plan’s time said', async () => {
    const el = await fixture<NnCifar>(
      html`<nn-cifar src=${TINY} epochs="1000" batch-size="4" grid-size="0" backend="cpu" quick budget="3" model-name="nn-cifar-quick" .model=${TINY_NET}></nn-cifar>`,
    );
    const plan = () => el.shadowRoot!.querySelector('[part=plan]')!.textContent!.replace(/\s+/g, ' ');
    expect(plan()).to.contain('Quick: cut to about 3 s once a few steps are timed');
    await el.train();
    await el.updateComplete;
    const p = el.plan;
    expect(p.epochs * p.subset, 'fewer epochs × images than 1,000 × 80').to.be.below(1000 * 80);
    expect(p.subset % 4).to.equal(0);
    expect(plan()).to.match(/Quick: \d+ epochs? of \d+ images?, tested on \d+ after each, about .+ here/);
    expect(plan()).to.contain('The homework’s: 1,000 epochs of 80 images, tested on 20 after each, about');
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.match(/Training on the CPU at about [\d.,]+ images\/s\. The homework’s plan takes about .+ here; the quick plan about .+\./);
    const run = pageRunStore().list().at(-1)!;
    expect(run.scalars.val_loss!.length).to.be.at.most(p.epochs);
  });

  it('a data URL that fails is reported in the element, and a file that is not CIFAR-10 too', async () => {
    const el = await fixture<NnCifar>(html`<nn-cifar src="/shared-data/cifar10/nope.bin" backend="cpu"></nn-cifar>`);
    const error = oneEvent(el, 'nn-error') as Promise<NnErrorEvent>;
    expect(await el.loadData()).to.equal(false);
    expect((await error).message).to.contain('could not be loaded');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('nope.bin');
    const bad = oneEvent(el, 'nn-error') as Promise<NnErrorEvent>;
    expect(await el.loadData([new Blob(['not cifar at all'])])).to.equal(false);
    expect((await bad).message).to.contain('could not be loaded');
  });

  it('a download cut short shows the bytes that arrived; a lying Content-Length is refused without a crash', async () => {
    // tests/browser/http-faults.mjs: the real file, cut after 155,150 of its 307,300 bytes.
    const cut = '/http-faults/cut/cifar10_tiny_100.bin?at=155150&wait=1000';
    const el = await fixture<NnCifar>(html`<nn-cifar src=${cut} backend="cpu"></nn-cifar>`);
    const error = oneEvent(el, 'nn-error') as Promise<NnErrorEvent>;
    expect(await el.loadData()).to.equal(false);
    expect((await error).message).to.contain('ended after 155150 of 307300 bytes');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('ended after 155150 of 307300 bytes');
    expect(await el.loadData(['/http-faults/declare/cifar10_tiny_100.bin?length=30730000000'])).to.equal(false);
    await el.updateComplete;
    const shown = el.shadowRoot!.querySelector('[part=error]')!.textContent!;
    expect(shown).to.contain('declares 30730000000 bytes');
    expect(shown).to.not.contain('RangeError');
    // The last good state: a good file after the bad ones loads, and the message goes.
    expect(await el.loadData([TINY])).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
  });

  it('picked model files need one model.json and weights', () => {
    const json = new File(['{}'], 'model.json');
    const bin = new File([new Uint8Array(4)], 'weights.bin');
    expect(pickedModel([json])).to.be.a('string');
    expect(pickedModel([json, bin])).to.deep.equal({ json, weights: [bin] });
  });
});
