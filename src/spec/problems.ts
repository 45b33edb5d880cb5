/**
 * What a validator reports: every problem with its path and value, collected rather than thrown one at a time,
 * so a student (or a URL someone shared) sees all that is wrong at once.
 */

/** One thing wrong with a spec: where (`layers[2].units`), a sentence that names it, and the value found. */
export interface SpecProblem {
  path: string;
  message: string;
  value: unknown;
}

/** Thrown by the `assertValid…` functions and by anything that refuses a spec; `message` lists every problem. */
export class SpecError extends Error {
  /** Every problem found, in the order the validator met them. */
  readonly problems: SpecProblem[];

  constructor(problems: SpecProblem[], what = 'spec') {
    super(formatProblems(problems, what));
    this.name = 'SpecError';
    this.problems = problems;
  }
}

/** "2 problems in the spec:\n- a\n- b": the text of a SpecError, also handy for an element's error message. */
export function formatProblems(problems: SpecProblem[], what = 'spec'): string {
  if (problems.length === 0) return `The ${what} is valid.`;
  const head = problems.length === 1 ? `1 problem in the ${what}:` : `${problems.length} problems in the ${what}:`;
  return [head, ...problems.map((p) => `- ${p.message}`)].join('\n');
}

/** Throws a SpecError when `problems` is not empty. */
export function throwIfProblems(problems: SpecProblem[], what = 'spec'): void {
  if (problems.length > 0) throw new SpecError(problems, what);
}

/** A value as a message shows it: strings quoted, so `"abc"` and `abc` and `undefined` read differently. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Cyclic objects cannot be shown whole; their kind is enough to point at the mistake.
    text = Array.isArray(value) ? 'an array' : 'an object';
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `join('layers', 2)` is `layers[2]`; `join('layers[2]', 'units')` is `layers[2].units`; an empty base adds nothing. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' ? key : `${base}.${key}`;
}

/** Collects problems; `label` names the root in messages when a path is empty ("model spec must be an object"). */
export class ProblemList {
  readonly problems: SpecProblem[] = [];

  constructor(private readonly label: string) {}

  /** Adds `<path> <requirement>, got <value>`. */
  need(path: string, requirement: string, value: unknown): void {
    this.add(path, `${path === '' ? this.label : path} ${requirement}, got ${describeValue(value)}`, value);
  }

  /** Adds a problem whose sentence is written out in full (for combinations of fields). */
  add(path: string, message: string, value: unknown): void {
    this.problems.push({ path, message, value });
  }

  /** Checks `value` against `rule`; returns whether it passed. */
  check(path: string, value: unknown, rule: Rule): boolean {
    if (rule.test(value)) return true;
    this.need(path, rule.text, value);
    return false;
  }

  /** Like `check`, but a missing (undefined) value passes: the default applies. */
  optional(path: string, value: unknown, rule: Rule): boolean {
    return value === undefined || this.check(path, value, rule);
  }

  /** Checks that `value` is a plain object (not an array, not null); returns it typed for field access. */
  object(path: string, value: unknown, what = 'an object'): Record<string, unknown> | null {
    if (isRecord(value)) return value;
    this.need(path, `must be ${what}`, value);
    return null;
  }

  /** Flags fields of `obj` that belong to a sibling kind but not to this one (e.g. `momentum` on adam). */
  notApplicable(base: string, obj: Record<string, unknown>, foreign: readonly string[], owner: string): void {
    for (const key of foreign) {
      if (obj[key] !== undefined) {
        const path = joinPath(base, key);
        this.add(path, `${path} does not apply to ${owner}, got ${describeValue(obj[key])}`, obj[key]);
      }
    }
  }
}

/** A test and the words that say what it wants ("must be a positive integer"). */
export interface Rule {
  test(value: unknown): boolean;
  text: string;
}

/** True for a plain object: what every spec part must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for a number that is neither NaN nor infinite. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** 1, 2, 3, …: unit counts, epochs, batch sizes. */
export const POSITIVE_INTEGER: Rule = {
  test: (v) => Number.isSafeInteger(v) && (v as number) > 0,
  text: 'must be a positive integer',
};
/** 0, 1, 2, …: patience, cooldown, slice sizes. */
export const NON_NEGATIVE_INTEGER: Rule = {
  test: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
  text: 'must be a non-negative integer',
};
/** A finite number above 0: learning rates, epsilon, stddev. */
export const POSITIVE_NUMBER: Rule = {
  test: (v) => isFiniteNumber(v) && v > 0,
  text: 'must be a positive finite number',
};
/** A finite number ≥ 0: regularization coefficients, noise, min_delta. */
export const NON_NEGATIVE_NUMBER: Rule = {
  test: (v) => isFiniteNumber(v) && v >= 0,
  text: 'must be a non-negative finite number',
};
/** Any finite number: means, constants, baselines. */
export const FINITE_NUMBER: Rule = { test: isFiniteNumber, text: 'must be a finite number' };
/** true or false, nothing truthy. */
export const BOOLEAN: Rule = { test: (v) => typeof v === 'boolean', text: 'must be true or false' };
/** Any string. */
export const STRING: Rule = { test: (v) => typeof v === 'string', text: 'must be a string' };
/** Seeds go to numpy-style generators (MT19937), which take 0 … 2³² − 1. */
export const SEED: Rule = {
  test: (v) => Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 0xffffffff,
  text: 'must be an integer from 0 to 4294967295',
};

/** A number in an interval, written the way a student reads it: `[0, 1)`, `(0, 1)`. */
export function inRange(min: number, max: number, minInclusive: boolean, maxInclusive: boolean): Rule {
  return {
    test: (v) =>
      isFiniteNumber(v) && (minInclusive ? v >= min : v > min) && (maxInclusive ? v <= max : v < max),
    text: `must be a number in ${minInclusive ? '[' : '('}${min}, ${max}${maxInclusive ? ']' : ')'}`,
  };
}

/** One of a fixed set of strings; the message lists them. */
export function oneOf(names: readonly string[]): Rule {
  return {
    test: (v) => typeof v === 'string' && names.includes(v),
    text: `must be one of ${names.map((n) => JSON.stringify(n)).join(', ')}`,
  };
}
