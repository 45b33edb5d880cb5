import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { dense, sequential, decisionGrid, semicircleTask, SEMICIRCLE_BEST } from '../../src/core.js';
import { runContract } from '../internal/contract.js';
import { NnBoundary } from './nn-boundary.js';

/** Any 2-D classifier from the engine: here a one-unit sigmoid net, as the 2-D labs build. */
function sigmoidNet() {
  const m = sequential([dense(1, { activation: 'sigmoid' })], { inputShape: [2] });
  m.setWeights([[[4], [4]], [-4]]);
  return m;
}

function bestNet() {
  const m = sequential([dense(3, { activation: 'relu' }), dense(2, { activation: { name: 'softmax', scale: 10 } })], { inputShape: [2] });
  const t = (rows: readonly (readonly number[])[]) => rows[0].map((_, i) => rows.map((r) => r[i]));
  m.setWeights([t(SEMICIRCLE_BEST.W1), SEMICIRCLE_BEST.b1, t(SEMICIRCLE_BEST.W2), SEMICIRCLE_BEST.b2]);
  return m;
}

const canvasOf = (el: NnBoundary) => el.shadowRoot!.querySelector('canvas')!;
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
/** Waits until the canvas holds the current grid at its current size. */
async function painted(el: NnBoundary) {
  for (let i = 0; i < 30; i++) {
    await frame();
    await el.updateComplete;
    const c = canvasOf(el);
    if (c.width > 0 && c.dataset.grid === 'current' && c.width === Math.round(c.getBoundingClientRect().width * devicePixelRatio)) return;
  }
  throw new Error('the canvas was never painted');
}

runContract<NnBoundary>({
  tag: 'nn-boundary',
  element: NnBoundary,
  template: () => html`<nn-boundary point="0.2,0.3" outline="semicircle" .model=${bestNet()}></nn-boundary>`,
  bad: [
    ['point', 'abc'],
    ['point', '2,2'],
    ['domain', '1,0,0,1'],
    ['resolution', '3'],
    ['outline', 'hexagon'],
  ],
  snapshot: (el) => ({ point: el.currentPoint, domain: el.domain, resolution: el.resolution, outline: el.outline }),
});

describe('<nn-boundary>', () => {
  it('paints the engine\'s decisionGrid: gold where p is high, purple where it is low (row 0 at the top)', async () => {
    const el = await fixture<NnBoundary>(html`<nn-boundary style="width:200px" resolution="16" .model=${sigmoidNet()}></nn-boundary>`);
    await painted(el);
    const c = canvasOf(el);
    const ctx = c.getContext('2d')!;
    const px = (fx: number, fy: number) => ctx.getImageData(Math.floor(fx * c.width), Math.floor(fy * c.height), 1, 1).data;
    // Top right (x, y near 1): p near 1, the gold tint; bottom left: p near 0, the purple tint.
    const tr = px(0.95, 0.05);
    const bl = px(0.05, 0.95);
    expect(tr[0]).to.be.greaterThan(tr[2]);
    expect(bl[2]).to.be.greaterThan(bl[1]);
    const grid = decisionGrid(sigmoidNet(), { xRange: [0, 1], yRange: [0, 1], resolution: 16 });
    expect(grid[15]).to.be.greaterThan(0.9);
    expect(grid[16 * 15]).to.be.lessThan(0.1);
  });

  it('is sized by its container and sharp on high-DPI screens', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="width:300px"><nn-boundary .model=${sigmoidNet()}></nn-boundary></div>`);
    const el = wrap.querySelector('nn-boundary')!;
    await painted(el);
    expect(canvasOf(el).width).to.equal(Math.round(canvasOf(el).getBoundingClientRect().width * devicePixelRatio));
    wrap.style.width = '240px';
    await painted(el);
    expect(canvasOf(el).getBoundingClientRect().width).to.be.closeTo(240, 3);
    expect(canvasOf(el).width).to.equal(Math.round(canvasOf(el).getBoundingClientRect().width * devicePixelRatio));
  });

  it('moving the probe does not repaint the map; a new model does', async () => {
    const el = await fixture<NnBoundary>(html`<nn-boundary style="width:200px" point="0.5,0.5" .model=${sigmoidNet()}></nn-boundary>`);
    await painted(el);
    const paints = canvasOf(el).dataset.paints;
    el.point = [0.1, 0.2];
    await el.updateComplete;
    expect(canvasOf(el).dataset.paints).to.equal(paints);
    el.model = bestNet();
    await el.updateComplete;
    expect(Number(canvasOf(el).dataset.paints)).to.equal(Number(paints) + 1);
  });

  it('computes a large map a band of rows per task, from the weights it was given, and draws the latest', async () => {
    // 865 weights at 256×256: too much for one task, so it comes in bands while the old map stays on screen.
    const big = (seed: number) => sequential([dense(27, { activation: 'relu' }), dense(27, { activation: 'relu' }), dense(1, { activation: 'sigmoid' })], { inputShape: [2], seed });
    const gridOf = (el: NnBoundary) => (el as unknown as { grid: Float32Array }).grid;
    const want = (m: ReturnType<typeof big>) => decisionGrid(m, { xRange: [0, 1], yRange: [0, 1], resolution: 256 });
    const el = await fixture<NnBoundary>(html`<nn-boundary style="width:200px" resolution="256" .model=${sigmoidNet()}></nn-boundary>`);
    await painted(el);
    const paints = Number(canvasOf(el).dataset.paints);
    const model = big(1);
    const expected = want(model);
    el.model = model;
    await new Promise((r) => requestAnimationFrame(r));
    expect(Number(canvasOf(el).dataset.paints)).to.equal(paints);
    // A lab trains the model it shows: weights changed meanwhile do not tear the map being computed.
    await new Promise((r) => setTimeout(r));
    model.params.fill(0);
    await painted(el);
    expect(Number(canvasOf(el).dataset.paints)).to.equal(paints + 1);
    expect(gridOf(el)).to.deep.equal(expected);
    // A new model every frame (a lab training): the map still arrives, and shows the last one.
    let last = model;
    for (let seed = 2; seed < 8; seed++) {
      el.model = last = big(seed);
      await new Promise((r) => requestAnimationFrame(r));
    }
    await painted(el);
    expect(gridOf(el)).to.deep.equal(want(last));
    // Back to a small model while a large map is computed: the small one is drawn, and stays.
    el.model = big(9);
    await new Promise((r) => setTimeout(r));
    el.model = sigmoidNet();
    await painted(el);
    expect(gridOf(el)).to.deep.equal(decisionGrid(sigmoidNet(), { xRange: [0, 1], yRange: [0, 1], resolution: 256 }));
  });

  it('draws data points by class, gold ● and purple ■, and the semicircle outline', async () => {
    const data = semicircleTask({ nSamples: 30, randomState: 0 });
    const el = await fixture<NnBoundary>(html`<nn-boundary outline="semicircle" .points=${data}></nn-boundary>`);
    const gold = el.shadowRoot!.querySelectorAll('circle.datum.gold').length;
    const purple = el.shadowRoot!.querySelectorAll('rect.datum.purple').length;
    expect(gold).to.equal(data.y.filter((v) => v === 1).length);
    expect(purple).to.equal(data.y.filter((v) => v === 0).length);
    expect(el.shadowRoot!.querySelector('path.outline')).to.exist;
  });

  it('drags the probe with the mouse: input while moving, one change at the end', async () => {
    await setViewport({ width: 800, height: 600 });
    const el = await fixture<NnBoundary>(html`<nn-boundary style="width:300px" point="0.5,0.5" .model=${sigmoidNet()}></nn-boundary>`);
    await frame();
    const box = el.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
    const at = (x: number, y: number): [number, number] => [Math.round(box.left + x * box.width), Math.round(box.top + (1 - y) * box.height)];
    const seen: string[] = [];
    el.addEventListener('input', () => seen.push('input'));
    el.addEventListener('change', () => seen.push('change'));
    el.addEventListener('nn-point-move', (e) => seen.push(`move:${e.phase}`));
    await sendMouse({ type: 'move', position: at(0.5, 0.5) });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: at(0.6, 0.7) });
    await sendMouse({ type: 'move', position: at(0.8, 0.9) });
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.point![0]).to.be.closeTo(0.8, 0.01);
    expect(el.point![1]).to.be.closeTo(0.9, 0.01);
    expect(seen.filter((s) => s === 'change')).to.have.length(1);
    expect(seen[seen.length - 1]).to.equal('change');
    expect(seen).to.include('move:input');
  });

  it('keeps the probe in the view and does not scroll the page when touched (touch-action: none)', async () => {
    const el = await fixture<NnBoundary>(html`<nn-boundary point="0.99,0.5"></nn-boundary>`);
    const probe = el.shadowRoot!.querySelector<SVGGElement>('.probe')!;
    probe.focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(el.point![0]).to.equal(1);
    expect(getComputedStyle(el.shadowRoot!.querySelector('svg')!).touchAction).to.equal('none');
  });

  it('keyboard steps are 1/50, 1/10 and 1/200 of the view', async () => {
    const el = await fixture<NnBoundary>(html`<nn-boundary domain="-1,1,-1,1" point="0,0"></nn-boundary>`);
    el.shadowRoot!.querySelector<SVGGElement>('.probe')!.focus();
    const ev = oneEvent(el, 'change');
    await sendKeys({ press: 'ArrowUp' });
    await ev;
    expect(el.point![1]).to.be.closeTo(0.04, 1e-12);
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Alt' });
    expect(el.point![1]).to.be.closeTo(0.03, 1e-12);
  });

  it('setting point from code fires no input or change', async () => {
    const el = await fixture<NnBoundary>(html`<nn-boundary point="0.5,0.5"></nn-boundary>`);
    let n = 0;
    el.addEventListener('change', () => n++);
    el.addEventListener('input', () => n++);
    el.point = [0.1, 0.1];
    el.setAttribute('point', '0.3,0.3');
    await el.updateComplete;
    expect(n).to.equal(0);
  });

  it('readonly: the probe cannot be moved', async () => {
    const el = await fixture<NnBoundary>(html`<nn-boundary readonly point="0.5,0.5"></nn-boundary>`);
    const probe = el.shadowRoot!.querySelector<SVGGElement>('.probe')!;
    expect(probe.getAttribute('aria-readonly')).to.equal('true');
    probe.focus();
    await sendKeys({ press: 'ArrowUp' });
    expect(el.point).to.deep.equal([0.5, 0.5]);
  });

  it('shades half-planes clipped to the view', async () => {
    const el = await fixture<NnBoundary>(html`<nn-boundary .halfPlanes=${[{ w: [1, 0], b: -0.5, label: 'h1' }]}></nn-boundary>`);
    const poly = el.shadowRoot!.querySelector('.dead-region polygon')!;
    // x − 0.5 ≤ 0: the left half of the square, four corners.
    expect(poly.getAttribute('points')!.split(' ')).to.have.length(4);
  });

  it('a model it cannot draw (not 2 inputs) gives a message and nn-error', async () => {
    const el = await fixture<NnBoundary>(html`<nn-boundary></nn-boundary>`);
    const ev = oneEvent(el, 'nn-error');
    el.model = sequential([dense(1)], { inputShape: [3] });
    await ev;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('model must take 2 inputs');
  });
});
