// The theme follows the page's color-scheme, and nested elements' parts are reachable from the page.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/nn-mathlet/nn-mathlet.js';
import '../../../components/nn-trainer/nn-trainer.js';
import '../../../components/nn-schedule/nn-schedule.js';
import type { NnMathlet } from '../../../components/nn-mathlet/nn-mathlet.js';
import type { NnSchedule } from '../../../components/nn-schedule/nn-schedule.js';
import type { NnBoundary } from '../../../components/nn-boundary/nn-boundary.js';

/** Luminance of a computed `rgb(…)` colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

describe('themes', () => {
  afterEach(() => {
    document.documentElement.style.colorScheme = '';
  });

  it("follows the page's color-scheme: dark text on a light page, light text on a dark one, and either forced on the element", async () => {
    const el = await fixture<NnSchedule>(html`<nn-schedule></nn-schedule>`);
    const text = () => getComputedStyle(el).color;
    const muted = () => getComputedStyle(el.shadowRoot!.querySelector('[part=picker] label, label, p')!).color;
    expect(luminance(text())).to.be.below(0.2);
    document.documentElement.style.colorScheme = 'dark';
    expect(luminance(text())).to.be.above(0.8);
    expect(luminance(muted())).to.be.above(0.5);
    // Forced light on the element itself, on a dark page.
    el.style.colorScheme = 'light';
    expect(luminance(text())).to.be.below(0.2);
    el.style.colorScheme = '';
    // A site's own colour wins over both defaults.
    el.style.setProperty('--nn-fg', 'rgb(10, 120, 30)');
    expect(text()).to.equal('rgb(10, 120, 30)');
  });

  it('follows the reader\'s preference on a page that declares color-scheme: light dark', async () => {
    document.documentElement.style.colorScheme = 'light dark';
    const el = await fixture<NnSchedule>(html`<nn-schedule></nn-schedule>`);
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    expect(luminance(getComputedStyle(el).color) > 0.5).to.equal(dark);
  });
});

describe('nested parts', () => {
  it("reach through the outer element: nn-mathlet::part(boundary-probe), nn-mathlet::part(network-slider)", async () => {
    const style = document.createElement('style');
    style.textContent = `
      .parts-test nn-mathlet::part(boundary-probe) { stroke: rgb(1, 2, 3); }
      .parts-test nn-mathlet::part(network-slider) { accent-color: rgb(4, 5, 6); }`;
    document.head.append(style);
    const wrap = await fixture<HTMLDivElement>(html`<div class="parts-test"><nn-mathlet></nn-mathlet></div>`);
    const mathlet = wrap.querySelector<NnMathlet>('nn-mathlet')!;
    await mathlet.updateComplete;
    const boundary = mathlet.shadowRoot!.querySelector<NnBoundary>('nn-boundary')!;
    await boundary.updateComplete;
    const probe = boundary.shadowRoot!.querySelector('[part~=probe]')!;
    expect(getComputedStyle(probe).stroke).to.equal('rgb(1, 2, 3)');
    const network = mathlet.shadowRoot!.querySelector('nn-network')!;
    await (network as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const slider = network.shadowRoot!.querySelector('[part~=slider]')!;
    expect(getComputedStyle(slider).accentColor).to.equal('rgb(4, 5, 6)');
    style.remove();
  });
});
