import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { NnElement } from '../internal/nn-element.js';
import { NnParamChangeEvent } from '../events/nn-param-change.js';
import { modelContext, type SharedModel } from '../internal/model-context.js';
import { BadAttribute, enumConverter, integerConverter, jsonConverter, pointConverter, quote, type Kind } from '../internal/attributes.js';
import { describeValue } from '../../src/spec/problems.js';
import { ChainRuleNet, type NetState } from '../internal/chain-rule-net.js';
import { ACTIVATIONS, type ActivationName } from '../internal/activations.js';
import { RandomState, SEMICIRCLE_BEST, isGold } from '../internal/engine.js';
import { MAX_HIDDEN_UNITS, allParamKeys, cloneParams, resetParams, validateParams, withParam, type NetParams, type ParamKey } from '../internal/params.js';
import type { HalfPlane } from '../nn-boundary/half-plane.js';
import { parseControls, type Panel } from './controls.js';
import { WiggleController } from './wiggle.js';
import { renderDerivative, renderDeadRegions, renderPaths, type PanelView } from './panels.js';
import { renderReadout, renderToolbar } from './readout.js';
import { styles } from './nn-mathlet.styles.js';
import { exportParts } from '../internal/parts.js';

const PRESETS = ['semicircle'] as const;

/** `"0,1"` → { input: 0, output: 1 }; as a property, `{ input, output }` with each 0 or 1. */
const pathsConverter: Kind<{ input: number; output: number }> = {
  fromAttribute(value) {
    if (value === null) return null;
    const m = /^\s*([01])\s*,\s*([01])\s*$/.exec(value);
    return m ? { input: Number(m[1]), output: Number(m[2]) } : new BadAttribute('paths', value, `paths="${quote(value)}" is not "input,output" (e.g. "0,1": x to gold)`);
  },
  check(value) {
    const v = value as { input?: unknown; output?: unknown };
    const bit = (b: unknown) => b === 0 || b === 1;
    return typeof v === 'object' && v !== null && bit(v.input) && bit(v.output) ? undefined : `paths must be { input, output } with each 0 or 1, got ${describeValue(value)}`;
  },
};
const inSquare = (p: readonly [number, number]) => p[0] >= 0 && p[0] <= 1 && p[1] >= 0 && p[1] <= 1;

/**
 * The chain-rule network of homework problem 13, to drag, wiggle and read derivatives from.
 *
 * Inputs (x, y) in the unit square go through hidden ReLU units to two outputs o0 (purple) and o1 (gold), with
 * p = softmax(10·o). A student drags the point on the map, moves any of the 17 parameters on its slider, and reads:
 * (a) ∂p_gold/∂w and ∂o_gold/∂w for the picked parameter, with a "wiggle" that shows Δp/Δw closing in on it;
 * (b) each hidden unit's dead region; (c) every path from an input to an output, its factors and products, and
 * the chain rule's sum typeset. Its parts (`<nn-network>`, `<nn-boundary>`) share one model through
 * `@lit/context`, which also reaches such elements placed in its light DOM.
 *
 * @tagname nn-mathlet
 * @summary The chain-rule network: drag the point, wiggle a weight, read the derivative.
 * @fires input - While the student drags the point or moves a slider.
 * @fires change - When a drag or slider move ends, or a button changes the state (user actions only).
 * @fires nn-point-move - From its map, when the student moves the point.
 * @fires nn-param-change - From its network, when the student moves a parameter.
 * @fires nn-error - An attribute could not be used; the last good state stays.
 * @slot - Elements placed inside, shown under the map and the network: an `nn-nudge`, `nn-boundary` or `nn-network`
 *   there draws this mathlet's model (shared through `@lit/context`).
 * @csspart toolbar - The row of buttons.
 * @csspart button - Each button.
 * @csspart readout - p(gold) and whether the prediction is right.
 * @csspart boundary - The map (an `nn-boundary`).
 * @csspart network - The network (an `nn-network`).
 * @csspart boundary-* - The map's own parts, prefixed: `boundary-probe` is its `<nn-boundary>`'s `probe`.
 * @csspart network-* - The network's own parts, prefixed: `network-slider` is its `<nn-network>`'s `slider`.
 * @csspart panel - Each of the panels (a), (b), (c).
 * @csspart error - The message shown for a bad attribute.
 * @cssprop --nn-gold - Colour of the gold class (default #e0a100).
 * @cssprop --nn-purple - Colour of the purple class (default #6a3d9a).
 * @cssprop --nn-mathlet-gap - Space between the parts (default 1rem).
 */
export class NnMathlet extends NnElement {
  static override styles = [styles];

  /** The task and network to start from. Only `semicircle` (problem 13) for now. */
  @property({ attribute: 'preset', converter: enumConverter('preset', PRESETS) }) preset: 'semicircle' = 'semicircle';

  /**
   * Number of hidden units (1–8, default 3). "Show best" needs 3. (The attribute is `hidden-units`: `hidden` is the
   * global attribute that hides an element.)
   */
  @property({ attribute: 'hidden-units', converter: integerConverter('hidden-units', 1, MAX_HIDDEN_UNITS) }) hiddenUnits = 3;

  /** The hidden units' activation (default relu). */
  @property({ attribute: 'activation', converter: enumConverter('activation', ACTIVATIONS) }) activation: ActivationName = 'relu';

  /** The input point as `"x,y"` in the unit square (default `"0.2,0.3"`). Setting it fires no `change`. */
  @property({
    attribute: 'point',
    converter: pointConverter('point'),
    check: (p: readonly [number, number]) => (inSquare(p) ? undefined : `point="${p.join(',')}" is outside the unit square`),
  })
  point: readonly [number, number] = [0.2, 0.3];

  /**
   * The parameters as JSON `{W1, b1, W2, b2}`, the layout of `SEMICIRCLE_BEST` (W1: a row [wx, wy] per hidden
   * unit; W2: rows purple, gold). Default: weights 0.2, biases 0. Setting it fires no `change`.
   */
  @property({
    attribute: 'params',
    converter: jsonConverter('params'),
    check: (p: unknown, el: NnMathlet) => {
      const r = validateParams(p, el.hiddenUnits);
      return typeof r === 'string' ? r : undefined;
    },
  })
  params: NetParams = resetParams(3);

  /** Which panels to show: `all` (default), `none`, or some of network, boundary, buttons, readout, derivative, dead-regions, paths. */
  @property({
    type: String,
    attribute: 'controls',
    check: (c: string) => {
      const r = parseControls(c);
      return typeof r === 'string' ? r : undefined;
    },
  })
  controls = 'all';

  /** Nothing can be changed: no dragging, no sliders, no buttons that change the state. */
  @property({ type: Boolean, attribute: 'readonly' }) readonly = false;

  /** Keep the point and parameters in the page's URL fragment under this element's `id`, so a link restores them. */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;

  /** Cells per side of the map's probability grid (8–256, default 64). */
  @property({ attribute: 'resolution', converter: integerConverter('resolution', 8, 256) }) resolution = 64;

  /** Seed of "New point" (default 0): every student gets the same sequence of points. */
  @property({ attribute: 'seed', converter: integerConverter('seed', 0, 2 ** 32 - 1) }) seed = 0;

  /** The parameter picked for part (a), e.g. `W1.0.0` (one of this network's parameters). */
  @property({
    type: String,
    attribute: 'selected',
    check: (k: string, el: NnMathlet) =>
      allParamKeys(el.hiddenUnits).includes(k as ParamKey) ? undefined : `selected="${quote(k)}" is not a parameter of this network (e.g. W1.0.0, b1.0, W2.1.0, b2.1)`,
  })
  selected?: ParamKey = undefined;

  /** Part (b): draw each hidden unit's dead region. */
  @property({ type: Boolean, attribute: 'dead-regions' }) deadRegions = false;

  /**
   * Part (c): the input (0 x, 1 y) and output (0 purple, 1 gold) whose paths are shown, or none. As an attribute,
   * `"input,output"`, e.g. `paths="0,1"` for x to gold.
   */
  @property({ attribute: 'paths', converter: pathsConverter }) paths?: { input: number; output: number } = undefined;

  @state() private panels = parseControls('all') as Set<Panel>;
  @state() private pathChoice = { input: 0, output: 1 };

  private readonly provider = new ContextProvider(this, { context: modelContext });
  // While a wiggle runs, the parts show the network with the wiggled parameter.
  private readonly wiggle = new WiggleController(this, (net) => (this.wiggleNet = net));
  private rng = new RandomState(0);
  private net!: ChainRuleNet;
  private values?: NetState;
  private wiggleNet?: ChainRuleNet;
  private shown?: SharedModel;

  constructor() {
    super();
    // Events from the parts (in the shadow root or the light DOM) come up through the host.
    this.addEventListener('nn-point-move', (e) => this.userMovedPoint(e.point));
    this.addEventListener('nn-param-change', (e) => this.userMovedParam(e.key, e.value));
    this.addEventListener('nn-param-select', (e) => this.pickParam(e.key));
  }

  /** Loads the link-state controller, once, when `url-state` is first set: pages that never use it do not load it. */
  private urlStateLoaded?: Promise<void>;

  // Before an update, a mathlet with `url-state` waits for its controller, so its first render already shows the
  // link's state (restored when the controller connects) instead of the page's own and then the link's.
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.urlState || this.urlStateLoaded) return super.scheduleUpdate();
    this.urlStateLoaded = import('./url-state.js').then(({ UrlStateController }) => {
      new UrlStateController(this, (text, reason) =>
        this.fail(`The link's state for #${this.id} cannot be used (${reason}); showing the page's own.`, { attribute: 'url-state', value: text }),
      );
    }, (e: unknown) => this.fail(`The link's state could not be loaded (${e instanceof Error ? e.message : String(e)}); showing the page's own.`, { attribute: 'url-state', value: '' }));
    return this.urlStateLoaded.then(() => super.scheduleUpdate());
  }

  /** The outputs at the current point: logits o and probabilities softmax(10·o), in order o0 purple, o1 gold. */
  get output(): { logits: number[]; probabilities: number[] } | undefined {
    return this.values && { logits: [...this.values.logits], probabilities: [...this.values.probabilities] };
  }

  /** 0-based indices of the hidden units dead (ReLU input ≤ 0) at the current point. */
  get deadUnits(): number[] {
    return this.values ? this.values.dead.flatMap((d, j) => (d ? [j] : [])) : [];
  }

  /** The network at the current parameters (engine model inside). @internal */
  get network(): ChainRuleNet {
    return this.net;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('paths') && this.paths) this.pathChoice = { ...this.paths };
    // A new number of hidden units (or the default parameters with another) starts from the Reset parameters.
    if (this.params.b1.length !== this.hiddenUnits) this.params = resetParams(this.hiddenUnits);
    if (this.selected && !allParamKeys(this.hiddenUnits).includes(this.selected)) this.selected = undefined;
    if (changed.has('controls')) this.panels = parseControls(this.controls) as Set<Panel>;
    if (changed.has('seed')) this.rng = new RandomState(this.seed);
    if (!this.net || changed.has('params') || changed.has('activation') || changed.has('hiddenUnits')) {
      this.net = ChainRuleNet.build(cloneParams(this.params), this.activation);
    }
    this.publish();
  }

  /** Recomputes what every part shows and hands it to them through the context. */
  private publish(): void {
    const net = this.wiggleNet ?? this.net;
    this.values = net.at(this.point);
    const shared: SharedModel = {
      net,
      params: net.params,
      point: this.point,
      readonly: this.readonly,
      selected: this.selected,
      paths: this.paths,
    };
    this.shown = shared;
    this.provider.setValue(shared);
  }

  // —— What the student does ——

  private userMovedPoint(point: readonly [number, number]): void {
    if (this.readonly || !inSquare(point)) return;
    this.point = point;
  }

  private userMovedParam(key: ParamKey, value: number): void {
    if (this.readonly) return;
    this.wiggle.clear();
    this.params = withParam(this.params, key, value);
    this.selected = key;
  }

  private pickParam(key: ParamKey): void {
    if (key !== this.selected) {
      this.selected = key;
      this.wiggle.clear();
    }
  }

  /** "Show best": the published parameters (3 hidden units). */
  showBest(): void {
    if (this.readonly || this.hiddenUnits !== 3) return;
    this.wiggle.clear();
    this.params = cloneParams(SEMICIRCLE_BEST as NetParams);
    this.userChanged();
  }

  /** "Reset": weights 0.2, biases 0. */
  reset(): void {
    if (this.readonly) return;
    this.wiggle.clear();
    this.params = resetParams(this.hiddenUnits);
    this.userChanged();
  }

  /** "New point": the next point from the seeded generator. */
  newPoint(): void {
    if (this.readonly) return;
    const [x, y] = this.rng.randomSample(2);
    this.point = [x, y];
    this.userChanged();
  }

  private userChanged(): void {
    this.emitNative('input');
    this.emitNative('change');
  }

  /** Part (a): wiggle the picked parameter by ±δ for shrinking δ; resolves when done. */
  async runWiggle(): Promise<void> {
    if (this.selected) await this.wiggle.run(this.net, this.selected, this.point);
  }

  // —— Drawing ——

  private halfPlanes(): HalfPlane[] {
    if (!this.deadRegions || this.activation !== 'relu') return [];
    const p = this.shown?.params ?? this.params;
    return p.W1.map((w, j) => ({ w: [w[0], w[1]] as const, b: p.b1[j], label: `h${j + 1}` }));
  }

  protected override render() {
    const show = (p: Panel) => this.panels.has(p);
    const view = this.panelView();
    return html`${this.renderError()}
      ${show('buttons') && !this.readonly
        ? renderToolbar({ best: this.hiddenUnits === 3, showBest: () => this.showBest(), reset: () => this.reset(), newPoint: () => this.newPoint() })
        : nothing}
      ${show('readout') ? renderReadout(this.point, this.values?.probabilities[1] ?? NaN, isGold(this.point[0], this.point[1])) : nothing}
      <div class="main">
        ${show('boundary')
          ? html`<nn-boundary
              part="boundary"
              exportparts=${exportParts('nn-boundary', 'boundary')}
              outline="semicircle"
              probe-label="input point (x, y)"
              resolution=${this.resolution}
              .halfPlanes=${this.halfPlanes()}
            ></nn-boundary>`
          : nothing}
        ${show('network') ? html`<nn-network part="network" exportparts=${exportParts('nn-network', 'network')}></nn-network>` : nothing}
      </div>
      <slot></slot>
      <div class="panels">
        ${show('derivative') ? renderDerivative(view) : nothing}
        ${show('dead-regions') ? renderDeadRegions(view) : nothing}
        ${show('paths') ? renderPaths(view) : nothing}
      </div>`;
  }

  /** What the panels read. */
  private panelView(): PanelView {
    return {
      values: this.values,
      net: this.net,
      point: this.point,
      params: this.params,
      activation: this.activation,
      selected: this.selected,
      wiggling: this.wiggle.running,
      wiggleRows: this.wiggle.rows,
      deadRegions: this.deadRegions,
      paths: this.paths,
      pathChoice: this.pathChoice,
      readonly: this.readonly,
      wiggle: () => void this.runWiggle(),
      pick: (key) => this.pickParam(key),
      // The same event the network's sliders send, which the host's listener applies.
      move: (key, value, phase) => {
        if (this.readonly) return;
        this.emit(new NnParamChangeEvent(key, value, phase));
        this.emitNative(phase);
      },
      toggleDeadRegions: () => (this.deadRegions = !this.deadRegions),
      choosePaths: (choice, on) => {
        this.pathChoice = { ...this.pathChoice, ...choice };
        this.paths = on ? this.pathChoice : undefined;
      },
    };
  }
}
