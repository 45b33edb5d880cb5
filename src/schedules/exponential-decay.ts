/**
 * Keras's ExponentialDecay: η(t) = η₀ · r^(t/s), with t/s floored when `staircase` is set
 * (keras/optimizers/schedules/learning_rate_schedule.py).
 */
import { BOOLEAN, joinPath, POSITIVE_NUMBER } from '../spec/problems.js';
import { pyBool, pyFloat, pyNumber, texNumber } from './format.js';
import { checkRate, etaOf, type ScheduleKind } from './kind.js';
import type { ExponentialDecaySpec } from './types.js';

/** Builds an ExponentialDecay spec with Keras's default `staircase: false` written out. */
export function exponentialDecay(options: Omit<ExponentialDecaySpec, 'name'>): ExponentialDecaySpec {
  return { name: 'ExponentialDecay', staircase: false, ...options };
}

const TITLE = 'Exponential decay';

/** ExponentialDecay: defaults, checks, formula and description, for the registry. */
export const EXPONENTIAL_DECAY: ScheduleKind<ExponentialDecaySpec> = {
  name: 'ExponentialDecay',
  title: TITLE,
  fields: ['initialLearningRate', 'decaySteps', 'decayRate', 'staircase'],
  defaults: /* @__PURE__ */ exponentialDecay({ initialLearningRate: 0.01, decaySteps: 1000, decayRate: 0.5 }),

  check(spec, problems, base) {
    checkRate(spec, 'initialLearningRate', problems, base);
    problems.check(joinPath(base, 'decaySteps'), spec.decaySteps, POSITIVE_NUMBER);
    // A rate of 0 or below makes r^(t/s) zero or NaN; above 1 is growth, odd but what Keras computes.
    problems.check(joinPath(base, 'decayRate'), spec.decayRate, POSITIVE_NUMBER);
    problems.optional(joinPath(base, 'staircase'), spec.staircase, BOOLEAN);
  },

  make({ initialLearningRate, decaySteps, decayRate, staircase = false }) {
    return staircase
      ? (step) => initialLearningRate * Math.pow(decayRate, Math.floor(step / decaySteps))
      : (step) => initialLearningRate * Math.pow(decayRate, step / decaySteps);
  },

  keras({ initialLearningRate, decaySteps, decayRate, staircase = false }) {
    return {
      fn: 'tf.keras.optimizers.schedules.ExponentialDecay',
      args: [
        `initial_learning_rate=${pyFloat(initialLearningRate)}`,
        `decay_steps=${pyNumber(decaySteps)}`,
        `decay_rate=${pyFloat(decayRate)}`,
        `staircase=${pyBool(staircase)}`,
      ],
      prelude: '',
    };
  },

  describe({ initialLearningRate, decaySteps, decayRate, staircase = false }) {
    const exponent = (t: string, s: string) => (staircase ? `\\left\\lfloor ${t}/${s} \\right\\rfloor` : `${t}/${s}`);
    return {
      title: TITLE,
      tex: etaOf(`${texNumber(initialLearningRate)} \\cdot ${texNumber(decayRate)}^{${exponent('t', texNumber(decaySteps))}}`),
      texSymbolic: etaOf(`\\eta_0 \\, r^{${exponent('t', 's')}}`),
      params: [
        { name: 'initialLearningRate', kerasName: 'initial_learning_rate', symbol: '\\eta_0', value: initialLearningRate, description: 'Learning rate at step 0.' },
        { name: 'decaySteps', kerasName: 'decay_steps', symbol: 's', value: decaySteps, description: 'Steps over which the rate is multiplied by r once.' },
        { name: 'decayRate', kerasName: 'decay_rate', symbol: 'r', value: decayRate, description: 'Factor applied every s steps.' },
        { name: 'staircase', kerasName: 'staircase', symbol: '\\lfloor\\cdot\\rfloor', value: staircase, description: 'Floor t/s, so the rate drops in steps every s steps instead of continuously.' },
      ],
    };
  },
};
