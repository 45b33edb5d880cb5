/**
 * `nn-point-move`: the student moved the input point (drag, touch or keyboard). `phase` is `input` while a drag
 * goes on and `change` when it ends (a key press is both at once, so it fires with `change`).
 */
export class NnPointMoveEvent extends Event {
  static readonly eventName = 'nn-point-move';
  /** The new point, in the input space's coordinates. */
  readonly point: readonly [number, number];
  /** `input` while dragging, `change` when the move is complete. */
  readonly phase: 'input' | 'change';

  constructor(point: readonly [number, number], phase: 'input' | 'change') {
    super(NnPointMoveEvent.eventName, { bubbles: true, composed: true });
    this.point = point;
    this.phase = phase;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nn-point-move': NnPointMoveEvent;
  }
}
