/**
 * How the engine refuses bad input: a `SpecError` (from src/spec) whose problems name the field, say what it must
 * be and carry the value found — the same shape the spec validators use, so an element shows both alike.
 */
// From problems.ts itself, not spec/index.ts: the engine's refusals need no validators or schedules.
import { SpecError, describeValue, type SpecProblem } from '../spec/problems.js';

export { SpecError, describeValue, type SpecProblem };

/** Throws a SpecError with one problem: "`path` `requirement`, got `value`". */
export function refuse(path: string, requirement: string, value: unknown, what = 'input'): never {
  throw new SpecError([{ path, message: `${path} ${requirement}, got ${describeValue(value)}`, value }], what);
}

/** Throws a SpecError with one problem whose sentence is written out in full. */
export function refuseWith(path: string, message: string, value: unknown, what = 'input'): never {
  throw new SpecError([{ path, message, value }], what);
}
