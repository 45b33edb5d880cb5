import type { Recommendation, SweepRun } from '../../src/tf/sweep/recommend.js';

/**
 * `nn-sweep-end`: `<nn-lr-sweep>` finished (or was stopped); `runs` holds each rate's losses and whether it diverged,
 * `recommendation` the rate it suggests and why (`recommendLearningRate` of `nn-mathlets/tf`, the same rule).
 */
export class NnSweepEndEvent extends Event {
  static readonly eventName = 'nn-sweep-end';
  readonly runs: readonly SweepRun[];
  readonly recommendation: Recommendation;

  constructor(runs: readonly SweepRun[], recommendation: Recommendation) {
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
