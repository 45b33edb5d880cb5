import type { ParamKey } from '../internal/params.js';

/**
 * `nn-param-change`: the student moved a weight or bias slider. `phase` is `input` while the slider moves and
 * `change` when the move ends.
 */
export class NnParamChangeEvent extends Event {
  static readonly eventName = 'nn-param-change';
  /** Which parameter, e.g. `W1.0.1` (hidden unit 1's weight from y) or `b2.1` (the gold output's bias). */
  readonly key: ParamKey;
  /** Its new value. */
  readonly value: number;
  /** `input` while moving, `change` when the move is complete. */
  readonly phase: 'input' | 'change';

  constructor(key: ParamKey, value: number, phase: 'input' | 'change') {
    super(NnParamChangeEvent.eventName, { bubbles: true, composed: true });
    this.key = key;
    this.value = value;
    this.phase = phase;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nn-param-change': NnParamChangeEvent;
  }
}
