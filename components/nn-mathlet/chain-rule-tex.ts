import type { ChainRulePath, PathFactor } from '../../src/nn/introspection-types.js';
import { INPUT_NAMES, OUTPUT_NAMES, paramTex } from '../internal/params.js';

const num = (v: number) => (Math.abs(v) < 5e-4 ? '0' : v.toFixed(3));

/**
 * A factor's symbol, named by the units the network draws (x, y, h1…, o0, o1) rather than by layer indices:
 * w_{x h_1}, relu′(z_{h_1}), w_{h_1 o_1}. For the chain-rule net: layer 0 is the hidden layer, layer 1 the output.
 */
export function factorTex(f: PathFactor, activation: string): string {
  if (f.kind === 'weight')
    return paramTex(f.layer === 0 ? { name: 'W1', to: f.unit, from: f.from ?? 0 } : { name: 'W2', to: f.unit, from: f.from ?? 0 });
  if (f.kind === 'activation-derivative') return `\\mathrm{${activation.replace(/_/g, '\\_')}}'(z_{h_{${f.unit + 1}}})`;
  return f.tex;
}

/** The same symbol in plain text: w(x→h1), relu′(z_h1), w(h1→o1). */
export function factorText(f: PathFactor, activation: string): string {
  if (f.kind === 'weight')
    return f.layer === 0 ? `w(${INPUT_NAMES[f.from ?? 0]}→h${f.unit + 1})` : `w(h${(f.from ?? 0) + 1}→o${f.unit})`;
  if (f.kind === 'activation-derivative') return `${activation}′(z_h${f.unit + 1})`;
  return f.label;
}

/**
 * ∂o_k/∂x_i = Σ over paths of the product of local derivatives, in symbols. It depends only on the network's shape,
 * so it is typeset once per choice of input and output, not on every slider move; the numbers are in the path list
 * and in {@link chainRuleValueTex}.
 */
export function chainRuleTex(paths: ChainRulePath[], input: number, output: number, activation: string): string {
  const lhs = `\\frac{\\partial o_{${output}}}{\\partial ${INPUT_NAMES[input]}}`;
  const symbolic = paths.map((p) => p.factors.map((f) => factorTex(f, activation)).join('\\,')).join(' + ');
  return `${lhs} = ${symbolic}`;
}

/** The sum's value, "= 0.123": a small formula of its own, retypeset as the numbers change. */
export function chainRuleValueTex(value: number): string {
  return `= ${num(value)}`;
}

/** "x → h1 → gold". */
export function pathName(p: ChainRulePath, input: number, output: number): string {
  return [INPUT_NAMES[input], ...p.units.map((u) => `h${u + 1}`), OUTPUT_NAMES[output]].join(' → ');
}
