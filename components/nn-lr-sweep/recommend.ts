// The homework's advice as a pure function: take the best early performer, nudge it higher, stay short of instability.

/** What one rate's short run gave: batch losses in order, and whether it diverged. */
export interface SweepOutcome {
  rate: number;
  /** Training loss per step (batch), first to last. */
  losses: readonly number[];
  /** True when the run blew up (NaN, or its loss rose above its start) and was stopped. */
  diverged: boolean;
}

/** A recommended rate (null when no rate was stable), the run it came from, and a sentence saying why. */
export interface Recommendation {
  rate: number | null;
  /** Index of the best early performer among the outcomes, or -1. */
  best: number;
  reason: string;
}

/** The mean of the last third (at least one) of a run's losses: its early performance, less noisy than one batch. */
export function earlyLoss(losses: readonly number[]): number {
  if (losses.length === 0) return NaN;
  const k = Math.max(1, Math.ceil(losses.length / 3));
  const tail = losses.slice(-k);
  return tail.reduce((a, b) => a + b, 0) / k;
}

/** Stable: did not diverge, every loss is finite, and its early loss is not above its first loss. */
export function isStable(o: SweepOutcome): boolean {
  return !o.diverged && o.losses.length > 0 && o.losses.every(Number.isFinite) && earlyLoss(o.losses) <= o.losses[0];
}

/** Two significant digits: a rate a person would type. */
export const roundRate = (r: number) => Number(r.toPrecision(2));
const show = (r: number) => (r < 1e-3 ? r.toExponential(1) : String(roundRate(r)));

/**
 * Goodfellow et al.: the best initial rate is usually higher than the one that performs best over the first
 * iterations, but not so high that training becomes unstable. So: the stable run with the lowest early loss, then
 * halfway (geometrically) to the next higher rate when that one was stable too, or only a quarter of the way (at
 * most ×2) when it was not.
 */
export function recommendRate(outcomes: readonly SweepOutcome[]): Recommendation {
  const order = outcomes.map((_o, i) => i).sort((a, b) => outcomes[a].rate - outcomes[b].rate);
  let best = -1;
  for (const i of order) if (isStable(outcomes[i]) && (best < 0 || earlyLoss(outcomes[i].losses) < earlyLoss(outcomes[best].losses))) best = i;
  if (best < 0)
    return { rate: null, best: -1, reason: 'No rate trained stably: every run diverged or did not lower its loss. Try smaller rates.' };
  const b = outcomes[best].rate;
  const nextIdx = order[order.indexOf(best) + 1];
  if (nextIdx === undefined)
    return {
      rate: roundRate(b),
      best,
      reason: `${show(b)} had the lowest early loss and is the largest rate tried, so nothing above it is known to be stable: use it, or try higher rates.`,
    };
  const next = outcomes[nextIdx];
  if (isStable(next)) {
    const rate = roundRate(Math.sqrt(b * next.rate));
    return {
      rate,
      best,
      reason: `${show(b)} had the lowest early loss and ${show(next.rate)} still trained stably, so a rate between them, ${show(rate)}, should learn faster over a full run without becoming unstable.`,
    };
  }
  const rate = roundRate(b * Math.min(2, (next.rate / b) ** 0.25));
  const why = next.diverged ? 'diverged' : 'did not lower its loss';
  return {
    rate,
    best,
    reason: `${show(b)} had the lowest early loss, but ${show(next.rate)} ${why}, so only a small step up, ${show(rate)}, stays short of instability.`,
  };
}

/** `count` rates spaced geometrically from `min` to `max` (numpy's geomspace). */
export function geomspace(min: number, max: number, count: number): number[] {
  if (count === 1) return [min];
  const a = Math.log10(min);
  const step = (Math.log10(max) - a) / (count - 1);
  return Array.from({ length: count }, (_, i) => (i === 0 ? min : i === count - 1 ? max : roundRate(10 ** (a + i * step))));
}
