import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import './nn-curves.js';
import type { NnCurves } from './nn-curves.js';
import { RunStore } from '../../src/runs/index.js';
import type { CurveRun } from './nn-curves.js';

const ramp = (n: number, a: number, b: number) => Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
const noisy = (n: number) => Array.from({ length: n }, (_, i) => 0.6 + 0.3 * (i / n) + (i % 2 ? 0.05 : -0.05));

function sampleRuns(): CurveRun[] {
  return [
    { name: 'baseline', scalars: { accuracy: ramp(50, 0.5, 0.95), val_accuracy: ramp(50, 0.5, 0.82), loss: ramp(50, 0.7, 0.05) } },
    { name: 'early stopping', scalars: { accuracy: ramp(30, 0.5, 0.86), val_accuracy: ramp(30, 0.5, 0.85) }, markers: { stoppedEpoch: 30, restoredEpoch: 10, lrChanges: [5, 20], phases: [{ epoch: 12, label: 'stage 2' }] } },
  ];
}

describe('<nn-curves>', () => {
  it('draws train solid and validation dashed for each run, with a legend and a readout', async () => {
    const el = await fixture<NnCurves>(html`<nn-curves .runs=${sampleRuns()}></nn-curves>`);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('.series.train')).to.have.length(2);
    expect(root.querySelectorAll('.series.validation')).to.have.length(2);
    const dash = getComputedStyle(root.querySelector('.series.validation path.line')!).strokeDasharray;
    expect(dash).to.not.equal('none');
    expect(root.querySelector('.legend')!.textContent).to.contain('early stopping');
    // With no cursor the readout gives the last epoch of the longest run.
    expect(root.querySelector('.readout')!.textContent).to.contain('epoch 50');
    expect(root.querySelector('.readout')!.textContent).to.contain('baseline: train 0.95, validation 0.82');
  });

  it('marks where early stopping stopped, what it restored and where the rate changed', async () => {
    const el = await fixture<NnCurves>(html`<nn-curves .runs=${sampleRuns()}></nn-curves>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('.marker.stopped title')!.textContent).to.contain('stopped at epoch 30');
    expect(root.querySelector('.marker.restored title')!.textContent).to.contain('restored at epoch 10');
    expect(root.querySelectorAll('.marker.lr')).to.have.length(2);
    expect(root.querySelector('.marker.phase title')!.textContent).to.contain('stage 2 at epoch 12');
  });

  it('smooths with TensorBoard’s weight and shows the raw line faintly behind', async () => {
    const runs = [{ name: 'noisy', scalars: { accuracy: noisy(40) } }];
    const el = await fixture<NnCurves>(html`<nn-curves .runs=${runs} smoothing="0.8"></nn-curves>`);
    const root = el.shadowRoot!;
    const raw = root.querySelector('path.raw')!.getAttribute('d')!;
    const smooth = root.querySelector('path.line')!.getAttribute('d')!;
    expect(raw).to.not.equal(smooth);
    // The first point is the same in both (the debiasing), the rest differ.
    expect(raw.split('L')[0]).to.equal(smooth.split('L')[0]);
    el.smoothing = 0;
    await el.updateComplete;
    expect(root.querySelector('path.raw')).to.equal(null);
  });

  it('the slider and the log switch fire change for the student, not when code sets them', async () => {
    const el = await fixture<NnCurves>(html`<nn-curves .runs=${sampleRuns()} metric="loss"></nn-curves>`);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.smoothing = 0.5;
    el.logScale = true;
    await el.updateComplete;
    expect(changes).to.equal(0);
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    setTimeout(() => box.click());
    await oneEvent(el, 'change');
    expect(el.logScale).to.equal(false);
    const slider = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=range]')!;
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.smoothing).to.be.closeTo(0.51, 1e-9);
    expect(changes).to.equal(2);
  });

  it('a log scale draws losses in decades', async () => {
    const el = await fixture<NnCurves>(html`<nn-curves .runs=${sampleRuns()} metric="loss" log-scale></nn-curves>`);
    const ticks = [...el.shadowRoot!.querySelectorAll('.grid text.tick')].map((t) => t.textContent);
    expect(ticks).to.include('0.01');
    expect(ticks).to.include('1');
  });

  it('the readout follows the pointer and the arrow keys', async () => {
    const el = await fixture<NnCurves>(html`<nn-curves .runs=${sampleRuns()} style="width: 500px"></nn-curves>`);
    const plot = el.shadowRoot!.querySelector('svg')!;
    const box = plot.getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    await el.updateComplete;
    const text = el.shadowRoot!.querySelector('.readout')!.textContent!;
    expect(text).to.match(/epoch 2[3-8] /);
    plot.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(plot.getAttribute('aria-valuenow')).to.equal('49');
    expect(plot.getAttribute('aria-valuetext')).to.contain('epoch 49');
  });

  it('follows a run store record as epochs arrive', async () => {
    const store = new RunStore();
    const run = store.add({ name: 'live' });
    const el = await fixture<NnCurves>(html`<nn-curves .runs=${[run]}></nn-curves>`);
    store.subscribe(() => el.requestUpdate());
    for (let i = 0; i < 5; i++) store.appendEpoch(run.id, { accuracy: 0.5 + i / 10, val_accuracy: 0.5 + i / 20 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.readout')!.textContent).to.contain('epoch 5 — live: train 0.9, validation 0.7');
  });

  it('refuses a bad smoothing with a message and nn-error, keeping the last good value', async () => {
    const el = await fixture<NnCurves>(html`<nn-curves smoothing="0.6"></nn-curves>`);
    setTimeout(() => el.setAttribute('smoothing', 'lots'));
    const ev = await oneEvent(el, 'nn-error');
    expect(ev.detail.attribute).to.equal('smoothing');
    await el.updateComplete;
    expect(el.smoothing).to.equal(0.6);
    expect(el.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('smoothing');
  });

  it('clips its lines to the axes and says when values fall below the log scale’s floor', async () => {
    // Gradients that vanish past 1e-100, as a deep sigmoid net's do.
    const sizes = Array.from({ length: 40 }, (_, i) => 10 ** (-3 * i));
    const el = await fixture<NnCurves>(html`<nn-curves metric="gradient size" log-scale .runs=${[{ name: 'layer 1', scalars: { 'gradient size': sizes } }]}></nn-curves>`);
    await el.updateComplete;
    const svgEl = el.shadowRoot!.querySelector('svg')!;
    const rect = el.shadowRoot!.querySelector('clipPath rect')!;
    const [top, height] = ['y', 'height'].map((k) => Number(rect.getAttribute(k)));
    expect(el.shadowRoot!.querySelector('g[clip-path]')!.getAttribute('clip-path')).to.equal('url(#plot-area)');
    const ys = el.shadowRoot!.querySelector('path.line')!.getAttribute('d')!.split(/[ML]/).filter(Boolean).map((p) => Number(p.split(',')[1]));
    expect(Math.max(...ys), 'no point below the bottom axis').to.be.at.most(top + height);
    expect(Math.min(...ys)).to.be.at.least(top);
    // The lowest tick is the floor, and no tick label sits under the plot.
    const ticks = [...svgEl.querySelectorAll('.grid text.tick')].filter((t) => t.getAttribute('text-anchor') === 'end').map((t) => t.textContent);
    expect(ticks[0]).to.equal('1e-12');
    expect(el.shadowRoot!.querySelector('.note.floor')!.textContent).to.equal('Values below 1e-12 (the smallest 1.00e-117) are drawn on the bottom axis.');
    // A shared range widens the axis; the note goes once nothing is below the floor.
    el.runs = [{ name: 'layer 1', scalars: { 'gradient size': [0.5, 0.2] } }];
    el.yRange = [1e-4, 1];
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.note.floor')).to.equal(null);
    expect([...svgEl.querySelectorAll('.grid text.tick')].map((t) => t.textContent)).to.include('1e-4');
  });

  it('tells more runs than it has colours apart by their dash, in the lines and the legend', async () => {
    const runs = Array.from({ length: 10 }, (_, i) => ({ name: `layer ${i + 1}`, scalars: { loss: [1 + i, 2 + i] } }));
    const el = await fixture<NnCurves>(html`<nn-curves metric="loss" .runs=${runs}></nn-curves>`);
    const looks = [...el.shadowRoot!.querySelectorAll('g.series')].map((g) => (g as SVGGElement).getAttribute('style'));
    expect(new Set(looks).size).to.equal(10);
    const legend = [...el.shadowRoot!.querySelectorAll('.legend li')].map((li) => `${li.getAttribute('style')} ${li.querySelector('line')!.getAttribute('stroke-dasharray')}`);
    expect(new Set(legend).size).to.equal(10);
  });

  it('draws a long run with at most two points per pixel column, keeping its spikes', async () => {
    const values = Array.from({ length: 5000 }, (_, i) => 0.5 + 0.1 * Math.sin(i / 50));
    values[2345] = 0.05;
    const el = await fixture<NnCurves>(html`<nn-curves style="width: 500px" .runs=${[{ name: 'long', scalars: { accuracy: values } }]}></nn-curves>`);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const d = el.shadowRoot!.querySelector('path.line')!.getAttribute('d')!;
    const points = d.split(/[ML]/).filter(Boolean).map((p) => p.split(',').map(Number));
    expect(points.length).to.be.below(2 * 500);
    expect(points.length).to.be.above(400);
    const lowest = Math.max(...points.map((p) => p[1]));
    const bottom = Number(el.shadowRoot!.querySelector('line.axis')!.getAttribute('y1'));
    // The one low value (0.05, near the bottom of a 0–0.6 axis) is still drawn.
    expect(bottom - lowest).to.be.below(20);
  });

  it('draws a run squeezed by max-epochs into a few pixel columns with a few points, to the tenth of a pixel', async () => {
    const values = Array.from({ length: 300 }, (_, i) => 0.5 + 0.3 * Math.sin(i / 7));
    const el = await fixture<NnCurves>(html`<nn-curves style="width: 500px" max-epochs="1000000" .runs=${[{ name: 'short', scalars: { accuracy: values } }]}></nn-curves>`);
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const d = el.shadowRoot!.querySelector('path.line')!.getAttribute('d')!;
    const points = d.split(/[ML]/).filter(Boolean).map((p) => p.split(','));
    // 300 epochs of 1,000,000 fall in one pixel column: its lowest and highest point.
    expect(points).to.have.length(2);
    for (const p of points) for (const c of p) expect(c).to.match(/^\d+(\.\d)?$/);
    const ys = points.map((p) => Number(p[1]));
    // The highest value (0.8) and the lowest (0.2) are the two points drawn.
    const axis = el.shadowRoot!.querySelector('line.axis')!;
    expect(Math.max(...ys)).to.be.at.most(Number(axis.getAttribute('y1')));
    expect(Math.abs(ys[0] - ys[1])).to.be.above(50);
  });

  it('makes many runs’ paths over several tasks, keeping the curves drawn so far; values added in place are drawn', async () => {
    const el = await fixture<NnCurves>(html`<nn-curves style="width: 700px" smoothing="0.6" .runs=${sampleRuns()}></nn-curves>`);
    const names = () => [...el.shadowRoot!.querySelectorAll('.legend li:not(.key)')].map((li) => li.textContent!.trim());
    const many = Array.from({ length: 32 }, (_, r) => ({ name: `run ${r}`, scalars: { accuracy: noisy(312), val_accuracy: ramp(312, 0.4, 0.6 + r / 100) } }));
    el.runs = many;
    for (let i = 0; i < 10; i++) await Promise.resolve();
    // The update that took the runs still shows the two before, legend and all.
    expect(names()).to.deep.equal(['baseline', 'early stopping']);
    await el.updateComplete;
    expect(names()).to.have.length(32);
    expect(el.shadowRoot!.querySelectorAll('path.line')).to.have.length(64);
    // A page that adds values to the arrays it gave, then asks for an update, sees them drawn.
    const runs = [{ name: 'live', scalars: { accuracy: [0.5, 0.6] } }];
    el.runs = runs;
    await el.updateComplete;
    const before = el.shadowRoot!.querySelector('path.line')!.getAttribute('d')!;
    runs[0].scalars.accuracy.push(0.7, 0.75);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('path.line')!.getAttribute('d')!.split('L').length).to.equal(before.split('L').length + 2);
  });

  it('says so when there are no runs, and is accessible, also at phone width', async () => {
    await setViewport({ width: 360, height: 640 });
    const el = await fixture<NnCurves>(html`<nn-curves></nn-curves>`);
    expect(el.shadowRoot!.querySelector('.empty')!.textContent).to.contain('No runs yet');
    el.runs = sampleRuns();
    await el.updateComplete;
    expect(el.getBoundingClientRect().width).to.be.at.most(360);
    await expect(el).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
  });
});
