import type { Recommendation, SweepOutcome } from '../nn-lr-sweep/recommend.js';

/**
 * `nn-sweep-end`: `<nn-lr-sweep>` finished (or was stopped); `runs` holds each rate's losses and whether it diverged,
 * `recommendation` the rate it suggests and why.
 */
export class NnSweepEndEvent extends Event {
  static readonly eventName = 'nn-sweep-end';
  readonly runs: readonly SweepOutcome[];
  readonly recommendation: Recommendation;

  constructor(runs: readonly SweepOutcome[], recommendation: Recommendation) {
    super(NnSweepEndEvent.eventName, { bubbles: true, composed: true });
    this.runs = runs;
    this.recommendation = recommendation;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nn-sweep-end': NnSweepEndEvent;
  }
}
