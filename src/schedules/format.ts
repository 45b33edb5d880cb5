/**
 * Numbers and calls written as KaTeX and as Python. Shared by the schedule descriptions and the Keras export, so a
 * number reads the same in the formula, the code and the parameter table.
 */

/** A number for a formula: at most 6 significant digits, powers of ten as `10^{-7}` rather than `1e-7`. */
export function texNumber(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '\\infty' : value < 0 ? '-\\infty' : '\\text{NaN}';
  // toPrecision keeps 0.1 + 0.2 from showing as 0.30000000000000004 in a formula a student reads.
  // Step counts are shown whole: 123456789 steps must not read as 123457000.
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const rounded = Number(value.toPrecision(6));
  // Below 10⁻⁴ a row of zeros is hard to count: write a power of ten instead.
  const text = rounded !== 0 && Math.abs(rounded) < 1e-4 ? rounded.toExponential() : String(rounded);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const mantissa = text.slice(0, e);
  const exponent = text.slice(e + 1).replace('+', '');
  if (mantissa === '1') return `10^{${exponent}}`;
  if (mantissa === '-1') return `-10^{${exponent}}`;
  return `${mantissa} \\times 10^{${exponent}}`;
}

/** A Python number literal with full precision: JavaScript's shortest round-trip form is also Python's repr. */
export function pyNumber(value: number): string {
  return String(value);
}

/**
 * A Python float literal (`1.0`, not `1`): Keras keeps the dtype of what it is given, and a schedule mixing int and
 * float values (PiecewiseConstantDecay's `values=[1, 0.5]`) fails inside `tf.case`.
 */
export function pyFloat(value: number): string {
  const text = String(value);
  return /[.eE]/.test(text) || !Number.isFinite(value) ? text : `${text}.0`;
}

/** `True` / `False`. */
export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** A single-quoted Python string literal. */
export function pyStr(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

/** `[1.0, 0.5]` with each item written by `item`. */
export function pyList(values: readonly number[], item: (v: number) => string = pyNumber): string {
  return `[${values.map(item).join(', ')}]`;
}

/**
 * A call `fn(a, b, c)` on one line when it fits in `width` columns (counting `indent`), else one argument a line,
 * as black would lay it out, so the exported notebook code reads like hand-written code.
 */
export function pyCall(fn: string, args: readonly string[], indent = '', width = 100): string {
  const oneLine = `${fn}(${args.join(', ')})`;
  if (indent.length + oneLine.length <= width || args.length === 0) return oneLine;
  const inner = `${indent}    `;
  return `${fn}(\n${args.map((a) => `${inner}${a},`).join('\n')}\n${indent})`;
}
