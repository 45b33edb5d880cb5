import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChainRuleNet } from '../internal/chain-rule-net.js';
import { getParam, type ParamKey } from '../internal/params.js';

/** The steps a wiggle takes: ever smaller δ, so Δp/Δw closes in on the derivative. */
export const WIGGLE_DELTAS = [0.5, 0.2, 0.1, 0.05, 0.01, 0.001] as const;

/** One row of the wiggle table: δ and the difference quotient (p(w+δ) − p(w)) / δ of the gold probability. */
export interface WiggleRow {
  delta: number;
  quotient: number;
}

/**
 * Part (a)'s wiggle: swings a parameter w → w+δ → w−δ → w for each δ of WIGGLE_DELTAS on animation frames,
 * handing the host the wiggled network (`show(net)`, undefined at the end), and fills the table row by row. Stops,
 * and puts the parameter back, when the host leaves the page; with reduced motion it skips the animation.
 */
export class WiggleController implements ReactiveController {
  /** The rows shown so far. */
  rows: WiggleRow[] = [];
  private all: WiggleRow[] = [];
  private frame = 0;
  private start = 0;
  private net?: ChainRuleNet;
  private key?: ParamKey;
  private done?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly show: (net: ChainRuleNet | undefined) => void,
    /** Milliseconds per δ. */
    private readonly stepMs = 320,
  ) {
    host.addController(this);
  }

  get running(): boolean {
    return this.frame !== 0;
  }

  /** Wiggles `key` of `net` at `point`; resolves when the wiggle ends (or is stopped). */
  run(net: ChainRuleNet, key: ParamKey, point: readonly [number, number]): Promise<void> {
    this.stop();
    const w = getParam(net.params, key);
    const p0 = net.at(point).probabilities[1];
    // Every p here is the engine's forward pass at the wiggled parameter.
    this.all = WIGGLE_DELTAS.map((delta) => ({ delta, quotient: (net.with(key, w + delta).at(point).probabilities[1] - p0) / delta }));
    this.rows = [];
    this.net = net;
    this.key = key;
    return new Promise((resolve) => {
      this.done = resolve;
      if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
        this.finish();
        return;
      }
      this.start = performance.now();
      this.frame = requestAnimationFrame(this.tick);
    });
  }

  /** Forgets the table (another parameter was picked). */
  clear(): void {
    this.stop();
    this.rows = [];
    this.host.requestUpdate();
  }

  stop(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.frame || this.done) this.finish();
  }

  private readonly tick = (now: number) => {
    // A frame's timestamp can precede the performance.now() taken when the wiggle started.
    const t = Math.max(0, now - this.start) / this.stepMs;
    const step = Math.floor(t);
    if (step >= WIGGLE_DELTAS.length) {
      this.finish();
      return;
    }
    const offset = WIGGLE_DELTAS[step] * Math.sin((t - step) * 2 * Math.PI);
    this.rows = this.all.slice(0, step + 1);
    this.show(this.net!.with(this.key!, getParam(this.net!.params, this.key!) + offset));
    this.host.requestUpdate();
    this.frame = requestAnimationFrame(this.tick);
  };

  private finish(): void {
    this.frame = 0;
    this.rows = this.all;
    this.show(undefined);
    this.host.requestUpdate();
    this.done?.();
    this.done = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
