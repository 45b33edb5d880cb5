/**
 * How factors of the chain rule read: weights as w^{(l)}_{j,i} (to unit j of layer l from unit i of the layer
 * below; layers counted from 1 as in the course), activation derivatives as relu′(z^{(l)}_j). Each has a plain
 * label (Unicode super/subscripts) and a KaTeX string.
 */

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUB = '₀₁₂₃₄₅₆₇₈₉';

function digits(n: number, table: string): string {
  return String(n)
    .split('')
    .map((c) => table[Number(c)])
    .join('');
}

/** n as Unicode superscript digits. */
export function sup(n: number): string {
  return digits(n, SUP);
}
/** n as Unicode subscript digits. */
export function sub(n: number): string {
  return digits(n, SUB);
}

/** Two subscripts, run together when both are one digit (w¹₀₁), comma-separated otherwise (w¹₁₂,₃). */
function pair(j: number, i: number): string {
  return j < 10 && i < 10 ? `${sub(j)}${sub(i)}` : `${sub(j)},${sub(i)}`;
}

/** Label and TeX of the weight to unit `to` of layer `layer` (0-based) from unit `from` below it. */
export function weightLabel(layer: number, to: number, from: number): { label: string; tex: string } {
  return { label: `w${sup(layer + 1)}${pair(to, from)}`, tex: `w^{(${layer + 1})}_{${to},${from}}` };
}

const TEX_NAMES: Record<string, string> = {
  sigmoid: '\\sigma',
  tanh: '\\tanh',
  relu: '\\operatorname{relu}',
  leaky_relu: '\\operatorname{leaky\\_relu}',
  elu: '\\operatorname{elu}',
  softplus: '\\operatorname{softplus}',
  linear: '\\operatorname{linear}',
};
const PLAIN_NAMES: Record<string, string> = { sigmoid: 'σ' };

/** Label and TeX of f′(z^{(l)}_j) for activation `name` at unit `unit` of layer `layer` (0-based). */
export function derivativeLabel(name: string, layer: number, unit: number): { label: string; tex: string } {
  const plain = PLAIN_NAMES[name] ?? name;
  const tex = TEX_NAMES[name] ?? `\\operatorname{${name}}`;
  return {
    label: `${plain}′(z${sup(layer + 1)}${sub(unit)})`,
    tex: `${tex}'(z^{(${layer + 1})}_{${unit}})`,
  };
}

/** Label and TeX of ∂a_k/∂z_m for the output layer `layer` (0-based): a softmax Jacobian entry. */
export function outputLabel(layer: number, k: number, m: number): { label: string; tex: string } {
  return {
    label: `∂a${sup(layer + 1)}${sub(k)}/∂z${sup(layer + 1)}${sub(m)}`,
    tex: `\\frac{\\partial a^{(${layer + 1})}_{${k}}}{\\partial z^{(${layer + 1})}_{${m}}}`,
  };
}
