// The element contract on the cases that used to break it: values that threw inside an update, left an element
// blank, kept a message for good, or froze the page. Each is now a message naming what was wrong (and the limit),
// with the last good state kept.
import { expect, fixture, html } from '@open-wc/testing';
import type { NnElement } from '../../components/internal/nn-element.js';
import '../../components/index.js';
import type { NnMathlet, NnNetwork, NnNudge, NnBoundary, NnMath, NnTrainer, NnCurves, NnSchedule, NnLrSweep } from '../../components/index.js';
import { dense, sequential } from '../../src/nn/index.js';
import type { NnErrorEvent } from '../../components/events/nn-error.js';
import { SEMICIRCLE_BEST } from '../../src/data/index.js';
import { MAX_TEX_LENGTH } from '../../components/nn-math/tex-limits.js';

const BEST = JSON.stringify(SEMICIRCLE_BEST);
const message = (el: Element) => el.shadowRoot!.querySelector('[part~="error"]')?.textContent?.trim() ?? '';
const height = (el: Element) => el.getBoundingClientRect().height;

/** Does `change` and returns the nn-error events it fired and the message then shown. */
async function attempt(el: NnElement, change: () => void): Promise<{ events: NnErrorEvent[]; shown: string }> {
  const events: NnErrorEvent[] = [];
  const listen = (e: Event) => events.push(e as NnErrorEvent);
  el.addEventListener('nn-error', listen);
  change();
  for (let i = 0; i < 5 && !(await el.updateComplete); i++);
  el.removeEventListener('nn-error', listen);
  return { events, shown: message(el) };
}

describe('element contract: the cases that broke it', () => {
  for (const text of ['null', 'oops', '{"W1":null}']) {
    it(`<nn-mathlet params='${text}'> and <nn-network>, <nn-nudge> alike: a message, not a blank element`, async () => {
      for (const tag of ['nn-mathlet', 'nn-network', 'nn-nudge']) {
        const el = await fixture<NnMathlet | NnNetwork | NnNudge>(`<${tag} params='${BEST}'></${tag}>`);
        const { events, shown } = await attempt(el, () => el.setAttribute('params', text));
        expect(events.length, tag).to.be.greaterThan(0);
        expect(shown, tag).to.match(/params/);
        expect(height(el), `${tag} height`).to.be.greaterThan(50);
        expect(el.params, tag).to.deep.equal(SEMICIRCLE_BEST);
      }
    });
  }

  it('a good value after a bad one clears the message, even the value that was kept (smoothing "5" then "0")', async () => {
    const el = await fixture<NnCurves>(html`<nn-curves smoothing="0"></nn-curves>`);
    expect((await attempt(el, () => el.setAttribute('smoothing', '5'))).shown).to.contain('smoothing="5" must be a number from 0 to 0.99');
    expect(el.smoothing).to.equal(0);
    expect((await attempt(el, () => el.setAttribute('smoothing', '0'))).shown).to.equal('');
  });

  it("<nn-mathlet>'s preset message clears with a good preset", async () => {
    const el = await fixture<NnMathlet>(html`<nn-mathlet></nn-mathlet>`);
    expect((await attempt(el, () => el.setAttribute('preset', 'spiral'))).shown).to.contain('preset="spiral" is not one of: semicircle');
    expect((await attempt(el, () => el.setAttribute('preset', 'semicircle'))).shown).to.equal('');
  });

  it('removing an attribute gives its default without a message (nn-boundary domain, nn-mathlet point)', async () => {
    const b = await fixture<NnBoundary>(html`<nn-boundary domain="-1,1,-1,1"></nn-boundary>`);
    const r = await attempt(b, () => b.removeAttribute('domain'));
    expect(r.events).to.deep.equal([]);
    expect(b.domain).to.equal('0,1,0,1');
    const m = await fixture<NnMathlet>(html`<nn-mathlet point="0.7,0.7"></nn-mathlet>`);
    expect((await attempt(m, () => m.removeAttribute('point'))).events).to.deep.equal([]);
    expect(m.point).to.deep.equal([0.2, 0.3]);
  });

  it('properties set from JavaScript pass the same rules: nnMath.tex = {}, nnTrainer.preset = "nope", hiddenUnits = 99', async () => {
    const math = await fixture<NnMath>(html`<nn-math tex="x^2"></nn-math>`);
    let r = await attempt(math, () => ((math as unknown as { tex: unknown }).tex = {}));
    expect(r.shown).to.contain('tex must be text, got {}');
    expect(math.tex).to.equal('x^2');
    const trainer = await fixture<NnTrainer>(html`<nn-trainer></nn-trainer>`);
    r = await attempt(trainer, () => ((trainer as unknown as { preset: string }).preset = 'nope'));
    expect(r.shown).to.contain('preset="nope" is not one of: vanishing-bad');
    expect(trainer.preset).to.equal('vanishing-fixed');
    const m = await fixture<NnMathlet>(html`<nn-mathlet></nn-mathlet>`);
    r = await attempt(m, () => (m.hiddenUnits = 99));
    expect(r.shown).to.contain('hidden-units must be a whole number from 1 to 8, got 99');
    expect(m.hiddenUnits).to.equal(3);
    // A string set as a property reads as the attribute's text would (what a framework's template may pass).
    r = await attempt(m, () => ((m as unknown as { hiddenUnits: unknown }).hiddenUnits = '4'));
    expect(r.events).to.deep.equal([]);
    expect(m.hiddenUnits).to.equal(4);
  });

  it('setting a property to null or undefined gives its default, as removing the attribute does', async () => {
    const m = await fixture<NnMathlet>(html`<nn-mathlet point="0.7,0.7" hidden-units="4"></nn-mathlet>`);
    const r = await attempt(m, () => {
      (m as unknown as { point: unknown }).point = null;
      (m as unknown as { hiddenUnits: unknown }).hiddenUnits = undefined;
    });
    expect(r.events).to.deep.equal([]);
    expect(m.point).to.deep.equal([0.2, 0.3]);
    expect(m.hiddenUnits).to.equal(3);
    expect(m.params.b1).to.have.length(3);
  });

  it('the global hidden attribute hides an element; hidden-units sets the mathlet\'s hidden units', async () => {
    const m = await fixture<NnMathlet>(html`<nn-mathlet hidden hidden-units="2"></nn-mathlet>`);
    expect(message(m)).to.equal('');
    expect(height(m)).to.equal(0);
    expect(m.hiddenUnits).to.equal(2);
    m.hidden = false;
    await m.updateComplete;
    expect(height(m)).to.be.greaterThan(100);
  });

  it('sizes past their limits are refused at once with a message naming the limit', async () => {
    const curves = await fixture<NnCurves>(html`<nn-curves></nn-curves>`);
    expect((await attempt(curves, () => (curves.maxEpochs = Infinity))).shown).to.contain('max-epochs must be a number from 0 to 1000000, got Infinity');
    const m = await fixture<NnMathlet>(html`<nn-mathlet></nn-mathlet>`);
    expect((await attempt(m, () => m.setAttribute('resolution', '100000'))).shown).to.contain('resolution="100000" must be a whole number from 8 to 256');
    const schedule = await fixture<NnSchedule>(html`<nn-schedule></nn-schedule>`);
    const boundaries = Array.from({ length: 20000 }, (_, i) => (i + 1) * 10);
    const params = JSON.stringify({ boundaries, values: [...boundaries, 0].map(() => 0.01) });
    const r = await attempt(schedule, () => {
      schedule.setAttribute('schedule', 'PiecewiseConstantDecay');
      schedule.setAttribute('params', params);
    });
    expect(r.shown).to.contain('boundaries is 20,000 boundaries long; the limit is 100');
    // The good schedule is taken, from its defaults; the refused parameters are not.
    expect(schedule.spec).to.deep.equal({ name: 'PiecewiseConstantDecay', boundaries: [2000, 5000], values: [0.01, 0.005, 0.001] });
    const math = await fixture<NnMath>(html`<nn-math tex="x"></nn-math>`);
    expect((await attempt(math, () => math.setAttribute('tex', 'x+'.repeat(100_000)))).shown).to.contain(`200,000 characters long; the limit is ${MAX_TEX_LENGTH.toLocaleString('en')}`);
    expect((await attempt(math, () => math.setAttribute('tex', '\\rule{100000em}{100000em}'))).shown).to.contain('The size 100000em is over the limit of 20em');
    expect(math.tex).to.equal('x');
  });

  it('work past an element\'s bounds is refused before it starts: a map too large, too many points, a sweep too long', async () => {
    const b = await fixture<NnBoundary>(html`<nn-boundary resolution="256"></nn-boundary>`);
    const big = sequential([dense(64, { activation: 'relu' }), dense(64, { activation: 'relu' }), dense(1, { activation: 'sigmoid' })], { inputShape: [2] });
    let r = await attempt(b, () => (b.model = big));
    expect(r.shown).to.contain('a 256×256 map of a model of 4,417 weights is too much work for one update: use resolution 116 or less');
    expect(b.model).to.equal(undefined);
    r = await attempt(b, () => (b.points = { X: Array.from({ length: 5000 }, () => [0.5, 0.5]), y: Array.from({ length: 5000 }, () => 1) }));
    expect(r.shown).to.contain('5000 points is over the limit of 1,000');
    const sweep = await fixture<NnLrSweep>(html`<nn-lr-sweep src="/shared-data/cifar10/cifar10_tiny_100.bin" epochs="100" subset="60000" batch-size="1"></nn-lr-sweep>`);
    r = await attempt(sweep, () => void sweep.start());
    expect(r.shown).to.contain('This sweep would draw 24,000,000 losses (rates × steps); the limit is 20,000');
    expect(sweep.running).to.equal(false);
  });

  it('a formula in the text content past the limit is a message too, not a freeze', async () => {
    const math = await fixture<NnMath>(`<nn-math>${'x+'.repeat(5000)}</nn-math>`);
    await math.updateComplete;
    expect(message(math)).to.contain('10,000 characters long; the limit is 600');
  });
});
