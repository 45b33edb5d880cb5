import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { styleProps } from '../internal/style-props.js';
import { NnElement } from '../internal/nn-element.js';
import { numberConverter, quote } from '../internal/attributes.js';
import { getActivation } from '../../src/nn/index.js';
import { NnMath } from '../nn-math/nn-math.js';
import { COLORS, DASHES, INFO, SHOWN, parseShown, type ShownActivation } from './activation-info.js';
import { panel, xAt, type Panel } from './activations-plot.js';
import { styles } from './nn-activations.styles.js';

const W = 320;
const H = 220;

/**
 * Sigmoid, tanh, ReLU, leaky ReLU and ELU side by side with their derivatives (problem 12): the curves, a movable
 * x with each function's value and slope there, and every formula typeset by KaTeX. The values come from the
 * engine's own activations (Keras's defaults: leaky ReLU α = 0.3, ELU α = 1), so what is drawn is what trains.
 *
 * @tagname nn-activations
 * @summary Activation functions and their derivatives, with values and formulas.
 * @fires change - The student turned an activation on or off, or moved x.
 * @csspart toggles - The buttons that show and hide each activation.
 * @csspart plot - Each of the two plots (f and f′).
 * @csspart readout - The table of values at x.
 * @csspart formulas - The formulas and notes.
 * @csspart error - The message shown for an attribute it cannot use.
 */
export class NnActivations extends NnElement {
  static override styles = [styles];
  /** The elements it renders; referenced so a tree-shaking bundler keeps their registration. */
  static readonly dependencies = { 'nn-math': NnMath };

  /** Which activations are shown, by Keras name, comma-separated (default all five). */
  @property({
    type: String,
    attribute: 'show',
    check: (s: string) => {
      const { unknown } = parseShown(s);
      return unknown.length ? `show: unknown activation ${unknown.slice(0, 3).map((u) => `"${quote(u)}"`).join(', ')}; use ${SHOWN.join(', ')}` : undefined;
    },
  })
  show = SHOWN.join(',');

  /** Where the values are read: the x of the cursor. */
  @property({ attribute: 'x', converter: numberConverter('x', -10, 10) }) x = 1;

  /** The plots span x from −range to range (1 to 10). */
  @property({ attribute: 'range', converter: numberConverter('range', 1, 10) }) range = 4;

  private names: ShownActivation[] = [...SHOWN];

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('show')) this.names = parseShown(this.show).names;
    if (Math.abs(this.x) > this.range) this.x = Math.sign(this.x) * this.range;
  }

  protected override render() {
    const f: Panel = { w: W, h: H, range: this.range, yMin: -1.5, yMax: Math.max(2, Math.ceil(this.range)) };
    const d: Panel = { w: W, h: H, range: this.range, yMin: -0.5, yMax: 1.5 };
    const x = this.x;
    return html`${this.renderError()}
      <div class="toggles" part="toggles" role="group" aria-label="Activations shown">
        ${SHOWN.map((n) => html`<button type="button" aria-pressed=${this.names.includes(n)} style=${styleProps({ '--c': COLORS[n] })}
          @click=${() => this.toggle(n)}><svg class="key" viewBox="0 0 24 8" aria-hidden="true"><line x1="0" x2="24" y1="4" y2="4" stroke-dasharray=${DASHES[n] || 'none'}></line></svg>${INFO[n].label}</button>`)}
      </div>
      <div class="plots">
        ${[
          [f, false, `Activation functions f(x) for x from ${-this.range} to ${this.range}`],
          [d, true, 'Their derivatives f′(x): the factor each layer multiplies the gradient by'],
        ].map(([p, der, label]) => html`<svg part="plot" viewBox="0 0 ${W} ${H}" role="img" aria-label=${label as string}
          @pointermove=${(e: PointerEvent) => this.onPointer(e, p as Panel)}>${panel(p as Panel, this.names, der as boolean, x)}</svg>`)}
      </div>
      <label class="x">x <input type="range" min=${-this.range} max=${this.range} step="0.05" .value=${String(x)}
        @input=${(e: Event) => (this.x = Number((e.target as HTMLInputElement).value))}
        @change=${() => this.emitNative('change')} /><output>${x.toFixed(2)}</output></label>
      <table part="readout" aria-live="polite">
        <caption>Values at x = ${x.toFixed(2)}</caption>
        <thead><tr><th scope="col">activation</th><th scope="col">f(x)</th><th scope="col">f′(x)</th></tr></thead>
        <tbody>${this.names.map((n) => {
          const act = getActivation(n);
          return html`<tr data-name=${n}><th scope="row">${INFO[n].label}</th><td>${act.output(x).toFixed(4)}</td><td>${act.der(x).toFixed(4)}</td></tr>`;
        })}</tbody>
      </table>
      <dl class="formulas" part="formulas">
        ${this.names.map((n) => html`<div><dt style=${styleProps({ '--c': COLORS[n] })}>${INFO[n].label}</dt><dd>
          <nn-math display .tex=${INFO[n].tex}></nn-math><nn-math display .tex=${INFO[n].derTex}></nn-math><p>${INFO[n].note}</p></dd></div>`)}
      </dl>`;
  }

  private toggle(name: ShownActivation): void {
    const on = this.names.includes(name);
    this.show = SHOWN.filter((n) => (n === name ? !on : this.names.includes(n))).join(',');
    this.emitNative('change');
  }

  private onPointer(e: PointerEvent, p: Panel): void {
    const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
    const v = xAt(p, ((e.clientX - box.left) / Math.max(1, box.width)) * p.w);
    this.x = Math.round(Math.min(p.range, Math.max(-p.range, v)) * 20) / 20;
  }
}
