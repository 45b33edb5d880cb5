/**
 * Keras's InverseTimeDecay (the "power" schedule with c = 1): η(t) = η₀ / (1 + r · t/s), with t/s floored when
 * `staircase` is set.
 */
import { BOOLEAN, joinPath, NON_NEGATIVE_NUMBER, POSITIVE_NUMBER } from '../spec/problems.js';
import { pyBool, pyFloat, pyNumber, texNumber } from './format.js';
import { checkRate, etaOf, type ScheduleKind } from './kind.js';
import type { InverseTimeDecaySpec } from './types.js';

/** Builds an InverseTimeDecay spec with Keras's default `staircase: false` written out. */
export function inverseTimeDecay(options: Omit<InverseTimeDecaySpec, 'name'>): InverseTimeDecaySpec {
  return { name: 'InverseTimeDecay', staircase: false, ...options };
}

const TITLE = 'Inverse time decay';

/** InverseTimeDecay: defaults, checks, formula and description, for the registry. */
export const INVERSE_TIME_DECAY: ScheduleKind<InverseTimeDecaySpec> = {
  name: 'InverseTimeDecay',
  title: TITLE,
  fields: ['initialLearningRate', 'decaySteps', 'decayRate', 'staircase'],
  defaults: /* @__PURE__ */ inverseTimeDecay({ initialLearningRate: 0.01, decaySteps: 1000, decayRate: 1 }),

  check(spec, problems, base) {
    checkRate(spec, 'initialLearningRate', problems, base);
    problems.check(joinPath(base, 'decaySteps'), spec.decaySteps, POSITIVE_NUMBER);
    // A negative rate would drive the denominator through zero; 0 is a constant rate, allowed.
    problems.check(joinPath(base, 'decayRate'), spec.decayRate, NON_NEGATIVE_NUMBER);
    problems.optional(joinPath(base, 'staircase'), spec.staircase, BOOLEAN);
  },

  make({ initialLearningRate, decaySteps, decayRate, staircase = false }) {
    return staircase
      ? (step) => initialLearningRate / (1 + decayRate * Math.floor(step / decaySteps))
      : (step) => initialLearningRate / (1 + decayRate * (step / decaySteps));
  },

  keras({ initialLearningRate, decaySteps, decayRate, staircase = false }) {
    return {
      fn: 'tf.keras.optimizers.schedules.InverseTimeDecay',
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
    const p = (t: string, s: string) => (staircase ? `\\left\\lfloor ${t}/${s} \\right\\rfloor` : `${t}/${s}`);
    return {
      title: TITLE,
      tex: etaOf(`\\frac{${texNumber(initialLearningRate)}}{1 + ${decayRate === 1 ? '' : `${texNumber(decayRate)} \\, `}${p('t', texNumber(decaySteps))}}`),
      texSymbolic: etaOf(`\\frac{\\eta_0}{1 + r \\, ${p('t', 's')}}`),
      params: [
        { name: 'initialLearningRate', kerasName: 'initial_learning_rate', symbol: '\\eta_0', value: initialLearningRate, description: 'Learning rate at step 0.' },
        { name: 'decaySteps', kerasName: 'decay_steps', symbol: 's', value: decaySteps, description: 'Steps that count as one unit of time.' },
        { name: 'decayRate', kerasName: 'decay_rate', symbol: 'r', value: decayRate, description: 'How fast the rate falls: after s/r steps it is halved.' },
        { name: 'staircase', kerasName: 'staircase', symbol: '\\lfloor\\cdot\\rfloor', value: staircase, description: 'Floor t/s, so the rate drops in steps every s steps instead of continuously.' },
      ],
    };
  },
};
