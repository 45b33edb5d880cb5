/**
 * Keras's PiecewiseConstantDecay: values[0] while step ≤ boundaries[0], values[i] while
 * boundaries[i−1] < step ≤ boundaries[i], and the last value after the last boundary. The boundary step itself
 * still gets the earlier value (Keras compares with ≤).
 */
import { isFiniteNumber, joinPath } from '../spec/problems.js';
import { LIMITS, overLimit } from '../spec/limits.js';
import { pyFloat, pyList, pyNumber, texNumber } from './format.js';
import { etaOf, type ScheduleKind } from './kind.js';
import type { PiecewiseConstantDecaySpec } from './types.js';

/** Builds a PiecewiseConstantDecay spec; `values` has one more entry than `boundaries`. */
export function piecewiseConstantDecay(options: Omit<PiecewiseConstantDecaySpec, 'name'>): PiecewiseConstantDecaySpec {
  return { name: 'PiecewiseConstantDecay', ...options };
}

const TITLE = 'Piecewise constant decay';
/** Rows of the formula's cases shown at most (the first ones, then the last two). */
const CASES_SHOWN = 8;

/** PiecewiseConstantDecay: defaults, checks, formula and description, for the registry. */
export const PIECEWISE_CONSTANT_DECAY: ScheduleKind<PiecewiseConstantDecaySpec> = {
  name: 'PiecewiseConstantDecay',
  title: TITLE,
  fields: ['boundaries', 'values'],
  defaults: /* @__PURE__ */ piecewiseConstantDecay({ boundaries: [2000, 5000], values: [0.01, 0.005, 0.001] }),

  check(spec, problems, base) {
    const { boundaries, values } = spec;
    const bPath = joinPath(base, 'boundaries');
    const vPath = joinPath(base, 'values');
    const bOk = Array.isArray(boundaries) && boundaries.length > 0;
    if (!bOk) problems.need(bPath, 'must be a non-empty array of steps', boundaries);
    else if (boundaries.length > LIMITS.maxScheduleBoundaries) {
      problems.add(bPath, overLimit(bPath, boundaries.length, 'maxScheduleBoundaries', 'boundaries long'), boundaries.length);
      return;
    } else {
      boundaries.forEach((b, i) => {
        if (!isFiniteNumber(b)) problems.need(joinPath(bPath, i), 'must be a finite number', b);
        else if (i > 0 && isFiniteNumber(boundaries[i - 1]) && b <= boundaries[i - 1]) {
          // Keras requires strictly increasing boundaries; equal ones would make an interval empty.
          problems.need(joinPath(bPath, i), `must be greater than boundaries[${i - 1}] (${boundaries[i - 1]})`, b);
        }
      });
    }
    if (!Array.isArray(values)) problems.need(vPath, 'must be an array of learning rates', values);
    else {
      values.forEach((v, i) => {
        if (!isFiniteNumber(v) || v < 0) problems.need(joinPath(vPath, i), 'must be a non-negative finite number', v);
      });
      if (bOk && values.length !== boundaries.length + 1) {
        problems.add(
          vPath,
          `${vPath} must have one more entry than boundaries (${boundaries.length + 1}), got ${values.length}`,
          values,
        );
      }
    }
  },

  make({ boundaries, values }) {
    // Copies, so a spec edited later (a picker writing into it) cannot change a running schedule.
    const b = Float64Array.from(boundaries);
    const v = Float64Array.from(values);
    const n = b.length;
    return (step) => {
      for (let i = 0; i < n; i++) if (step <= b[i]) return v[i];
      return v[n];
    };
  },

  keras({ boundaries, values }) {
    return {
      fn: 'tf.keras.optimizers.schedules.PiecewiseConstantDecay',
      args: [
        `boundaries=${pyList(boundaries, pyNumber)}`,
        `values=${pyList(values, pyFloat)}`,
      ],
      prelude: '',
    };
  },

  describe({ boundaries, values }) {
    const cases = (bs: string[], vs: string[]) => {
      const rows = [`${vs[0]} & t \\le ${bs[0]}`];
      for (let i = 1; i < bs.length; i++) rows.push(`${vs[i]} & ${bs[i - 1]} < t \\le ${bs[i]}`);
      rows.push(`${vs[bs.length]} & t > ${bs[bs.length - 1]}`);
      // A long schedule shows its first and last intervals: every row would not fit a page, nor a formula's limit.
      const shown = rows.length > CASES_SHOWN ? [...rows.slice(0, CASES_SHOWN - 3), '\\vdots & \\vdots', ...rows.slice(-2)] : rows;
      return `\\begin{cases} ${shown.join(' \\\\ ')} \\end{cases}`;
    };
    return {
      title: TITLE,
      tex: etaOf(cases(boundaries.map(texNumber), values.map(texNumber))),
      texSymbolic: etaOf(cases(boundaries.map((_, i) => `b_{${i}}`), values.map((_, i) => `v_{${i}}`))),
      params: [
        { name: 'boundaries', kerasName: 'boundaries', symbol: 'b_i', value: [...boundaries], description: 'Steps after which the next value applies (strictly increasing).' },
        { name: 'values', kerasName: 'values', symbol: 'v_i', value: [...values], description: 'Learning rate in each interval: one more than there are boundaries.' },
      ],
    };
  },
};
