/** What a CIFAR-10 lab is doing, as `nn-progress` reports it. */
export type ProgressPhase = 'starting' | 'loading' | 'measuring' | 'training' | 'testing' | 'paused' | 'stopping' | 'stopped';

/** The numbers behind an `nn-progress` event; each is present when the phase has it. */
export interface ProgressDetail {
  /** Bytes loaded and the total (when the server says). */
  loaded?: number;
  total?: number;
  /** 0-based step of the run (or of the sweep's current rate) and the steps it will take. */
  step?: number;
  totalSteps?: number;
  /** 0-based epoch and the epochs planned. */
  epoch?: number;
  epochs?: number;
  /** The sweep's rate being trained (0-based) and how many there are. */
  run?: number;
  runs?: number;
  /** Training images per second, recently (or as measured before the first steps). */
  imagesPerSecond?: number;
  /** Estimated milliseconds to the end of the run (of the whole sweep for `<nn-lr-sweep>`). */
  etaMs?: number;
}

/**
 * `nn-progress`: a CIFAR-10 lab (`<nn-lr-sweep>`, `<nn-cifar>`) moved on: loading data, timing the backends, a
 * training step, a test pass, paused, stopping, stopped. `text` is the line the element shows. None comes after
 * the promise of the element's `stop()` resolves.
 */
export class NnProgressEvent extends Event {
  static readonly eventName = 'nn-progress';
  readonly phase: ProgressPhase;
  readonly text: string;
  readonly detail: Readonly<ProgressDetail>;

  constructor(phase: ProgressPhase, text: string, detail: ProgressDetail = {}) {
    super(NnProgressEvent.eventName, { bubbles: true, composed: true });
    this.phase = phase;
    this.text = text;
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nn-progress': NnProgressEvent;
  }
}
