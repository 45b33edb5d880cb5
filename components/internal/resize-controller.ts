import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks an element's content-box size and asks the host to update when it changes. Written here because
 * `@lit-labs/observers` is not a dependency; this is the same idea in a screenful.
 */
export class ResizeController implements ReactiveController {
  /** Content-box width in CSS pixels (0 until measured). */
  width = 0;
  /** Content-box height in CSS pixels (0 until measured). */
  height = 0;
  private observer?: ResizeObserver;
  private observed?: Element;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly target: () => Element | null | undefined = () => host,
  ) {
    host.addController(this);
  }

  /**
   * The width now: the observed value, or (before the first observation) the target's laid-out width, read once
   * so that the first render already fits.
   */
  measureWidth(fallback: number): number {
    if (this.width) return this.width;
    const el = this.target();
    const w = el?.isConnected ? el.getBoundingClientRect().width : 0;
    return w || fallback;
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      if (box.width === this.width && box.height === this.height) return;
      this.width = box.width;
      this.height = box.height;
      // Update on the next frame, not inside the observer's callback: a re-render that changes the host's size
      // there would make the browser report a "ResizeObserver loop".
      if (!this.frame)
        this.frame = requestAnimationFrame(() => {
          this.frame = 0;
          this.host.requestUpdate();
        });
    });
    this.observed = undefined;
    this.observe();
  }

  hostUpdated(): void {
    // The target may live in the shadow root, which exists only after the first render.
    this.observe();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private observe(): void {
    const el = this.target();
    if (!this.observer || !el || el === this.observed) return;
    if (this.observed) this.observer.unobserve(this.observed);
    this.observer.observe(el);
    this.observed = el;
  }
}
