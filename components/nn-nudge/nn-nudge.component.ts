import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleProps } from '../internal/style-props.js';
import { consume } from '@lit/context';
import { NnElement } from '../internal/nn-element.js';
import { modelContext, type SharedModel } from '../internal/model-context.js';
import { enumConverter, jsonConverter, numberConverter, pointConverter, quote } from '../internal/attributes.js';
import { ChainRuleNet, type NodeValues } from '../internal/chain-rule-net.js';
import { ACTIVATIONS, type ActivationName } from '../internal/activations.js';
import { allParamKeys, getParam, paramLabel, paramsProblem, parseParamKey, resetParams, type NetParams, type ParamKey } from '../internal/params.js';
import { styles } from './nn-nudge.styles.js';

/** What a nudge changes: an input (`x`, `y`) or a parameter. */
export type NudgeVariable = 'x' | 'y' | ParamKey;

/** One row of the table: a node, its value, and its first-order and actual change. */
interface NudgeRow {
  name: string;
  label: string;
  value: number;
  linear: number;
  actual: number;
  dead: boolean;
}

const f4 = (v: number) => (Math.abs(v) < 5e-5 ? '0.0000' : (v > 0 ? '+' : '') + v.toFixed(4));
/** A change's bar from the middle of its cell, left for negative, as wide as its share of the largest. */
const bar = (v: number, max: number) => ({ width: `${(50 * Math.abs(v)) / max}%`, [v < 0 ? 'right' : 'left']: '50%' });

/**
 * Propagation of small changes: nudge one input or parameter by δ and read, at every node of the chain-rule
 * network, the first-order change (derivative × δ, by the chain rule) next to the actual change. A dead unit
 * passes nothing on: its rows show 0 and the change stops there. Inside `<nn-mathlet>` it reads the shared model.
 *
 * @tagname nn-nudge
 * @summary First-order versus actual change at every node, for a nudge δ.
 * @fires change - When the student picks another variable or δ (user actions only).
 * @fires nn-error - An attribute could not be used; the last good state stays.
 * @csspart controls - The variable and δ pickers.
 * @csspart table - The table of nodes.
 * @csspart error - The message shown for a bad attribute.
 * @cssprop --nn-nudge-linear - Colour of the first-order bars (default #2166ac).
 * @cssprop --nn-nudge-actual - Colour of the actual-change bars (default #c2410c).
 */
export class NnNudge extends NnElement {
  static override styles = [styles];

  /** The parameters, as `SEMICIRCLE_BEST`'s JSON. Default: weights 0.2, biases 0. Ignored inside `<nn-mathlet>`. */
  @property({ attribute: 'params', converter: jsonConverter('params'), check: paramsProblem }) params: NetParams = resetParams(3);

  /** The input point `"x,y"` (default `"0.2,0.3"`). Ignored inside `<nn-mathlet>`. */
  @property({ attribute: 'point', converter: pointConverter('point') }) point: readonly [number, number] = [0.2, 0.3];

  /** The hidden units' activation (default relu). */
  @property({ attribute: 'activation', converter: enumConverter('activation', ACTIVATIONS) }) activation: ActivationName = 'relu';

  /** What to nudge: `x`, `y`, or a parameter such as `W1.0.0` (default `x`). */
  @property({
    type: String,
    attribute: 'variable',
    check: (v: string) => (v === 'x' || v === 'y' || parseParamKey(v) ? undefined : `variable="${quote(v)}" is not x, y or a parameter such as W1.0.0`),
  })
  variable: NudgeVariable = 'x';

  /** The nudge δ (default 0.05; between −2 and 2, not 0). */
  @property({ attribute: 'delta', converter: numberConverter('delta', -2, 2), check: (d: number) => (d === 0 ? 'delta must not be 0' : undefined) })
  delta = 0.05;

  /** The shared model, when inside `<nn-mathlet>`. @internal */
  @consume({ context: modelContext, subscribe: true })
  @state()
  shared?: SharedModel;

  private own?: ChainRuleNet;
  private rows: NudgeRow[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.shared && (!this.own || changed.has('params') || changed.has('activation'))) {
      this.own = ChainRuleNet.build(this.params, this.activation);
    }
    const net = this.shared?.net ?? this.own!;
    if (this.variable !== 'x' && this.variable !== 'y' && Number.isNaN(getParam(net.params, this.variable))) this.variable = 'x';
    this.rows = this.compute(net, this.shared?.point ?? this.point);
  }

  /** The table: every node's value, first-order change and actual change. */
  private compute(net: ChainRuleNet, point: readonly [number, number]): NudgeRow[] {
    const v = this.variable;
    const d = this.delta;
    const before = net.nodes(point);
    const grad = net.nodeDerivatives(point, v);
    let after: NodeValues;
    if (v === 'x' || v === 'y') {
      const moved: [number, number] = v === 'x' ? [point[0] + d, point[1]] : [point[0], point[1] + d];
      after = net.nodes(moved);
    } else after = net.with(v, getParam(net.params, v) + d).nodes(point);
    const dead = net.at(point).dead;
    const rows: NudgeRow[] = [];
    const add = (name: string, label: string, key: keyof NodeValues, i: number, isDead = false) =>
      rows.push({ name, label, value: before[key][i], linear: grad[key][i] * d, actual: after[key][i] - before[key][i], dead: isDead });
    for (let j = 0; j < before.z.length; j++) {
      add(`z${j + 1}`, `hidden unit ${j + 1}, input z`, 'z', j, dead[j]);
      add(`a${j + 1}`, `hidden unit ${j + 1}, output a`, 'a', j, dead[j]);
    }
    add('o₁', 'gold logit o1', 'o', 1);
    add('o₀', 'purple logit o0', 'o', 0);
    add('p_gold', 'gold probability', 'p', 1);
    return rows;
  }

  protected override render() {
    const net = this.shared?.net ?? this.own;
    const keys = net ? allParamKeys(net.hidden) : [];
    const max = Math.max(1e-9, ...this.rows.flatMap((r) => [Math.abs(r.linear), Math.abs(r.actual)]));
    return html`${this.renderError()}
      <div part="controls" class="controls">
        <label>Nudge
          <select class="variable" @change=${this.onVariable}>
            <option value="x" ?selected=${this.variable === 'x'}>input x</option>
            <option value="y" ?selected=${this.variable === 'y'}>input y</option>
            ${keys.map((k) => html`<option value=${k} ?selected=${this.variable === k}>${paramLabel(k)}</option>`)}
          </select>
        </label>
        <label>by δ =
          <input class="delta" type="number" step="0.01" min="-2" max="2" .value=${String(this.delta)} @change=${this.onDelta} />
        </label>
      </div>
      <table part="table">
        <caption>Change at every node when ${this.variable === 'x' || this.variable === 'y' ? `input ${this.variable}` : paramLabel(this.variable)} moves by δ = ${this.delta}</caption>
        <thead>
          <tr><th scope="col">node</th><th scope="col">value</th><th scope="col">first-order</th><th scope="col">actual</th><th scope="col" class="bars-head"><span class="visually-hidden">bars</span></th></tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (r) => html`<tr class=${r.dead ? 'dead' : ''}>
              <th scope="row" title=${r.label}>${r.name}${r.dead ? html` <span class="tag">dead</span>` : nothing}</th>
              <td>${r.value.toFixed(4)}</td>
              <td class="linear">${f4(r.linear)}</td>
              <td class="actual">${f4(r.actual)}</td>
              <td class="bars" aria-hidden="true">
                <span class="bar linear" style=${styleProps(bar(r.linear, max))}></span>
                <span class="bar actual" style=${styleProps(bar(r.actual, max))}></span>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p class="note">First-order: derivative × δ (the chain rule). A dead unit's rows stay 0: the change stops there.</p>`;
  }

  private onVariable(e: Event): void {
    this.variable = (e.target as HTMLSelectElement).value as NudgeVariable;
    this.emitNative('change');
  }

  private onDelta(e: Event): void {
    const d = Number((e.target as HTMLInputElement).value);
    if (!Number.isFinite(d) || d === 0 || Math.abs(d) > 2) {
      this.fail(`δ = ${(e.target as HTMLInputElement).value} must be a number between −2 and 2, not 0`, { attribute: 'delta', value: d });
      (e.target as HTMLInputElement).value = String(this.delta);
      return;
    }
    this.delta = d;
    this.emitNative('change');
  }
}
