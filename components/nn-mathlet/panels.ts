import { html, nothing } from 'lit';
import type { ChainRuleNet, NetState } from '../internal/chain-rule-net.js';
import { INPUT_NAMES, OUTPUT_NAMES, PARAM_MAX, PARAM_MIN, allParamKeys, getParam, paramLabel, paramTex, type NetParams, type ParamKey } from '../internal/params.js';
import type { WiggleRow } from './wiggle.js';
import { chainRuleTex, chainRuleValueTex, factorText, pathName } from './chain-rule-tex.js';

/** What the three panels read from the mathlet, and what they may ask of it. */
export interface PanelView {
  values?: NetState;
  net: ChainRuleNet;
  point: readonly [number, number];
  params: NetParams;
  activation: string;
  selected?: ParamKey;
  wiggling: boolean;
  wiggleRows: WiggleRow[];
  deadRegions: boolean;
  paths?: { input: number; output: number };
  pathChoice: { input: number; output: number };
  /** Nothing may be changed (the picker and its slider are disabled). */
  readonly: boolean;
  wiggle(): void;
  /** The student picked a parameter in panel (a)'s list. */
  pick(key: ParamKey): void;
  /** The student moved the picked parameter with panel (a)'s slider or its − / + buttons. */
  move(key: ParamKey, value: number, phase: 'input' | 'change'): void;
  toggleDeadRegions(): void;
  choosePaths(choice: Partial<{ input: number; output: number }>, on: boolean): void;
}

const f4 = (v: number) => (Number.isFinite(v) ? (Math.abs(v) < 5e-5 ? '0.0000' : v.toFixed(4)) : '—');
const f3 = (v: number) => (Math.abs(v) < 5e-4 ? '0.000' : v.toFixed(3));
const GOLD = 1;

/**
 * (a) The picked parameter's derivatives, and the wiggle. The symbols are typeset and the numbers are text: the
 * symbols change only when another parameter is picked, so a slider move retypesets nothing (KaTeX and its DOM
 * were half of each update's cost when the numbers were inside the formula).
 */
export function renderDerivative(v: PanelView) {
  const key = v.selected;
  const g = key ? v.net.paramGradient(v.point, key, GOLD) : undefined;
  return html`<section part="panel" class="panel derivative" aria-labelledby="panel-a">
    <h3 id="panel-a">(a) Wiggle a parameter</h3>
    ${renderPicker(v)}
    ${!key || !g
      ? html`<p>Pick a parameter: in the list above, or focus or click its slider (green for weights, blue for biases).</p>`
      : html`<p>
            Picked: <strong class="picked">${paramLabel(key)}</strong> =
            <span class="param-value">${getParam(v.params, key).toFixed(2)}</span>
          </p>
          <dl class="grads">
            <dt><nn-math tex=${`\\dfrac{\\partial p_{\\text{gold}}}{\\partial ${paramTex(key)}}`}></nn-math></dt>
            <dd class="dp">${f4(g.probability)}</dd>
            <dt><nn-math tex=${`\\dfrac{\\partial o_{1}}{\\partial ${paramTex(key)}}`}></nn-math></dt>
            <dd class="do">${f4(g.logit)}</dd>
          </dl>
          <button part="button" type="button" class="wiggle" @click=${v.wiggle} ?disabled=${v.wiggling}>
            Wiggle ±δ
          </button>
          ${v.wiggleRows.length
            ? html`<table class="wiggle-table">
                <caption>
                  Δp/Δw = (p(w+δ) − p(w))/δ closes in on ∂p/∂w = ${f4(g.probability)}
                </caption>
                <thead>
                  <tr><th scope="col">δ</th><th scope="col">Δp/Δw</th></tr>
                </thead>
                <tbody>
                  ${v.wiggleRows.map((r) => html`<tr><td>${r.delta}</td><td>${f4(r.quotient)}</td></tr>`)}
                </tbody>
              </table>`
            : nothing}`}
  </section>`;
}

/**
 * The picked parameter, large: a list of all parameters by name, and a wide slider with − and + buttons (0.01 a
 * press). On a phone the network's sliders are small; this one is a finger's width tall.
 */
function renderPicker(v: PanelView) {
  const key = v.selected;
  const value = key ? getParam(v.params, key) : 0;
  const step = (d: number) => key && v.move(key, Math.min(PARAM_MAX, Math.max(PARAM_MIN, Math.round((value + d) * 100) / 100)), 'change');
  const moved = (e: Event, phase: 'input' | 'change') => key && v.move(key, Number((e.target as HTMLInputElement).value), phase);
  return html`<div class="picker">
    <label>Parameter
      <select class="param-select" ?disabled=${v.readonly} @change=${(e: Event) => v.pick((e.target as HTMLSelectElement).value as ParamKey)}>
        ${key ? nothing : html`<option value="" selected disabled>pick one</option>`}
        ${allParamKeys(v.params.b1.length).map((k) => html`<option value=${k} ?selected=${k === key}>${paramLabel(k)}</option>`)}
      </select></label>
    ${key
      ? html`<div class="fine">
          <button type="button" class="step-down" aria-label=${`${paramLabel(key)} − 0.01`} ?disabled=${v.readonly || value <= PARAM_MIN} @click=${() => step(-0.01)}>−</button>
          <input type="range" class="param-range" min=${PARAM_MIN} max=${PARAM_MAX} step="0.01" .value=${String(value)} ?disabled=${v.readonly}
            aria-label=${paramLabel(key)} aria-valuetext=${value.toFixed(2)} @input=${(e: Event) => moved(e, 'input')} @change=${(e: Event) => moved(e, 'change')} />
          <button type="button" class="step-up" aria-label=${`${paramLabel(key)} + 0.01`} ?disabled=${v.readonly || value >= PARAM_MAX} @click=${() => step(0.01)}>+</button>
        </div>`
      : nothing}
  </div>`;
}

/** (b) Which units are dead here, and the toggle that draws every unit's dead region. */
export function renderDeadRegions(v: PanelView) {
  const relu = v.activation === 'relu';
  const dead = v.values ? v.values.dead.flatMap((d, j) => (d ? [j + 1] : [])) : [];
  const at = `(${v.point[0].toFixed(2)}, ${v.point[1].toFixed(2)})`;
  const list = dead.length === 0 ? 'none' : dead.length === 1 ? `hidden unit ${dead[0]}` : `hidden units ${dead.slice(0, -1).join(', ')} and ${dead[dead.length - 1]}`;
  return html`<section part="panel" class="panel dead" aria-labelledby="panel-b">
    <h3 id="panel-b">(b) Dead units</h3>
    <p class="dead-list">Dead at ${at}: <strong>${list}</strong>.</p>
    ${relu
      ? html`<button part="button" type="button" aria-pressed=${v.deadRegions ? 'true' : 'false'} @click=${v.toggleDeadRegions}>
            Dead regions
          </button>
          ${v.deadRegions
            ? html`<p>Each hatched region (its own colour and direction, labelled inside) is where that unit is dead (z = w·(x, y) + b ≤ 0). Move the point out of it and the unit comes alive.</p>`
            : nothing}`
      : html`<p>Only ReLU units die: with ${v.activation}, every unit passes some change everywhere.</p>`}
  </section>`;
}

/** (c) Every path from the chosen input to the chosen output, with its factors and product, and their sum. */
export function renderPaths(v: PanelView) {
  const c = v.pathChoice;
  const on = !!v.paths;
  const paths = on ? v.net.paths(v.point, c.input, c.output) : [];
  const grad = on ? v.net.inputGradient(v.point, c.output)[c.input] : NaN;
  const live = paths.filter((p) => !p.deadAt).length;
  const select = (name: 'input' | 'output', e: Event) => {
    const value = Number((e.target as HTMLSelectElement).value);
    v.choosePaths({ [name]: value }, on);
  };
  return html`<section part="panel" class="panel paths" aria-labelledby="panel-c">
    <h3 id="panel-c">(c) The chain rule, path by path</h3>
    <div class="choose">
      <label>From input
        <select class="path-input" @change=${(e: Event) => select('input', e)}>
          ${INPUT_NAMES.map((n, i) => html`<option value=${i} ?selected=${c.input === i}>${n}</option>`)}
        </select></label>
      <label>to output
        <select class="path-output" @change=${(e: Event) => select('output', e)}>
          ${[1, 0].map((k) => html`<option value=${k} ?selected=${c.output === k}>${OUTPUT_NAMES[k]} (o${k})</option>`)}
        </select></label>
      <button part="button" type="button" aria-pressed=${on ? 'true' : 'false'} @click=${() => v.choosePaths(c, !on)}>
        Show paths
      </button>
    </div>
    ${on
      ? html`<p class="path-count">${paths.length} paths from ${INPUT_NAMES[c.input]} to o${c.output}, ${live} live.</p>
          <ol class="path-list">
            ${paths.map(
              (p) => html`<li class=${p.deadAt ? 'dead' : 'live'}>
                <span class="path-name">${pathName(p, c.input, c.output)}</span>:
                ${p.factors.map((f, i) => html`${i ? ' × ' : ''}<span class="factor">${factorText(f, v.activation)} = ${f3(f.value)}</span>`)}
                = <strong class="product">${f3(p.product)}</strong>
                ${p.deadAt ? html` <em>(dead: h${p.deadAt.unit + 1} passes nothing)</em>` : nothing}
              </li>`,
            )}
          </ol>
          <div class="chain-sum">
            <nn-math display class="chain-tex" tex=${chainRuleTex(paths, c.input, c.output, v.activation)}></nn-math>
            <nn-math display class="chain-value" tex=${chainRuleValueTex(grad)}></nn-math>
          </div>
          <p class="check">The engine's input gradient ∂o<sub>${c.output}</sub>/∂${INPUT_NAMES[c.input]} = <strong class="grad">${f4(grad)}</strong>: the same sum.</p>`
      : nothing}
  </section>`;
}
