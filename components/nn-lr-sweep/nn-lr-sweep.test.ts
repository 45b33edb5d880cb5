import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ModelSpec } from '../../src/spec/types.js';
import type { NnErrorEvent } from '../events/nn-error.js';
import type { NnProgressEvent } from '../events/nn-progress.js';
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
  bad: [['rates', '1e-3,-0.1'], ['optimizer', 'lion'], ['batch-size', '0'], ['budget', 'soon']],
});

/** Resolves once `ready()` holds (checked every 20 ms), or fails after `ms`. */
async function until(ready: () => boolean, ms = 60_000): Promise<void> {
  const end = performance.now() + ms;
  while (!ready()) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The element's runner, to stop with a grace period of 0 and to see its worker. */
const runner = (el: NnLrSweep) => (el as unknown as { sweep: { client: { terminated: boolean } | null; stop(graceMs?: number): Promise<void> } }).sweep;

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
    // The backend was timed before the first rate, and the sentence says what that means for the plans.
    expect(el.measured!.chosen.backend).to.equal('cpu');
    expect(el.shadowRoot!.querySelector('[part=backend]')!.textContent).to.match(/^Training on the CPU at about [\d.,]+ images\/s\. The homework’s plan takes about /);
    const curves = el.shadowRoot!.querySelector('nn-curves')!;
    expect(curves.runs.map((r) => r.name)).to.deep.equal(['lr 0.001', 'lr 0.01', 'lr 1e+4 (diverged)']);
    // Leaving the page ends the worker.
    const client = (el as unknown as { sweep: { client: { terminated: boolean } } }).sweep.client;
    expect(client.terminated).to.equal(false);
    el.remove();
    expect(client.terminated).to.equal(true);
  });

  it('stops mid-run at once: “Stopping…” shows, no progress comes after stop() resolves, and a step that outlasts the grace is abandoned', async () => {
    const el = await fixture<NnLrSweep>(
      html`<nn-lr-sweep src=${TINY} rates="1e-3,1e-2,1e-1" subset="100" batch-size="10" steps="300" backend="cpu" .model=${TINY_NET}></nn-lr-sweep>`,
    );
    const events: NnProgressEvent[] = [];
    el.addEventListener('nn-progress', (e) => events.push(e));
    const ended = oneEvent(el, 'nn-sweep-end') as Promise<NnSweepEndEvent>;
    void el.start();
    await until(() => events.some((e) => e.phase === 'training' && (e.detail.step ?? 0) >= 2));
    const seen = events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(seen.slice(0, 4)).to.deep.equal(['starting', 'loading', 'measuring', 'training']);
    const training = events.find((e) => e.phase === 'training')!;
    expect(training.text).to.match(/^Rate 1 of 3 \(0\.001\): step \d+ of 300 · [\d.,]+ images\/s · about .+ left$/);
    const stopping = el.stop();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button.stop')!.textContent).to.contain('Stopping…');
    expect(el.shadowRoot!.querySelector('[part=progress]')!.textContent).to.contain('Stopping…');
    await stopping;
    const count = events.length;
    expect(events.at(-1)!.phase).to.equal('stopped');
    expect(el.running).to.equal(false);
    const e = await ended;
    expect(e.runs[0].losses.length).to.be.within(2, 299);
    expect(el.runs.map((r) => r.status)).to.deep.equal(['stopped', 'waiting', 'waiting']);
    // Long enough for dozens of steps, had the rate gone on training.
    await new Promise((r) => setTimeout(r, 1000));
    expect(events.length, 'no progress after stop() resolved').to.equal(count);
    expect(el.shadowRoot!.querySelector('[part=progress]')!.textContent).to.contain('Stopped after 0 of 3 rates.');

    // A step that outlasts the grace period (here 0) is abandoned with its worker; the next sweep starts a new one.
    void el.start();
    await until(() => events.slice(count).some((e) => e.phase === 'training'));
    const first = runner(el).client!;
    await runner(el).stop(0);
    expect(first.terminated, 'the worker was ended').to.equal(true);
    expect(el.running).to.equal(false);
    el.steps = 2;
    const done = oneEvent(el, 'nn-sweep-end') as Promise<NnSweepEndEvent>;
    void el.start();
    expect((await done).runs.map((r) => r.losses.length)).to.deep.equal([2, 2, 2]);
    expect(runner(el).client).to.not.equal(first);
  });

  it('the quick plan is cut to the budget at the measured speed, and says how long each plan takes', async () => {
    const el = await fixture<NnLrSweep>(
      html`<nn-lr-sweep src=${TINY} rates="1e-4,2e-4,3e-4" subset="100" batch-size="10" epochs="100" backend="cpu" quick budget="4" .model=${TINY_NET}></nn-lr-sweep>`,
    );
    const plan = () => el.shadowRoot!.querySelector('[part=plan]')!.textContent!.replace(/\s+/g, ' ');
    expect(plan()).to.contain('Quick: cut to about 4 s once a few steps are timed');
    expect(plan()).to.contain('The homework’s: 100 epochs of 100 images per rate (1,000 steps)');
    const done = oneEvent(el, 'nn-sweep-end') as Promise<NnSweepEndEvent>;
    void el.start();
    const e = await done;
    await el.updateComplete;
    // Cut to the budget left after loading and timing: fewer steps than the full plan's 1,000, the same for every rate.
    // (A rate whose loss climbs in a few noisy steps is stopped as diverged.)
    const kept = e.runs.filter((r) => !r.diverged);
    const steps = kept[0].losses.length;
    expect(steps).to.be.within(3, 999);
    expect(kept.map((r) => r.losses.length)).to.deep.equal(kept.map(() => steps));
    // The next sweep's quick plan, at the speed measured (the whole budget is left: nothing to time again).
    expect(el.plan.steps).to.be.within(steps, 999);
    expect(plan()).to.match(new RegExp(`Quick: ${el.plan.steps} steps per rate on \\d+ images, about .+ here`));
    expect(el.shadowRoot!.querySelector('[part=backend]')!.textContent).to.match(/The homework’s plan takes about .+ here; the quick plan about .+\./);
    // The full plan is one click away.
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value=full]')!.click();
    await el.updateComplete;
    expect(el.plan.steps).to.equal(0);
    expect(el.plan.epochs).to.equal(100);
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
