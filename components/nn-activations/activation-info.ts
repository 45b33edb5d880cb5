import { ELU_ALPHA, LEAKY_RELU_ALPHA } from '../../src/nn/index.js';

/** The activations `<nn-activations>` can show, in its order. */
export const SHOWN = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'elu'] as const;
export type ShownActivation = (typeof SHOWN)[number];

/** What the element writes about each: a label, its formula and derivative in TeX, and what it means for depth. */
export interface ActivationInfo {
  label: string;
  tex: string;
  derTex: string;
  note: string;
}

const a = LEAKY_RELU_ALPHA;
const e = ELU_ALPHA;

/** Formulas use Keras's defaults: leaky ReLU's slope α = 0.3, ELU's α = 1. */
export const INFO: Record<ShownActivation, ActivationInfo> = {
  sigmoid: {
    label: 'sigmoid',
    tex: String.raw`\sigma(x) = \frac{1}{1 + e^{-x}}`,
    derTex: String.raw`\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr) \le \tfrac14`,
    note: 'Its slope is at most 1/4 and near 0 for |x| > 5: each layer shrinks the gradient at least four times.',
  },
  tanh: {
    label: 'tanh',
    tex: String.raw`\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}`,
    derTex: String.raw`\tanh'(x) = 1 - \tanh^2(x) \le 1`,
    note: 'Slope 1 at 0, but it saturates like the sigmoid: large inputs pass almost no gradient.',
  },
  relu: {
    label: 'ReLU',
    tex: String.raw`\operatorname{relu}(x) = \max(0, x)`,
    derTex: String.raw`\operatorname{relu}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}`,
    note: 'Slope exactly 1 for positive inputs: the gradient passes undiminished; a unit with input ≤ 0 is dead (slope 0).',
  },
  leaky_relu: {
    label: 'leaky ReLU',
    tex: String.raw`\operatorname{leaky}(x) = \begin{cases} x & x > 0 \\ ${a}\,x & x \le 0 \end{cases}`,
    derTex: String.raw`\operatorname{leaky}'(x) = \begin{cases} 1 & x > 0 \\ ${a} & x \le 0 \end{cases}`,
    note: `Like ReLU, but a slope of ${a} (Keras's default α) for negative inputs: no unit is ever completely dead.`,
  },
  elu: {
    label: 'ELU',
    tex: String.raw`\operatorname{elu}(x) = \begin{cases} x & x > 0 \\ ${e}\,(e^{x} - 1) & x \le 0 \end{cases}`,
    derTex: String.raw`\operatorname{elu}'(x) = \begin{cases} 1 & x > 0 \\ ${e}\,e^{x} & x \le 0 \end{cases}`,
    note: 'Smooth at 0, negative outputs keep the mean near zero; its slope fades for very negative inputs.',
  },
};

/** Colour per activation (Okabe–Ito, colour-blind safe); dashed lines tell them apart without colour too. */
export const COLORS: Record<ShownActivation, string> = {
  sigmoid: '#d55e00',
  tanh: '#cc79a7',
  relu: '#0072b2',
  leaky_relu: '#009e73',
  elu: '#e69f00',
};
export const DASHES: Record<ShownActivation, string> = { sigmoid: '', tanh: '8 3', relu: '', leaky_relu: '4 3', elu: '1 3' };

/** Reads `"sigmoid, relu"` into a list of known names; the unknown ones come back separately. */
export function parseShown(text: string): { names: ShownActivation[]; unknown: string[] } {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const names = parts.filter((p): p is ShownActivation => (SHOWN as readonly string[]).includes(p));
  return { names: SHOWN.filter((n) => names.includes(n)), unknown: parts.filter((p) => !names.includes(p as ShownActivation)) };
}
