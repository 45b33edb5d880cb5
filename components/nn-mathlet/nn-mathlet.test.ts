import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { RandomState, SEMICIRCLE_BEST } from '../../src/core.js';
import { inputGradient, sequential, dense } from '../../src/nn/index.js';
import { runContract } from '../internal/contract.js';
import { NnMathlet } from './nn-mathlet.js';
import { MathletHarness } from './harness.js';
import { matchSnapshot, normalizeSvg } from './snapshot.js';

const BEST = JSON.stringify(SEMICIRCLE_BEST);

/** An engine model built straight from the homework's rows, for checks independent of the element. */
function engineModel(p: typeof SEMICIRCLE_BEST) {
  const m = sequential([dense(3, { activation: 'relu' }), dense(2, { activation: { name: 'softmax', scale: 10 } })], { inputShape: [2] });
  const t = (rows: number[][]) => rows[0].map((_, i) => rows.map((r) => r[i]));
  m.setWeights([t(p.W1 as number[][]), p.b1, t(p.W2 as number[][]), p.b2]);
  return m;
}

async function make(attrs = '') {
  const el = await fixture<NnMathlet>(html`<div>${''}</div>`);
  el.innerHTML = `<nn-mathlet ${attrs}></nn-mathlet>`;
  const m = el.firstElementChild as NnMathlet;
  await m.updateComplete;
  return new MathletHarness(m);
}

runContract<NnMathlet>({
  tag: 'nn-mathlet',
  element: NnMathlet,
  template: () => html`<nn-mathlet></nn-mathlet>`,
  bad: [
    ['point', 'abc'],
    ['point', '1.5,0.2'],
    ['params', '{"W1": [[1, 2]]}'],
    ['params', 'not json'],
    ['preset', 'spiral'],
    ['hidden-units', '0'],
    ['activation', 'swish'],
    ['controls', 'network wobble'],
    ['paths', 'x,gold'],
  ],
  snapshot: (el) => ({ point: el.point, params: el.params, output: el.output, hidden: el.hiddenUnits }),
});

describe('<nn-mathlet>', () => {
  it('with the best parameters at (0.2, 0.3): hidden units 2 and 3 dead, p(gold) ≈ 0.838', async () => {
    const h = await make(`params='${BEST}' point="0.2,0.3"`);
    expect(h.el.deadUnits).to.deep.equal([1, 2]);
    expect(h.el.output!.probabilities[1]).to.be.closeTo(0.838, 0.0015);
    expect(h.text('.readout')).to.contain('p(gold) = 0.838');
    expect(h.text('.dead-list')).to.contain('hidden units 2 and 3');
    const dead = h.network.shadowRoot!.querySelectorAll('.node.hidden.dead');
    expect(dead.length).to.equal(2);
    expect(h.network.shadowRoot!.querySelectorAll('.edge.dead').length).to.equal(8);
  });

  it('"Show best" sets the published parameters, "Reset" weights 0.2 and biases 0; each fires change', async () => {
    const h = await make();
    expect(h.el.params.W1).to.deep.equal([[0.2, 0.2], [0.2, 0.2], [0.2, 0.2]]);
    let ev = oneEvent(h.el, 'change');
    await h.click(h.button('Show best'));
    await ev;
    expect(h.el.params).to.deep.equal(JSON.parse(BEST));
    expect(h.el.output!.probabilities[1]).to.be.closeTo(0.838, 0.0015);
    ev = oneEvent(h.el, 'change');
    await h.click(h.button('Reset'));
    await ev;
    expect(h.el.params.b1).to.deep.equal([0, 0, 0]);
    expect(h.el.params.W2).to.deep.equal([[0.2, 0.2, 0.2], [0.2, 0.2, 0.2]]);
  });

  it('"New point" draws seeded points, the same for every student, coloured by their true class', async () => {
    const a = await make('seed="7"');
    await a.click(a.button('New point'));
    const rs = new RandomState(7);
    const [x, y] = rs.randomSample(2);
    expect(a.el.point[0]).to.equal(x);
    expect(a.el.point[1]).to.equal(y);
    const mark = a.boundary.shadowRoot!.querySelector('.probe-mark')!;
    const gold = x * x + (y - 0.5) ** 2 < 0.25;
    expect(mark.classList.contains(gold ? 'gold' : 'purple')).to.equal(true);
  });

  it('says whether the prediction is right', async () => {
    const h = await make(`params='${BEST}' point="0.2,0.3"`);
    expect(h.text('.readout')).to.contain('✓ right');
    h.el.point = [0.9, 0.9];
    await h.settle();
    expect(h.text('.readout')).to.contain('true class purple');
  });

  it('setting point or params from code fires no change event', async () => {
    const h = await make();
    let changes = 0;
    h.el.addEventListener('change', () => changes++);
    h.el.addEventListener('input', () => changes++);
    h.el.point = [0.5, 0.5];
    h.el.params = JSON.parse(BEST);
    h.el.setAttribute('point', '0.3,0.3');
    await h.settle();
    expect(h.el.output!.probabilities[1]).to.be.a('number');
    expect(changes).to.equal(0);
  });

  it('dragging the point updates network, readout and map in the same update; input while dragging, change at the end', async () => {
    await setViewport({ width: 1000, height: 900 });
    const h = await make(`params='${BEST}'`);
    const events: string[] = [];
    h.el.addEventListener('input', () => events.push('input'));
    h.el.addEventListener('change', () => events.push('change'));
    await h.dragPointTo(0.85, 0.15);
    expect(h.el.point[0]).to.be.closeTo(0.85, 0.01);
    expect(h.el.point[1]).to.be.closeTo(0.15, 0.01);
    expect(events.filter((e) => e === 'input').length).to.be.greaterThan(1);
    expect(events[events.length - 1]).to.equal('change');
    expect(events.filter((e) => e === 'change').length).to.equal(1);
    const net = h.network.shadowRoot!.querySelector('.node.input')!.getAttribute('aria-label');
    expect(net).to.equal(`input x = ${h.el.point[0].toFixed(2)}`);
    expect(h.text('.readout')).to.contain(`(${h.el.point[0].toFixed(2)}, ${h.el.point[1].toFixed(2)})`);
  });

  it('moves the point from the keyboard: arrows 1/50, Shift 1/10, Alt 1/200', async () => {
    const h = await make();
    const probe = h.boundary.shadowRoot!.querySelector<SVGGElement>('.probe')!;
    probe.focus();
    await h.press('ArrowRight');
    expect(h.el.point[0]).to.be.closeTo(0.22, 1e-9);
    await h.press('ArrowUp', 'Shift');
    expect(h.el.point[1]).to.be.closeTo(0.4, 1e-9);
    await h.press('ArrowLeft', 'Alt');
    expect(h.el.point[0]).to.be.closeTo(0.215, 1e-9);
  });

  it('moving a slider with the keyboard changes the parameter; arrows fine, Page Up coarse', async () => {
    const h = await make();
    const s = h.slider('W1.0.0');
    expect(s.getAttribute('aria-label')).to.equal('weight from x to hidden unit 1');
    s.focus();
    const ev = oneEvent(h.el, 'change');
    await sendKeys({ press: 'ArrowRight' });
    await ev;
    await h.settle();
    expect(h.el.params.W1[0][0]).to.be.closeTo(0.21, 1e-9);
    await h.press('PageUp');
    expect(h.el.params.W1[0][0]).to.be.closeTo(0.61, 1e-9);
    expect(h.el.selected).to.equal('W1.0.0');
  });

  it('(a) a picked parameter shows ∂p_gold/∂w and ∂o_gold/∂w, matching finite differences', async () => {
    const h = await make(`params='${BEST}' point="0.2,0.3"`);
    h.slider('W2.1.0').focus();
    await h.settle();
    expect(h.text('.picked')).to.equal('weight from hidden unit 1 to the gold output');
    const dp = Number(h.text('.grads .dp'));
    const dO = Number(h.text('.grads .do'));
    // o_gold = Σ W2[1][j] a_j + b2[1]: its derivative by W2[1][0] is a_1 (= z_1, alive).
    const a1 = h.el.network.at([0.2, 0.3]).hiddenA[0];
    expect(dO).to.be.closeTo(a1, 1e-4);
    const eps = 1e-6;
    const p = (w: number) => h.el.network.with('W2.1.0', w).at([0.2, 0.3]).probabilities[1];
    const w = SEMICIRCLE_BEST.W2[1][0];
    expect(dp).to.be.closeTo((p(w + eps) - p(w - eps)) / (2 * eps), 1e-4);
  });

  it('(a) "Wiggle" animates ±δ and Δp/Δw approaches the derivative', async () => {
    const h = await make(`params='${BEST}' point="0.2,0.3"`);
    h.slider('W1.0.0').focus();
    await h.settle();
    const before = h.el.params.W1[0][0];
    await h.click(h.button('Wiggle'));
    let moved = false;
    const watch = setInterval(() => {
      const w = h.network.currentParams.W1[0][0];
      if (w !== before) moved = true;
    }, 16);
    await new Promise((r) => setTimeout(r, 2600));
    clearInterval(watch);
    await h.settle();
    expect(moved, 'the network showed the wiggled weight').to.equal(true);
    expect(h.network.currentParams.W1[0][0]).to.equal(before);
    const rows = [...h.root.querySelectorAll('.wiggle-table tbody tr')].map((r) => Number(r.children[1].textContent));
    expect(rows.length).to.equal(6);
    const d = Number(h.text('.grads .dp'));
    const errs = rows.map((q) => Math.abs(q - d));
    expect(errs[errs.length - 1]).to.be.lessThan(errs[0]);
    expect(errs[errs.length - 1]).to.be.lessThan(0.01 * Math.max(1, Math.abs(d)));
  });

  it('(b) "Dead regions" draws each hidden unit\'s dead half-plane; a unit dead at (0.2, 0.3) is alive elsewhere', async () => {
    const h = await make(`params='${BEST}' point="0.2,0.3"`);
    await h.click(h.button('Dead regions'));
    const regions = h.boundary.shadowRoot!.querySelectorAll('.dead-region');
    expect(regions.length).to.be.greaterThan(0);
    const labels = [...regions].map((r) => r.getAttribute('aria-label'));
    expect(labels).to.include('h2: dead region');
    // Each region in its own hue and hatch, its label inside it ("h2 dead"), not on an edge.
    const fills = [...regions].map((r) => r.querySelector('polygon')!.getAttribute('fill'));
    expect(new Set(fills).size).to.equal(regions.length);
    const strokes = [...regions].map((r) => getComputedStyle(r.querySelector('polygon')!).stroke);
    expect(new Set(strokes).size).to.equal(regions.length);
    const best = JSON.parse(BEST);
    const svgBox = h.boundary.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
    for (const r of regions) {
      const t = r.querySelector('text')!;
      const j = Number(t.textContent!.match(/^h(\d) dead$/)![1]) - 1;
      const b = t.getBoundingClientRect();
      const [x, y] = [(b.left + b.width / 2 - svgBox.left) / svgBox.width, 1 - (b.top + b.height / 2 - svgBox.top) / svgBox.height];
      const z = best.W1[j][0] * x + best.W1[j][1] * y + best.b1[j];
      expect(z, `${t.textContent} inside its region`).to.be.at.most(0);
      expect(Math.abs(z) / Math.hypot(...best.W1[j]) * svgBox.width, `${t.textContent} off its edge`).to.be.above(8);
    }
    h.el.point = [0.9, 0.9];
    await h.settle();
    expect(h.el.deadUnits).to.not.include(1);
  });

  it('(a) on a phone: pick a parameter from the list and move it with the wide slider or its − and + buttons', async () => {
    const h = await make(`params='${BEST}'`);
    const changes: string[] = [];
    h.el.addEventListener('change', () => changes.push('change'));
    const select = h.root.querySelector<HTMLSelectElement>('.param-select')!;
    select.value = 'W2.1.0';
    select.dispatchEvent(new Event('change'));
    await h.settle();
    expect(h.el.selected).to.equal('W2.1.0');
    expect(h.root.querySelector('.param-range')!.getAttribute('aria-label')).to.equal('weight from hidden unit 1 to the gold output');
    const before = h.el.params.W2[1][0];
    await h.click(h.root.querySelector('.step-up')!);
    // One step of 0.01, onto the sliders' 0.01 grid.
    const after = Math.round((before + 0.01) * 100) / 100;
    expect(h.el.params.W2[1][0]).to.be.closeTo(after, 1e-9);
    expect(Number(h.slider('W2.1.0').value), 'the network’s own slider follows').to.be.closeTo(after, 1e-9);
    const range = h.root.querySelector<HTMLInputElement>('.param-range')!;
    range.focus();
    await sendKeys({ press: 'Home' });
    await h.settle();
    expect(h.el.params.W2[1][0]).to.equal(-2);
    expect(changes.length).to.be.at.least(2);
    // A finger's width: the slider and its buttons are at least 44 px tall.
    for (const c of [range, h.root.querySelector('.step-down')!, select]) expect(c.getBoundingClientRect().height).to.be.at.least(43.5);
  });

  it('(c) at (0.85, 0.15) with the best parameters: paths from x to gold, products summing to inputGradient', async () => {
    const h = await make(`params='${BEST}' point="0.85,0.15"`);
    await h.click(h.button('Show paths'));
    const items = [...h.root.querySelectorAll('.path-list li')];
    expect(items.length).to.equal(3);
    const products = items.map((li) => Number(li.querySelector('.product')!.textContent));
    const expected = inputGradient(engineModel(SEMICIRCLE_BEST), [0.85, 0.15], 1)[0];
    expect(Number(h.text('.grad'))).to.be.closeTo(expected, 1e-4);
    expect(products.reduce((a, b) => a + b, 0)).to.be.closeTo(expected, 3e-3);
    for (const li of items.filter((x) => x.classList.contains('dead'))) expect(Number(li.querySelector('.product')!.textContent)).to.equal(0);
    const highlighted = h.network.shadowRoot!.querySelectorAll('.edge.on-path');
    expect(highlighted.length).to.equal(6);
    const tex = h.root.querySelector('nn-math.chain-tex')!;
    expect(tex.getAttribute('tex')).to.contain('\\frac{\\partial o_{1}}{\\partial x}');
    expect(tex.shadowRoot!.querySelector('.katex')).to.exist;
    // The symbolic sum stays as it is while the point moves; its value, typeset beside it, follows.
    const value = h.root.querySelector('nn-math.chain-value')!;
    expect(value.getAttribute('tex')).to.equal(`= ${expected.toFixed(3)}`);
    const symbolic = tex.getAttribute('tex');
    h.el.point = [0.8, 0.2];
    await h.settle();
    const moved = inputGradient(engineModel(SEMICIRCLE_BEST), [0.8, 0.2], 1)[0];
    expect(tex.getAttribute('tex')).to.equal(symbolic);
    expect(value.getAttribute('tex')).to.equal(`= ${moved.toFixed(3)}`);
    expect(value.shadowRoot!.querySelector('.katex')).to.exist;
  });

  it('(c) the chain-rule sum equals inputGradient at random points and parameters, for every input and output', async () => {
    const h = await make();
    const rs = new RandomState(2024);
    await h.click(h.button('Show paths'));
    for (let trial = 0; trial < 6; trial++) {
      const u = rs.uniform(-2, 2, 17);
      const params = { W1: [[u[0], u[1]], [u[2], u[3]], [u[4], u[5]]], b1: [u[6], u[7], u[8]], W2: [[u[9], u[10], u[11]], [u[12], u[13], u[14]]], b2: [u[15], u[16]] };
      const [x, y] = rs.randomSample(2);
      h.el.params = params;
      h.el.point = [x, y];
      for (const input of [0, 1]) for (const output of [0, 1]) {
        const si = h.root.querySelector<HTMLSelectElement>('.path-input')!;
        const so = h.root.querySelector<HTMLSelectElement>('.path-output')!;
        si.value = String(input);
        si.dispatchEvent(new Event('change'));
        so.value = String(output);
        so.dispatchEvent(new Event('change'));
        await h.settle();
        const expected = inputGradient(engineModel(params), [x, y], output)[input];
        expect(Number(h.text('.grad'))).to.be.closeTo(expected, 1e-4);
        const products = [...h.root.querySelectorAll('.path-list .product')].map((p) => Number(p.textContent));
        expect(products.reduce((a, b) => a + b, 0)).to.be.closeTo(expected, 3e-3);
      }
    }
  });

  it('paths="0,1" opens part (c) on x to gold', async () => {
    const h = await make(`params='${BEST}' point="0.85,0.15" paths="0,1"`);
    expect(h.root.querySelectorAll('.path-list li').length).to.equal(3);
    expect(h.text('.path-count')).to.equal('3 paths from x to o1, 2 live.');
  });

  it('readonly: no sliders, no dragging, no state buttons', async () => {
    const h = await make('readonly');
    expect(h.root.querySelector('.toolbar')).to.equal(null);
    expect(h.slider('W1.0.0').disabled).to.equal(true);
    const before = h.el.point;
    await h.dragPointTo(0.9, 0.9);
    expect(h.el.point).to.deep.equal(before);
  });

  it('controls chooses the panels', async () => {
    const h = await make('controls="boundary readout"');
    expect(h.root.querySelector('nn-network')).to.equal(null);
    expect(h.root.querySelector('nn-boundary')).to.exist;
    expect(h.root.querySelector('.toolbar')).to.equal(null);
  });

  it('hidden-units="4" gives four hidden units (and the element stays visible)', async () => {
    const h = await make('hidden-units="4"');
    expect(h.el.params.W1.length).to.equal(4);
    expect(h.network.shadowRoot!.querySelectorAll('.node.hidden').length).to.equal(4);
    expect(h.el.getBoundingClientRect().height).to.be.greaterThan(100);
    expect(h.button('Show best').disabled).to.equal(true);
  });

  it('url-state keeps point and parameters in the fragment, scoped by id, and restores them', async () => {
    history.replaceState(null, '', location.pathname + location.search);
    const h = await make('id="m1" url-state');
    await h.click(h.button('Show best'));
    h.el.point = [0.4, 0.6];
    await h.settle();
    await new Promise((r) => setTimeout(r, 200));
    expect(location.hash).to.contain('m1=');
    const again = await make('id="m1" url-state');
    expect(again.el.point).to.deep.equal([0.4, 0.6]);
    expect(again.el.params).to.deep.equal(JSON.parse(BEST));
    const other = await make('id="m2" url-state');
    expect(other.el.point).to.deep.equal([0.2, 0.3]);
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('two mathlets on one page are independent', async () => {
    const wrap = await fixture(html`<div><nn-mathlet id="a"></nn-mathlet><nn-mathlet id="b"></nn-mathlet></div>`);
    const [a, b] = wrap.querySelectorAll('nn-mathlet');
    await a.updateComplete;
    a.point = [0.7, 0.7];
    await a.updateComplete;
    await b.updateComplete;
    expect(b.point).to.deep.equal([0.2, 0.3]);
    const bNet = b.shadowRoot!.querySelector('nn-network')!;
    expect(bNet.shadowRoot!.querySelector('.node.input')!.getAttribute('aria-label')).to.equal('input x = 0.20');
  });

  it('shares its model with parts placed in its light DOM', async () => {
    const el = await fixture<NnMathlet>(html`<nn-mathlet controls="none"><nn-network></nn-network></nn-mathlet>`);
    const net = el.querySelector('nn-network')!;
    await net.updateComplete;
    el.params = JSON.parse(BEST);
    await el.updateComplete;
    await net.updateComplete;
    expect(net.shadowRoot!.querySelectorAll('.node.hidden.dead').length).to.equal(2);
  });

  it('passes axe with every panel open', async () => {
    const h = await make(`params='${BEST}'`);
    h.slider('W1.0.0').focus();
    await h.click(h.button('Dead regions'));
    await h.click(h.button('Show paths'));
    await expect(h.el).to.be.accessible();
  });

  it('stops its wiggle when it leaves the page, and puts the weight back', async () => {
    const h = await make(`params='${BEST}'`);
    h.slider('W1.0.0').focus();
    await h.settle();
    const done = h.el.runWiggle();
    await new Promise((r) => setTimeout(r, 150));
    const parent = h.el.parentNode!;
    h.el.remove();
    await done;
    expect(h.el.network.params.W1[0][0]).to.equal(SEMICIRCLE_BEST.W1[0][0]);
    parent.appendChild(h.el);
    await h.settle();
    expect(h.network.currentParams.W1[0][0]).to.equal(SEMICIRCLE_BEST.W1[0][0]);
  });

  for (const [name, attrs] of [['default', ''], ['best', `params='${BEST}'`]] as const) {
    it(`matches its SVG snapshot (${name} state)`, async () => {
      await setViewport({ width: 1000, height: 800 });
      const wrap = await fixture<HTMLDivElement>(html`<div style="width:900px"></div>`);
      wrap.innerHTML = `<nn-mathlet ${attrs} controls="network boundary"></nn-mathlet>`;
      const h = new MathletHarness(wrap.firstElementChild as NnMathlet);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))));
      await h.settle();
      await matchSnapshot(`network-${name}`, normalizeSvg(h.network.shadowRoot!.querySelector('svg')!));
      await matchSnapshot(`boundary-${name}`, normalizeSvg(h.boundary.shadowRoot!.querySelector('svg')!));
    });
  }
});
