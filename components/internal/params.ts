/**
 * The chain-rule network's parameters as plain JSON, in the layout of `SEMICIRCLE_BEST` from the core:
 * `W1` has one row `[wx, wy]` per hidden unit, `W2` one row per output (o0 purple, o1 gold), each over the hidden
 * units. This is how the homework prints them, and what `params` attributes and URL state carry.
 */
export interface NetParams {
  W1: number[][];
  b1: number[];
  W2: number[][];
  b2: number[];
}

/** A parameter's name: `W1.<unit>.<input>`, `b1.<unit>`, `W2.<output>.<unit>` or `b2.<output>`. */
export type ParamKey = `W1.${number}.${number}` | `b1.${number}` | `W2.${number}.${number}` | `b2.${number}`;

/** A parameter's place, parsed from its key. */
export interface ParamRef {
  name: 'W1' | 'b1' | 'W2' | 'b2';
  /** The unit the parameter feeds (hidden unit for W1/b1, output for W2/b2). */
  to: number;
  /** For a weight, the unit it leaves (input for W1, hidden unit for W2). */
  from?: number;
}

/** Slider range of every parameter, as in the original mathlet. */
export const PARAM_MIN = -2;
export const PARAM_MAX = 2;

/** The most hidden units the chain-rule network draws (a slider per parameter must still fit a phone). */
export const MAX_HIDDEN_UNITS = 8;

export const INPUT_NAMES = ['x', 'y'] as const;
export const OUTPUT_NAMES = ['purple', 'gold'] as const;

/** Parses `W1.0.1` etc.; undefined for anything else. */
export function parseParamKey(key: string): ParamRef | undefined {
  const m = /^(W1|W2)\.(\d+)\.(\d+)$|^(b1|b2)\.(\d+)$/.exec(key);
  if (!m) return undefined;
  if (m[1]) return { name: m[1] as 'W1' | 'W2', to: Number(m[2]), from: Number(m[3]) };
  return { name: m[4] as 'b1' | 'b2', to: Number(m[5]) };
}

export function paramKey(ref: ParamRef): ParamKey {
  return (ref.from === undefined ? `${ref.name}.${ref.to}` : `${ref.name}.${ref.to}.${ref.from}`) as ParamKey;
}

/** Every parameter key of a network with `hidden` hidden units, in W1, b1, W2, b2 order. */
export function allParamKeys(hidden: number): ParamKey[] {
  const keys: ParamKey[] = [];
  for (let j = 0; j < hidden; j++) for (let i = 0; i < 2; i++) keys.push(`W1.${j}.${i}`);
  for (let j = 0; j < hidden; j++) keys.push(`b1.${j}`);
  for (let k = 0; k < 2; k++) for (let j = 0; j < hidden; j++) keys.push(`W2.${k}.${j}`);
  for (let k = 0; k < 2; k++) keys.push(`b2.${k}`);
  return keys;
}

export function getParam(p: NetParams, key: ParamKey | ParamRef): number {
  const r = typeof key === 'string' ? parseParamKey(key) : key;
  if (!r) return NaN;
  const v = r.from === undefined ? p[r.name as 'b1' | 'b2'][r.to] : p[r.name as 'W1' | 'W2'][r.to]?.[r.from];
  return v ?? NaN;
}

/** A copy of `p` with one parameter changed. */
export function withParam(p: NetParams, key: ParamKey | ParamRef, value: number): NetParams {
  const r = typeof key === 'string' ? parseParamKey(key) : key;
  const next = cloneParams(p);
  if (!r) return next;
  if (r.from === undefined) next[r.name as 'b1' | 'b2'][r.to] = value;
  else next[r.name as 'W1' | 'W2'][r.to][r.from] = value;
  return next;
}

export function cloneParams(p: NetParams): NetParams {
  return { W1: p.W1.map((r) => [...r]), b1: [...p.b1], W2: p.W2.map((r) => [...r]), b2: [...p.b2] };
}

/** The "Reset" parameters: every weight 0.2, every bias 0. */
export function resetParams(hidden: number): NetParams {
  return {
    W1: Array.from({ length: hidden }, () => [0.2, 0.2]),
    b1: Array.from({ length: hidden }, () => 0),
    W2: Array.from({ length: 2 }, () => Array.from({ length: hidden }, () => 0.2)),
    b2: [0, 0],
  };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isRow = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every(isNum);

/**
 * Checks that `value` is a network's parameters with `hidden` hidden units (numbers, right shapes). Returns a
 * plain copy, or a message that says what is wrong.
 */
export function validateParams(value: unknown, hidden: number): NetParams | string {
  if (typeof value !== 'object' || value === null) return 'params must be an object {W1, b1, W2, b2}';
  const v = value as Record<string, unknown>;
  const W1 = v.W1;
  const W2 = v.W2;
  if (!Array.isArray(W1) || W1.length !== hidden || !W1.every((r) => isRow(r, 2)))
    return `params.W1 must be ${hidden} rows of 2 numbers [wx, wy]`;
  if (!isRow(v.b1, hidden)) return `params.b1 must be ${hidden} numbers`;
  if (!Array.isArray(W2) || W2.length !== 2 || !W2.every((r) => isRow(r, hidden)))
    return `params.W2 must be 2 rows (purple, gold) of ${hidden} numbers`;
  if (!isRow(v.b2, 2)) return 'params.b2 must be 2 numbers (purple, gold)';
  return cloneParams(v as unknown as NetParams);
}

/** The parameters' message, if any, for an element that takes any number of hidden units (1 to 8) from them. */
export function paramsProblem(p: unknown): string | undefined {
  const b1 = (p as { b1?: unknown } | null)?.b1;
  const hidden = Array.isArray(b1) && b1.length > 0 ? b1.length : 3;
  if (hidden > MAX_HIDDEN_UNITS) return `params has ${hidden} hidden units; at most ${MAX_HIDDEN_UNITS}`;
  const r = validateParams(p, hidden);
  return typeof r === 'string' ? r : undefined;
}

/** "weight from x to hidden unit 1": the accessible name of a parameter's slider (units counted from 1). */
export function paramLabel(key: ParamKey | ParamRef): string {
  const r = typeof key === 'string' ? parseParamKey(key) : key;
  if (!r) return String(key);
  const hidden = (j: number) => `hidden unit ${j + 1}`;
  const out = (k: number) => `the ${OUTPUT_NAMES[k] ?? `output ${k}`} output`;
  switch (r.name) {
    case 'W1':
      return `weight from ${INPUT_NAMES[r.from!] ?? `input ${r.from}`} to ${hidden(r.to)}`;
    case 'b1':
      return `bias of ${hidden(r.to)}`;
    case 'W2':
      return `weight from ${hidden(r.from!)} to ${out(r.to)}`;
    case 'b2':
      return `bias of ${out(r.to)}`;
  }
}

/**
 * The parameter's symbol in TeX, named by the units it joins as the network draws them: W1.0.1 → w_{y h_1},
 * W2.1.0 → w_{h_1 o_1}, b1.2 → b_{h_3}, b2.0 → b_{o_0} (hidden units counted from 1, outputs o0 and o1 as the
 * homework names them).
 */
export function paramTex(key: ParamKey | ParamRef): string {
  const r = typeof key === 'string' ? parseParamKey(key) : key;
  if (!r) return String(key);
  const h = (j: number) => `h_{${j + 1}}`;
  const o = (k: number) => `o_{${k}}`;
  switch (r.name) {
    case 'W1':
      return `w_{${INPUT_NAMES[r.from!]} ${h(r.to)}}`;
    case 'b1':
      return `b_{${h(r.to)}}`;
    case 'W2':
      return `w_{${h(r.from!)} ${o(r.to)}}`;
    case 'b2':
      return `b_{${o(r.to)}}`;
  }
}
