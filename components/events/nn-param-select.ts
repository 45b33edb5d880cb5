import type { ParamKey } from '../internal/params.js';

/** `nn-param-select`: the student picked a parameter (focused or clicked its slider), to read its derivative. */
export class NnParamSelectEvent extends Event {
  static readonly eventName = 'nn-param-select';
  /** The parameter picked, e.g. `W2.1.0`. */
  readonly key: ParamKey;

  constructor(key: ParamKey) {
    super(NnParamSelectEvent.eventName, { bubbles: true, composed: true });
    this.key = key;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nn-param-select': NnParamSelectEvent;
  }
}
