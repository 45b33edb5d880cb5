import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openIndexedDbBackend, parseRunsJson, RunStore, runsToJson, shareLink, type RunRecord } from '../../src/runs/index.js';
import type { NnErrorEvent } from '../events/nn-error.js';
import { runContract } from '../internal/contract.js';
import './nn-runs.js';
import { NnRuns } from './nn-runs.js';

/** Three runs as the 2-D labs record them: scalars, times, histograms, markers. */
function sampleStore(): RunStore {
  const store = new RunStore(100, { page: '/content/07-l1-regularization.html' });
  const make = (name: string, epochs: number, level: number, markers = {}) => {
    const run = store.add({ name, source: 'nn-trainer', spec: { train: { optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 32, epochs }, model: { inputShape: [2], layers: [{ type: 'dense', units: 20, activation: 'relu', kernelRegularizer: name.includes('l1') ? { l1: 0.001 } : undefined }] } }, stepsPerEpoch: 7, startedAt: 1_700_000_000_000 + level });
    for (let e = 0; e < epochs; e++) {
      const wiggle = 0.03 * Math.sin(e * 1.3 + level);
      store.appendEpoch(run.id, { loss: 0.7 * Math.exp(-e / 15) + 0.1 * level + wiggle, accuracy: 0.5 + 0.4 * (1 - Math.exp(-e / 10)) - 0.05 * level, val_loss: 0.7 * Math.exp(-e / 12) + 0.2 + wiggle, val_accuracy: 0.5 + 0.3 * (1 - Math.exp(-e / 8)) }, run.startedAt + 50 * (e + 1));
      store.appendHistograms(run.id, { 'dense/kernel_0': Array.from({ length: 40 }, (_, i) => Math.sin(i + e / 10) * (1 + level)), 'dense/bias_0': [0.1 * e, -0.1, 0.2] });
    }
    store.end(run.id, 'done', { markers, summary: { testAccuracy: 0.8 - 0.05 * level } });
    return run;
  };
  make('nn-trainer#p6 · overfit', 60, 0);
  make('nn-trainer#p6 · early-stopping', 30, 1, { stoppedEpoch: 30, restoredEpoch: 10 });
  make('nn-trainer#p7 · l1', 60, 2, { lrChanges: [20] });
  return store;
}

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const inked = (c: HTMLCanvasElement) => {
  const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i]) n++;
  return n;
};
const pixels = (c: HTMLCanvasElement) => c.toDataURL();

async function make(store = sampleStore(), attrs = ''): Promise<NnRuns> {
  const el = await fixture<NnRuns>(html`<nn-runs scope="page" ignore-link .store=${store}></nn-runs>`);
  for (const a of attrs.split(' ').filter(Boolean)) el.setAttribute(...(a.split('=') as [string, string]));
  // Settle: the first measured size may come a frame later.
  for (let i = 0; i < 2; i++) {
    await frames();
    await el.updateComplete;
  }
  return el;
}

runContract<NnRuns>({
  tag: 'nn-runs',
  element: NnRuns,
  template: () => html`<nn-runs scope="page" ignore-link .store=${sampleStore()}></nn-runs>`,
  bad: [['smoothing', '2'], ['x-axis', 'time'], ['view', 'graphs'], ['filter', '('], ['filter', 'x'.repeat(501)]],
});

describe('<nn-runs>', () => {
  let created: string[] = [];
  const realCreate = URL.createObjectURL;
  beforeEach(() => {
    created = [];
    URL.createObjectURL = (b: Blob | MediaSource) => (created.push((b as Blob).type), realCreate.call(URL, b));
  });
  afterEach(() => {
    URL.createObjectURL = realCreate;
  });

  it('draws one chart per metric with every run overlaid, and lists the runs with their colours', async () => {
    const el = await make();
    const root = el.shadowRoot!;
    const charts = [...root.querySelectorAll<HTMLElement>('figure.chart')];
    expect(charts.map((c) => c.dataset.metric)).to.deep.equal(['loss', 'accuracy']);
    expect(charts[0].querySelector('.key')!.textContent).to.contain('dashed: validation');
    for (const c of charts) for (const canvas of c.querySelectorAll('canvas')) expect(inked(canvas), 'canvas drawn').to.be.greaterThan(100);
    const names = [...root.querySelectorAll('.run-list .name')].map((n) => n.textContent);
    expect(names).to.deep.equal(['nn-trainer#p6 · overfit', 'nn-trainer#p6 · early-stopping', 'nn-trainer#p7 · l1']);
    expect(root.querySelector('[part=status]')!.textContent).to.contain('3 runs');
  });

  it('a smoothing change redraws the smoothed lines only; the raw lines stay faint behind', async () => {
    const el = await make();
    const [base, top] = el.shadowRoot!.querySelectorAll('figure.chart')[0].querySelectorAll('canvas');
    const before = [pixels(base), pixels(top)];
    el.smoothing = 0.9;
    await el.updateComplete;
    expect(pixels(base) === before[0], 'the frame stays').to.equal(true);
    expect(pixels(top) === before[1], 'the smoothed lines change').to.equal(false);
    el.smoothing = 0;
    await el.updateComplete;
    expect(pixels(base) === before[0], 'no faint raw lines without smoothing').to.equal(false);
  });

  it('draws many runs some at a time, a frame each, in thin lines, until every line is drawn', async () => {
    // 300 runs of 1,000 epochs: too many points for one frame where the canvas is drawn without a GPU.
    const store = new RunStore(Infinity);
    for (let r = 0; r < 300; r++) {
      const run = store.add({ name: `run ${r}`, stepsPerEpoch: 7, startedAt: 1_700_000_000_000 + r });
      for (let e = 0; e < 1000; e++) store.appendEpoch(run.id, { loss: r / 300 + 0.2 * Math.sin(e / 20 + r), val_loss: r / 100 + 0.2 * Math.cos(e / 20 + r) }, run.startedAt + e);
      store.end(run.id, 'done');
    }
    const el = await make(store);
    const canvases = (e: NnRuns) => e.shadowRoot!.querySelectorAll('figure.chart')[0].querySelectorAll('canvas');
    const [base, top] = canvases(el);
    const frame = pixels(base);
    const before = pixels(top);
    el.smoothing = 0.3;
    // The update leaves the lines as they were; the new ones come some runs a frame, from the frame after.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(pixels(top) === before, 'drawn in the update').to.equal(true);
    await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(r));
    const first = inked(top);
    await el.updateComplete;
    expect(first).to.be.above(0);
    expect(first).to.be.below(0.9 * inked(top));
    expect(pixels(base), 'the frame and faint lines stay').to.equal(frame);
    // The same picture as an element given these settings from the start.
    const same = async (attrs: string) => expect(pixels(canvases(await make(store, attrs))[1]) === pixels(top)).to.equal(true);
    await same('smoothing=0.3');
    // A redraw that replaces an unfinished one still ends with every line.
    el.smoothing = 0.5;
    await new Promise((r) => requestAnimationFrame(r));
    el.xAxis = 'step';
    await el.updateComplete;
    await same('smoothing=0.5 x-axis=step');
    // Moving the cursor every frame during a redraw neither restarts it nor keeps it from ending.
    const plot = el.shadowRoot!.querySelector<HTMLElement>('figure.chart .plot')!;
    el.smoothing = 0.7;
    for (let i = 0; i < 10; i++) await Promise.resolve();
    let frames = 0;
    for (; frames < 40 && (el as unknown as { slicing(k: string): boolean }).slicing('draw'); frames++) {
      plot.dispatchEvent(new KeyboardEvent('keydown', { key: frames % 2 ? 'ArrowLeft' : 'ArrowRight' }));
      await new Promise((r) => requestAnimationFrame(r));
    }
    expect(frames, 'frames until the redraw ended').to.be.within(1, 39);
    await el.updateComplete;
    await same('smoothing=0.7 x-axis=step');
  });

  it('draws its charts again after the view is switched away and back', async () => {
    const el = await make();
    const top = () => el.shadowRoot!.querySelectorAll<HTMLCanvasElement>('figure.chart canvas')[1];
    const before = pixels(top());
    el.view = 'histograms';
    await el.updateComplete;
    el.view = 'scalars';
    await el.updateComplete;
    await frames();
    await el.updateComplete;
    expect(pixels(top()) === before).to.equal(true);
  });

  it('filters by regular expression, and a run keeps its colour whatever is shown', async () => {
    const el = await make();
    const root = el.shadowRoot!;
    const colorOf = (name: string) => {
      const li = [...root.querySelectorAll('.run-list li')].find((l) => l.querySelector('.name')!.textContent!.includes(name))!;
      return (li.querySelector('.swatch') as HTMLElement).style.getPropertyValue('--c');
    };
    const l1 = colorOf('l1');
    const input = root.querySelector<HTMLInputElement>('input[type=search]')!;
    input.focus();
    await sendKeys({ type: 'P7' });
    await el.updateComplete;
    expect(root.querySelectorAll('.run-list li')).to.have.length(1);
    expect(colorOf('l1')).to.equal(l1);
    // A half-typed expression is said beside the box; the last good filter stays.
    await sendKeys({ type: '(' });
    await el.updateComplete;
    expect(root.querySelector('.hint')!.textContent).to.contain('not a regular expression');
    expect(root.querySelectorAll('.run-list li')).to.have.length(1);
    el.setAttribute('filter', 'p6');
    await el.updateComplete;
    expect(root.querySelectorAll('.run-list li')).to.have.length(2);
    expect(el.shownRuns.map((r) => r.name)).to.deep.equal(['nn-trainer#p6 · overfit', 'nn-trainer#p6 · early-stopping']);
  });

  it('hiding a run takes it out of the charts and exports; the change event tells the page', async () => {
    const el = await make();
    let changes = 0;
    el.addEventListener('change', () => changes++);
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('.run-list input[type=checkbox]')!;
    box.click();
    await el.updateComplete;
    expect(changes).to.equal(1);
    expect(el.shownRuns).to.have.length(2);
    expect(parseRunsJson(el.exportJson()).map((r) => r.name)).to.deep.equal(['nn-trainer#p6 · early-stopping', 'nn-trainer#p7 · l1']);
    expect(created).to.deep.equal(['application/json']);
    el.smoothing = 0.2;
    await el.updateComplete;
    expect(changes, 'code setting a property fires no change').to.equal(1);
  });

  it('the keyboard moves a chart’s cursor; the table under it gives every run’s value there', async () => {
    const el = await make();
    const plot = el.shadowRoot!.querySelector<HTMLElement>('figure.chart .plot')!;
    plot.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    let table = el.shadowRoot!.querySelector('table.hover')!;
    expect(table.querySelector('caption')!.textContent).to.contain('epoch 60');
    // Two lines per run (train and validation); the early-stopped run reads its last epoch, 30.
    expect(table.querySelectorAll('tbody tr')).to.have.length(6);
    expect(plot.getAttribute('aria-valuetext')).to.contain('nn-trainer#p6 · overfit');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    table = el.shadowRoot!.querySelector('table.hover')!;
    expect(table.querySelector('caption')!.textContent).to.contain('epoch 1');
    const cells = [...table.querySelectorAll('tbody tr')][0].querySelectorAll('td');
    expect(cells[1].textContent).to.equal(String(Number((0.7 + 0.03 * Math.sin(0)).toPrecision(4))));
  });

  it('x as optimizer steps or as time since the run started; a log scale', async () => {
    const el = await make();
    const plot = () => el.shadowRoot!.querySelector<HTMLElement>('figure.chart .plot')!;
    expect(Number(plot().getAttribute('aria-valuemax'))).to.be.within(60, 70);
    el.xAxis = 'step';
    await el.updateComplete;
    expect(Number(plot().getAttribute('aria-valuemax'))).to.be.within(420, 600);
    el.xAxis = 'relative';
    await el.updateComplete;
    expect(Number(plot().getAttribute('aria-valuemax'))).to.be.within(3, 4);
    el.logScale = true;
    await el.updateComplete;
    expect(inked(plot().querySelectorAll('canvas')[1])).to.be.greaterThan(100);
  });

  it('the hparams table lists settings and final values, sorts by a column, and downloads one run’s event file', async () => {
    const el = await make(undefined, 'view=hparams');
    const root = el.shadowRoot!;
    const heads = [...root.querySelectorAll('table.hparams thead th')].map((t) => t.textContent!.trim());
    for (const h of ['Run', 'optimizer', 'learning_rate', 'kernel_regularizer', 'epochs', 'val_accuracy', 'testAccuracy']) expect(heads.join('|')).to.contain(h);
    const runsInOrder = () => [...root.querySelectorAll('table.hparams tbody th')].map((t) => t.textContent!.trim().split('\n')[0]);
    const sortBy = async (label: string) => {
      const th = [...root.querySelectorAll('table.hparams thead th')].find((t) => t.textContent!.trim().startsWith(label))!;
      th.querySelector('button')!.click();
      await el.updateComplete;
      return th;
    };
    const th = await sortBy('testAccuracy');
    expect(th.getAttribute('aria-sort')).to.equal('ascending');
    expect(runsInOrder()[0]).to.contain('l1');
    await sortBy('testAccuracy');
    expect(runsInOrder()[0]).to.contain('overfit');
    expect(root.querySelector('table.hparams tbody')!.textContent).to.contain('l1(0.001)');
    expect(root.querySelector('table.hparams tbody')!.textContent).to.contain('early-stopped at epoch 30');
    root.querySelector<HTMLButtonElement>('table.hparams tbody button')!.click();
    expect(created).to.deep.equal(['application/octet-stream']);
  });

  it('the histogram view draws each layer’s kernel and bias over epochs, offset or overlaid', async () => {
    const el = await make(undefined, 'view=histograms');
    const canvases = [...el.shadowRoot!.querySelectorAll<HTMLCanvasElement>('.histograms canvas')];
    expect(canvases.map((c) => c.dataset.tag)).to.deep.equal(['dense/kernel_0', 'dense/bias_0']);
    expect(canvases[0].getAttribute('aria-label')).to.contain('60 epochs from 1 to 60');
    const offset = pixels(canvases[0]);
    expect(inked(canvases[0])).to.be.greaterThan(100);
    el.histogramMode = 'overlay';
    await el.updateComplete;
    expect(pixels(el.shadowRoot!.querySelector<HTMLCanvasElement>('.histograms canvas')!) === offset).to.equal(false);
  });

  it('exports a TensorBoard zip, CSV and JSON of the shown runs; JSON imports back exactly', async () => {
    const el = await make();
    const zip = await el.exportZip();
    expect([...zip.subarray(0, 4)]).to.deep.equal([0x50, 0x4b, 0x03, 0x04]);
    expect(new TextDecoder().decode(zip)).to.contain('nn-trainer_p7_l1/train/events.out.tfevents.');
    expect(el.exportCsv().split('\n')[0]).to.equal('run,tag,epoch,step,wall_time,value');
    const json = el.exportJson();
    expect(created).to.deep.equal(['application/zip', 'text/csv', 'application/json']);
    const other = new RunStore();
    const el2 = await make(other);
    expect(await el2.importJson(json)).to.equal(3);
    expect(runsToJson(other.list())).to.equal(runsToJson(parseRunsJson(json)));
    expect(await el2.importJson(json), 'a run already here is not added twice').to.equal(0);
    const event = oneEvent(el2, 'nn-error') as Promise<NnErrorEvent>;
    const count = other.size;
    expect(await el2.importJson('{"format":"nn-mathlets-runs","version":1,"runs":[{"id":1}]}')).to.equal(0);
    expect((await event).message).to.contain('runs[0].id must be text');
    expect(el2.shadowRoot!.querySelector('[part=error]')!.textContent).to.contain('no runs this dashboard can read');
    expect(other.size).to.equal(count);
  });

  it('deleting asks first, and removes only the student’s shown runs', async () => {
    const store = sampleStore();
    const el = await make(store, 'filter=p6');
    const root = el.shadowRoot!;
    const button = () => [...root.querySelectorAll<HTMLButtonElement>('.actions button')];
    button().find((b) => b.textContent!.startsWith('Delete shown'))!.click();
    await el.updateComplete;
    expect(root.querySelector('.confirm')!.textContent).to.contain('Delete 2 runs from this browser?');
    button().find((b) => b.textContent === 'Keep')!.click();
    await el.updateComplete;
    expect(store.size).to.equal(3);
    button().find((b) => b.textContent!.startsWith('Delete shown'))!.click();
    await el.updateComplete;
    button().find((b) => b.textContent === 'Delete')!.click();
    await el.updateComplete;
    expect(store.list().map((r) => r.name)).to.deep.equal(['nn-trainer#p7 · l1']);
  });

  it('says when runs cannot be saved, and keeps them in the page', async () => {
    const store = sampleStore();
    await store.persistTo(Promise.reject(new Error('the browser refused its storage (private window)')));
    const el = await make(store);
    const status = el.shadowRoot!.querySelector('[part=status]')!;
    expect(status.textContent).to.contain('not saved: runs are kept in this page only: the browser refused its storage (private window)');
    expect(status.classList.contains('warn')).to.equal(true);
    expect(el.shownRuns).to.have.length(3);
  });

  it('a share link opens the runs beside the student’s own, marked shared; a broken link changes nothing', async () => {
    const from = sampleStore();
    const link = await shareLink(from.list().slice(0, 2), location.href);
    expect(link.fits).to.equal(true);
    const saved = location.hash;
    try {
      location.hash = `#intro&${new URL(link.url).hash.slice(1)}&m=0.2,0.3`;
      const mine = new RunStore();
      mine.add({ name: 'my own run' });
      const el = await fixture<NnRuns>(html`<nn-runs scope="page" .store=${mine}></nn-runs>`);
      await new Promise((r) => setTimeout(r, 300));
      await el.updateComplete;
      expect(el.sharedRuns.map((r) => r.name)).to.deep.equal(['nn-trainer#p6 · overfit', 'nn-trainer#p6 · early-stopping']);
      expect(el.shadowRoot!.querySelectorAll('.run-list .badge')).to.have.length(2);
      expect(el.shadowRoot!.querySelector('[part=status]')!.textContent).to.contain('shared run');
      const broken = oneEvent(el, 'nn-error') as Promise<NnErrorEvent>;
      location.hash = `#intro&runs=${new URL(link.url).hash.slice(6, 60)}&m=0.2,0.3`;
      expect((await broken).message).to.contain('Nothing was changed');
      await el.updateComplete;
      expect(el.sharedRuns).to.have.length(2, 'the shared runs stay');
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent === 'Save shared runs')!.click();
      await el.updateComplete;
      expect(mine.list().map((r) => r.id).filter((id) => id.startsWith('shared:'))).to.have.length(2);
      expect(location.hash, 'the other parts of the fragment stay as they were').to.equal('#intro&m=0.2,0.3');
    } finally {
      history.replaceState(null, '', location.pathname + location.search + saved);
    }
  });

  it('too long a link is not copied: the element says why and offers the JSON file', async () => {
    const store = new RunStore();
    for (let k = 0; k < 30; k++) {
      const run = store.add({ name: `run ${k}` });
      for (let e = 0; e < 300; e++) store.appendEpoch(run.id, { loss: Math.sin(e * (k + 1)) + 2, accuracy: Math.cos(e * k) });
      store.end(run.id, 'done');
    }
    const el = await make(store);
    expect(await el.copyLink()).to.equal(undefined);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=status]')!.textContent).to.contain('more than the 8,000');
    const offer = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent!.includes('JSON file instead'))!;
    offer.click();
    expect(created).to.deep.equal(['application/json']);
  });
});

describe('runs saved in IndexedDB', () => {
  const name = 'nn-mathlets-test-runs';

  it('outlive the store that made them; a run whose page is gone is marked interrupted, a live one is not', async () => {
    const a = new RunStore(Infinity, { idPrefix: 'a-', saveEveryMs: 10 });
    await a.persistTo(openIndexedDbBackend(name));
    expect(a.storage.kind).to.equal('indexeddb');
    const finished = a.add({ name: 'finished' });
    a.appendEpoch(finished.id, { loss: 0.5 });
    a.appendHistograms(finished.id, { 'dense/kernel_0': [1, 2, 3] });
    a.end(finished.id, 'done');
    const training = a.add({ name: 'training' });
    a.appendEpoch(training.id, { loss: 0.9 });
    await a.flushed();

    const b = new RunStore(Infinity, { idPrefix: 'b-' });
    await b.persistTo(openIndexedDbBackend(name));
    await b.loadSaved();
    const seen = (s: RunStore, id: string) => s.get(id) as RunRecord;
    expect(seen(b, finished.id).histograms!['dense/kernel_0'][0].num).to.equal(3);
    expect(seen(b, training.id).status, 'its page still trains it (a Web Lock)').to.equal('running');

    a.detach(); // the page goes: its locks go with it
    const c = new RunStore(Infinity, { idPrefix: 'c-' });
    await c.persistTo(openIndexedDbBackend(name));
    await c.loadSaved();
    expect(seen(c, training.id).status).to.equal('interrupted');
    expect(seen(c, training.id).scalars.loss).to.deep.equal([0.9]);
    c.clear();
    await c.flushed();
    b.detach();
    c.detach();
  });
});
