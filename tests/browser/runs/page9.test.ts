// Runs made on the course's pages outlive them: trained on pages 1, 6, 7 and 8, they appear in page 9's dashboard
// after those pages are gone (saved in the site's IndexedDB); a page closed while it trains leaves its run marked
// interrupted, with the epochs it had.
import { expect } from '@open-wc/testing';
import type { RunRecord, RunStore } from '../../../src/runs/index.js';
import { openCoursePage } from '../course-page.js';

type Trainer = HTMLElement & { train(): Promise<unknown>; runStore: RunStore; updateComplete: Promise<unknown> };
type Dashboard = HTMLElement & { store: RunStore; shownRuns: RunRecord[]; updateComplete: Promise<unknown>; shadowRoot: ShadowRoot };

/** Trains the page's lab `id` for `epochs` epochs and waits until its runs are saved. */
async function trainOn(slug: string, id: string, epochs: number): Promise<void> {
  const { frame, win, errors } = await openCoursePage(slug);
  await win.customElements.whenDefined('nn-trainer');
  const lab = win.document.getElementById(id) as Trainer;
  lab.setAttribute('epochs', String(epochs));
  await lab.updateComplete;
  await lab.train();
  await lab.runStore.flushed();
  expect(errors, slug).to.deep.equal([]);
  frame.remove();
}

describe('page 9: the runs of the course’s pages, after a reload', () => {
  it('shows runs trained on pages 1, 6, 7 and 8, and marks one whose page closed mid-run as interrupted', async () => {
    // Other test files train on course pages of this origin too: only the runs started here are looked at.
    const since = Date.now();
    await trainOn('01-vanishing-gradients', 'p1-compare', 3);
    await trainOn('06-compare-models-and-early-stopping', 'p6', 3);
    await trainOn('07-l1-regularization', 'p7', 3);
    // Page 8 closes while its runs train: their pages are gone, their epochs so far are kept.
    const { frame, win } = await openCoursePage('08-l2-regularization');
    await win.customElements.whenDefined('nn-trainer');
    const lab = win.document.getElementById('p8') as Trainer;
    lab.setAttribute('epochs', '5000');
    await lab.updateComplete;
    void lab.train().catch(() => undefined);
    while (lab.runStore.list().every((r) => !r.scalars.loss || r.scalars.loss.length < 3)) await new Promise((r) => setTimeout(r, 50));
    await lab.runStore.flushed();
    frame.remove();

    const page9 = await openCoursePage('09-share-the-runs');
    await page9.win.customElements.whenDefined('nn-runs');
    const dash = page9.win.document.getElementById('p9-runs') as Dashboard;
    await dash.store.loadSaved();
    await new Promise((r) => setTimeout(r, 100));
    await dash.updateComplete;
    const runs = dash.store.list();
    const byPage = (p: string) => runs.filter((r) => r.page === `/content/${p}.html` && r.startedAt >= since);
    // Fewer epochs than the preset's: the lab names the setup as edited.
    const names = (rs: RunRecord[]) => rs.map((r) => r.name.replace(/ \(edited\)/, ''));
    expect(names(byPage('01-vanishing-gradients'))).to.deep.equal(['Not-so-good model · nn-trainer#p1-compare', 'Fixed model · nn-trainer#p1-compare']);
    expect(names(byPage('06-compare-models-and-early-stopping'))).to.deep.equal(['Baseline (overfits) · nn-trainer#p6', 'Early stopping · nn-trainer#p6']);
    const p7 = byPage('07-l1-regularization');
    expect(names(p7)).to.deep.equal(['Baseline (overfits) · nn-trainer#p7', 'L1 regularization · nn-trainer#p7']);
    for (const r of p7) {
      expect(r.status).to.equal('done');
      expect(r.scalars.val_accuracy).to.have.length(3);
      // Every layer's kernel and bias, every epoch (Keras's histogram_freq=1): 8 Dense layers.
      expect(Object.keys(r.histograms!)).to.have.length(16);
      expect(r.histograms!['dense/kernel_0'].map((h) => h.epoch)).to.deep.equal([1, 2, 3]);
    }
    const p8 = byPage('08-l2-regularization');
    expect(p8).to.have.length(2);
    for (const r of p8) {
      expect(r.status).to.equal('interrupted');
      expect(r.scalars.loss.length).to.be.at.least(1);
    }
    // The dashboard shows them all, and says where they are kept.
    expect(dash.shadowRoot.querySelectorAll('.run-list li').length).to.equal(runs.length);
    expect(dash.shadowRoot.querySelector('[part=status]')!.textContent).to.contain('saved in this browser for every page of the course');
    // The homework's filter keeps the runs of pages 6–8.
    (page9.win.document.getElementById('p9-homework') as HTMLButtonElement).click();
    await dash.updateComplete;
    const shown = dash.shownRuns.map((r) => r.id);
    for (const r of [...byPage('06-compare-models-and-early-stopping'), ...p7, ...p8]) expect(shown).to.include(r.id);
    for (const r of byPage('01-vanishing-gradients')) expect(shown).to.not.include(r.id);
    expect(page9.errors).to.deep.equal([]);
    dash.store.clear();
    await dash.store.flushed();
    page9.frame.remove();
  });
});
