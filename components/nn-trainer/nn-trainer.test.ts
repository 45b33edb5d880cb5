import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import './nn-trainer.js';
import type { NnTrainer } from './nn-trainer.js';
import type { NnCurves } from '../nn-curves/nn-curves.js';
import { RunStore } from '../../src/runs/index.js';
import type { NnTrainEndEvent } from '../events/nn-train-end.js';
import type { NnErrorEvent } from '../events/nn-error.js';
import { labPreset } from '../../src/labs/index.js';

const $ = <T extends Element = HTMLElement>(el: NnTrainer, sel: string) => el.shadowRoot!.querySelector(sel) as T;
const text = (el: NnTrainer, sel: string) => $(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const trainButton = (el: NnTrainer) => $<HTMLButtonElement>(el, 'button.train');

async function typeInto(el: NnTrainer, sel: string, value: string) {
  const input = $<HTMLInputElement>(el, sel);
  input.focus();
  input.select();
  await sendKeys({ type: value });
  await el.updateComplete;
  return input;
}

describe('<nn-trainer>', () => {
  it('trains a preset: per-epoch events, the run, the run store, the notebook’s line and Keras code', async () => {
    const store = new RunStore();
    const el = await fixture<NnTrainer>(html`<nn-trainer id="lab" preset="vanishing-fixed" epochs="15" .runStore=${store}></nn-trainer>`);
    expect($<HTMLInputElement>(el, '#p0-learningRate').value).to.equal('0.001');
    // Before training, the boundary already shows the untrained model.
    expect(($(el, 'nn-boundary') as unknown as { model?: object }).model).to.not.equal(undefined);
    const epochs: number[] = [];
    el.addEventListener('nn-epoch-end', (e) => epochs.push(e.epoch));
    const ended = oneEvent(el, 'nn-train-end');
    const run = await el.train();
    expect(((await ended) as unknown as NnTrainEndEvent).run).to.equal(run);
    expect(el.run).to.equal(run);
    expect(epochs).to.deep.equal(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(run.history.accuracy).to.have.length(15);
    expect(run.spec.model.layers).to.have.length(4);
    expect(run.stoppedEpoch).to.equal(null);
    for (const k of ['trainAccuracy', 'validationAccuracy', 'testAccuracy'] as const) expect(run[k]).to.be.within(0, 1);
    const rec = store.list()[0];
    expect(rec.name).to.equal('Fixed model (edited) · nn-trainer#lab');
    expect(rec.scalars.val_accuracy).to.have.length(15);
    expect(rec.status).to.equal('done');
    await el.updateComplete;
    expect(text(el, '.status')).to.contain('Done · epoch 15 / 15');
    expect(text(el, '.verdict code')).to.match(/^Train: 0\.\d\d, Test: 0\.\d\d$/);
    // The legend reads the setup's title; the numbers are the run store's own.
    const drawn = ($(el, 'nn-curves') as NnCurves).runs[0];
    expect([drawn.name, drawn.scalars]).to.deep.equal(['Fixed model (edited)', rec.scalars]);
    expect($(el, 'nn-curves').shadowRoot!.querySelector('.legend')!.textContent).to.contain('Fixed model (edited)');
    expect(text(el, '.keras pre')).to.contain('model.fit(');
    const marks = [...el.shadowRoot!.querySelector('nn-boundary')!.shadowRoot!.querySelectorAll('.points path.datum')].map((p) => p.getAttribute('d')!.split('M').length - 1);
    expect(marks[0] + marks[1]).to.equal(800);
    // An edit after the run keeps its results on screen until the next Train.
    await typeInto(el, '#p0-epochs', '20');
    expect(text(el, '.status')).to.contain('setup changed');
    expect(text(el, '.verdict code')).to.match(/^Train: /);
  });

  it('refuses an impossible setup in the editor, naming the field, with Train disabled until it is fixed', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer preset="l1" epochs="5"></nn-trainer>`);
    await typeInto(el, '#p0-l1', 'abc');
    expect($(el, '#p0-l1').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '#p0-l1-msg')).to.contain('L1 must be a number');
    expect(trainButton(el).disabled).to.equal(true);
    setTimeout(() => el.train().catch(() => undefined));
    const err = await oneEvent(el, 'nn-error');
    expect((err as unknown as NnErrorEvent).message).to.contain('L1');
    await typeInto(el, '#p0-l1', '0.001');
    expect(trainButton(el).disabled).to.equal(false);
    await typeInto(el, '#p0-learningRate', '-1');
    expect(text(el, '#p0-learningRate-msg')).to.contain('Learning rate must be a number above 0');
    await typeInto(el, '#p0-learningRate', '0.001');
    await typeInto(el, '#p0-layers-0-units', '0');
    expect(text(el, '.editor .summary')).to.contain('Layer 1 units');
    expect(trainButton(el).disabled).to.equal(true);
    await typeInto(el, '#p0-layers-0-units', '20');
    for (let i = 0; i < 7; i++) {
      $<HTMLButtonElement>(el, '.layer button').click();
      await el.updateComplete;
    }
    expect(text(el, '.layers .msg')).to.contain('add at least one hidden layer');
    expect(trainButton(el).disabled).to.equal(true);
  });

  it('a diverging run (SGD at rate 10) stops at the NaN epoch with a message, its curves kept', async () => {
    const setup = labPreset('overfit');
    setup.train.optimizer = { name: 'sgd', learningRate: 10 };
    const el = await fixture<NnTrainer>(html`<nn-trainer .setup=${setup}></nn-trainer>`);
    const errors: string[] = [];
    el.addEventListener('nn-error', (e) => errors.push(e.message));
    const run = await el.train();
    await el.updateComplete;
    expect(run.status).to.equal('diverged');
    expect(run.history.loss).to.have.length(run.nanEpoch!);
    expect(errors[0]).to.contain(`epoch ${run.nanEpoch}`);
    expect(text(el, '.panel .nn-error')).to.contain('NaN');
    expect(text(el, '.status')).to.contain('Diverged');
    expect((($(el, 'nn-curves') as NnCurves).runs[0].scalars.loss as number[]).length).to.equal(run.nanEpoch);
  });

  it('pauses, steps one epoch at a time, resumes; user edits fire change, code does not', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer preset="vanishing-bad" epochs="8"></nn-trainer>`);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.preset = 'vanishing-fixed';
    await el.updateComplete;
    expect(changes).to.equal(0);
    const epochs: number[] = [];
    el.addEventListener('nn-epoch-end', (e) => epochs.push(e.epoch));
    $<HTMLButtonElement>(el, 'button.step').click();
    await new Promise((r) => setTimeout(r, 200));
    expect(epochs).to.deep.equal([1]);
    await el.updateComplete;
    expect(text(el, 'button.pause')).to.equal('Resume');
    $<HTMLButtonElement>(el, 'button.step').click();
    await new Promise((r) => setTimeout(r, 200));
    expect(epochs).to.deep.equal([1, 2]);
    const ended = oneEvent(el, 'nn-train-end');
    $<HTMLButtonElement>(el, 'button.pause').click();
    expect(((await ended) as unknown as NnTrainEndEvent).run.epochs).to.equal(8);
    const select = $<HTMLSelectElement>(el, '#p0-optimizer');
    select.value = 'sgd';
    select.dispatchEvent(new Event('change'));
    expect(changes).to.equal(1);
    expect(el.setup!.train.optimizer).to.deep.equal({ name: 'sgd', learningRate: 0.01 });
  });

  it('compares two setups side by side on the same data', async () => {
    const store = new RunStore();
    const el = await fixture<NnTrainer>(html`<nn-trainer preset="overfit" compare="l1" epochs="30" .runStore=${store}></nn-trainer>`);
    expect(el.shadowRoot!.querySelectorAll('.panel')).to.have.length(2);
    const ends: number[] = [];
    el.addEventListener('nn-train-end', (e) => ends.push(e.panel));
    await el.train();
    await new Promise((r) => setTimeout(r, 0));
    expect(ends.sort()).to.deep.equal([0, 1]);
    const [a, b] = el.runs;
    expect(a!.spec.data).to.deep.equal(b!.spec.data);
    // L1 zeroes weights; the readout says so.
    expect(b!.sparsity.zeroFraction).to.be.above(a!.sparsity.zeroFraction + 0.3);
    await el.updateComplete;
    expect(text(el, '.panel:nth-of-type(2) .sparsity')).to.match(/Weights near zero .*: \d+%/);
    expect(store.list().map((r) => r.name)).to.deep.equal(['Baseline (overfits) (edited) · nn-trainer', 'L1 regularization (edited) · nn-trainer']);
    el.compare = '';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.panel')).to.have.length(1);
  });

  it('sits side by side in a course column and stacks below 880 px, the two setups’ charts sharing their axes', async () => {
    await setViewport({ width: 1000, height: 900 });
    const box = await fixture<HTMLDivElement>(html`<div style="width: 928px"><nn-trainer preset="vanishing-bad" compare="vanishing-fixed" epochs="12"></nn-trainer></div>`);
    const el = box.querySelector('nn-trainer')!;
    await el.train();
    await el.updateComplete;
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await frame();
    const [a, b] = [...el.shadowRoot!.querySelectorAll('.panel')].map((p) => p.getBoundingClientRect());
    expect(Math.abs(a.top - b.top), 'side by side').to.be.below(1);
    expect(b.left).to.be.at.least(a.right);
    const charts = () => [...el.shadowRoot!.querySelectorAll('.panel')].map((p) => [...p.querySelectorAll('nn-curves')] as NnCurves[]);
    const ticks = (c: NnCurves) => [...c.shadowRoot!.querySelectorAll('.grid text.tick')].map((t) => t.textContent).join(' ');
    const legends = charts().map((cs) => cs[0].shadowRoot!.querySelector('.legend')!.textContent!.replace(/\s+/g, ' ').trim());
    expect(legends).to.deep.equal(['Not-so-good model (edited) solid: train · dashed: validation', 'Fixed model (edited) solid: train · dashed: validation']);
    const sameAxes = () => {
      const [left, right] = charts();
      // Accuracy, loss: the same ticks on both sides, whatever each run reached.
      for (const k of [0, 1]) expect(ticks(left[k]), `chart ${k}`).to.equal(ticks(right[k]));
      expect(left[0].yRange).to.deep.equal(right[0].yRange);
      const grads = [...el.shadowRoot!.querySelectorAll('nn-gradient-flow')] as Array<HTMLElement & { yRange?: number[] }>;
      expect(grads[0].yRange).to.deep.equal(grads[1].yRange);
    };
    sameAxes();
    box.style.width = '700px';
    await frame();
    await el.updateComplete;
    const [c, d] = [...el.shadowRoot!.querySelectorAll('.panel')].map((p) => p.getBoundingClientRect());
    expect(d.top, 'stacked').to.be.at.least(c.bottom);
    sameAxes();
    await setViewport({ width: 800, height: 600 });
  });

  it('leaving the page stops a run', async () => {
    const el2 = await fixture<NnTrainer>(html`<nn-trainer preset="overfit" epochs="1000"></nn-trainer>`);
    const done = el2.train();
    await new Promise((r) => setTimeout(r, 100));
    el2.remove();
    expect((await done).status).to.equal('aborted');
  });

  it('names a bad preset and keeps the last good one', async () => {
    const el = await fixture<NnTrainer>(html`<nn-trainer preset="l2"></nn-trainer>`);
    setTimeout(() => el.setAttribute('preset', 'l3'));
    const ev = await oneEvent(el, 'nn-error');
    expect(ev.detail.attribute).to.equal('preset');
    await el.updateComplete;
    expect(el.preset).to.equal('l2');
    expect(text(el, '[part=error]')).to.contain('l3');
  });

  it('is accessible and fits a phone', async () => {
    await setViewport({ width: 360, height: 800 });
    const el = await fixture<NnTrainer>(html`<nn-trainer preset="early-stopping" epochs="3"></nn-trainer>`);
    await el.train();
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(360);
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
  });
});
