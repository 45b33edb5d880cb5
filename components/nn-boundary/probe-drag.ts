import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { keyStep } from './marks.js';
import { PlotTransform, type Domain } from './transform.js';

/** What the probe's pointer and keyboard handling needs of its element. */
export interface ProbeHost extends ReactiveControllerHost {
  /** The view, in math coordinates. */
  readonly view: Domain;
  /** The probe's point now, if there is one. */
  readonly probePoint: readonly [number, number] | undefined;
  /** The probe cannot be moved. */
  readonly probeLocked: boolean;
  /** The student moved the probe to `point` (already kept inside the view). */
  probeMoved(point: [number, number], phase: 'input' | 'change'): void;
}

/**
 * Moves a plot's probe with pointer, touch (the overlay sets touch-action: none, so the page does not scroll) and
 * keyboard (arrows 1/50 of the view, Shift 1/10, Alt 1/200). Pointer capture keeps a drag going outside the plot.
 */
export class ProbeDrag implements ReactiveController {
  private dragging = false;

  constructor(private readonly host: ProbeHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.dragging = false;
  }

  private move(next: [number, number], phase: 'input' | 'change'): void {
    const p = new PlotTransform(this.host.view, 1, 1).clamp(next[0], next[1]);
    this.host.probeMoved(p, phase);
  }

  private toMath(e: PointerEvent): [number, number] {
    const box = (e.currentTarget as Element).getBoundingClientRect();
    return new PlotTransform(this.host.view, box.width, box.height).toMath(e.clientX - box.left, e.clientY - box.top);
  }

  readonly pointerDown = (e: PointerEvent): void => {
    if (this.host.probeLocked || !this.host.probePoint || e.button !== 0) return;
    e.preventDefault();
    const overlay = e.currentTarget as Element;
    overlay.setPointerCapture?.(e.pointerId);
    this.dragging = true;
    (overlay.querySelector('.probe') as SVGGElement | null)?.focus({ preventScroll: true });
    this.move(this.toMath(e), 'input');
  };

  readonly pointerMove = (e: PointerEvent): void => {
    if (this.dragging) this.move(this.toMath(e), 'input');
  };

  readonly pointerUp = (e: PointerEvent): void => {
    if (!this.dragging) return;
    this.dragging = false;
    this.move(this.toMath(e), 'change');
  };

  readonly keyDown = (e: KeyboardEvent): void => {
    const p = this.host.probePoint;
    if (this.host.probeLocked || !p) return;
    const step = keyStep(e, this.host.view);
    if (!step) return;
    e.preventDefault();
    this.move([p[0] + step[0], p[1] + step[1]], 'change');
  };
}
