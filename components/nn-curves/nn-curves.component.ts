import { html, svg, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleProps } from '../internal/style-props.js';
import { NnElement } from '../internal/nn-element.js';
import { ResizeController } from '../internal/resize-controller.js';
import { numberConverter } from '../internal/attributes.js';
import { runsProblem, yRangeProblem } from './curves-checks.js';
import { LOG_FLOOR, makeScale, tickLabel } from './curves-scale.js';
import { buildSeries, valueRange, fmt, runColor, runDash, type CurveRun, type Series } from './curves-series.js';
import { axes, linePaths, lines, markers, type Frame } from './curves-svg.js';
import { styles } from './nn-curves.styles.js';

/** Points (at most two a pixel column per line) whose paths are made in the update itself; more take a task each. */
const SYNC_POINTS = 10_000;

/**
 * Training curves of one or more runs, as SVG: each run in its own colour, train solid and validation dashed,
 * TensorBoard's debiased smoothing (raw values faint behind), a log scale, a readout that follows the pointer or
 * the arrow keys, and markers where early stopping stopped, which epoch it restored, where the learning rate
 * changed, where the loss became NaN and where a new stage of the run starts. Takes run store records as they are. Lines are clipped to the plot; on
 * a log scale, values below 1e-12 lie on the axis and a note under the plot says so.
 *
 * @tagname nn-curves
 * @summary Training curves with smoothing, log scale, readout and early-stopping markers.
 * @fires change - The student moved the smoothing slider or toggled the log scale.
 * @csspart controls - The smoothing slider and log-scale switch.
 * @csspart plot - The SVG plot.
 * @csspart legend - The list of runs.
 * @csspart readout - The values at the epoch under the pointer.
 * @csspart error - The message shown for an attribute it cannot use.
 * @cssprop --nn-curve-0 - Colour of the first run (then --nn-curve-1, …; Okabe–Ito colours by default).
 * @cssprop --nn-curves-height - Height of the plot (default 220px).
 */
export class NnCurves extends NnElement {
  static override styles = [styles];

  /**
   * The runs to draw: `{ name, scalars: { accuracy: [...], val_accuracy: [...] }, markers }` (run store records fit);
   * at most 32 runs, 20,000 values of the metric and 200 learning-rate markers in all.
   */
  @property({ attribute: false, check: (r: unknown, el: NnCurves) => runsProblem(r, el.metric) }) runs: readonly CurveRun[] = [];

  /** Which scalar to plot: `metric` for train and `val_<metric>` for validation (`accuracy`, `loss`, …). */
  @property({ type: String, attribute: 'metric', check: (m: string, el: NnCurves) => runsProblem(el.runs, m) }) metric = 'accuracy';

  /** TensorBoard's smoothing weight, 0 (none) to 0.99. */
  @property({ attribute: 'smoothing', converter: numberConverter('smoothing', 0, 0.99) }) smoothing = 0;

  /** Plot the values on a log10 scale (for losses). */
  @property({ type: Boolean, attribute: 'log-scale' }) logScale = false;

  /** The x axis runs to at least this epoch (up to 1,000,000), so it does not rescale while a run trains. */
  @property({ attribute: 'max-epochs', converter: numberConverter('max-epochs', 0, 1e6) }) maxEpochs = 0;

  /** Hide the smoothing slider and log-scale switch. */
  @property({ type: Boolean, attribute: 'hide-controls' }) hideControls = false;

  /**
   * Values the y axis spans at least, `[low, high]`: charts given the same range can be compared by eye (a lab's
   * two setups side by side). Values outside it widen the axis as usual.
   */
  @property({ attribute: false, check: yRangeProblem }) yRange?: readonly [number, number] = undefined;

  /** What the x axis counts (default "epoch"); index 0 of each series is 1. */
  @property({ type: String, attribute: 'x-label' }) xLabel = 'epoch';

  /** The plot's accessible name (default: "Training curves: <metric>"). */
  @property({ type: String, attribute: 'label' }) label = '';

  /** The epoch index (0-based) under the pointer or chosen with the keys. */
  @state() private cursor: number | null = null;

  private readonly size = new ResizeController(this, () => this.renderRoot.querySelector('.plot'));
  /** What is drawn, all from one set of inputs: a new set replaces it whole, once its paths are made. */
  private series: Series[] = [];
  private frame?: Frame;
  private drawnRuns: readonly CurveRun[] = [];
  /** Each series' paths: the raw line (when smoothed) and the line. */
  private paths: (readonly [string, string])[] = [];
  /** The smallest value under the log scale's floor, or 0 when none is. */
  private below = 0;
  /** The inputs of what is drawn (or being made): a cursor move changes none of them. */
  private drawnFor: unknown[] = [];

  protected override willUpdate(): void {
    const w = Math.max(160, this.size.width || 480);
    const h = this.plotHeight();
    // The values' count too: a page may add epochs to the same arrays and call requestUpdate().
    const count = (this.runs ?? []).reduce((n, r) => n + (r.scalars?.[this.metric]?.length ?? 0) + (r.scalars?.[`val_${this.metric}`]?.length ?? 0), 0);
    const inputs = [this.runs, this.metric, this.smoothing, this.logScale, this.maxEpochs, this.yRange, w, h, count];
    if (inputs.length === this.drawnFor.length && inputs.every((v, i) => v === this.drawnFor[i])) return;
    this.drawnFor = inputs;
    const runs = this.runs ?? [];
    const series = buildSeries(runs, this.metric, this.smoothing);
    const epochs = Math.max(this.maxEpochs, ...series.map((s) => s.raw.length), 2);
    const [left, right, top, bottom] = [44, w - 12, 16, h - 32];
    let [lo, hi] = valueRange(series, this.logScale);
    const given = this.yRange?.filter((v) => Number.isFinite(v) && (!this.logScale || v > 0)) ?? [];
    if (given.length) [lo, hi] = [Math.min(lo, ...given), Math.max(hi, ...given)];
    const below = this.logScale && lo < LOG_FLOOR ? lo : 0;
    const y = makeScale(lo, hi, bottom, top, this.logScale);
    const frame: Frame = { left, right, top, bottom, y, epochs, x: (i) => left + (i / Math.max(1, epochs - 1)) * (right - left) };
    const smoothed = this.smoothing > 0;
    // Points a series draws: at most two per pixel column, twice when its raw line is drawn behind.
    const cost = (s: Series) => Math.min(s.raw.length, 2 * (right - left)) * (smoothed ? 2 : 1);
    const show = (paths: (readonly [string, string])[]) => {
      Object.assign(this, { series, frame, below, paths, drawnRuns: runs });
      if (this.cursor !== null && this.cursor >= epochs) this.cursor = epochs - 1;
    };
    if (series.reduce((n, s) => n + cost(s), 0) <= SYNC_POINTS) {
      this.cancelSlices('paths');
      return show(series.map((s) => linePaths(s, frame, smoothed)));
    }
    // Many points: their paths are made a few series per task, the curves drawn so far staying meanwhile.
    this.inSlices('paths', async (next) => {
      const paths: (readonly [string, string])[] = [];
      let made = 0;
      for (const s of series) {
        if (made >= SYNC_POINTS) {
          if (!(await next())) return;
          made = 0;
        }
        paths.push(linePaths(s, frame, smoothed));
        made += cost(s);
      }
      show(paths);
      this.requestUpdate();
    });
  }

  private plotHeight(): number {
    return this.size.height > 40 ? this.size.height : 220;
  }

  protected override render() {
    const f = this.frame!;
    const w = f.right + 12;
    const h = this.plotHeight();
    const name = this.label || `Training curves: ${this.metric}`;
    const readout = this.readout();
    return html`${this.renderError()}${this.hideControls ? nothing : this.renderControls()}
      <div class="plot" part="plot">
        <svg viewBox="0 0 ${w} ${h}" width=${w} height=${h} role="slider" tabindex="0" aria-label=${name}
          aria-valuemin="1" aria-valuemax=${f.epochs} aria-valuenow=${(this.cursor ?? f.epochs - 1) + 1}
          aria-valuetext=${readout || 'no runs yet'} @pointermove=${this.onPointer} @pointerleave=${() => (this.cursor = null)}
          @keydown=${this.onKey}>
          ${axes(f, this.metric, this.xLabel)}
          ${this.series.length ? nothing : svg`<text class="empty" x=${(f.left + f.right) / 2} y=${(f.top + f.bottom) / 2} text-anchor="middle">${
            this.drawnRuns.length ? 'No points yet: they come as the run trains.' : 'No runs yet: train to see curves.'}</text>`}
          <clipPath id="plot-area"><rect x=${f.left} y=${f.top - 2} width=${f.right - f.left} height=${f.bottom - f.top + 4}></rect></clipPath>
          <g clip-path="url(#plot-area)">${lines(this.series, this.paths)}</g>
          ${markers(this.drawnRuns, f)}
          ${this.cursor === null ? nothing : svg`<line class="cursor" x1=${f.x(this.cursor)} x2=${f.x(this.cursor)} y1=${f.top} y2=${f.bottom}></line>`}
        </svg>
      </div>
      ${this.below ? html`<p class="note floor">Values below ${tickLabel(LOG_FLOOR)} (the smallest ${fmt(this.below)}) are drawn on the bottom axis.</p>` : nothing}
      <ul class="legend" part="legend">
        ${this.drawnRuns.map((r, i) => html`<li style=${styleProps({ '--c': runColor(i) })}>${swatch(runDash(i))}${
          this.series.some((s) => s.run === i && s.kind === 'validation') ? swatch('6 4') : nothing}${r.name}</li>`)}
        ${this.series.some((s) => s.kind === 'validation') ? html`<li class="key">solid: train · dashed: validation</li>` : nothing}
      </ul>
      <p class="readout" part="readout" aria-live="polite">${readout}</p>`;
  }

  private renderControls() {
    return html`<div class="controls" part="controls">
      <label>Smoothing <input type="range" min="0" max="0.99" step="0.01" .value=${String(this.smoothing)}
        @input=${(e: Event) => (this.smoothing = Number((e.target as HTMLInputElement).value))}
        @change=${() => this.emitNative('change')} /><output>${this.smoothing.toFixed(2)}</output></label>
      <label><input type="checkbox" .checked=${this.logScale}
        @change=${(e: Event) => {
          this.logScale = (e.target as HTMLInputElement).checked;
          this.emitNative('change');
        }} /> Log scale</label>
    </div>`;
  }

  /** "epoch 12 — A: train 0.81, validation 0.79; B: 0.5" for the cursor's epoch (the last epoch when none). */
  private readout(): string {
    if (!this.series.length) return '';
    const i = this.cursor ?? Math.max(...this.series.map((s) => s.raw.length)) - 1;
    const parts = this.drawnRuns.map((r, k) => {
      const own = this.series.filter((s) => s.run === k);
      const text = own.length === 1 && own[0].kind === 'train' ? fmt(own[0].smooth[i]) : own.map((s) => `${s.kind} ${fmt(s.smooth[i])}`).join(', ');
      return own.length ? `${r.name}: ${text}` : '';
    });
    return `${this.xLabel} ${i + 1} — ${parts.filter(Boolean).join('; ')}`;
  }

  private onPointer(e: PointerEvent): void {
    const f = this.frame!;
    const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
    const px = ((e.clientX - box.left) / Math.max(1, box.width)) * (f.right + 12);
    const i = Math.round(((px - f.left) / (f.right - f.left)) * (f.epochs - 1));
    this.cursor = Math.min(f.epochs - 1, Math.max(0, i));
  }

  private onKey(e: KeyboardEvent): void {
    const last = this.frame!.epochs - 1;
    const at = this.cursor ?? last;
    const step = e.shiftKey ? 10 : 1;
    const next = { ArrowLeft: at - step, ArrowDown: at - step, ArrowRight: at + step, ArrowUp: at + step, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    this.cursor = Math.min(last, Math.max(0, next));
  }
}

/** A legend's sample of a line, with its dash pattern. */
function swatch(dash: string) {
  return html`<svg class="swatch" width="20" height="6" aria-hidden="true"><line x1="0" y1="3" x2="20" y2="3" stroke-dasharray=${dash || nothing}></line></svg>`;
}
