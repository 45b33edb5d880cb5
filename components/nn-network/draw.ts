import { nothing, svg } from 'lit';
import type { NetState } from '../internal/chain-rule-net.js';
import { INPUT_NAMES, type NetParams, type ParamKey } from '../internal/params.js';
import type { NetLayout } from './layout.js';

/** What the student is pointing at: a unit (hover or focus) or a parameter's slider. */
export type Focus = { kind: 'param'; key: ParamKey } | { kind: 'input' | 'hidden' | 'output'; index: number };

const short = (v: number | undefined) => (v === undefined ? '' : Math.abs(v) < 0.005 ? '0' : v.toFixed(2));
const edgeWidth = (w: number) => 0.75 + 2.5 * Math.min(2, Math.abs(w));

/** Every weight's edge: colour by sign, width by size, dashed through a dead unit, highlighted on chosen paths. */
export function renderEdges(L: NetLayout, p: NetParams, v: NetState | undefined, sel?: ParamKey, paths?: { input: number; output: number }) {
  const edges = [];
  const line = (key: ParamKey, a: [number, number], b: [number, number], w: number, dead: boolean, onPath: boolean) => {
    const cls = [
      'edge',
      w >= 0 ? 'pos' : 'neg',
      dead ? 'dead' : '',
      paths ? (onPath ? (dead ? 'on-path dead-path' : 'on-path') : 'dim') : '',
      sel === key ? 'selected' : '',
    ].join(' ');
    return svg`<line part="edge" class=${cls} data-key=${key} x1=${a[0]} y1=${a[1]} x2=${b[0]} y2=${b[1]}
      stroke-width=${edgeWidth(w) + (onPath && paths ? 1.5 : 0)} />`;
  };
  for (let j = 0; j < L.hidden.length; j++) {
    const dead = !!v?.dead[j];
    for (let i = 0; i < 2; i++)
      edges.push(line(`W1.${j}.${i}`, L.inputs[i], L.hidden[j], p.W1[j][i], dead, paths?.input === i));
    for (let k = 0; k < 2; k++)
      edges.push(line(`W2.${k}.${j}`, L.hidden[j], L.outputs[k], p.W2[k][j], dead, paths?.output === k));
  }
  return svg`<g class="edges" aria-hidden="true">${edges}</g>`;
}

/** The units: inputs, hidden units (grey and crossed when dead) and outputs (gold ●, purple ■). */
export function renderNodes(L: NetLayout, v: NetState | undefined, focus: Focus | undefined, setFocus: (f?: Focus) => void) {
  const r = L.r;
  const node = (f: Focus & { index: number }, [x, y]: [number, number], name: string, label: string, inner: string, cls: string, shape: 'circle' | 'square', note = '') => {
    const focused = focus !== undefined && focus.kind !== 'param' && focus.kind === f.kind && focus.index === f.index;
    return svg`<g
      part="node ${f.kind}${cls.includes('dead') ? ' dead' : ''}"
      class="node ${f.kind} ${cls} ${focused ? 'focused' : ''}"
      tabindex="0"
      role="img"
      aria-label=${label}
      @focus=${() => setFocus(f)}
      @blur=${() => setFocus(undefined)}
      @pointerenter=${() => setFocus(f)}
      @pointerleave=${() => setFocus(undefined)}
    >
      ${shape === 'circle'
        ? svg`<circle cx=${x} cy=${y} r=${r} />`
        : svg`<rect x=${x - r * 0.9} y=${y - r * 0.9} width=${r * 1.8} height=${r * 1.8} rx="3" />`}
      <text class="value" x=${x} y=${y} text-anchor="middle" dominant-baseline="central">${inner}</text>
      <text class="name" x=${x} y=${y - r - 6} text-anchor="middle">${name}</text>
      ${cls.includes('dead')
        ? svg`<path class="cross" d="M ${x - r * 0.7} ${y - r * 0.7} L ${x + r * 0.7} ${y + r * 0.7} M ${x + r * 0.7} ${y - r * 0.7} L ${x - r * 0.7} ${y + r * 0.7}" />`
        : nothing}
      ${note ? svg`<text class="note" x=${x} y=${y + r + 28} text-anchor="middle">${note}</text>` : nothing}
    </g>`;
  };
  const out = [];
  for (let i = 0; i < 2; i++) {
    const val = v?.point[i];
    out.push(node({ kind: 'input', index: i }, L.inputs[i], INPUT_NAMES[i], `input ${INPUT_NAMES[i]} = ${short(val)}`, short(val), '', 'circle'));
  }
  for (let j = 0; j < L.hidden.length; j++) {
    const dead = !!v?.dead[j];
    const label = `hidden unit ${j + 1}: z = ${short(v?.hiddenZ[j])}, a = ${short(v?.hiddenA[j])}${dead ? ', dead' : ''}`;
    out.push(node({ kind: 'hidden', index: j }, L.hidden[j], `h${j + 1}`, label, short(v?.hiddenA[j]), dead ? 'dead' : '', 'circle'));
  }
  for (const k of [1, 0]) {
    const name = k === 1 ? 'gold' : 'purple';
    const p = v?.probabilities[k];
    const o = v?.logits[k];
    const label = `${name} output: o = ${short(o)}, p = ${short(p)}`;
    out.push(node({ kind: 'output', index: k }, L.outputs[k], `${name} o${k}=${short(o)}`, label, short(p), name, k === 1 ? 'circle' : 'square'));
  }
  return svg`<g class="nodes">${out}</g>`;
}
