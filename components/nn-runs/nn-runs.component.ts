import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleProps } from '../internal/style-props.js';
import { NnElement } from '../internal/nn-element.js';
import { enumConverter, numberConverter } from '../internal/attributes.js';
import { ResizeController } from '../internal/resize-controller.js';
import {
  pageRunStore,
  parseRunsJson,
  runsFromFragment,
  tensorBoardEventFile,
  eventFileName,
  SHARE_KEY,
  type RunRecord,
  RunStore,
  type RunStoreChange,
} from '../../src/runs/index.js';
import { assignColors, chartsFor, linesFor, matches, nearest, parseFilter, resmooth, sortRows, tableOf, X_AXES, type ChartSpec, type Line, type ShownRun, type XAxis } from './runs-model.js';
import { drawFaint, drawFrame, drawLines, frameFor, linesByRun, prepare, themeOf, WIDE_LINES_UP_TO, type Frame, type Theme } from './runs-chart.js';
import { afterNextFrame } from '../internal/next-frame.js';
import { drawHistograms } from './runs-histograms.js';
import { actionsBar, hoverTable, hparamsTable, runList } from './runs-views.js';
import { copyShareLink, download, downloadCsv, downloadJson, downloadZip } from './runs-files.js';
import { styles } from './nn-runs.styles.js';
import { describeValue } from '../../src/spec/problems.js';

const VIEWS = ['scalars', 'histograms', 'hparams'] as const;
type View = (typeof VIEWS)[number];
const CHART_HEIGHT = 200;
/** At this width and wider the run list (15rem and a gap, in px) sits beside the charts. */
const WIDE = 760;
const LIST_WIDTH = 252;

/** One drawn chart: its spec, lines and frame, and what its canvases last showed. */
/** Hairline points a frame draws (about 10 ms where a canvas is drawn without a GPU); see drawCharts. */
const FRAME_WORK = 100_000;

interface ChartState {
  spec: ChartSpec;
  lines: Line[];
  frame?: Frame;
  drawnKey: string;
  drawnSmoothing: number;
  /** The lower canvas the chart was drawn on: a view switched away and back makes new, blank ones. */
  drawnOn?: HTMLCanvasElement;
  /** The smoothing its lines' smoothed values have. */
  smoothedWith: number;
}

/** A message when `store` is not a `RunStore` (from `pageRunStore()` or `new RunStore()`). */
function storeProblem(store: unknown): string | undefined {
  return store instanceof RunStore ? undefined : `store must be a RunStore (pageRunStore() or new RunStore()), got ${describeValue(store)}`;
}

/** A message when `filter` is not a regular expression the dashboard can use. */
function filterProblem(filter: string): string | undefined {
  const re = parseFilter(filter);
  return typeof re === 'string' ? re : undefined;
}

/**
 * TensorBoard's scalars, histograms and hparams views in the page, over every run the course's labs recorded
 * (saved in the browser, so runs from other pages show after a reload), plus runs opened from a share link. One
 * chart per metric with the runs overlaid (train solid, validation dashed), TensorBoard's debiased smoothing, x as
 * epoch, optimizer step or time, a log scale, a table of every run's value under the cursor, and markers for early
 * stopping, the restored epoch, learning-rate changes and a NaN loss. Exports a TensorBoard log directory (zip),
 * one run's event file, CSV and JSON; imports JSON; copies a link that reopens the selected runs.
 *
 * Up to 4 runs are drawn in 1.5 px lines, more in lines one device pixel wide; a redraw with many points is drawn
 * some runs a frame (100 runs of 1,000 epochs take a few frames), so the page never waits on it.
 *
 * @tagname nn-runs
 * @summary A run dashboard: TensorBoard's scalars, histograms and hparams, export, import and share links.
 * @fires change - The student changed the smoothing, x axis, log scale, filter, view or which runs are shown.
 * @fires nn-error - An attribute it cannot use, a share link or file it cannot read, or an export that failed.
 * @csspart controls - Smoothing, x axis, log scale and the view buttons.
 * @csspart runs - The run list with its filter.
 * @csspart chart - Each scalar chart.
 * @csspart hover - The table of values under a chart's cursor.
 * @csspart histograms - The histogram view.
 * @csspart table - The hparams table.
 * @csspart actions - The export, import, link and delete buttons.
 * @csspart status - Where the runs are kept, and what the last action did.
 * @csspart error - The message shown for something it cannot use.
 * @cssprop --nn-run-0 - Colour of palette entry 0 (then --nn-run-1 … --nn-run-11); a run keeps its entry.
 * @cssprop --nn-runs-chart-height - Height of each chart (default 200px).
 */
export class NnRuns extends NnElement {
  static override styles = [styles];

  /** Where the runs come from (default: the page's store, which the labs record into and which is saved). */
  @property({ attribute: false, check: storeProblem }) store: RunStore = pageRunStore();

  /** TensorBoard's smoothing weight, 0 (none) to 0.999; TensorBoard's default 0.6. */
  @property({ attribute: 'smoothing', converter: numberConverter('smoothing', 0, 0.999) }) smoothing = 0.6;

  /** The x axis: `epoch` (from 1, as Keras prints), `step` (optimizer steps) or `relative` (time since the run started). */
  @property({ attribute: 'x-axis', converter: enumConverter('x-axis', X_AXES) }) xAxis: XAxis = 'epoch';

  /** Plot values on a log10 scale. */
  @property({ type: Boolean, attribute: 'log-scale' }) logScale = false;

  /** Shows only runs whose name or page matches this regular expression (case-insensitive), as TensorBoard's filter. */
  @property({ type: String, attribute: 'filter', check: filterProblem }) filter = '';

  /** `scalars`, `histograms` (weights per layer over epochs) or `hparams` (a table of settings and final values). */
  @property({ attribute: 'view', converter: enumConverter('view', VIEWS) }) view: View = 'scalars';

  /** The histogram view's mode: `offset` (stacked, newest in front) or `overlay` (one axis, newer darker). */
  @property({ attribute: 'histogram-mode', converter: enumConverter('histogram-mode', ['offset', 'overlay']) }) histogramMode: 'offset' | 'overlay' = 'offset';

  /** `site` (default): the runs saved by every page of the site; `page`: only the runs made on this page. */
  @property({ attribute: 'scope', converter: enumConverter('scope', ['site', 'page']) }) scope: 'site' | 'page' = 'site';

  /** Hide import and delete (a dashboard that only shows). */
  @property({ type: Boolean, attribute: 'read-only' }) readOnly = false;

  /** Do not open runs from the page's link (`#runs=…`). */
  @property({ type: Boolean, attribute: 'ignore-link' }) ignoreLink = false;

  @state() private shared: RunRecord[] = [];
  @state() private hiddenRuns = new Set<string>();
  @state() private filterText = '';
  @state() private filterProblem = '';
  @state() private status = '';
  @state() private linkTooLong = false;
  @state() private confirmDelete = false;
  @state() private sort = { column: 'run', descending: false };
  @state() private cursor: { metric: string; x: number } | null = null;
  @state() private histogramRun = '';
  @state() private version = 0;

  private readonly size = new ResizeController(this);
  private colors = new Map<string, number>();
  private filterRe: RegExp = /(?:)/i;
  private visible: ShownRun[] = [];
  private shown: ShownRun[] = [];
  private charts: ChartState[] = [];
  /** What the redraw under way draws: the charts' key and the smoothing. */
  private drawing = '';
  private chartsKey = '';
  private theme?: Theme;
  private redraw = 0;
  private unsubscribe?: () => void;
  private readonly onHash = () => void this.readLink();

  /** The runs shown now (filtered and selected), the student's own and shared ones. */
  get shownRuns(): RunRecord[] {
    return this.shown.map((s) => s.run);
  }

  /** Runs opened from the page's share link (read-only; not in the store unless saved). */
  get sharedRuns(): RunRecord[] {
    return this.shared;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
    if (!this.ignoreLink) {
      addEventListener('hashchange', this.onHash);
      void this.readLink();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    removeEventListener('hashchange', this.onHash);
    cancelAnimationFrame(this.redraw);
    this.redraw = 0;
  }

  /** Follows the store: redraws at most once a frame while a lab trains. */
  private listen(): void {
    this.unsubscribe?.();
    const store = this.store;
    this.unsubscribe = store.subscribe((c: RunStoreChange) => {
      if (c.type === 'storage' || c.type === 'load' || c.type === 'add' || c.type === 'remove' || c.type === 'clear') this.status = '';
      if (this.redraw) return;
      this.redraw = requestAnimationFrame(() => {
        this.redraw = 0;
        this.version++;
      });
    });
    if (this.scope === 'site') void store.loadSaved().then(() => this.version++);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('store') && this.hasUpdated && this.isConnected) this.listen();
    if (changed.has('filter')) {
      this.filterText = this.filter;
      this.filterProblem = '';
    }
    const re = parseFilter(this.filterText);
    if (typeof re !== 'string') this.filterRe = re;
    const all = [...this.store.list(), ...this.shared];
    this.colors = assignColors(all, this.colors);
    const sharedIds = new Set(this.shared.map((r) => r.id));
    this.visible = all.filter((r) => matches(this.filterRe, r)).map((run) => ({ run, color: this.colors.get(run.id)!, shared: sharedIds.has(run.id) }));
    this.shown = this.visible.filter((s) => !this.hiddenRuns.has(s.run.id));
    if (this.view === 'scalars') this.prepareCharts();
  }

  /** Builds each chart's lines when the data, the runs shown, the axis or the size changed; else only re-smooths. */
  private prepareCharts(): void {
    const width = this.chartWidth();
    const key = `${this.version}|${this.shown.map((s) => s.run.id).join(',')}|${this.xAxis}|${this.logScale}|${width}`;
    if (key === this.chartsKey) {
      for (const c of this.charts) {
        if (c.smoothedWith === this.smoothing) continue;
        resmooth(c.lines, this.smoothing);
        c.smoothedWith = this.smoothing;
      }
      return;
    }
    this.chartsKey = key;
    const runs = this.shown.map((s) => s.run);
    this.charts = chartsFor(runs).map((spec) => {
      const lines = linesFor(spec, this.shown, this.xAxis, this.smoothing);
      return { spec, lines, frame: frameFor(lines, width, this.chartHeight(), this.logScale), drawnKey: '', drawnSmoothing: NaN, smoothedWith: this.smoothing };
    });
  }

  /** Whether the run list sits beside the charts (a wide element) rather than above them. */
  private get wide(): boolean {
    return this.size.measureWidth(640) >= WIDE;
  }

  /** Two charts a row where the view has room for them, else one as wide as the view. */
  private chartWidth(): number {
    const host = this.size.measureWidth(640);
    const view = host >= WIDE ? host - LIST_WIDTH : host;
    return Math.max(200, Math.floor(view >= 720 ? (view - 16) / 2 : view));
  }

  private chartHeight(): number {
    const v = parseFloat(getComputedStyle(this).getPropertyValue('--nn-runs-chart-height'));
    return Number.isFinite(v) && v >= 100 ? v : CHART_HEIGHT;
  }

  protected override render(): TemplateResult {
    return html`${this.renderError()}
      <div class="main">
        ${this.renderControls()}
        <div class="layout ${this.wide ? 'wide' : ''}">
          ${runList({
            visible: this.visible,
            total: this.store.size + this.shared.length,
            isShown: (id) => !this.hiddenRuns.has(id),
            filterText: this.filterText,
            filterProblem: this.filterProblem,
            onFilter: (t) => this.typeFilter(t),
            onToggle: (id, on) => this.toggle([id], on),
            onAll: (on) => this.toggle(this.visible.map((s) => s.run.id), on),
          })}
          <div class="view">${this.view === 'scalars' ? this.renderCharts() : this.view === 'histograms' ? this.renderHistograms() : this.renderTable()}</div>
        </div>
        ${this.renderActions()}
        <p class="status ${this.store.storage.reason ? 'warn' : ''}" part="status" role="status" aria-live="polite">${this.statusText()}</p>
      </div>`;
  }

  private renderControls(): TemplateResult {
    const pick = (v: View, label: string) => html`<button type="button" aria-pressed=${this.view === v ? 'true' : 'false'} @click=${() => this.set({ view: v })}>${label}</button>`;
    return html`<div class="controls" part="controls">
      <div class="views" role="group" aria-label="View">${pick('scalars', 'Scalars')}${pick('histograms', 'Histograms')}${pick('hparams', 'HParams')}</div>
      ${this.view === 'scalars'
        ? html`<label>Smoothing <input type="range" min="0" max="0.999" step="0.001" .value=${String(this.smoothing)}
              @input=${(e: Event) => (this.smoothing = Number((e.target as HTMLInputElement).value))} @change=${() => this.emitNative('change')} /><output>${this.smoothing.toFixed(3)}</output></label>
            <label>x axis <select @change=${(e: Event) => this.set({ xAxis: (e.target as HTMLSelectElement).value as XAxis })}>
              ${X_AXES.map((a) => html`<option value=${a} ?selected=${a === this.xAxis}>${{ epoch: 'Epoch', step: 'Step', relative: 'Relative time' }[a]}</option>`)}</select></label>
            <label><input type="checkbox" .checked=${this.logScale} @change=${(e: Event) => this.set({ logScale: (e.target as HTMLInputElement).checked })} /> Log scale</label>`
        : this.view === 'histograms'
          ? html`<label>Mode <select @change=${(e: Event) => this.set({ histogramMode: (e.target as HTMLSelectElement).value as 'offset' | 'overlay' })}>
              <option value="offset" ?selected=${this.histogramMode === 'offset'}>Offset</option><option value="overlay" ?selected=${this.histogramMode === 'overlay'}>Overlay</option></select></label>`
          : nothing}
    </div>`;
  }

  private renderCharts(): TemplateResult {
    if (!this.charts.length) return html`<p class="empty">${this.store.size + this.shared.length ? 'No run shown: pick some in the list.' : 'No runs yet. Train on the course’s pages (1, 3, 4, 6–8) and the runs appear here.'}</p>`;
    return html`<div class="charts">${this.charts.map((c) => {
      const at = this.cursor?.metric === c.spec.metric ? this.cursor.x : null;
      const f = c.frame!;
      const label = `${c.spec.metric} against ${this.xAxis === 'relative' ? 'time' : this.xAxis}`;
      return html`<figure class="chart" part="chart" data-metric=${c.spec.metric}>
        <figcaption>${c.spec.metric}${c.spec.tags.length > 1 ? html` <span class="key">solid: train · dashed: validation</span>` : nothing}</figcaption>
        <div class="plot" tabindex="0" role="slider" aria-label=${label} aria-valuemin=${f.x.domain[0]} aria-valuemax=${f.x.domain[1]}
          aria-valuenow=${at ?? f.x.domain[1]} aria-valuetext=${at === null ? `${c.lines.length} lines` : this.valueText(c, at)}
          style=${styleProps({ height: `${f.height}px`, width: `${f.width}px` })}
          @pointermove=${(e: PointerEvent) => this.point(c, e)} @pointerleave=${() => (this.cursor = null)} @keydown=${(e: KeyboardEvent) => this.key(c, e)}>
          <canvas class="frame" aria-hidden="true"></canvas><canvas class="lines" aria-hidden="true"></canvas>
          ${at === null ? nothing : html`<div class="cursor" style=${styleProps({ left: `${f.x(at)}px`, top: `${f.top}px`, height: `${f.bottom - f.top}px` })}></div>`}
        </div>
        ${at === null ? nothing : hoverTable(c.lines, at, this.xAxis, this.smoothing > 0)}
      </figure>`;
    })}</div>`;
  }

  private valueText(c: ChartState, x: number): string {
    return c.lines.slice(0, 6).map((l) => `${l.shown.run.name}${l.validation ? ' validation' : ''} ${Number(l.smooth[nearest(l.xs, x)]?.toPrecision(3))}`).join('; ');
  }

  private renderHistograms(): TemplateResult {
    const withHist = this.shown.filter((s) => s.run.histograms && Object.keys(s.run.histograms).length);
    if (!withHist.length) return html`<p class="empty">No shown run has weight histograms (the 2-D labs record them every epoch).</p>`;
    const chosen = withHist.find((s) => s.run.id === this.histogramRun) ?? withHist[0];
    return html`<div class="histograms" part="histograms">
      <label>Run <select @change=${(e: Event) => (this.histogramRun = (e.target as HTMLSelectElement).value)}>
        ${withHist.map((s) => html`<option value=${s.run.id} ?selected=${s === chosen}>${s.run.name}</option>`)}</select></label>
      <div class="charts">${Object.entries(chosen.run.histograms!).map(([tag, entries]) => {
        const lo = Math.min(...entries.map((e) => e.min));
        const hi = Math.max(...entries.map((e) => e.max));
        return html`<figure class="chart histogram" data-tag=${tag}>
          <figcaption>${tag}</figcaption>
          <canvas role="img" data-run=${chosen.run.id} data-tag=${tag} aria-label=${`${tag}: ${entries.length} epochs from ${entries[0].epoch} to ${entries.at(-1)!.epoch}, values from ${lo.toPrecision(3)} to ${hi.toPrecision(3)}`}
            style=${styleProps({ height: `${this.chartHeight()}px`, width: `${this.chartWidth()}px` })}></canvas>
        </figure>`;
      })}</div>
    </div>`;
  }

  private renderTable(): TemplateResult {
    if (!this.shown.length) return html`<p class="empty">No run shown.</p>`;
    const t = tableOf(this.shown);
    return hparamsTable({
      rows: sortRows(t.rows, this.sort.column, this.sort.descending),
      hparams: t.hparams,
      metrics: t.metrics,
      sort: this.sort,
      onSort: (column) => (this.sort = { column, descending: this.sort.column === column ? !this.sort.descending : false }),
      onEventFile: (run) => download(eventFileName(run), tensorBoardEventFile(run), 'application/octet-stream'),
    });
  }

  private renderActions(): TemplateResult {
    return actionsBar({
      own: this.shown.filter((s) => !s.shared).length,
      shown: this.shown.length,
      shared: this.shared.length,
      readOnly: this.readOnly,
      confirmDelete: this.confirmDelete,
      linkTooLong: this.linkTooLong,
      onCopyLink: () => void this.copyLink(),
      onZip: () => void this.exportZip(),
      onCsv: () => this.exportCsv(),
      onJson: () => this.exportJson(),
      onImport: this.importFile,
      onConfirmDelete: (ask) => (this.confirmDelete = ask),
      onDelete: () => this.deleteShown(),
      onKeepShared: () => this.keepShared(),
      onCloseShared: () => this.closeShared(),
    });
  }

  private statusText(): string {
    const s = this.store.storage;
    const where = s.kind === 'indexeddb' ? 'saved in this browser for every page of the course' : s.kind === 'opening' ? 'opening the browser’s storage…' : s.reason ? `not saved: ${s.reason}` : 'kept in this page only';
    const shared = this.shared.length ? ` ${this.shared.length} shared run${this.shared.length === 1 ? '' : 's'} from the link (read-only).` : '';
    return this.status || `${this.store.size} run${this.store.size === 1 ? '' : 's'}, ${where}.${shared}`;
  }

  protected override updated(): void {
    if (!this.theme || this.view !== 'scalars') this.theme = themeOf(this);
    if (this.view === 'scalars') return this.drawCharts();
    // The charts' canvases are gone: a redraw under way has nothing left to draw on.
    this.cancelSlices('draw');
    if (this.view === 'histograms') this.drawHistogramView();
  }

  /**
   * Redraws what changed: the whole chart after new data, only the smoothed lines after a smoothing change. A frame
   * draws at most FRAME_WORK hairline points, whole runs at a time, the rest in the frames after (100 runs of 1,000
   * epochs take 4 frames): without a GPU the browser draws a canvas's lines in the frame that follows, as one task.
   */
  private drawCharts(): void {
    const figures = this.renderRoot.querySelectorAll<HTMLElement>('figure.chart');
    // Read once per redraw, not per chart: each read restyles a probe element.
    let fresh: Theme | undefined;
    const jobs: { cost: number; draw: () => void }[] = [];
    const smoothing = this.smoothing;
    const wide = this.shown.length <= WIDE_LINES_UP_TO;
    const key = this.chartsKey;
    // An update while a redraw of the same picture is under way (the cursor moved) leaves it to finish.
    const target = `${key}|${smoothing}`;
    if (this.slicing('draw') && this.drawing === target) return;
    this.charts.forEach((c, i) => {
      const fig = figures[i];
      const f = c.frame;
      if (!fig || !f) return;
      const [base, top] = fig.querySelectorAll('canvas');
      const whole = c.drawnKey !== key || c.drawnOn !== base || c.drawnSmoothing > 0 !== smoothing > 0;
      if (!whole && c.drawnSmoothing === smoothing) return;
      if (whole) this.theme = fresh ??= themeOf(this);
      const theme = this.theme!;
      // A chart counts as drawn once its last piece is: a redraw that replaces this one starts it again.
      c.drawnSmoothing = NaN;
      if (whole) {
        c.drawnKey = '';
        let ctx: CanvasRenderingContext2D | null = null;
        jobs.push({ cost: 0, draw: () => (ctx = prepare(base, f.width, f.height)) && drawFrame(ctx, f, c.lines, this.shown, theme, { axis: this.xAxis, metric: c.spec.metric }) });
        if (smoothing > 0) for (const g of linesByRun(f, c.lines, false, false, FRAME_WORK)) jobs.push({ cost: g.cost, draw: () => ctx && drawFaint(ctx, f, g.lines, theme) });
        jobs.push({ cost: 0, draw: () => ((c.drawnKey = key), (c.drawnOn = base)) });
      }
      let ctx: CanvasRenderingContext2D | null = null;
      jobs.push({ cost: 0, draw: () => (ctx = prepare(top, f.width, f.height)) });
      for (const g of linesByRun(f, c.lines, smoothing > 0, wide, FRAME_WORK)) jobs.push({ cost: g.cost, draw: () => ctx && drawLines(ctx, f, g.lines, theme, smoothing > 0, wide) });
      jobs.push({ cost: 0, draw: () => (c.drawnSmoothing = smoothing) });
    });
    if (!jobs.length) return;
    this.drawing = target;
    this.inSlices(
      'draw',
      async (next) => {
        let spent = 0;
        for (const job of jobs) {
          if (spent > 0 && spent + job.cost > FRAME_WORK) {
            if (!(await next())) return;
            spent = 0;
          }
          job.draw();
          spent += job.cost;
        }
      },
      // A redraw that fits in a frame is drawn with the update; a larger one starts after the update's own frame.
      { turn: afterNextFrame, now: jobs.reduce((sum, j) => sum + j.cost, 0) <= FRAME_WORK },
    );
  }

  private drawHistogramView(): void {
    const theme = this.theme!;
    for (const canvas of this.renderRoot.querySelectorAll<HTMLCanvasElement>('.histograms canvas')) {
      const run = [...this.shown].find((s) => s.run.id === canvas.dataset.run);
      const entries = run?.run.histograms?.[canvas.dataset.tag ?? ''];
      const width = this.chartWidth();
      const height = this.chartHeight();
      const ctx = prepare(canvas, width, height);
      if (ctx && run && entries) drawHistograms(ctx, entries, width, height, this.histogramMode, theme.runs[run.color], theme);
    }
  }

  /** Sets properties as the student did, and says so with `change`. */
  private set(patch: Partial<Pick<NnRuns, 'view' | 'xAxis' | 'logScale' | 'histogramMode'>>): void {
    Object.assign(this, patch);
    this.emitNative('change');
  }

  private typeFilter(text: string): void {
    this.filterText = text;
    const re = parseFilter(text);
    // A half-typed expression is not an error yet: it is said beside the box, and the last good filter stays.
    this.filterProblem = typeof re === 'string' ? re : '';
    if (typeof re !== 'string') this.emitNative('change');
  }

  private toggle(ids: string[], on: boolean): void {
    const hidden = new Set(this.hiddenRuns);
    for (const id of ids) on ? hidden.delete(id) : hidden.add(id);
    this.hiddenRuns = hidden;
    this.emitNative('change');
  }

  /** The chart's x under the pointer, at the nearest point of its longest line. */
  private point(c: ChartState, e: PointerEvent): void {
    const f = c.frame!;
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const px = ((e.clientX - box.left) / Math.max(1, box.width)) * f.width;
    const d = f.x.domain;
    const x = d[0] + ((px - f.left) / (f.right - f.left)) * (d[1] - d[0]);
    const track = this.track(c);
    if (track) this.cursor = { metric: c.spec.metric, x: track[nearest(track, x)] };
  }

  private track(c: ChartState): Float64Array | undefined {
    return c.lines.reduce<Float64Array | undefined>((a, l) => (!a || l.xs.length > a.length ? l.xs : a), undefined);
  }

  private key(c: ChartState, e: KeyboardEvent): void {
    const track = this.track(c);
    if (!track?.length) return;
    const at = this.cursor?.metric === c.spec.metric ? nearest(track, this.cursor.x) : track.length - 1;
    const step = e.shiftKey ? 10 : 1;
    const next = { ArrowLeft: at - step, ArrowDown: at - step, ArrowRight: at + step, ArrowUp: at + step, Home: 0, End: track.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    this.cursor = { metric: c.spec.metric, x: track[Math.max(0, Math.min(track.length - 1, next))] };
  }

  /** Copies a link to this page that reopens the shown runs; too long a link offers the JSON file instead. */
  async copyLink(): Promise<string | undefined> {
    const link = await copyShareLink(this.shownRuns, location.href);
    this.linkTooLong = link.tooLong;
    this.status = link.status;
    return link.url;
  }

  /** Downloads the shown runs as a zip of a TensorBoard log directory; resolves with its bytes. */
  async exportZip(): Promise<Uint8Array> {
    const zip = await downloadZip(this.shownRuns);
    this.status = `Downloaded ${this.shown.length} runs as a TensorBoard log directory: unzip it and run tensorboard --logdir on the folder.`;
    return zip;
  }

  /** Downloads the shown runs as CSV; returns the text. */
  exportCsv(): string {
    this.status = `Downloaded ${this.shown.length} runs as CSV.`;
    return downloadCsv(this.shownRuns);
  }

  /** Downloads the shown runs as JSON (everything, exactly; import reads it back); returns the text. */
  exportJson(): string {
    this.status = `Downloaded ${this.shown.length} runs as JSON.`;
    return downloadJson(this.shownRuns);
  }

  /** Adds the runs of a JSON file (from `exportJson`) to the store. Resolves with how many were new. */
  async importJson(text: string): Promise<number> {
    let runs: RunRecord[];
    try {
      runs = parseRunsJson(text);
    } catch (e) {
      this.fail(`That file holds no runs this dashboard can read: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      return 0;
    }
    const added = this.store.addRecords(runs);
    this.clearError();
    this.status = `Imported ${added.length} run${added.length === 1 ? '' : 's'}${runs.length > added.length ? ` (${runs.length - added.length} already here)` : ''}.`;
    return added.length;
  }

  private importFile = async (e: Event): Promise<void> => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) await this.importJson(await file.text());
  };

  private deleteShown(): void {
    const ids = this.shown.filter((s) => !s.shared).map((s) => s.run.id);
    for (const id of ids) this.store.remove(id);
    this.confirmDelete = false;
    this.status = `Deleted ${ids.length} run${ids.length === 1 ? '' : 's'}.`;
  }

  private keepShared(): void {
    const added = this.store.addRecords(this.shared);
    this.closeShared();
    this.status = `Saved ${added.length} shared run${added.length === 1 ? '' : 's'} with your own.`;
  }

  private closeShared(): void {
    this.shared = [];
    // Only the runs entry goes: anchors and other elements' entries stay exactly as they were.
    const rest = location.hash
      .replace(/^#/, '')
      .split('&')
      .filter((part) => part && part.split('=')[0] !== SHARE_KEY)
      .join('&');
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  }

  /** Opens the runs of the page's link; a link it cannot read leaves everything as it was and says why. */
  private async readLink(): Promise<void> {
    try {
      const runs = await runsFromFragment(location.hash);
      if (runs) {
        this.shared = runs;
        this.status = `Opened ${runs.length} shared run${runs.length === 1 ? '' : 's'} from the link, beside your own.`;
      }
    } catch (e) {
      this.fail(`The link’s runs cannot be opened: ${e instanceof Error ? e.message : String(e)}. Nothing was changed.`, { cause: e });
    }
  }
}
