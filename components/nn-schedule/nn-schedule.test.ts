import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { defaultSchedule, makeSchedule } from '../../src/schedules/index.js';
import type { NnErrorEvent } from '../events/nn-error.js';
import type { NnScheduleChangeEvent } from '../events/nn-schedule-change.js';
import { runContract } from '../internal/contract.js';
import './nn-schedule.js';
import { NnSchedule } from './nn-schedule.js';
import { PLOT, plotScale, rateRange } from './schedule-plot.js';

const $ = <T extends Element>(el: NnSchedule, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
const field = (el: NnSchedule, name: string) => $<HTMLInputElement>(el, `input[name="${name}"]`);

runContract<NnSchedule>({
  tag: 'nn-schedule',
  element: NnSchedule,
  template: () => html`<nn-schedule schedule="ExponentialDecay"></nn-schedule>`,
  bad: [
    ['schedule', 'StepDecay'],
    ['params', '{"initialLearningRate": -0.1}'],
    ['params', '{not json'],
    ['steps', '-5'],
  ],
});

describe('<nn-schedule>', () => {
  it('plots exactly the values makeSchedule gives, and the path goes through them', async () => {
    const el = await fixture<NnSchedule>(
      html`<nn-schedule schedule="ExponentialDecay" params='{"initialLearningRate":0.01,"decaySteps":100,"decayRate":0.5,"staircase":true}' steps="400"></nn-schedule>`,
    );
    const fn = makeSchedule(el.spec);
    const { steps, values } = el.plotted;
    expect(steps.length).to.be.greaterThan(100);
    expect(steps.at(-1)).to.equal(400);
    for (let i = 0; i < steps.length; i++) expect(values[i]).to.equal(fn(steps[i]));
    expect(values.at(-1)).to.equal(0.01 * 0.5 ** 4);
    const d = $<SVGPathElement>(el, 'path.rate').getAttribute('d')!;
    const pts = d.slice(1).split('L').map((p) => p.split(',').map(Number));
    expect(pts).to.have.length(steps.length);
    const [lo, hi] = rateRange(values, false);
    const s = plotScale(400, lo, hi, false);
    for (let i = 0; i < pts.length; i += 17) expect(s.yInverse(pts[i][1])).to.be.closeTo(values[i], 1e-4 * hi);
    expect(PLOT.width).to.be.greaterThan(0);
  });

  it('every schedule renders with its formula and Keras code', async () => {
    const el = await fixture<NnSchedule>(html`<nn-schedule></nn-schedule>`);
    for (const name of ['PiecewiseConstantDecay', 'CosineDecayRestarts', 'OneCycle', 'PolynomialDecay'] as const) {
      el.spec = defaultSchedule(name);
      await el.updateComplete;
      expect(el.schedule).to.equal(name);
      expect(el.shadowRoot!.querySelectorAll('nn-math')).to.have.length(2);
      expect($(el, 'pre').textContent).to.contain(name === 'OneCycle' ? 'OneCycle' : `schedules.${name}(`);
      const fn = makeSchedule(el.spec);
      el.plotted.steps.forEach((st, i) => expect(el.plotted.values[i]).to.equal(fn(st)));
    }
  });

  it('log scale and epochs on the x axis', async () => {
    const el = await fixture<NnSchedule>(html`<nn-schedule log-scale steps-per-epoch="100" steps="1000"></nn-schedule>`);
    expect($(el, '.xlabel').textContent).to.equal('epoch');
    expect([...el.shadowRoot!.querySelectorAll('.ytick')].map((t) => t.textContent)).to.include('0.001');
  });

  it('a parameter edited from the keyboard fires nn-schedule-change; code setting it does not', async () => {
    const el = await fixture<NnSchedule>(html`<nn-schedule></nn-schedule>`);
    let events = 0;
    el.addEventListener('nn-schedule-change', () => events++);
    el.spec = { ...defaultSchedule('ExponentialDecay'), decayRate: 0.9 };
    await el.updateComplete;
    expect(el.params).to.deep.include({ decayRate: 0.9 });
    el.schedule = 'CosineDecay';
    await el.updateComplete;
    expect(events).to.equal(0);
    const input = field(el, 'decaySteps');
    input.focus();
    input.select();
    const changed = oneEvent(el, 'nn-schedule-change') as Promise<NnScheduleChangeEvent>;
    await sendKeys({ type: '200' });
    await sendKeys({ press: 'Tab' });
    const e = await changed;
    expect(e.spec).to.deep.include({ name: 'CosineDecay', decaySteps: 200 });
    expect(el.spec).to.deep.include({ decaySteps: 200 });
    expect(el.plotted.steps.at(-1)).to.equal(240);
  });

  it('the picker changes the schedule from the keyboard', async () => {
    const el = await fixture<NnSchedule>(html`<nn-schedule></nn-schedule>`);
    const select = $<HTMLSelectElement>(el, 'select');
    select.focus();
    const changed = oneEvent(el, 'nn-schedule-change') as Promise<NnScheduleChangeEvent>;
    await sendKeys({ press: 'ArrowDown' });
    const e = await changed;
    expect(e.spec.name).to.equal('PiecewiseConstantDecay');
    expect(field(el, 'boundaries').value).to.equal('2000, 5000');
  });

  it('a bad parameter is named, and the last good schedule stays', async () => {
    const el = await fixture<NnSchedule>(html`<nn-schedule></nn-schedule>`);
    const before = el.spec;
    const input = field(el, 'initialLearningRate');
    input.value = '-0.5';
    const error = oneEvent(el, 'nn-error') as Promise<NnErrorEvent>;
    input.dispatchEvent(new Event('change'));
    const e = await error;
    await el.updateComplete;
    expect(e.message).to.contain('initialLearningRate');
    expect(e.detail.attribute).to.equal('initialLearningRate');
    expect($(el, '[part=error]').textContent).to.contain('initialLearningRate must be a positive');
    expect(el.spec).to.equal(before);
    el.spec = { name: 'CosineDecay', initialLearningRate: 0.1, decaySteps: -1 } as never;
    await el.updateComplete;
    expect(el.spec).to.equal(before);
    expect($(el, '[part=error]').textContent).to.contain('decaySteps');
  });

  it('the cursor reads the rate at a step with arrow keys', async () => {
    const el = await fixture<NnSchedule>(html`<nn-schedule steps="10" params='{"decaySteps":1,"decayRate":0.5}'></nn-schedule>`);
    const range = $<HTMLInputElement>(el, '.readout input');
    range.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect($(el, 'output').textContent).to.contain('step 1: rate 0.005000');
  });
});

describe('<nn-schedule> change event', () => {
  it('fires change when the student toggles the log scale, never when code sets it', async () => {
    const el = await fixture<NnSchedule>(html`<nn-schedule></nn-schedule>`);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.logScale = true;
    await el.updateComplete;
    expect(changes).to.equal(0);
    const box = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.picker input[type=checkbox]')].at(-1)!;
    box.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(changes).to.equal(1);
    expect(el.logScale).to.equal(false);
  });
});
