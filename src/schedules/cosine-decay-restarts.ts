/**
 * Keras's CosineDecayRestarts (SGDR, Loshchilov & Hutter): the cosine from η₀ to α·η₀ over `firstDecaySteps`,
 * then a restart; each period is `tMul` times longer than the one before and starts `mMul` times lower.
 */
import { joinPath, NON_NEGATIVE_NUMBER, POSITIVE_NUMBER, inRange, isFiniteNumber } from '../spec/problems.js';
import { pyFloat, pyNumber, texNumber } from './format.js';
import { checkRate, etaOf, type ScheduleKind } from './kind.js';
import type { CosineDecayRestartsSpec } from './types.js';

/** Builds a CosineDecayRestarts spec with Keras's defaults written out (tMul 2, mMul 1, alpha 0). */
export function cosineDecayRestarts(options: Omit<CosineDecayRestartsSpec, 'name'>): CosineDecayRestartsSpec {
  return { name: 'CosineDecayRestarts', tMul: 2, mMul: 1, alpha: 0, ...options };
}

const TITLE = 'Cosine decay with restarts';

/**
 * Which period step falls in (i) and how far into it (0 ≤ f < 1), by Keras's closed form: with t_mul ≠ 1 the
 * periods end at cf = (1 − t_mulⁱ)/(1 − t_mul), so i = ⌊log(1 − cf(1 − t_mul)) / log t_mul⌋.
 * The two logarithms can round to just under an integer at an exact restart (t_mul = 1.5, step 211 of 16-step
 * first period): i is then moved by one so the restart lands on the step Keras's own test reference (a loop over
 * periods) puts it. Away from restarts this never fires, so the values are Keras's formula. Writes into `out`
 * (and returns it) so the schedule can reuse one object.
 */
export function restartPeriod(
  completedFraction: number,
  tMul: number,
  out: { i: number; fraction: number } = { i: 0, fraction: 0 },
): { i: number; fraction: number } {
  if (tMul === 1) {
    out.i = Math.floor(completedFraction);
    out.fraction = completedFraction - out.i;
    return out;
  }
  let i = Math.floor(Math.log(1 - completedFraction * (1 - tMul)) / Math.log(tMul));
  if (completedFraction >= sumBefore(i + 1, tMul)) i += 1;
  else if (i > 0 && completedFraction < sumBefore(i, tMul)) i -= 1;
  out.i = i;
  out.fraction = (completedFraction - sumBefore(i, tMul)) / Math.pow(tMul, i);
  return out;
}

/** Where period k starts, in units of the first period: 1 + t + … + t^(k−1). */
function sumBefore(k: number, tMul: number): number {
  return (1 - Math.pow(tMul, k)) / (1 - tMul);
}

/** CosineDecayRestarts: defaults, checks, formula and description, for the registry. */
export const COSINE_DECAY_RESTARTS: ScheduleKind<CosineDecayRestartsSpec> = {
  name: 'CosineDecayRestarts',
  title: TITLE,
  fields: ['initialLearningRate', 'firstDecaySteps', 'tMul', 'mMul', 'alpha'],
  defaults: /* @__PURE__ */ cosineDecayRestarts({ initialLearningRate: 0.01, firstDecaySteps: 1000 }),

  check(spec, problems, base) {
    checkRate(spec, 'initialLearningRate', problems, base);
    problems.check(joinPath(base, 'firstDecaySteps'), spec.firstDecaySteps, POSITIVE_NUMBER);
    const tMulPath = joinPath(base, 'tMul');
    if (spec.tMul !== undefined && !(isFiniteNumber(spec.tMul) && spec.tMul >= 1)) {
      // Below 1 the periods shrink and sum to a finite horizon, past which Keras's logarithm returns NaN.
      problems.need(tMulPath, 'must be a finite number >= 1 (periods that shrink end in NaN rates)', spec.tMul);
    }
    problems.optional(joinPath(base, 'mMul'), spec.mMul, NON_NEGATIVE_NUMBER);
    problems.optional(joinPath(base, 'alpha'), spec.alpha, inRange(0, 1, true, true));
  },

  make({ initialLearningRate, firstDecaySteps, tMul = 2, mMul = 1, alpha = 0 }) {
    // One scratch object per schedule, so a step allocates nothing.
    const period = { i: 0, fraction: 0 };
    return (step) => {
      const { i, fraction } = restartPeriod(step / firstDecaySteps, tMul, period);
      const cosineDecayed = 0.5 * Math.pow(mMul, i) * (1 + Math.cos(Math.PI * fraction));
      return initialLearningRate * ((1 - alpha) * cosineDecayed + alpha);
    };
  },

  keras({ initialLearningRate, firstDecaySteps, tMul = 2, mMul = 1, alpha = 0 }) {
    return {
      fn: 'tf.keras.optimizers.schedules.CosineDecayRestarts',
      args: [
        `initial_learning_rate=${pyFloat(initialLearningRate)}`,
        `first_decay_steps=${pyNumber(firstDecaySteps)}`,
        `t_mul=${pyFloat(tMul)}`,
        `m_mul=${pyFloat(mMul)}`,
        `alpha=${pyFloat(alpha)}`,
      ],
      prelude: '',
    };
  },

  describe({ initialLearningRate, firstDecaySteps, tMul = 2, mMul = 1, alpha = 0 }) {
    const body = (e0: string, t0: string, tm: string, mm: string, a: string, geometric: boolean) => {
      const where = geometric
        ? `i = \\left\\lfloor \\log_{${tm}}\\!\\left(1 - \\frac{t}{${t0}}(1 - ${tm})\\right) \\right\\rfloor,\\; f = \\frac{t/${t0} - \\frac{1 - ${tm}^{i}}{1 - ${tm}}}{${tm}^{i}}`
        : `i = \\left\\lfloor t/${t0} \\right\\rfloor,\\; f = t/${t0} - i`;
      const half = `\\tfrac{1}{2} ${mm === '1' ? '' : `${mm}^{i} `}\\left(1 + \\cos \\pi f\\right)`;
      const value = a === '0' ? `${e0} \\cdot ${half}` : `${e0} \\left[(1 - ${a}) ${half} + ${a}\\right]`;
      return `${value}, \\quad ${where}`;
    };
    const n = texNumber;
    return {
      title: TITLE,
      tex: etaOf(body(n(initialLearningRate), n(firstDecaySteps), n(tMul), n(mMul), n(alpha), tMul !== 1)),
      texSymbolic: etaOf(body('\\eta_0', 'T_0', 't_{\\times}', 'm_{\\times}', '\\alpha', true)),
      params: [
        { name: 'initialLearningRate', kerasName: 'initial_learning_rate', symbol: '\\eta_0', value: initialLearningRate, description: 'Learning rate at step 0 (and at each restart, times m^i).' },
        { name: 'firstDecaySteps', kerasName: 'first_decay_steps', symbol: 'T_0', value: firstDecaySteps, description: 'Length of the first period, in steps.' },
        { name: 'tMul', kerasName: 't_mul', symbol: 't_{\\times}', value: tMul, description: 'Each period is this many times longer than the one before.' },
        { name: 'mMul', kerasName: 'm_mul', symbol: 'm_{\\times}', value: mMul, description: 'Each restart starts this many times lower than the one before.' },
        { name: 'alpha', kerasName: 'alpha', symbol: '\\alpha', value: alpha, description: 'The floor, as a fraction of the initial rate.' },
      ],
    };
  },
};
