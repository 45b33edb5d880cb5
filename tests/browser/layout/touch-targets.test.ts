// Every control of every element, at a 360 px phone width, is a target of at least 24×24 CSS px or spaced so a
// finger cannot miss it for its neighbour (WCAG 2.2, 2.5.8), with the parts an element shows once it is used
// (editors open, panels on, a run trained).
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../../components/index.js';
import type { NnTrainer } from '../../../components/nn-trainer/nn-trainer.js';
import { smallTargets } from './target-size.js';

const TINY = '/shared-data/cifar10/cifar10_tiny_100.bin';
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

const CASES: Array<[string, () => TemplateResult, (el: HTMLElement) => Promise<unknown>]> = [
  ['nn-mathlet with every panel on', () => html`<nn-mathlet dead-regions paths="0,1" selected="W1.0.0"></nn-mathlet>`, async () => undefined],
  ['nn-network', () => html`<nn-network></nn-network>`, async () => undefined],
  ['nn-boundary', () => html`<nn-boundary></nn-boundary>`, async () => undefined],
  ['nn-nudge', () => html`<nn-nudge></nn-nudge>`, async () => undefined],
  ['nn-trainer, compared and trained', () => html`<nn-trainer preset="overfit" compare="l1" epochs="1"></nn-trainer>`, async (el) => {
    await (el as NnTrainer).train();
    for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
  }],
  ['nn-curves', () => html`<nn-curves .runs=${[{ name: 'a', scalars: { accuracy: [0.5, 0.7, 0.8], val_accuracy: [0.5, 0.6, 0.7] } }]}></nn-curves>`, async () => undefined],
  ['nn-gradient-flow', () => html`<nn-gradient-flow></nn-gradient-flow>`, async () => undefined],
  ['nn-activations', () => html`<nn-activations></nn-activations>`, async () => undefined],
  ['nn-backprop', () => html`<nn-backprop></nn-backprop>`, async () => undefined],
  ['nn-schedule', () => html`<nn-schedule></nn-schedule>`, async () => undefined],
  ['nn-lr-sweep', () => html`<nn-lr-sweep src=${TINY}></nn-lr-sweep>`, async () => undefined],
  ['nn-cifar, with "Load a model" open', () => html`<nn-cifar src=${TINY}></nn-cifar>`, async (el) => {
    for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
  }],
];

describe('touch targets at 360 px', () => {
  before(() => setViewport({ width: 360, height: 800 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [what, template, use] of CASES) {
    it(`${what}: every control at least 24×24 px, or spaced apart`, async () => {
      const el = await fixture<HTMLElement>(template());
      await use(el);
      await frame();
      expect(smallTargets(el)).to.deep.equal([]);
    });
  }
});
