import { html, nothing, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { NnElement } from '../internal/nn-element.js';
import { ResizeController } from '../internal/resize-controller.js';
import { modelContext, type SharedModel } from '../internal/model-context.js';
import { BadAttribute, enumConverter, integerConverter, pointConverter, quote } from '../internal/attributes.js';
import { gridWorkProblem, halfPlanesProblem, modelProblem, pointsProblem } from './boundary-checks.js';
import { decisionGrid, isGold, type Classifier } from '../internal/engine.js';
import { NnPointMoveEvent } from '../events/nn-point-move.js';
import { PlotTransform, parseDomain, type Domain } from './transform.js';
import type { HalfPlane } from './half-plane.js';
import { renderHalfPlanes, renderPoints, renderSemicircle, type BoundaryPoints } from './overlay.js';
import { DEFAULT_PALETTE, paintGrid, parseColor, type Palette } from './paint.js';
import { renderMarker } from './marks.js';
import { ProbeDrag } from './probe-drag.js';
import { styles } from './nn-boundary.styles.js';

export type { HalfPlane, BoundaryPoints };


const OUTLINES = ['semicircle', 'none'] as const;
/**
 * Grid cells × model weights up to which a map is computed in the update itself (about 6 ms; the mathlet's maps, a
 * lab's 40×40 map of up to 3,750 weights); a larger map takes a band of rows per task.
 */
const SYNC_GRID_WORK = 6_000_000;

/**
 * The 2-D input space coloured by a classifier's predicted probability, with the data, the task's outline and a
 * probe point the student drags.
 *
 * The map is computed by the engine's `decisionGrid` on a low-resolution grid and scaled up, smoothed, onto a
 * canvas sized for device pixels; points, outline, dead regions and the probe are an SVG overlay. It takes any
 * 2-D classifier from the engine (`model`, reading output unit `output-unit`); inside `<nn-mathlet>` it draws the
 * shared model instead. The probe moves by pointer or touch (the page does not scroll while dragging) and by
 * keyboard: arrows move 1/50 of the view, with Shift 1/10, with Alt 1/200.
 *
 * @tagname nn-boundary
 * @summary A classifier's decision map with a draggable input point.
 * @fires input - While the student drags or moves the probe.
 * @fires change - When a drag ends, or after each key press (user actions only).
 * @fires nn-point-move - With the new point and `phase` (`input` or `change`).
 * @fires nn-error - An attribute could not be used; the last good state stays.
 * @csspart plot - The square holding the map and the overlay.
 * @csspart canvas - The probability map.
 * @csspart overlay - The SVG overlay.
 * @csspart probe - The draggable input point.
 * @csspart error - The message shown for a bad attribute.
 * @cssprop --nn-boundary-size - Largest width of the plot (default 420px); it shrinks to fit its container.
 * @cssprop --nn-boundary-low - Map colour at probability 0 (default #c4b0de).
 * @cssprop --nn-boundary-mid - Map colour at probability 0.5 (default #f6f6f6).
 * @cssprop --nn-boundary-high - Map colour at probability 1 (default #f6d680).
 */
export class NnBoundary extends NnElement {
  static override styles = [styles];

  /** The classifier to draw: any engine model with two inputs. Ignored inside `<nn-mathlet>`. */
  @property({ attribute: false, check: (m: unknown, el: NnBoundary) => modelProblem(m, el.resolution) }) model?: Classifier = undefined;

  /** Which output unit's probability colours the map; -1 (default) is the last one (gold, or a sigmoid's only unit). */
  @property({
    attribute: 'output-unit',
    converter: integerConverter('output-unit', -1, 1023),
    check: (u: number, el: NnBoundary) => {
      const k = el.classifier?.outputDim;
      return k === undefined || u < k ? undefined : `output-unit="${u}": the model has ${k} output unit${k > 1 ? 's' : ''} (0 to ${k - 1}, or -1 for the last)`;
    },
  })
  outputUnit = -1;

  /** The probe point as `"x,y"`; no probe when unset. Inside `<nn-mathlet>` the shared point is used. */
  @property({ attribute: 'point', converter: pointConverter('point'), check: (p: readonly [number, number], el: NnBoundary) => el.outsideMessage(p) })
  point?: readonly [number, number] = undefined;

  /** The view as `"xmin,xmax,ymin,ymax"` (default the unit square). */
  @property({
    type: String,
    attribute: 'domain',
    check: (d: string) => (parseDomain(d) ? undefined : `domain="${quote(d)}" is not "xmin,xmax,ymin,ymax" with xmin < xmax and ymin < ymax`),
  })
  domain = '0,1,0,1';

  /** Cells per side of the probability grid (8–256, default 64); the canvas scales it up. */
  @property({
    attribute: 'resolution',
    converter: integerConverter('resolution', 8, 256),
    check: (r: number, el: NnBoundary) => (el.model ? gridWorkProblem(el.model.params.length, r) : undefined),
  })
  resolution = 64;

  /** The task's outline to draw: `semicircle` (problem 13's half-disc; the probe then shows its true class) or `none`. */
  @property({ attribute: 'outline', converter: enumConverter('outline', OUTLINES) }) outline: 'semicircle' | 'none' = 'none';

  /** The probe cannot be moved. */
  @property({ type: Boolean, attribute: 'readonly' }) readonly = false;

  /** Accessible name of the probe (default "input point"). */
  @property({ type: String, attribute: 'probe-label' }) probeLabel = 'input point';

  /** Data points to draw: `{ X: [[x, y], …], y: [label, …] }` (at most 1,000). */
  @property({ attribute: false, check: pointsProblem }) points?: BoundaryPoints = undefined;

  /** Regions to shade and label, e.g. each hidden unit's dead half-plane (at most 64). */
  @property({ attribute: false, check: halfPlanesProblem }) halfPlanes: HalfPlane[] = [];

  /** The shared model, when inside `<nn-mathlet>`. @internal */
  @consume({ context: modelContext, subscribe: true })
  @state()
  shared?: SharedModel;

  @query('canvas') private canvas?: HTMLCanvasElement;
  private readonly size = new ResizeController(this, () => this.renderRoot.querySelector?.('.plot'));
  private readonly scratch = document.createElement('canvas');
  private grid?: Float32Array;
  /** The array the last map was in, for the next one computed in bands. */
  private spare?: Float32Array;
  /** The model or view changed while a map was computed in bands: compute again when it is done. */
  private gridAgain = false;
  /** Counts grids computed: the map is repainted when it moves on. */
  private gridVersion = 0;
  private gridFor?: unknown;
  /** @internal The view, parsed from `domain`. */
  view: Domain = { xMin: 0, xMax: 1, yMin: 0, yMax: 1 };
  private readonly drag = new ProbeDrag(this);
  private paintedPx = 0;
  private paletteStale = false;
  private palette?: Palette;
  private paintedVersion = -1;
  private paints = 0;

  /** The probe's point as drawn (the shared point inside `<nn-mathlet>`). */
  get currentPoint(): readonly [number, number] | undefined {
    return this.shared?.point ?? (this.point instanceof BadAttribute ? undefined : this.point);
  }

  /** @internal The model drawn: the shared one inside `<nn-mathlet>`, else `model`. */
  get classifier(): Classifier | undefined {
    return this.shared?.net.model ?? this.model;
  }

  protected override willUpdate(): void {
    this.view = parseDomain(this.domain) ?? this.view;
    const key = [this.classifier, this.shared?.net, this.outputUnit, this.resolution, this.domain];
    if (!this.gridFor || key.some((k, i) => k !== (this.gridFor as unknown[])[i])) {
      this.gridFor = key;
      this.computeGrid();
    }
  }

  /** @internal A message when `p` lies outside the view. */
  outsideMessage(p: readonly [number, number]): string | undefined {
    const d = parseDomain(this.domain) ?? this.view;
    return p[0] < d.xMin || p[0] > d.xMax || p[1] < d.yMin || p[1] > d.yMax
      ? `point="${p.join(',')}" is outside the view [${d.xMin}, ${d.xMax}] × [${d.yMin}, ${d.yMax}]`
      : undefined;
  }

  /**
   * The map of the current model and view. Up to SYNC_GRID_WORK it is computed in this update. A larger one is
   * computed a band of rows per task, from a copy of the weights (a lab trains the model meanwhile), into a spare
   * array: the map on screen stays until the new one is whole. A change while it runs is drawn after it, so a map
   * that changes every frame still gets drawn.
   */
  private computeGrid(): void {
    const model = this.classifier;
    const n = this.resolution * this.resolution;
    if (model && model.params.length * n > SYNC_GRID_WORK) {
      if (this.slicing('grid')) this.gridAgain = true;
      else this.sliceGrid();
      return;
    }
    this.cancelSlices('grid');
    if (!model) return this.setGrid(undefined);
    try {
      // Into the last grid's array when the size allows: a fresh 256×256 Float32Array per slider move cost more
      // (allocation and the garbage collector) than computing the grid itself.
      this.setGrid(decisionGrid(model, this.view, this.resolution, this.outputUnit, this.grid?.length === n ? this.grid : new Float32Array(n)));
    } catch (e) {
      this.gridFailed(e);
    }
  }

  private sliceGrid(): void {
    this.gridAgain = false;
    const source = this.classifier!;
    const { resolution: res, view, outputUnit: unit } = this;
    const model = source.clone();
    model.compiled = source.compiled;
    const band = Math.max(1, Math.floor(SYNC_GRID_WORK / (model.params.length * res)));
    this.inSlices('grid', async (next) => {
      const into = this.spare?.length === res * res ? this.spare : new Float32Array(res * res);
      try {
        for (let from = 0; from < res; from += band) {
          if (from > 0 && !(await next())) return;
          decisionGrid(model, view, res, unit, into, [from, Math.min(res, from + band)]);
        }
      } catch (e) {
        this.gridFailed(e);
        return this.requestUpdate();
      }
      this.spare = this.grid;
      this.setGrid(into);
      this.requestUpdate();
      if (this.gridAgain) this.sliceGrid();
    });
  }

  private gridFailed(e: unknown): void {
    this.fail(`Cannot draw this model: ${e instanceof Error ? e.message : String(e)}`, { attribute: 'model', cause: e });
    this.setGrid(undefined);
  }

  private setGrid(grid: Float32Array | undefined): void {
    this.grid = grid;
    this.gridVersion++;
  }

  protected override updated(): void {
    const canvas = this.canvas;
    const w = this.size.width;
    if (!canvas || !w) return;
    const px = Math.round(w * (window.devicePixelRatio || 1));
    // Paint only when the grid or the size changed: moving the probe repaints nothing, and reads no styles.
    if (this.paintedVersion === this.gridVersion && this.paintedPx === px && !this.paletteStale) return;
    // The colours are read once (and again after repaint()): getComputedStyle on every repaint forced a style
    // recalculation each time a student moved a slider.
    if (!this.palette || this.paletteStale) {
      const style = getComputedStyle(this);
      this.palette = {
        low: parseColor(style.getPropertyValue('--nn-boundary-low')) ?? DEFAULT_PALETTE.low,
        mid: parseColor(style.getPropertyValue('--nn-boundary-mid')) ?? DEFAULT_PALETTE.mid,
        high: parseColor(style.getPropertyValue('--nn-boundary-high')) ?? DEFAULT_PALETTE.high,
      };
    }
    const palette = this.palette;
    if (canvas.width !== px || canvas.height !== px) {
      canvas.width = px;
      canvas.height = px;
    }
    if (this.grid) paintGrid(canvas, this.scratch, this.grid, this.resolution, palette);
    else canvas.getContext('2d')?.clearRect(0, 0, px, px);
    this.paintedPx = px;
    this.paintedVersion = this.gridVersion;
    this.paletteStale = false;
    // For tests and debugging: how often the map was painted.
    canvas.dataset.grid = 'current';
    canvas.dataset.paints = String(++this.paints);
  }

  /** Repaints the map with the current values of the --nn-boundary-* colours (after a page changes them). */
  repaint(): void {
    this.paletteStale = true;
    this.requestUpdate();
  }

  protected override render() {
    const w = this.size.width || this.clientWidth || 300;
    const t = new PlotTransform(this.view, w, w);
    const p = this.currentPoint;
    const busy = this.readonly || this.shared?.readonly;
    return html`${this.renderError()}
      <div class="plot" part="plot">
        <canvas part="canvas" aria-hidden="true"></canvas>
        <svg
          part="overlay"
          class=${busy ? 'overlay readonly' : 'overlay'}
          viewBox="0 0 ${w} ${w}"
          role="group"
          aria-label="input space"
          @pointerdown=${this.drag.pointerDown}
          @pointermove=${this.drag.pointerMove}
          @pointerup=${this.drag.pointerUp}
          @pointercancel=${this.drag.pointerUp}
        >
          ${renderHalfPlanes(t, this.halfPlanes, this.view)} ${this.outline === 'semicircle' ? renderSemicircle(t) : nothing}
          ${this.points ? renderPoints(t, this.points) : nothing}
          ${p ? this.renderProbe(t, p, !!busy) : nothing}
        </svg>
      </div>`;
  }

  private renderProbe(t: PlotTransform, p: readonly [number, number], busy: boolean) {
    const [x, y] = t.toPixel(p[0], p[1]);
    const cls = this.outline === 'semicircle' ? (isGold(p[0], p[1]) ? 'gold' : 'purple') : 'neutral';
    const text = `x ${p[0].toFixed(2)}, y ${p[1].toFixed(2)}${cls === 'neutral' ? '' : `, true class ${cls}`}`;
    return svg`<g
      part="probe"
      class="probe"
      tabindex=${busy ? '-1' : '0'}
      role="slider"
      aria-label=${this.probeLabel}
      aria-roledescription="2-D point"
      aria-valuemin=${this.view.xMin}
      aria-valuemax=${this.view.xMax}
      aria-valuenow=${p[0]}
      aria-valuetext=${text}
      aria-readonly=${busy ? 'true' : 'false'}
      @keydown=${this.drag.keyDown}
    >
      <circle class="probe-halo" cx=${x} cy=${y} r="16" />
      ${renderMarker(x, y, cls, 8, 'probe-mark')}
    </g>`;
  }

  /** @internal For the probe's controller. */
  get probePoint(): readonly [number, number] | undefined {
    return this.currentPoint;
  }

  /** @internal */
  get probeLocked(): boolean {
    return this.readonly || !!this.shared?.readonly;
  }

  /** @internal The new point goes out as events; inside <nn-mathlet> the shared point then follows. */
  probeMoved(p: [number, number], phase: 'input' | 'change'): void {
    if (!this.shared) this.point = p;
    this.emit(new NnPointMoveEvent(p, phase));
    this.emitNative('input');
    if (phase === 'change') this.emitNative('change');
  }
}
