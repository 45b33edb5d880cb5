// The contract every nn-* element keeps, as a shared browser test suite: each element's test file calls
// `runContract(...)` with how to make it and which attributes it must refuse.
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { NnErrorEvent } from '../events/nn-error.js';
import type { NnElement } from './nn-element.js';

export interface ContractOptions<E extends NnElement> {
  /** The element's tag. */
  tag: string;
  /** Its class (with the static `define`). */
  element: typeof NnElement & (new () => E);
  /** The element in a good state, as an author would write it. */
  template: () => TemplateResult;
  /** Attribute values it must refuse with a message and `nn-error`, keeping its state. */
  bad: Array<[attribute: string, value: string]>;
  /** What "its state" is, compared before and after a bad attribute (default: the shadow root's text). */
  snapshot?: (el: E) => unknown;
  /** Waits for anything the element loads after its first render. */
  settle?: (el: E) => Promise<unknown>;
}

const visible = (el: Element | null | undefined): boolean => {
  if (!el) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
};

/** Defines the contract's tests for one element. */
export function runContract<E extends NnElement>(opts: ContractOptions<E>): void {
  const make = async (): Promise<E> => {
    const el = await fixture<E>(opts.template());
    await el.updateComplete;
    await opts.settle?.(el);
    return el;
  };
  const snap = (el: E) => (opts.snapshot ? opts.snapshot(el) : el.shadowRoot?.textContent);

  describe(`<${opts.tag}> contract`, () => {
    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
    });

    it('is defined under its tag, and define() again is a no-op', () => {
      expect(customElements.get(opts.tag)).to.equal(opts.element);
      expect(() => opts.element.define(opts.tag)).not.to.throw();
      expect(customElements.get(opts.tag)).to.equal(opts.element);
    });

    it('renders into its shadow root, with no error shown', async () => {
      const el = await make();
      expect(el.shadowRoot).to.exist;
      expect(el.shadowRoot!.childElementCount).to.be.greaterThan(0);
      expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    });

    it('passes the axe accessibility check', async () => {
      const el = await make();
      await expect(el).to.be.accessible();
    });

    for (const [attribute, value] of opts.bad) {
      it(`refuses ${attribute}="${value}": a visible message, nn-error, the last good state kept; the good value back clears it`, async () => {
        const el = await make();
        const before = snap(el);
        const good = el.getAttribute(attribute);
        const event = oneEvent(el, 'nn-error') as Promise<NnErrorEvent>;
        el.setAttribute(attribute, value);
        const e = await event;
        await el.updateComplete;
        expect(e.message).to.be.a('string').and.not.equal('');
        const shown = el.shadowRoot!.querySelector('[part~="error"]');
        expect(visible(shown), 'message visible').to.equal(true);
        expect(shown!.textContent).to.contain(e.message.slice(0, 20));
        el.shadowRoot!.querySelector('[part~="error"]')?.remove();
        expect(JSON.stringify(snap(el))).to.equal(JSON.stringify(before));
        // The good value back clears the message, even when it is the very value the element kept.
        if (good === null) el.removeAttribute(attribute);
        else el.setAttribute(attribute, good);
        await el.updateComplete;
        expect((el as unknown as { errorMessage: string }).errorMessage, 'message cleared').to.equal('');
      });
    }

    it('fits a 360 px wide phone screen', async () => {
      await setViewport({ width: 360, height: 740 });
      const el = await make();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))));
      await el.updateComplete;
      expect(el.getBoundingClientRect().width).to.be.at.most(360);
      expect(el.scrollWidth, 'no horizontal overflow').to.be.at.most(el.clientWidth + 1);
      const wide = [...el.shadowRoot!.querySelectorAll('*')].filter(
        (n) => n.getBoundingClientRect().right > 361 && getComputedStyle(n).position !== 'absolute',
      );
      expect(wide.map((n) => n.tagName + '.' + n.getAttribute('class'))).to.deep.equal([]);
    });

    it('can leave the page and come back', async () => {
      const el = await make();
      const parent = el.parentNode!;
      el.remove();
      await new Promise((r) => setTimeout(r, 20));
      parent.appendChild(el);
      await el.updateComplete;
      expect(el.shadowRoot!.childElementCount).to.be.greaterThan(0);
    });
  });
}
