import type { LabRun } from '../../src/labs/index.js';

/**
 * `nn-train-end`: a lab's run ended (all epochs, early stopping, divergence or a stop). `run` is the element's new
 * `run` property: `{ spec, history, trainAccuracy, validationAccuracy, testAccuracy, stoppedEpoch, … }`.
 */
export class NnTrainEndEvent extends Event {
  static readonly eventName = 'nn-train-end';
  /** The run that ended. */
  readonly run: LabRun;
  /** Which run it is: 0, or 1 for the right-hand side of a comparison. */
  readonly panel: number;

  constructor(run: LabRun, panel = 0) {
    super(NnTrainEndEvent.eventName, { bubbles: true, composed: true });
    this.run = run;
    this.panel = panel;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nn-train-end': NnTrainEndEvent;
  }
}
