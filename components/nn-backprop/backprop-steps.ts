import type { BackpropPass } from '../../src/labs/index.js';

/** A value of the pass: `x`, `z1`, `a1`, …, `L` (loss), `W1`, `b1`, … and the backward ones `d1` (δ), `dA1`, `dW1`, `db1`. */
export type ValueId = string;

/** One step of the walk-through. */
export interface Step {
  phase: 'forward' | 'backward';
  title: string;
  /** The formula in symbols, and with the current numbers (KaTeX). */
  tex: string;
  texNumbers: string;
  /** Every value the step uses; `cached` are those the forward pass stored for the backward pass. */
  reads: ValueId[];
  cached: ValueId[];
  writes: ValueId;
}

/** The forward values the forward pass keeps, in order (x is the input, kept with them). */
export function cacheIds(layers: number): ValueId[] {
  const ids = ['x'];
  for (let k = 1; k <= layers; k++) ids.push(`z${k}`, `a${k}`);
  return ids;
}

/** TeX symbol of a value id: z1 → z^{[1]}, the output's a → \hat y. */
export function symbol(id: ValueId, layers: number): string {
  const m = /^(dW|db|dA|d|z|a|W|b)(\d+)$/.exec(id);
  if (!m) return id === 'x' ? 'x' : id === 'L' ? 'L' : id;
  const [, kind, k] = m;
  const sup = `^{[${k}]}`;
  const out = Number(k) === layers;
  switch (kind) {
    case 'z':
      return `z${sup}`;
    case 'a':
      return out ? '\\hat y' : `a${sup}`;
    case 'W':
      return `W${sup}`;
    case 'b':
      return `b${sup}`;
    case 'd':
      return `\\delta${sup}`;
    case 'dA':
      return out ? '\\tfrac{\\partial L}{\\partial \\hat y}' : `\\tfrac{\\partial L}{\\partial a${sup}}`;
    case 'dW':
      return `\\tfrac{\\partial L}{\\partial W${sup}}`;
    default:
      return `\\tfrac{\\partial L}{\\partial b${sup}}`;
  }
}

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A value's name in plain text, for screen readers and summaries: z¹, ŷ, δ², ∂L/∂W¹. */
export function plainName(id: ValueId, layers: number): string {
  const m = /^(dW|db|dA|d|z|a|W|b)(\d+)$/.exec(id);
  if (!m) return id;
  const [, kind, k] = m;
  const sup = [...k].map((c) => SUP[Number(c)]).join('');
  if (kind === 'a' && Number(k) === layers) return 'ŷ';
  return { z: 'z', a: 'a', W: 'W', b: 'b', d: 'δ', dA: Number(k) === layers ? '∂L/∂ŷ' : '∂L/∂a', dW: '∂L/∂W', db: '∂L/∂b' }[kind] + (kind === 'dA' && Number(k) === layers ? '' : sup);
}

const n3 = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '\\text{NaN}');
/** A vector as a KaTeX column (or one number). */
export const vec = (v: readonly number[]) => (v.length === 1 ? n3(v[0]) : `\\begin{bmatrix}${v.map(n3).join('\\\\')}\\end{bmatrix}`);
/** A matrix [out][in] as KaTeX. */
const mat = (m: readonly (readonly number[])[]) => `\\begin{bmatrix}${m.map((r) => r.map(n3).join('&')).join('\\\\')}\\end{bmatrix}`;
/** Keras's [in][out] kernel as the W of z = Wa + b ([out][in]). */
const outIn = (k: readonly (readonly number[])[]) => k[0].map((_, j) => k.map((r) => r[j]));

/** The step-by-step of a pass: the forward pass layer by layer, the loss, then the backward pass. */
export function buildSteps(p: BackpropPass): Step[] {
  const L = p.layers.length;
  const s = (id: ValueId) => symbol(id, L);
  const prev = (k: number) => (k === 1 ? 'x' : `a${k - 1}`);
  const prevVal = (k: number) => (k === 1 ? p.x : p.layers[k - 2].a);
  const f = (k: number) => p.layers[k - 1].activation;
  const steps: Step[] = [];
  for (let k = 1; k <= L; k++) {
    const l = p.layers[k - 1];
    steps.push({
      phase: 'forward', title: `Layer ${k}: weighted sum`, reads: [prev(k), `W${k}`, `b${k}`], cached: [], writes: `z${k}`,
      tex: `${s(`z${k}`)} = W^{[${k}]} ${s(prev(k))} + b^{[${k}]}`,
      texNumbers: `${s(`z${k}`)} = ${mat(outIn(l.W))}${vec(prevVal(k))} + ${vec(l.b)} = ${vec(l.z)}`,
    });
    steps.push({
      phase: 'forward', title: `Layer ${k}: activation (${f(k)})`, reads: [`z${k}`], cached: [], writes: `a${k}`,
      tex: `${s(`a${k}`)} = \\operatorname{${f(k).replace('_', '\\_')}}(${s(`z${k}`)})`,
      texNumbers: `${s(`a${k}`)} = ${vec(l.a)}`,
    });
  }
  const out = p.layers[L - 1];
  steps.push({
    phase: 'forward', title: 'Loss (binary cross-entropy)', reads: [`a${L}`], cached: [], writes: 'L',
    tex: 'L = -\\bigl(y \\log \\hat y + (1 - y) \\log(1 - \\hat y)\\bigr)',
    texNumbers: `L = -\\bigl(${p.y} \\log ${n3(out.a[0])} + ${1 - p.y} \\log(1 - ${n3(out.a[0])})\\bigr) = ${n3(p.loss)}`,
  });
  for (let k = L; k >= 1; k--) {
    const l = p.layers[k - 1];
    if (k === L) {
      steps.push({
        phase: 'backward', title: 'Output error δ (sigmoid with cross-entropy)', reads: [`a${L}`], cached: [`a${L}`], writes: `d${L}`,
        tex: `${s(`d${L}`)} = \\frac{\\partial L}{\\partial z^{[${L}]}} = \\hat y - y`,
        texNumbers: `${s(`d${L}`)} = ${n3(out.a[0])} - ${p.y} = ${vec(out.delta)}`,
      });
    } else {
      const usesA = f(k) === 'sigmoid' || f(k) === 'tanh';
      const cachedVals = usesA ? [`z${k}`, `a${k}`] : [`z${k}`];
      const der = f(k) === 'sigmoid' ? `a^{[${k}]}(1 - a^{[${k}]})` : f(k) === 'tanh' ? `1 - (a^{[${k}]})^2` : `${f(k).replace('_', '\\_')}'(z^{[${k}]})`;
      steps.push({
        phase: 'backward', title: `Layer ${k}: error δ through the activation`, reads: [`dA${k}`, ...cachedVals], cached: cachedVals, writes: `d${k}`,
        tex: `${s(`d${k}`)} = ${s(`dA${k}`)} \\odot f'(z^{[${k}]}),\\quad f'(z^{[${k}]}) = ${der}`,
        texNumbers: `${s(`d${k}`)} = ${vec(l.dA)} \\odot ${vec(l.fPrime)} = ${vec(l.delta)}`,
      });
    }
    steps.push({
      phase: 'backward', title: `Layer ${k}: gradient of the weights`, reads: [`d${k}`, prev(k)], cached: [prev(k)], writes: `dW${k}`,
      tex: `${s(`dW${k}`)} = ${s(`d${k}`)}\\, (${s(prev(k))})^{\\top}`,
      texNumbers: `${s(`dW${k}`)} = ${vec(l.delta)} ${vec(prevVal(k))}^{\\top} = ${mat(outIn(l.dW))}`,
    });
    steps.push({
      phase: 'backward', title: `Layer ${k}: gradient of the bias`, reads: [`d${k}`], cached: [], writes: `db${k}`,
      tex: `${s(`db${k}`)} = ${s(`d${k}`)}`,
      texNumbers: `${s(`db${k}`)} = ${vec(l.db)}`,
    });
    if (k > 1) {
      steps.push({
        phase: 'backward', title: `Layer ${k}: pass the error back`, reads: [`W${k}`, `d${k}`], cached: [], writes: `dA${k - 1}`,
        tex: `${s(`dA${k - 1}`)} = (W^{[${k}]})^{\\top} ${s(`d${k}`)}`,
        texNumbers: `${s(`dA${k - 1}`)} = ${mat(l.W)} ${vec(l.delta)} = ${vec(p.layers[k - 2].dA)}`,
      });
    }
  }
  return steps;
}
