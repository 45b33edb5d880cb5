import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { runContract } from '../internal/contract.js';
import { NnMath } from './nn-math.js';

runContract<NnMath>({
  tag: 'nn-math',
  element: NnMath,
  template: () => html`<nn-math tex="\\frac{\\partial o_1}{\\partial x}"></nn-math>`,
  bad: [['tex', '\\frac{']],
  // A formula KaTeX cannot read is shown in place (that is its "message"); the element keeps its mode.
  snapshot: (el) => el.display,
});

describe('<nn-math>', () => {
  it('typesets inline TeX with KaTeX, MathML included for screen readers', async () => {
    const el = await fixture<NnMath>(html`<nn-math tex="a^2 + b^2"></nn-math>`);
    const math = el.shadowRoot!.querySelector('[part="math"]')!;
    expect(math.querySelector('.katex')).to.exist;
    expect(math.querySelector('.katex-display')).to.equal(null);
    expect(math.querySelector('math')).to.exist;
  });

  it('typesets display math with the display attribute', async () => {
    const el = await fixture<NnMath>(html`<nn-math display tex="\\sum_i x_i"></nn-math>`);
    expect(el.shadowRoot!.querySelector('.katex-display')).to.exist;
    expect(getComputedStyle(el).display).to.equal('block');
  });

  it('reads its text content and updates when the text changes', async () => {
    const el = await fixture<NnMath>(html`<nn-math>x+1</nn-math>`);
    expect(el.shadowRoot!.querySelector('annotation')!.textContent).to.equal('x+1');
    el.textContent = 'y-2';
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('annotation')!.textContent).to.equal('y-2');
  });

  it('updates when tex changes', async () => {
    const el = await fixture<NnMath>(html`<nn-math tex="a"></nn-math>`);
    el.tex = '\\alpha';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('annotation')!.textContent).to.equal('\\alpha');
  });

  it('shows each formula again when tex goes back to one typeset before (from its cache), also after an error', async () => {
    const el = await fixture<NnMath>(html`<nn-math tex="a+b"></nn-math>`);
    const shown = () => el.shadowRoot!.querySelector('annotation')?.textContent;
    for (const tex of ['\\beta', 'a+b', '\\beta', '\\frac{1}{', 'a+b', 'a+b']) {
      el.tex = tex;
      await el.updateComplete;
      if (tex.startsWith('\\frac')) expect(el.shadowRoot!.querySelector('[part="error"]')).to.not.equal(null);
      else expect(shown()).to.equal(tex);
    }
    expect(el.shadowRoot!.querySelectorAll('.katex')).to.have.length(1);
  });

  it('typesets a long formula in a task of its own, showing the last one meanwhile; a later short one wins', async () => {
    const el = await fixture<NnMath>(html`<nn-math tex="y = 1"></nn-math>`);
    const text = () => el.shadowRoot!.querySelector('annotation')?.textContent;
    const long = `y = ${'a_1 + '.repeat(60)}z`;
    // The update that takes the new TeX (microtasks later, in this task) still shows the old formula.
    const microtasks = async () => {
      for (let i = 0; i < 10; i++) await Promise.resolve();
    };
    el.tex = long;
    await microtasks();
    expect(el.tex).to.equal(long);
    expect(text()).to.equal('y = 1');
    await el.updateComplete;
    expect(text()).to.equal(long);
    // From the cache too: the element that set it is laid out first, the formula in the next frame.
    el.tex = 'y = 2';
    await el.updateComplete;
    el.tex = long;
    await microtasks();
    expect(text()).to.equal('y = 2');
    await el.updateComplete;
    expect(text()).to.equal(long);
    // A long formula still waiting is dropped when a short one follows.
    el.tex = `${long} + w`;
    await el.updateComplete.then(() => undefined, () => undefined);
    el.tex = `${long} + v`;
    el.tex = 'y = 3';
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 20));
    expect(text()).to.equal('y = 3');
  });

  it('shows a parse error in place and fires nn-error, never throws', async () => {
    const el = await fixture<NnMath>(html`<nn-math tex="x"></nn-math>`);
    const ev = oneEvent(el, 'nn-error');
    el.tex = '\\frac{1}{';
    const e = await ev;
    await el.updateComplete;
    const err = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(err.textContent).to.contain('\\frac{1}{');
    expect(e.detail.value).to.equal('\\frac{1}{');
    el.tex = 'x';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('is not trusting: \\href and \\htmlClass do not produce links or classes', async () => {
    const el = await fixture<NnMath>(html`<nn-math tex="\\href{javascript:alert(1)}{x}"></nn-math>`);
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
  });

  it('declares KaTeX font faces in the document once, and the rest of its CSS in the shadow root', async () => {
    await fixture(html`<div><nn-math tex="a"></nn-math><nn-math tex="b"></nn-math></div>`);
    const faceSheets = document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r instanceof CSSFontFaceRule));
    expect(faceSheets.length).to.equal(1);
    expect(document.querySelector('style')).to.equal(null);
    const el = document.querySelector('nn-math')!;
    const sheets = el.shadowRoot!.adoptedStyleSheets;
    expect([...sheets].some((s) => [...s.cssRules].some((r) => r.cssText.startsWith('.katex')))).to.equal(true);
    // The fonts load from the declared faces.
    await document.fonts.load('16px KaTeX_Main');
    const main = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'KaTeX_Main');
    expect(main.some((f) => f.status === 'loaded')).to.equal(true);
  });

  it('builds nodes, never HTML strings or style attributes a strict CSP would refuse', async () => {
    const el = await fixture<NnMath>(html`<nn-math display tex="\\sqrt{\\frac{a}{b}} + x_1^2"></nn-math>`);
    const math = el.shadowRoot!.querySelector('[part="math"]')!;
    // KaTeX's sizes are set through the CSSOM; the same tree again is a clone of the cached one.
    expect(math.querySelector('[style]')).to.not.equal(null);
    const again = await fixture<NnMath>(html`<nn-math display tex="\\sqrt{\\frac{a}{b}} + x_1^2"></nn-math>`);
    const a = again.shadowRoot!.querySelector('[part="math"]')!;
    expect(a.innerHTML).to.equal(math.innerHTML);
    expect(a.querySelector('.katex')).to.not.equal(math.querySelector('.katex'));
  });
});
