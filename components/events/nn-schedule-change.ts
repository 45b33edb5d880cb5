import type { ScheduleSpec } from '../../src/spec/types.js';

/**
 * `nn-schedule-change`: the student picked another schedule or edited one of its parameters in `<nn-schedule>`
 * (never when code sets it). `spec` is the new, valid schedule, ready for a lab's optimizer.
 */
export class NnScheduleChangeEvent extends Event {
  static readonly eventName = 'nn-schedule-change';
  /** The schedule now shown (a fresh copy, safe to keep). */
  readonly spec: ScheduleSpec;

  constructor(spec: ScheduleSpec) {
    super(NnScheduleChangeEvent.eventName, { bubbles: true, composed: true });
    this.spec = spec;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nn-schedule-change': NnScheduleChangeEvent;
  }
}
