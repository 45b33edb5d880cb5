/**
 * Keras's CosineDecay (with Keras 2.13's warmup): η(t) = η₀[(1 − α)·½(1 + cos(π·min(t, s)/s)) + α]. With
 * `warmupTarget`, the rate first climbs linearly from η₀ to the target over `warmupSteps`, then the cosine starts
 * from the target (not from η₀).
 */
import { joinPath, NON_NEGATIVE_NUMBER, POSITIVE_NUMBER, inRange } from '../spec/problems.js';
import { pyFloat, pyNumber, texNumber } from './format.js';
import { checkRate, etaOf, type ScheduleKind } from './kind.js';
import type { CosineDecaySpec, ScheduleParam } from './types.js';

/** Builds a CosineDecay spec with Keras's default `alpha: 0` written out (warmup off unless given). */
export function cosineDecay(options: Omit<CosineDecaySpec, 'name'>): CosineDecaySpec {
  return { name: 'CosineDecay', alpha: 0, ...options };
}

const TITLE = 'Cosine decay';

/** The cosine part, in Keras's order of operations (its `_decay_function`). */
function cosineFrom(rate: number, t: number, decaySteps: number, alpha: number): number {
  const cosineDecayed = 0.5 * (1 + Math.cos(Math.PI * (t / decaySteps)));
  return rate * ((1 - alpha) * cosineDecayed + alpha);
}

/** CosineDecay: defaults, checks, formula and description, for the registry. */
export const COSINE_DECAY: ScheduleKind<CosineDecaySpec> = {
  name: 'CosineDecay',
  title: TITLE,
  fields: ['initialLearningRate', 'decaySteps', 'alpha', 'warmupTarget', 'warmupSteps'],
  defaults: /* @__PURE__ */ cosineDecay({ initialLearningRate: 0.01, decaySteps: 5000 }),

  check(spec, problems, base) {
    if (spec.warmupTarget === undefined) checkRate(spec, 'initialLearningRate', problems, base);
    // Warming up from 0 is Keras's own example (initial_learning_rate=0.0, warmup_target=0.1).
    else problems.check(joinPath(base, 'initialLearningRate'), spec.initialLearningRate, NON_NEGATIVE_NUMBER);
    problems.check(joinPath(base, 'decaySteps'), spec.decaySteps, POSITIVE_NUMBER);
    problems.optional(joinPath(base, 'alpha'), spec.alpha, inRange(0, 1, true, true));
    problems.optional(joinPath(base, 'warmupTarget'), spec.warmupTarget, POSITIVE_NUMBER);
    problems.optional(joinPath(base, 'warmupSteps'), spec.warmupSteps, NON_NEGATIVE_NUMBER);
    if (spec.warmupSteps !== undefined && spec.warmupSteps !== 0 && spec.warmupTarget === undefined) {
      // Keras silently ignores warmup_steps without warmup_target; here the mistake is named instead.
      const path = joinPath(base, 'warmupSteps');
      problems.add(path, `${path} has no effect without warmupTarget (the rate to warm up to), got ${String(spec.warmupSteps)}`, spec.warmupSteps);
    }
  },

  make({ initialLearningRate, decaySteps, alpha = 0, warmupTarget, warmupSteps = 0 }) {
    if (warmupTarget === undefined) {
      return (step) => cosineFrom(initialLearningRate, Math.min(step, decaySteps), decaySteps, alpha);
    }
    return (step) => {
      const t = Math.min(step, decaySteps + warmupSteps);
      if (t < warmupSteps) return (warmupTarget - initialLearningRate) * (t / warmupSteps) + initialLearningRate;
      return cosineFrom(warmupTarget, t - warmupSteps, decaySteps, alpha);
    };
  },

  keras({ initialLearningRate, decaySteps, alpha = 0, warmupTarget, warmupSteps = 0 }) {
    const args = [
      `initial_learning_rate=${pyFloat(initialLearningRate)}`,
      `decay_steps=${pyNumber(decaySteps)}`,
      `alpha=${pyFloat(alpha)}`,
    ];
    // Only Keras 2.13+ knows the warmup arguments: leave them out when unused so older notebooks run the code.
    if (warmupTarget !== undefined) args.push(`warmup_target=${pyFloat(warmupTarget)}`, `warmup_steps=${pyNumber(warmupSteps)}`);
    return { fn: 'tf.keras.optimizers.schedules.CosineDecay', args, prelude: '' };
  },

  describe({ initialLearningRate, decaySteps, alpha = 0, warmupTarget, warmupSteps = 0 }) {
    const cosine = (rate: string, t: string, s: string, a: string) => {
      const half = `\\tfrac{1}{2}\\left(1 + \\cos \\frac{\\pi \\min(${t}, ${s})}{${s}}\\right)`;
      // With no floor the bracket is just the half-cosine; the numeric formula reads better without "(1 - 0)".
      return a === '0' ? `${rate} \\cdot ${half}` : `${rate} \\left[(1 - ${a}) ${half} + ${a}\\right]`;
    };
    const withWarmup = (e0: string, target: string, w: string, s: string, a: string) =>
      `\\begin{cases} ${e0} + (${target} - ${e0}) \\frac{t}{${w}} & t < ${w} \\\\ ${cosine(target, `t - ${w}`, s, a)} & t \\ge ${w} \\end{cases}`;
    const warm = warmupTarget !== undefined && warmupSteps > 0;
    const n = (v: number) => texNumber(v);
    const params: ScheduleParam[] = [
      { name: 'initialLearningRate', kerasName: 'initial_learning_rate', symbol: '\\eta_0', value: initialLearningRate, description: 'Learning rate at step 0.' },
      { name: 'decaySteps', kerasName: 'decay_steps', symbol: 's', value: decaySteps, description: 'Steps of the cosine, from its top to its floor.' },
      { name: 'alpha', kerasName: 'alpha', symbol: '\\alpha', value: alpha, description: 'The floor, as a fraction of the rate the cosine starts from.' },
    ];
    if (warmupTarget !== undefined) {
      params.push(
        { name: 'warmupTarget', kerasName: 'warmup_target', symbol: '\\eta_w', value: warmupTarget, description: 'Rate reached at the end of the warmup; the cosine starts from it.' },
        { name: 'warmupSteps', kerasName: 'warmup_steps', symbol: 'w', value: warmupSteps, description: 'Steps of linear warmup before the cosine.' },
      );
    }
    return {
      title: TITLE,
      tex: etaOf(
        warm
          ? withWarmup(n(initialLearningRate), n(warmupTarget), n(warmupSteps), n(decaySteps), n(alpha))
          : cosine(n(warmupTarget ?? initialLearningRate), 't', n(decaySteps), n(alpha)),
      ),
      texSymbolic: etaOf(
        warm ? withWarmup('\\eta_0', '\\eta_w', 'w', 's', '\\alpha') : cosine(warmupTarget !== undefined ? '\\eta_w' : '\\eta_0', 't', 's', '\\alpha'),
      ),
      params,
    };
  },
};
