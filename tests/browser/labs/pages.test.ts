// The course pages of the 2-D labs (problems 1, 6–8, 10–12) load, every element on them renders, and nothing on them
// throws or logs an error.
import { expect } from '@open-wc/testing';
import { openCoursePage } from '../course-page.js';

const PAGES: Record<string, string[]> = {
  '01-vanishing-gradients': ['nn-trainer', 'nn-gradient-flow'],
  '06-compare-models-and-early-stopping': ['nn-trainer'],
  '07-l1-regularization': ['nn-trainer'],
  '08-l2-regularization': ['nn-trainer'],
  '10-backprop-cache': ['nn-backprop'],
  '11-deeper-models': ['nn-gradient-flow', 'nn-trainer'],
  '12-activations': ['nn-activations', 'nn-gradient-flow'],
};

describe('the labs’ course pages', () => {
  for (const [slug, tags] of Object.entries(PAGES)) {
    it(`${slug} shows ${tags.join(', ')} with no error`, async () => {
      const { frame, errors } = await openCoursePage(slug);
      const doc = frame.contentDocument!;
      for (const tag of tags) {
        const w = frame.contentWindow!;
        await w.customElements.whenDefined(tag);
        const els = [...doc.querySelectorAll(tag)] as Array<HTMLElement & { updateComplete: Promise<unknown> }>;
        expect(els.length, tag).to.be.greaterThan(0);
        for (const el of els) {
          await el.updateComplete;
          expect(el.shadowRoot!.childElementCount, `${tag} rendered`).to.be.greaterThan(0);
          expect(el.shadowRoot!.querySelector('[part=error]'), `${tag} shows no error`).to.equal(null);
        }
      }
      await new Promise((r) => setTimeout(r, 200));
      expect(errors).to.deep.equal([]);
      frame.remove();
    });
  }

  it('problem 1’s page says “well done” when the student’s model beats 0.85', async () => {
    const { frame, errors } = await openCoursePage('01-vanishing-gradients');
    const w = frame.contentWindow!;
    await w.customElements.whenDefined('nn-trainer');
    const lab = frame.contentDocument!.getElementById('p1-yours') as HTMLElement & { train(): Promise<{ testAccuracy: number }> };
    // The student's fix: ReLU, He initialisation and Adam (the fixed preset), trained for the full 300 epochs.
    lab.setAttribute('preset', 'vanishing-fixed');
    await (lab as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const run = await lab.train();
    expect(run.testAccuracy).to.be.at.least(0.85);
    expect(frame.contentDocument!.getElementById('p1-check')!.textContent).to.contain('Well done');
    expect(errors).to.deep.equal([]);
    frame.remove();
  });
});
