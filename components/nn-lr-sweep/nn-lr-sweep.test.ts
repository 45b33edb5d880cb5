import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ModelSpec } from '../../src/spec/types.js';
import type { NnErrorEvent } from '../events/nn-error.js';
import type { NnSweepEndEvent } from '../events/nn-sweep-end.js';
import { runContract } from '../internal/contract.js';
import './nn-lr-sweep.js';
import { NnLrSweep } from './nn-lr-sweep.js';

const TINY = '/shared-data/cifar10/cifar10_tiny_100.bin';
/** A conv net small enough for emulated backends. */
const TINY_NET: ModelSpec = {
  inputShape: [32, 32, 3],
  seed: 3,
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 2, activation: 'relu' },
    { type: 'maxPooling2d', poolSize: 4 },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

runContract<NnLrSweep>({
  tag: 'nn-lr-sweep',
  element: NnLrSweep,
  template: () => html`<nn-lr-sweep src=${TINY}></nn-lr-sweep>`,
  bad: [['rates', '1e-3,-0.1'], ['optimizer', 'lion'], ['batch-size', '0']],
});

describe('<nn-lr-sweep>', () => {
  it('runs each rate in turn on one worker, marks the diverging one and recommends a rate', async () => {
    const el = await fixture<NnLrSweep>(
      html`<nn-lr-sweep src=${TINY} rates="1e-3,1e-2,1e4" subset="30" batch-size="10" steps="3" backend="cpu" .model=${TINY_NET}></nn-lr-sweep>`,
    );
    expect(el.plan.optimizer).to.equal('rmsprop');
    const done = oneEvent(el, 'nn-sweep-end') as Promise<NnSweepEndEvent>;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    const e = await done;
    await el.updateComplete;
    expect(e.runs.map((r) => r.losses.length)).to.deep.equal([3, 3, e.runs[2].losses.length]);
    expect(e.runs[2].diverged, 'lr 1e4 diverges').to.equal(true);
    expect(e.runs[0].diverged).to.equal(false);
    // The rule itself is tested in tests/node/tf/sweep.test.ts; here, that the element shows what it gives.
    expect(e.recommendation.learningRate).to.be.a('number');
    expect(e.runs[0].learningRate).to.equal(1e-3);
    expect(el.shadowRoot!.querySelector('[part=recommendation]')!.textContent).to.contain('Recommended');
    expect(el.shadowRoot!.querySelector('tr.diverged')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('[part=backend]')!.textContent).to.contain('CPU');
    const curves = el.shadowRoot!.querySelector('nn-curves')!;
    expect(curves.runs.map((r) => r.name)).to.deep.equal(['lr 0.001', 'lr 0.01', 'lr 1e+4 (diverged)']);
    // Leaving the page ends the worker.
    const client = (el as unknown as { sweep: { client: { terminated: boolean } } }).sweep.client;
    expect(client.terminated).to.equal(false);
    el.remove();
    expect(client.terminated).to.equal(true);
  });

  it('trains on a file that holds only a test part (the course page’s 2,000-image file)', async () => {
    const el = await fixture<NnLrSweep>(
      html`<nn-lr-sweep src="/shared-data/cifar10/cifar10_test_2k.bin" rates="1e-3,1e-2" subset="10" batch-size="10" steps="1" backend="cpu" .model=${TINY_NET}></nn-lr-sweep>`,
    );
    const done = oneEvent(el, 'nn-sweep-end') as Promise<NnSweepEndEvent>;
    void el.start();
    const e = await done;
    expect(e.runs.map((r) => r.losses.length)).to.deep.equal([1, 1]);
    expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
  });

  it('a data URL that fails is reported in the element', async () => {
    const el = await fixture<NnLrSweep>(html`<nn-lr-sweep src="/shared-data/cifar10/missing.bin" backend="cpu" .model=${TINY_NET}></nn-lr-sweep>`);
    const error = oneEvent(el, 'nn-error') as Promise<NnErrorEvent>;
    void el.start();
    const e = await error;
    await el.updateComplete;
    expect(e.message).to.contain('could not run');
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('missing.bin');
  });
});
