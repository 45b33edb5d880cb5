/**
 * `nn-error`: an element could not do what it was asked (a bad attribute, a model it cannot draw …). The element
 * also shows `message` in place and keeps its last good state.
 */
export class NnErrorEvent extends Event {
  static readonly eventName = 'nn-error';
  /** A short sentence for people, the same one the element shows. */
  readonly message: string;
  /** What went wrong, for code: which attribute or property, and the value it got. */
  readonly detail: NnErrorDetail;

  constructor(message: string, detail: NnErrorDetail = {}) {
    super(NnErrorEvent.eventName, { bubbles: true, composed: true });
    this.message = message;
    this.detail = detail;
  }
}

/** Where an `nn-error` came from. */
export interface NnErrorDetail {
  /** The attribute (or property) that could not be used. */
  attribute?: string;
  /** The value it was given. */
  value?: unknown;
  /** The underlying error, if one was thrown. */
  cause?: unknown;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nn-error': NnErrorEvent;
  }
}
