/**
 * `nn-epoch-end`: a lab finished one training epoch. `logs` holds that epoch's numbers by Keras's names
 * (`loss`, `accuracy`, `val_loss`, `val_accuracy`, `lr`).
 */
export class NnEpochEndEvent extends Event {
  static readonly eventName = 'nn-epoch-end';
  /** The epoch just finished, counted from 1 as Keras prints it. */
  readonly epoch: number;
  /** That epoch's numbers. */
  readonly logs: Readonly<Record<string, number>>;
  /** Which run it belongs to: 0, or 1 for the right-hand side of a comparison. */
  readonly panel: number;

  constructor(epoch: number, logs: Readonly<Record<string, number>>, panel = 0) {
    super(NnEpochEndEvent.eventName, { bubbles: true, composed: true });
    this.epoch = epoch;
    this.logs = logs;
    this.panel = panel;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nn-epoch-end': NnEpochEndEvent;
  }
}
