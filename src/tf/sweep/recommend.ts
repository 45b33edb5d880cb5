/**
 * The homework's advice for picking a learning rate from a sweep (problem 3, quoting Goodfellow et al.): the best
 * rate is "higher than the learning rate that yields the best performance after the first 100 iterations or so …
 * but not so high that it causes severe instability". Pure: the sweep element calls it with its runs' losses.
 */

/** One run of a sweep, as the recommendation reads it. */
export interface SweepRun {
  learningRate: number;
  /** Batch losses in step order (the run's 'batch' events' `losses`). */
  losses: number[];
  /** The run stopped as diverged (NaN, or its loss rose above its start). */
  diverged: boolean;
}

/** What {@link recommendLearningRate} returns. */
export interface Recommendation {
  /** The rate to use, or null when every run diverged. */
  learningRate: number | null;
  /** The best early performer (lowest mean loss over the early window), or null. */
  bestEarly: number | null;
  /** Each run's mean loss over the early window (NaN for a diverged run). */
  earlyLoss: Map<number, number>;
  /** Why, in a sentence or two for the student. */
  reason: string;
}

const fmt = (lr: number) => (lr >= 0.01 ? String(Number(lr.toPrecision(3))) : lr.toExponential(1).replace('e-', 'e−'));

/**
 * Picks a rate: among the runs that did not diverge, the one with the lowest mean loss over the early window is the
 * best early performer; the recommendation is one step higher — the geometric middle between it and the next rate
 * tried — when that next rate also ran without diverging; otherwise the best early performer itself (going higher
 * was unstable, or nothing higher was tried).
 *
 * @param earlySteps the window ("the first 100 iterations or so"); shorter runs use all their steps.
 */
export function recommendLearningRate(runs: readonly SweepRun[], earlySteps = 100): Recommendation {
  const sorted = [...runs].sort((a, b) => a.learningRate - b.learningRate);
  const earlyLoss = new Map<number, number>();
  for (const run of sorted) {
    const window = run.losses.slice(0, Math.max(1, earlySteps)).filter(Number.isFinite);
    earlyLoss.set(run.learningRate, run.diverged || window.length === 0 ? NaN : window.reduce((a, b) => a + b, 0) / window.length);
  }
  const stable = sorted.filter((r) => !r.diverged && Number.isFinite(earlyLoss.get(r.learningRate)!));
  if (stable.length === 0) {
    return { learningRate: null, bestEarly: null, earlyLoss, reason: 'Every rate diverged: try smaller rates.' };
  }
  const best = stable.reduce((a, b) => (earlyLoss.get(b.learningRate)! < earlyLoss.get(a.learningRate)! ? b : a));
  const diverged = sorted.filter((r) => r.diverged).map((r) => fmt(r.learningRate));
  const divergedNote = diverged.length ? ` ${diverged.join(', ')} diverged.` : '';
  const lead = `${fmt(best.learningRate)} had the lowest loss early on (${earlyLoss.get(best.learningRate)!.toFixed(3)}).`;
  const next = sorted[sorted.indexOf(best) + 1];
  if (next && !next.diverged) {
    const lr = Number(Math.sqrt(best.learningRate * next.learningRate).toPrecision(2));
    return {
      learningRate: lr,
      bestEarly: best.learningRate,
      earlyLoss,
      reason:
        `${lead} The best rate for a whole run is usually a bit higher than the best early one, short of instability: ` +
        `${fmt(next.learningRate)} still trained stably, so try ${fmt(lr)}, between the two.${divergedNote}`,
    };
  }
  const why = next ? `${fmt(next.learningRate)} diverged, so going higher is unstable` : 'no higher rate was tried';
  return {
    learningRate: best.learningRate,
    bestEarly: best.learningRate,
    earlyLoss,
    reason: `${lead} Usually a bit higher than the best early rate does best, but ${why}: use ${fmt(best.learningRate)}.${
      next ? '' : divergedNote
    }`,
  };
}
