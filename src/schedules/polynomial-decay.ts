/**
 * Keras's PolynomialDecay: η(t) = (η₀ − η_end)(1 − t/s)^p + η_end with t capped at s; with `cycle`, s is
 * stretched to the first multiple of itself that is ≥ t (and to s itself at t = 0, Keras's special case), so the
 * rate jumps back up after each multiple of s.
 */
import { BOOLEAN, joinPath, NON_NEGATIVE_NUMBER, POSITIVE_NUMBER } from '../spec/problems.js';
import { pyBool, pyFloat, pyNumber, texNumber } from './format.js';
import { checkRate, etaOf, type ScheduleKind } from './kind.js';
import type { PolynomialDecaySpec } from './types.js';

/** Builds a PolynomialDecay spec with Keras's defaults written out (end 0.0001, power 1, no cycle). */
export function polynomialDecay(options: Omit<PolynomialDecaySpec, 'name'>): PolynomialDecaySpec {
  return { name: 'PolynomialDecay', endLearningRate: 0.0001, power: 1, cycle: false, ...options };
}

const TITLE = 'Polynomial decay';

/** PolynomialDecay: defaults, checks, formula and description, for the registry. */
export const POLYNOMIAL_DECAY: ScheduleKind<PolynomialDecaySpec> = {
  name: 'PolynomialDecay',
  title: TITLE,
  fields: ['initialLearningRate', 'decaySteps', 'endLearningRate', 'power', 'cycle'],
  defaults: /* @__PURE__ */ polynomialDecay({ initialLearningRate: 0.01, decaySteps: 5000 }),

  check(spec, problems, base) {
    checkRate(spec, 'initialLearningRate', problems, base);
    problems.check(joinPath(base, 'decaySteps'), spec.decaySteps, POSITIVE_NUMBER);
    problems.optional(joinPath(base, 'endLearningRate'), spec.endLearningRate, NON_NEGATIVE_NUMBER);
    // A power of 0 or below is a constant or a rate that blows up at t = s.
    problems.optional(joinPath(base, 'power'), spec.power, POSITIVE_NUMBER);
    problems.optional(joinPath(base, 'cycle'), spec.cycle, BOOLEAN);
  },

  make({ initialLearningRate, decaySteps, endLearningRate = 0.0001, power = 1, cycle = false }) {
    const span = initialLearningRate - endLearningRate;
    if (cycle) {
      return (step) => {
        const multiplier = step === 0 ? 1 : Math.ceil(step / decaySteps);
        return span * Math.pow(1 - step / (decaySteps * multiplier), power) + endLearningRate;
      };
    }
    return (step) => span * Math.pow(1 - Math.min(step, decaySteps) / decaySteps, power) + endLearningRate;
  },

  keras({ initialLearningRate, decaySteps, endLearningRate = 0.0001, power = 1, cycle = false }) {
    return {
      fn: 'tf.keras.optimizers.schedules.PolynomialDecay',
      args: [
        `initial_learning_rate=${pyFloat(initialLearningRate)}`,
        `decay_steps=${pyNumber(decaySteps)}`,
        `end_learning_rate=${pyFloat(endLearningRate)}`,
        `power=${pyFloat(power)}`,
        `cycle=${pyBool(cycle)}`,
      ],
      prelude: '',
    };
  },

  describe({ initialLearningRate, decaySteps, endLearningRate = 0.0001, power = 1, cycle = false }) {
    const body = (e0: string, eEnd: string, s: string, p: string) => {
      const fraction = cycle
        ? `\\frac{t}{${s} \\max\\left(1, \\left\\lceil t/${s} \\right\\rceil\\right)}`
        : `\\frac{\\min(t, ${s})}{${s}}`;
      return `(${e0} - ${eEnd}) \\left(1 - ${fraction}\\right)${p === '1' ? '' : `^{${p}}`} + ${eEnd}`;
    };
    return {
      title: TITLE,
      tex: etaOf(body(texNumber(initialLearningRate), texNumber(endLearningRate), texNumber(decaySteps), texNumber(power))),
      texSymbolic: etaOf(body('\\eta_0', '\\eta_{\\text{end}}', 's', 'p')),
      params: [
        { name: 'initialLearningRate', kerasName: 'initial_learning_rate', symbol: '\\eta_0', value: initialLearningRate, description: 'Learning rate at step 0.' },
        { name: 'decaySteps', kerasName: 'decay_steps', symbol: 's', value: decaySteps, description: 'Steps to go from the initial to the end rate.' },
        { name: 'endLearningRate', kerasName: 'end_learning_rate', symbol: '\\eta_{\\text{end}}', value: endLearningRate, description: 'Rate reached at step s (and kept after it, unless cycling).' },
        { name: 'power', kerasName: 'power', symbol: 'p', value: power, description: 'Shape of the curve: 1 is a straight line, 0.5 a square root.' },
        { name: 'cycle', kerasName: 'cycle', symbol: '\\lceil\\cdot\\rceil', value: cycle, description: 'After s steps, decay again over the next multiple of s instead of staying at the end rate.' },
      ],
    };
  },
};
