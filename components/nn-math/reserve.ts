/**
 * The room a formula will take, guessed from its TeX before KaTeX has loaded, so that the text around it does not
 * jump when it is typeset. A rough model of KaTeX's layout in em of its font (1.21em of the element's): a glyph is
 * 0.6 wide, 0.7 high and 0.2 deep; a script is 0.7 of its base and raised or lowered; a fraction stacks its parts
 * about the math axis (smaller inline). It only has to be close.
 */
export interface ReservedBox {
  /** Width in em of the element's font. */
  width: number;
  /** Height above the baseline plus depth below it, in em. */
  height: number;
  /** Depth below the baseline, in em. */
  depth: number;
}

const KATEX_SCALE = 1.21;
/** Commands that draw nothing themselves. */
const INVISIBLE = new Set(['left', 'right', 'displaystyle', 'textstyle', 'mathrm', 'mathit', 'mathbf', 'text', 'operatorname', 'limits', 'big', 'Big', 'bigl', 'bigr', 'Bigl', 'Bigr']);
const SPACES: Record<string, number> = { ',': 0.17, ':': 0.22, ';': 0.28, quad: 1, qquad: 2, ' ': 0.3, '!': -0.17 };
/** Big operators: wider and, in display style, taller. */
const LARGE = new Set(['sum', 'prod', 'int', 'bigcup', 'bigcap']);

interface Box {
  w: number;
  h: number;
  d: number;
  /** A big operator in display style: its scripts go above and below it. */
  limits?: boolean;
}

const glyph = (w = 0.6): Box => ({ w, h: 0.7, d: 0.2 });

/** Guesses the box `tex` will take (`display`: own line, larger operators and fractions). */
export function reserveBox(tex: string, display: boolean): ReservedBox {
  const b = new Guess(tex, display).row(0);
  return { width: Math.max(b.w, 0.3) * KATEX_SCALE, height: (b.h + b.d) * KATEX_SCALE, depth: b.d * KATEX_SCALE };
}

class Guess {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly display: boolean,
  ) {}

  /** A run of items up to its closing brace or the end. */
  row(depth: number): Box {
    const box: Box = { w: 0, h: 0.7, d: 0.2 };
    let last: Box | undefined;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '}') {
        this.i++;
        if (depth > 0) return box;
        continue;
      }
      if (c === '^' || c === '_') {
        this.i++;
        const sc = this.item(depth);
        if (last?.limits) {
          box.w += Math.max(0, sc.w * 0.7 - last.w);
          if (c === '^') box.h = Math.max(box.h, last.h + 0.7 * (sc.h + sc.d) + 0.1);
          else box.d = Math.max(box.d, last.d + 0.7 * (sc.h + sc.d) + 0.1);
          continue;
        }
        box.w += sc.w * 0.7;
        if (c === '^') box.h = Math.max(box.h, 0.4 + 0.7 * (sc.h + sc.d));
        else box.d = Math.max(box.d, 0.15 + 0.7 * (sc.h + sc.d) - 0.35);
        continue;
      }
      const it = this.item(depth);
      last = it;
      box.w += it.w;
      box.h = Math.max(box.h, it.h);
      box.d = Math.max(box.d, it.d);
    }
    return box;
  }

  /** One item: a group, a command with its arguments, or a character. */
  private item(depth: number): Box {
    const c = this.s[this.i++];
    if (c === undefined || /\s/.test(c)) return { w: 0, h: 0, d: 0 };
    if (c === '{') return this.row(depth + 1);
    if (c !== '\\') return glyph(/[=+\-<>]/.test(c) ? 1 : 0.6);
    const name = this.s.slice(this.i).match(/^([A-Za-z]+|.)/)?.[1] ?? '';
    this.i += name.length;
    if (name in SPACES) return { w: SPACES[name], h: 0, d: 0 };
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const s = name === 'dfrac' || (name === 'frac' && this.display) ? 1 : 0.7;
      const num = this.item(depth);
      const den = this.item(depth);
      return { w: Math.max(num.w, den.w) * s + 0.24, h: 0.35 + s * (num.h + num.d), d: s * (den.h + den.d) - 0.1 };
    }
    if (LARGE.has(name)) return this.display ? { w: 1.45, h: 1.05, d: 0.55, limits: true } : { w: 1.05, h: 0.75, d: 0.25 };
    if (INVISIBLE.has(name)) return { w: 0, h: 0, d: 0 };
    return glyph();
  }
}
