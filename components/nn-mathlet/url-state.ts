import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { allParamKeys, getParam, validateParams, withParam, resetParams, type NetParams } from '../internal/params.js';

/** What a shared link restores: the point and every parameter. */
export interface UrlState {
  point: [number, number];
  params: NetParams;
}

// Ten significant digits: the published parameters (up to nine) come back exactly, slider noise does not stay.
const round = (v: number) => String(Number(v.toPrecision(10)));

/** `x,y~p1,p2,…` in W1, b1, W2, b2 order: short enough for a link. */
export function encodeState(s: UrlState): string {
  const hidden = s.params.b1.length;
  return `${s.point.map(round).join(',')}~${allParamKeys(hidden).map((k) => round(getParam(s.params, k))).join(',')}`;
}

/** The inverse of encodeState; undefined when the text is not a state for `hidden` hidden units. */
export function decodeState(text: string, hidden: number): UrlState | undefined {
  const [pt, ps] = text.split('~');
  const point = (pt ?? '').split(',').map(Number);
  const values = (ps ?? '').split(',').map(Number);
  const keys = allParamKeys(hidden);
  if (point.length !== 2 || !point.every(Number.isFinite) || values.length !== keys.length || !values.every(Number.isFinite))
    return undefined;
  let params = resetParams(hidden);
  keys.forEach((k, i) => (params = withParam(params, k, values[i])));
  return typeof validateParams(params, hidden) === 'string' ? undefined : { point: [point[0], point[1]], params };
}

/** The state stored for element `id` in the page's fragment (`#id=…&other=…`), if any. */
export function readFragment(id: string): string | undefined {
  const hash = location.hash.replace(/^#/, '');
  return new URLSearchParams(hash).get(id) ?? undefined;
}

/** Stores `value` for `id` in the fragment, keeping other elements' entries, without adding a history entry. */
export function writeFragment(id: string, value: string): void {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (params.get(id) === value) return;
  params.set(id, value);
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${params.toString()}`);
}

/** What the URL-state controller needs of its element. */
export interface UrlStateHost extends ReactiveControllerHost, HTMLElement {
  urlState: boolean;
  hiddenUnits: number;
  point: readonly [number, number];
  params: NetParams;
}

/**
 * Keeps an element's point and parameters in the page's fragment under its `id` (opt-in with `url-state`):
 * restores them when the element connects, and writes them a moment after each change (browsers throttle history
 * updates made on every drag frame), flushing a pending write when the element leaves.
 */
export class UrlStateController implements ReactiveController {
  private restored = false;
  private timer?: ReturnType<typeof setTimeout>;
  private written = '';

  constructor(
    private readonly host: UrlStateHost,
    /** Called with the fragment's text when it holds no usable state. */
    private readonly onBadLink: (text: string) => void,
    private readonly delayMs = 150,
  ) {
    host.addController(this);
  }

  private get active(): boolean {
    return this.host.urlState && !!this.host.id;
  }

  hostConnected(): void {
    if (!this.active || this.restored) return;
    this.restored = true;
    const text = readFragment(this.host.id);
    if (!text) return;
    const hidden = this.host.hiddenUnits;
    const s = decodeState(text, typeof hidden === 'number' ? hidden : 3);
    const inSquare = s && s.point.every((v) => v >= 0 && v <= 1);
    if (!s || !inSquare) {
      this.onBadLink(text);
      return;
    }
    this.written = text;
    this.host.point = s.point;
    this.host.params = s.params;
  }

  hostUpdated(): void {
    if (!this.active) return;
    const text = this.current();
    if (text === this.written) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  hostDisconnected(): void {
    if (this.timer !== undefined) this.flush();
  }

  private current(): string {
    const p = this.host.point;
    return encodeState({ point: [p[0], p[1]], params: this.host.params });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.active) return;
    this.written = this.current();
    writeFragment(this.host.id, this.written);
  }
}
