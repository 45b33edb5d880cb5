// How much TeX <nn-math> typesets: KaTeX's time grows with the formula, and a size such as \rule{100000em}{1em}
// makes a box as large as it says. These limits keep one typeset well under 50 ms and the box on the page.

/**
 * The longest TeX typeset, in characters. The longest the elements make is 553 (part (c) of `<nn-mathlet>` with 8
 * hidden units and leaky ReLU); 600 characters of the costliest kind (x+x+…) take about 40 ms.
 */
export const MAX_TEX_LENGTH = 600;
/** KaTeX's `maxSize`: the largest size, in em, a formula may ask for (\rule, \kern, \hspace, \\[…]). */
export const KATEX_MAX_SIZE = 20;
/** KaTeX's `maxExpand`: macro expansions per formula (KaTeX's default; it stops a \def that calls itself). */
export const KATEX_MAX_EXPAND = 1000;

// TeX's units in em, with KaTeX's 10 pt em and 0.431 em ex.
const PT = 0.1;
const EM_PER: Record<string, number> = {
  em: 1, ex: 0.431, mu: 1 / 18, pt: PT, mm: (7227 / 2540) * PT, cm: (7227 / 254) * PT, in: 72.27 * PT, bp: (803 / 800) * PT,
  pc: 12 * PT, dd: (1238 / 1157) * PT, cc: (14856 / 1157) * PT, nd: (685 / 642) * PT, nc: (1370 / 107) * PT, sp: PT / 65536, px: (803 / 800) * PT,
};
const NUMBER = String.raw`([-+]?\s*(?:\d+\.?\d*|\.\d+))\s*(em|ex|mu|pt|mm|cm|in|bp|pc|dd|cc|nd|nc|sp|px)`;
// A size alone in a group ({2em}, [3pt]) or after a spacing command (\kern2em): where KaTeX reads sizes.
const SIZE = new RegExp(String.raw`(?:[{\[]\s*${NUMBER}\s*[}\]])|(?:\\(?:kern|mkern|hskip|mskip)\s*${NUMBER})`, 'g');

/** A message when `tex` is longer than MAX_TEX_LENGTH or asks for a size over KATEX_MAX_SIZE; else undefined. */
export function texProblem(tex: string): string | undefined {
  if (tex.length > MAX_TEX_LENGTH) return `The TeX is ${tex.length.toLocaleString('en')} characters long; the limit is ${MAX_TEX_LENGTH.toLocaleString('en')}`;
  for (const m of tex.matchAll(SIZE)) {
    const value = Number((m[1] ?? m[3]).replace(/\s+/g, ''));
    const unit = m[2] ?? m[4];
    if (Math.abs(value * EM_PER[unit]) > KATEX_MAX_SIZE) return `The size ${value}${unit} is over the limit of ${KATEX_MAX_SIZE}em`;
  }
  return undefined;
}
