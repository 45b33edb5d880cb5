/**
 * 1cycle, following Géron's `OneCycleScheduler` (Hands-On Machine Learning, ch. 11) line for line: with
 * n = totalSteps, the last ⌊n/10⌋ + 1 steps are the tail and h = ⌊(n − tail)/2⌋; the rate climbs linearly from
 * `start` (default max/10) to `max` over steps [0, h), falls back to `start` over [h, 2h), then falls to `last`
 * (default start/1000) over [2h, n). Géron's callback sets the rate before each batch from its own counter, which
 * is the optimizer step here. Keras has no 1cycle class.
 */
import { joinPath, POSITIVE_INTEGER, POSITIVE_NUMBER } from '../spec/problems.js';
import { pyFloat, pyNumber, texNumber } from './format.js';
import { checkRate, etaOf, type ScheduleKind } from './kind.js';
import type { OneCycleSpec } from './types.js';

/** Builds a 1cycle spec; start and last rates default as in Géron's code (computed, so not written out). */
export function oneCycle(options: Omit<OneCycleSpec, 'name'>): OneCycleSpec {
  return { name: 'OneCycle', ...options };
}

/** Géron's derived quantities: the rates in effect and the two breakpoints h and 2h. */
export function oneCyclePhases(spec: OneCycleSpec): { start: number; last: number; half: number; total: number } {
  const total = spec.totalSteps;
  // `||`, like Géron's `or`: an explicit 0 falls back to the default, exactly as in his code.
  const start = spec.startLearningRate || spec.maxLearningRate / 10;
  const lastIterations = Math.floor(total / 10) + 1;
  const half = Math.floor((total - lastIterations) / 2);
  const last = spec.lastLearningRate || start / 1000;
  return { start, last, half, total };
}

const TITLE = '1cycle (Géron)';

/** The Python class the exported code defines: Géron's formula as a Keras schedule, so it can be a learning_rate. */
const PRELUDE = `class OneCycleSchedule(tf.keras.optimizers.schedules.LearningRateSchedule):
    """1cycle as in Geron's OneCycleScheduler (Hands-On ML, ch. 11), as a schedule of the optimizer step."""

    def __init__(self, iterations, max_rate, start_rate=None, last_iterations=None, last_rate=None):
        super().__init__()
        self.iterations = iterations
        self.max_rate = max_rate
        self.start_rate = start_rate or max_rate / 10
        self.last_iterations = last_iterations or iterations // 10 + 1
        self.half_iteration = (iterations - self.last_iterations) // 2
        self.last_rate = last_rate or self.start_rate / 1000

    def __call__(self, step):
        it = tf.minimum(tf.cast(step, tf.float32), float(self.iterations))
        h = float(self.half_iteration)
        up = (self.max_rate - self.start_rate) * it / max(h, 1.0) + self.start_rate
        down = (self.start_rate - self.max_rate) * (it - h) / max(h, 1.0) + self.max_rate
        tail = (self.last_rate - self.start_rate) * (it - 2 * h) / (self.iterations - 2 * h) + self.start_rate
        return tf.where(it < h, up, tf.where(it < 2 * h, down, tail))

    def get_config(self):
        return {
            "iterations": self.iterations,
            "max_rate": self.max_rate,
            "start_rate": self.start_rate,
            "last_iterations": self.last_iterations,
            "last_rate": self.last_rate,
        }
`;

/** 1cycle: defaults, checks, formula and description, for the registry. */
export const ONE_CYCLE: ScheduleKind<OneCycleSpec> = {
  name: 'OneCycle',
  title: TITLE,
  fields: ['maxLearningRate', 'totalSteps', 'startLearningRate', 'lastLearningRate'],
  defaults: /* @__PURE__ */ oneCycle({ maxLearningRate: 0.01, totalSteps: 7500 }),

  check(spec, problems, base) {
    checkRate(spec, 'maxLearningRate', problems, base);
    problems.check(joinPath(base, 'totalSteps'), spec.totalSteps, POSITIVE_INTEGER);
    problems.optional(joinPath(base, 'startLearningRate'), spec.startLearningRate, POSITIVE_NUMBER);
    problems.optional(joinPath(base, 'lastLearningRate'), spec.lastLearningRate, POSITIVE_NUMBER);
  },

  make(spec) {
    const { start, last, half, total } = oneCyclePhases(spec);
    const max = spec.maxLearningRate;
    // Géron's _interpolate, with his iteration counter as `it`.
    const interpolate = (it: number, iter1: number, iter2: number, rate1: number, rate2: number) =>
      ((rate2 - rate1) * (it - iter1)) / (iter2 - iter1) + rate1;
    return (step) => {
      // Géron's code extrapolates past its last iteration (towards negative rates); the rate stays at `last`.
      const it = Math.min(step, total);
      if (it < half) return interpolate(it, 0, half, start, max);
      if (it < 2 * half) return interpolate(it, half, 2 * half, max, start);
      return interpolate(it, 2 * half, total, start, last);
    };
  },

  keras(spec) {
    const args = [`iterations=${pyNumber(spec.totalSteps)}`, `max_rate=${pyFloat(spec.maxLearningRate)}`];
    if (spec.startLearningRate) args.push(`start_rate=${pyFloat(spec.startLearningRate)}`);
    if (spec.lastLearningRate) args.push(`last_rate=${pyFloat(spec.lastLearningRate)}`);
    return { fn: 'OneCycleSchedule', args, prelude: PRELUDE };
  },

  describe(spec) {
    const { start, last, half, total } = oneCyclePhases(spec);
    const body = (s: string, m: string, l: string, h: string, h2: string, n: string) =>
      `\\begin{cases} ${s} + (${m} - ${s}) \\frac{t}{${h}} & t < ${h} \\\\ ` +
      `${m} + (${s} - ${m}) \\frac{t - ${h}}{${h}} & ${h} \\le t < ${h2} \\\\ ` +
      `${s} + (${l} - ${s}) \\frac{t - ${h2}}{${n} - ${h2}} & ${h2} \\le t < ${n} \\\\ ` +
      `${l} & t \\ge ${n} \\end{cases}`;
    const n = texNumber;
    return {
      title: TITLE,
      tex: etaOf(body(n(start), n(spec.maxLearningRate), n(last), n(half), n(2 * half), n(total))),
      texSymbolic: etaOf(body('\\eta_s', '\\eta_{\\max}', '\\eta_{\\text{last}}', 'h', '2h', 'n')),
      params: [
        { name: 'maxLearningRate', kerasName: 'max_rate', symbol: '\\eta_{\\max}', value: spec.maxLearningRate, description: 'Peak rate, reached at step h.' },
        { name: 'totalSteps', kerasName: 'iterations', symbol: 'n', value: total, description: 'Steps in the whole cycle (epochs × batches per epoch); h = ⌊(n − ⌊n/10⌋ − 1)/2⌋.' },
        { name: 'startLearningRate', kerasName: 'start_rate', symbol: '\\eta_s', value: start, description: 'Rate at step 0 and at step 2h (default max/10).' },
        { name: 'lastLearningRate', kerasName: 'last_rate', symbol: '\\eta_{\\text{last}}', value: last, description: 'Rate at the end of the cycle (default start/1000).' },
      ],
    };
  },
};
