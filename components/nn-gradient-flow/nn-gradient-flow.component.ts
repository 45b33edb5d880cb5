import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { NnElement } from '../internal/nn-element.js';
import { enumConverter, integerConverter } from '../internal/attributes.js';
import { describeValue } from '../../src/spec/problems.js';
import { NnCurves, type CurveRun } from '../nn-curves/nn-curves.js';
import { yRangeProblem } from '../nn-curves/curves-checks.js';
import { gradientByDepth } from '../../src/labs/index.js';
import type { ActivationName } from '../../src/spec/index.js';
import { styles } from './nn-gradient-flow.styles.js';
import { exportParts } from '../internal/parts.js';

const DEPTH_ACTIVATIONS: readonly ActivationName[] = ['sigmoid', 'tanh', 'relu', 'leaky_relu'];
const INITIALIZERS = ['glorot_uniform', 'he_normal', 'random_uniform'] as const;
type Init = (typeof INITIALIZERS)[number];
const METRIC = 'gradient size';
/** Layers × units² up to which the depth view is computed in the update itself (the default 10 × 16² takes ~3 ms). */
const SMALL_DEPTH_WORK = 4_000;
const VIEWS = ['depth', 'training'] as const;

/** Per epoch, one gradient size per layer: an array of arrays, within the limits `<nn-curves>` draws. */
function normsProblem(n: unknown): string | undefined {
  const rows = n as unknown[];
  if (!Array.isArray(n) || !rows.every((r) => Array.isArray(r) || ArrayBuffer.isView(r)))
    return `norms must be an array (per epoch) of arrays (per layer) of numbers, got ${describeValue(n)}`;
  // Drawn by <nn-curves>, which takes 20,000 values.
  const values = rows.length * ((rows[0] as unknown[] | undefined)?.length ?? 0);
  return values > 20_000 ? `norms: ${rows.length.toLocaleString('en')} epochs × ${(rows[0] as unknown[]).length} layers is over the limit of 20,000 values` : undefined;
}

/**
 * How big the gradient is at each layer. The `training` view plots, per Dense layer, the size of dLoss/dkernel
 * epoch by epoch (the `norms` a lab records while it trains); the `depth` view plots, for sigmoid, tanh, ReLU and
 * leaky ReLU, the gradient size at every layer of a deep network at initialisation — the vanishing gradient, seen:
 * with sigmoid it shrinks by orders of magnitude on its way back to the first layers. Both on a log scale, drawn
 * by `<nn-curves>`.
 *
 * @tagname nn-gradient-flow
 * @summary Gradient size per layer: over training, or by depth at initialisation.
 * @fires change - The student changed the depth view's depth, width or initializer.
 * @csspart controls - The depth view's settings.
 * @csspart curves - The `<nn-curves>` plot.
 * @csspart curves-* - The plot's own parts, prefixed: `curves-plot` is its `<nn-curves>`'s `plot`.
 * @csspart error - The message shown for an attribute it cannot use.
 */
export class NnGradientFlow extends NnElement {
  static override styles = [styles];
  /** The elements it renders; referenced so a tree-shaking bundler keeps their registration. */
  static readonly dependencies = { 'nn-curves': NnCurves };

  /** `depth` (gradient size by layer at initialisation, per activation) or `training` (per layer, over epochs). */
  @property({ attribute: 'view', converter: enumConverter('view', VIEWS) }) view: (typeof VIEWS)[number] = 'depth';

  /** Training view: per epoch, each layer's gradient size (`LabRun.gradientNorms`; at most 20,000 values). */
  @property({ attribute: false, check: normsProblem }) norms: readonly (readonly number[])[] = [];

  /** Values the plot's y axis spans at least (passed to `<nn-curves>`): two labs side by side share one. */
  @property({ attribute: false, check: yRangeProblem }) yRange?: readonly [number, number] = undefined;

  /** Depth view: hidden layers of the deep network (2–30). */
  @property({ attribute: 'depth', converter: integerConverter('depth', 2, 30) }) depth = 10;

  /** Depth view: units per hidden layer (2–32). */
  @property({ attribute: 'units', converter: integerConverter('units', 2, 32) }) units = 16;

  /** Depth view: every layer's initializer (`glorot_uniform`, Keras's default; `he_normal`; `random_uniform`). */
  @property({ attribute: 'initializer', converter: enumConverter('initializer', INITIALIZERS) }) initializer: Init = 'glorot_uniform';

  /** Depth view: the seed of the initial weights. */
  @property({ attribute: 'seed', converter: integerConverter('seed', 0, 4294967295) }) seed = 0;

  @state() private depthRuns: CurveRun[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    const inputs = ['view', 'depth', 'units', 'initializer', 'seed'];
    if (this.view === 'depth' && inputs.some((k) => changed.has(k))) this.computeDepth();
  }

  /**
   * The four activations' gradients. A large network's take a task each (30 layers of 32 units: about 10 ms per
   * activation), and the lines drawn so far stay until all four are new; a small one's are drawn at once.
   */
  private computeDepth(): void {
    const init = this.initializer === 'random_uniform' ? { name: 'random_uniform' as const, minval: -1, maxval: 1 } : this.initializer;
    const { depth, units, seed } = this;
    const one = (a: ActivationName): CurveRun => ({ name: a, scalars: { [METRIC]: gradientByDepth({ activation: a, depth, units, initializer: init, seed }) } });
    if (depth * units * units <= SMALL_DEPTH_WORK) {
      this.depthRuns = DEPTH_ACTIVATIONS.map(one);
      return;
    }
    this.inSlices('depth', async (next) => {
      const runs: CurveRun[] = [];
      for (const a of DEPTH_ACTIVATIONS) {
        if (runs.length && !(await next())) return;
        runs.push(one(a));
      }
      this.depthRuns = runs;
    });
  }

  /** The training view's runs: one line per layer. */
  private trainingRuns(): CurveRun[] {
    const layers = this.norms[0]?.length ?? 0;
    return Array.from({ length: layers }, (_, l) => ({
      name: l === layers - 1 ? `output layer` : `layer ${l + 1}`,
      scalars: { [METRIC]: this.norms.map((e) => e[l]) },
    }));
  }

  protected override render() {
    const depth = this.view === 'depth';
    return html`${this.renderError()}
      ${depth ? this.renderControls() : nothing}
      <nn-curves part="curves" exportparts=${exportParts('nn-curves', 'curves')} metric=${METRIC} log-scale hide-controls
        x-label=${depth ? 'layer (1 = next to the input)' : 'epoch'}
        label=${depth ? `Gradient size at each of ${this.depth} layers at initialisation, per activation` : 'Gradient size per layer during training'}
        .yRange=${this.yRange} .runs=${depth ? this.depthRuns : this.trainingRuns()}></nn-curves>
      ${depth ? html`<p class="note">Each line is one network of ${this.depth} Dense(${this.units}) layers; the gradient flows
        from the right (output) to the left (input). A line that falls to the left is a vanishing gradient.</p>` : nothing}`;
  }

  private renderControls() {
    const set = (key: 'depth' | 'units' | 'initializer') => (e: Event) => {
      const v = (e.target as HTMLSelectElement).value;
      (this as unknown as Record<string, unknown>)[key] = key === 'initializer' ? v : Number(v);
      this.emitNative('change');
    };
    return html`<div class="controls" part="controls">
      <label>Depth <select @change=${set('depth')}>${withValue([3, 5, 10, 15, 20, 30], this.depth).map((d) => html`<option ?selected=${d === this.depth}>${d}</option>`)}</select></label>
      <label>Units <select @change=${set('units')}>${withValue([4, 8, 16, 32], this.units).map((u) => html`<option ?selected=${u === this.units}>${u}</option>`)}</select></label>
      <label>Initializer <select @change=${set('initializer')}>${INITIALIZERS.map((i) => html`<option value=${i} ?selected=${i === this.initializer}>${i === 'random_uniform' ? 'random_uniform(−1, 1)' : i}</option>`)}</select></label>
    </div>`;
  }
}

/** The choices, with the current value among them when an attribute set another. */
const withValue = (list: number[], v: number) => [...new Set([...list, v])].sort((a, b) => a - b);
