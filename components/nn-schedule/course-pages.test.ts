// Course pages 2–4 (which embed <nn-schedule>, <nn-lr-sweep> and <nn-cifar>) load, each element renders with no
// message shown, and nothing logs an error. Nothing trains: the labs start their workers only when asked.
import { expect } from '@open-wc/testing';
const PAGES: Record<string, string[]> = {
  '02-learning-rates': ['nn-schedule'],
  '03-selecting-a-learning-rate': ['nn-lr-sweep'],
  '04-schedules-and-saving': ['nn-schedule', 'nn-cifar'],
};
describe('course pages 2–4', () => {
  for (const [slug, tags] of Object.entries(PAGES)) {
    it(slug, async () => {
      const frame = document.createElement('iframe');
      frame.style.width = '1000px';
      frame.style.height = '800px';
      const errors: string[] = [];
      await new Promise<void>((resolve) => {
        frame.addEventListener('load', () => {
          const w = frame.contentWindow as Window & typeof globalThis;
          w.addEventListener('error', (e) => errors.push(String(e.message)));
          const orig = w.console.error.bind(w.console);
          w.console.error = (...a: unknown[]) => (errors.push(a.map(String).join(' ')), orig(...a));
          resolve();
        });
        frame.src = `/content/${slug}.html`;
        document.body.append(frame);
      });
      const doc = frame.contentDocument!;
      for (let i = 0; i < 100 && tags.some((t) => !frame.contentWindow!.customElements.get(t)); i++) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 500));
      for (const tag of tags) {
        const el = doc.querySelector(tag)!;
        expect(el, tag).to.not.equal(null);
        expect(el.shadowRoot!.childElementCount).to.be.greaterThan(0);
        expect(el.shadowRoot!.querySelector('[part~=error]'), tag + ' error').to.equal(null);
      }
      expect(errors).to.deep.equal([]);
      frame.remove();
    });
  }
});
