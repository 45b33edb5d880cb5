import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleProps } from '../internal/style-props.js';
import { consume } from '@lit/context';
import { NnElement } from '../internal/nn-element.js';
import { ResizeController } from '../internal/resize-controller.js';
import { modelContext, type SharedModel } from '../internal/model-context.js';
import { enumConverter, jsonConverter, pointConverter, quote } from '../internal/attributes.js';
import { ChainRuleNet, type NetState } from '../internal/chain-rule-net.js';
import { ACTIVATIONS, type ActivationName } from '../internal/activations.js';
import {
  INPUT_NAMES,
  PARAM_MAX,
  PARAM_MIN,
  getParam,
  paramLabel,
  paramsProblem,
  resetParams,
  withParam,
  type NetParams,
  type ParamKey,
} from '../internal/params.js';
import { NnParamChangeEvent } from '../events/nn-param-change.js';
import { NnParamSelectEvent } from '../events/nn-param-select.js';
import { layoutNetwork, type NetLayout } from './layout.js';
import { renderEdges, renderNodes, type Focus } from './draw.js';
import { styles } from './nn-network.styles.js';

const fmt = (v: number) => (Math.abs(v) < 5e-4 ? '0.000' : v.toFixed(3));

/**
 * The chain-rule network drawn as SVG, with a slider for every parameter.
 *
 * Inputs x (top) and y feed the hidden units, which feed the outputs o1 gold (top) and o0 purple; the gold output's
 * probability is p = softmax(10·o)₁. Edges are coloured by the weight's sign and as wide as its size. Each weight
 * has a green slider on its edge and each bias a blue one under its unit (−2 to 2; arrow keys step 0.01, Page
 * Up/Down 0.4, Home/End the ends). Hover or focus a unit to read z and a. Dead units (ReLU input ≤ 0) are grey and
 * crossed, and the edges through them dashed. Inside `<nn-mathlet>` it draws the shared model.
 *
 * @tagname nn-network
 * @summary The network, its values, and a slider per parameter.
 * @fires input - While a slider moves (user actions only).
 * @fires change - When a slider move ends (user actions only).
 * @fires nn-param-change - With the parameter's key, value and `phase` (`input` or `change`).
 * @fires nn-param-select - When a slider is focused or clicked: the parameter picked.
 * @fires nn-error - An attribute could not be used; the last good state stays.
 * @csspart network - The SVG drawing.
 * @csspart node - Each unit (also `input`, `hidden`, `output`, `dead`).
 * @csspart edge - Each weight's edge.
 * @csspart slider - Each parameter's slider (also `weight` or `bias`).
 * @csspart detail - The line that reads out the focused unit or parameter.
 * @csspart error - The message shown for a bad attribute.
 * @cssprop --nn-positive - Colour of positive weights (default #2166ac).
 * @cssprop --nn-negative - Colour of negative weights (default #c2410c).
 * @cssprop --nn-weight - Colour of weight sliders (default #1a7f37).
 * @cssprop --nn-bias - Colour of bias sliders (default #1f5fbf).
 */
export class NnNetwork extends NnElement {
  static override styles = [styles];

  /** The parameters, as `SEMICIRCLE_BEST`'s JSON ({W1, b1, W2, b2}). Default: weights 0.2, biases 0. */
  @property({ attribute: 'params', converter: jsonConverter('params'), check: paramsProblem }) params: NetParams = resetParams(3);

  /** The input point as `"x,y"` (default `"0.2,0.3"`). */
  @property({ attribute: 'point', converter: pointConverter('point') }) point: readonly [number, number] = [0.2, 0.3];

  /** The hidden units' activation (default relu). */
  @property({ attribute: 'activation', converter: enumConverter('activation', ACTIVATIONS) }) activation: ActivationName = 'relu';

  /** The sliders cannot be moved. */
  @property({ type: Boolean, attribute: 'readonly' }) readonly = false;

  /** The parameter to mark as picked, e.g. `W1.0.0`. */
  @property({ type: String, attribute: 'selected' }) selected?: ParamKey = undefined;

  /** Highlight every path from input i to output k, as `"i,k"` (e.g. `"0,1"`: x to gold). */
  @property({
    type: String,
    attribute: 'paths',
    check: (p: string) => (parsePaths(p) ? undefined : `paths="${quote(p)}" is not "input,output" (e.g. "0,1")`),
  })
  paths?: string = undefined;

  /** The shared model, when inside `<nn-mathlet>`. @internal */
  @consume({ context: modelContext, subscribe: true })
  @state()
  shared?: SharedModel;

  @state() private pointed?: Focus;
  private readonly size = new ResizeController(this);
  private own?: ChainRuleNet;
  private net?: ChainRuleNet;
  private values?: NetState;
  private layout?: NetLayout;

  protected override willUpdate(changed: PropertyValues): void {
    if (this.shared) this.net = this.shared.net;
    else {
      if (!this.own || changed.has('params') || changed.has('activation')) {
        try {
          this.own = ChainRuleNet.build(this.params, this.activation);
        } catch (e) {
          this.fail(`Cannot build the network: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        }
      }
      this.net = this.own;
    }
    try {
      this.values = this.net?.at(this.shared?.point ?? this.point);
    } catch (e) {
      this.values = undefined;
      this.fail(`Cannot evaluate the network: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    this.layout = layoutNetwork(this.size.measureWidth(560), this.net?.hidden ?? this.currentParams.b1.length);
  }

  /** The parameters drawn (the shared ones inside `<nn-mathlet>`). */
  get currentParams(): NetParams {
    return this.shared?.params ?? this.params;
  }

  private get locked(): boolean {
    return this.readonly || !!this.shared?.readonly;
  }

  protected override render() {
    const L = this.layout!;
    const v = this.values;
    const sel = this.shared?.selected ?? this.selected;
    const paths = this.shared?.paths ?? (this.paths ? parsePaths(this.paths) : undefined);
    const p = this.currentParams;
    return html`${this.renderError()}
      <div class="net" style=${styleProps({ height: `${L.height}px` })}>
        <svg part="network" width=${L.width} height=${L.height} viewBox="0 0 ${L.width} ${L.height}" role="group" aria-label="network">
          ${renderEdges(L, p, v, sel, paths)}
          ${renderNodes(L, v, this.pointed, (f) => (this.pointed = f))}
        </svg>
        ${[...L.sliders].map(([key, [x, y]]) => this.renderSlider(key, x, y, L.sliderWidth, p, sel))}
      </div>
      <p part="detail" class="detail" aria-live="polite">${this.detailText(p, v) || '\u00a0'}</p>`;
  }

  private renderSlider(key: ParamKey, x: number, y: number, width: number, p: NetParams, sel?: ParamKey) {
    const value = getParam(p, key);
    const bias = key.startsWith('b');
    return html`<input
      type="range"
      part="slider ${bias ? 'bias' : 'weight'}"
      class="slider ${bias ? 'bias' : 'weight'} ${sel === key ? 'selected' : ''}"
      data-key=${key}
      style=${styleProps({ left: `${x - width / 2}px`, top: `${y - 12}px`, width: `${width}px` })}
      min=${PARAM_MIN}
      max=${PARAM_MAX}
      step="0.01"
      .value=${String(value)}
      ?disabled=${this.locked}
      aria-label=${paramLabel(key)}
      aria-valuetext=${`${value.toFixed(2)}`}
      @input=${(e: Event) => this.onSlider(key, e, 'input')}
      @change=${(e: Event) => this.onSlider(key, e, 'change')}
      @focus=${() => this.pick(key)}
      @pointerdown=${() => this.pick(key)}
      @blur=${() => (this.pointed = undefined)}
    />`;
  }

  private pick(key: ParamKey): void {
    this.pointed = { kind: 'param', key };
    this.emit(new NnParamSelectEvent(key));
  }

  private onSlider(key: ParamKey, e: Event, phase: 'input' | 'change'): void {
    e.stopPropagation();
    const value = Number((e.target as HTMLInputElement).value);
    if (!this.shared) this.params = withParam(this.params, key, value);
    this.pointed = { kind: 'param', key };
    this.emit(new NnParamChangeEvent(key, value, phase));
    this.emitNative(phase);
  }

  private detailText(p: NetParams, v?: NetState): string {
    const f = this.pointed;
    if (!f) return '';
    if (f.kind === 'param') return `${paramLabel(f.key)} = ${getParam(p, f.key).toFixed(2)}`;
    if (!v) return '';
    if (f.kind === 'input') return `input ${INPUT_NAMES[f.index]} = ${fmt(v.point[f.index])}`;
    if (f.kind === 'hidden')
      return `hidden unit ${f.index + 1}: z = ${fmt(v.hiddenZ[f.index])}, a = ${fmt(v.hiddenA[f.index])}${v.dead[f.index] ? ' (dead: z ≤ 0)' : ''}`;
    const name = f.index === 1 ? 'gold' : 'purple';
    return `${name} output: o = ${fmt(v.logits[f.index])}, p = ${fmt(v.probabilities[f.index])}`;
  }
}

/** "0,1" → { input: 0, output: 1 }. */
export function parsePaths(text: string): { input: number; output: number } | undefined {
  const m = /^\s*([01])\s*,\s*([01])\s*$/.exec(text);
  return m ? { input: Number(m[1]), output: Number(m[2]) } : undefined;
}

