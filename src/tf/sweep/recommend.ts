/**
 * The homework's advice for picking a learning rate from a sweep (problem 3, quoting Goodfellow et al.): the best
 * rate is "higher than the learning rate that yields the best performance after the first 100 iterations or so …
 * but not so high that it causes severe instability". Pure (no TensorFlow.js): `<nn-lr-sweep>` and any page that
 * runs its own sweep call it with the runs' batch losses.
 */

/** One run of a sweep, as the recommendation reads it. */
export interface SweepRun {
  learningRate: number;
  /** Batch losses in step order. */
  losses: number[];
  /** The run stopped as diverged (NaN, or its loss rose above its start). */
  diverged: boolean;
}

/** What {@link recommendLearningRate} returns. */
export interface Recommendation {
  /** The rate to use (two significant digits, a rate a person would type), or null when no run was stable. */
  learningRate: number | null;
  /** The best early performer among the stable runs, or null. */
  bestEarly: number | null;
  /** Each run's {@link earlyLoss} (NaN for a run that diverged). */
  earlyLoss: Map<number, number>;
  /** Why, in a sentence or two for the student. */
  reason: string;
}

/**
 * The loss a run reached "after the first iterations": the mean of the last third (at least one) of its first
 * `earlySteps` batch losses. Less noisy than one batch, and it rewards where a rate got to, not how it started.
 */
export function earlyLoss(losses: readonly number[], earlySteps = 100): number {
  const window = losses.slice(0, Math.max(1, earlySteps));
  if (window.length === 0) return NaN;
  const k = Math.max(1, Math.ceil(window.length / 3));
  return window.slice(-k).reduce((a, b) => a + b, 0) / k;
}

/** Stable: did not diverge, every loss in the window is finite, and its early loss is not above its first loss. */
export function isStable(run: SweepRun, earlySteps = 100): boolean {
  const window = run.losses.slice(0, Math.max(1, earlySteps));
  return !run.diverged && window.length > 0 && window.every(Number.isFinite) && earlyLoss(window, earlySteps) <= window[0];
}

const roundRate = (r: number) => Number(r.toPrecision(2));
const fmt = (r: number) => (r < 1e-3 ? r.toExponential(1).replace('e-', 'e−') : String(roundRate(r)));

/**
 * Picks a rate: the stable run with the lowest {@link earlyLoss} is the best early performer. When the next higher
 * rate tried was stable too, the recommendation is halfway (geometrically) between them; when it was not, only a
 * small step up (a quarter of the way, at most ×2), short of the instability; when nothing higher was tried, the
 * best early rate itself.
 *
 * @param earlySteps the window ("the first 100 iterations or so"); shorter runs use all their steps.
 */
export function recommendLearningRate(runs: readonly SweepRun[], earlySteps = 100): Recommendation {
  const sorted = [...runs].sort((a, b) => a.learningRate - b.learningRate);
  const early = new Map<number, number>();
  for (const run of sorted) early.set(run.learningRate, run.diverged ? NaN : earlyLoss(run.losses, earlySteps));
  let best: SweepRun | undefined;
  for (const run of sorted) {
    if (isStable(run, earlySteps) && (!best || early.get(run.learningRate)! < early.get(best.learningRate)!)) best = run;
  }
  if (!best) {
    return {
      learningRate: null,
      bestEarly: null,
      earlyLoss: early,
      reason: 'No rate trained stably: every run diverged or did not lower its loss. Try smaller rates.',
    };
  }
  const b = best.learningRate;
  const result = (learningRate: number, reason: string): Recommendation => ({ learningRate, bestEarly: b, earlyLoss: early, reason });
  const lead = `${fmt(b)} had the lowest early loss (${early.get(b)!.toFixed(3)})`;
  const next = sorted[sorted.indexOf(best) + 1];
  if (!next) {
    return result(roundRate(b), `${lead} and is the largest rate tried, so nothing above it is known to be stable: use it, or try higher rates.`);
  }
  if (isStable(next, earlySteps)) {
    const rate = roundRate(Math.sqrt(b * next.learningRate));
    return result(
      rate,
      `${lead} and ${fmt(next.learningRate)} still trained stably, so a rate between them, ${fmt(rate)}, should learn faster over a full run without becoming unstable.`,
    );
  }
  const rate = roundRate(b * Math.min(2, (next.learningRate / b) ** 0.25));
  const why = next.diverged ? 'diverged' : 'did not lower its loss';
  return result(rate, `${lead}, but ${fmt(next.learningRate)} ${why}, so only a small step up, ${fmt(rate)}, stays short of instability.`);
}
