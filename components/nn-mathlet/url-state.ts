import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { allParamKeys, getParam, validateParams, withParam, resetParams, type NetParams } from '../internal/params.js';

/** What a shared link restores: the point and every parameter. */
export interface UrlState {
  point: [number, number];
  params: NetParams;
}

/** The longest state one element's link entry may hold; 8 hidden units need about 800 characters. */
export const MAX_STATE_CHARS = 2048;
/** The largest parameter a link may set (the sliders span ±2; a page's own `params` may go further). */
export const MAX_STATE_VALUE = 1e6;

// Ten significant digits: the published parameters (up to nine) come back exactly, slider noise does not stay.
const round = (v: number) => String(Number(v.toPrecision(10)));
// What `round` writes, and nothing else: no empty field, no hex, no Infinity, no spaces.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ordinal = (i: number) => `${i + 1}${['st', 'nd', 'rd'][i] ?? 'th'}`;

/** `x,y~p1,p2,…` in W1, b1, W2, b2 order: short, and only characters a fragment keeps as they are. */
export function encodeState(s: UrlState): string {
  const hidden = s.params.b1.length;
  return `${s.point.map(round).join(',')}~${allParamKeys(hidden).map((k) => round(getParam(s.params, k))).join(',')}`;
}

/**
 * Reads a state for a network of `hidden` hidden units, or says in a phrase why it cannot: every field must be a
 * plain number (an empty field is refused, not read as 0), the point inside the unit square, every parameter
 * within ±`MAX_STATE_VALUE`.
 */
export function parseState(text: string, hidden: number): UrlState | string {
  if (text.length > MAX_STATE_CHARS) return `it is ${text.length} characters long, more than ${MAX_STATE_CHARS}`;
  const halves = text.split('~');
  if (halves.length !== 2) return 'it is not of the form x,y~parameters';
  const point = halves[0].split(',');
  if (point.length !== 2) return `it gives ${point.length} numbers for the point, not 2 (x,y)`;
  const keys = allParamKeys(hidden);
  const values = halves[1].split(',');
  if (values.length !== keys.length) {
    return `it gives ${values.length} parameters; a network of ${hidden} hidden units has ${keys.length}`;
  }
  const bad = (field: string, what: string) =>
    field === '' ? `${what} is empty` : `${what} is "${field}", not a number`;
  for (let i = 0; i < 2; i++) if (!NUMBER.test(point[i])) return bad(point[i], `the point's ${ordinal(i)} number`);
  for (let i = 0; i < keys.length; i++) if (!NUMBER.test(values[i])) return bad(values[i], `parameter ${keys[i]}`);
  const [x, y] = point.map(Number);
  if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) return `the point (${x}, ${y}) is outside the unit square`;
  let params = resetParams(hidden);
  for (let i = 0; i < keys.length; i++) {
    const v = Number(values[i]);
    if (!(Math.abs(v) <= MAX_STATE_VALUE)) return `parameter ${keys[i]} is ${v}, beyond ±${MAX_STATE_VALUE}`;
    params = withParam(params, keys[i], v);
  }
  const checked = validateParams(params, hidden);
  return typeof checked === 'string' ? checked : { point: [x, y], params: checked };
}

/** The inverse of encodeState; undefined when the text is not a state for `hidden` hidden units. */
export function decodeState(text: string, hidden: number): UrlState | undefined {
  const s = parseState(text, hidden);
  return typeof s === 'string' ? undefined : s;
}

/**
 * The fragment's parts, `&`-separated, each as written: other elements' `id=state` entries, and anchors (`intro`)
 * or anything else a page keeps there, which are never rewritten.
 */
export function fragmentParts(hash = location.hash): string[] {
  const body = hash.replace(/^#/, '');
  return body ? body.split('&') : [];
}

/** The id a `key=value` part belongs to, or undefined for a part that is no entry (an anchor, broken encoding). */
function partId(part: string): string | undefined {
  const eq = part.indexOf('=');
  if (eq < 0) return undefined;
  try {
    return decodeURIComponent(part.slice(0, eq));
  } catch {
    return undefined;
  }
}

/** What the fragment holds for element `id`: its state text, a reason it cannot be read, or nothing. */
export type FragmentEntry = { text: string } | { problem: string } | undefined;

/** The entry for element `id` in the fragment (`#intro&id=…&other=…`), if there is one. */
export function readFragment(id: string, hash = location.hash): FragmentEntry {
  const mine = fragmentParts(hash).filter((part) => partId(part) === id);
  if (mine.length === 0) return undefined;
  if (mine.length > 1) return { problem: `the link gives it ${mine.length} times` };
  const raw = mine[0].slice(mine[0].indexOf('=') + 1);
  // Percent-encoding at most triples a state's length.
  if (raw.length > MAX_STATE_CHARS * 3) {
    return { problem: `it is ${raw.length} characters long, more than ${MAX_STATE_CHARS}` };
  }
  try {
    // Older links were written percent-encoded (%2C for the commas); '+' stays a plus sign, not a space.
    return { text: decodeURIComponent(raw) };
  } catch {
    return { problem: 'its percent-encoding is broken' };
  }
}

/**
 * Stores `value` for `id` in the fragment without adding a history entry: its entry is replaced where it stood (or
 * added at the end), and every other part stays exactly as it was, anchors included.
 */
export function writeFragment(id: string, value: string): void {
  const entry = `${encodeURIComponent(id)}=${value}`;
  const parts = fragmentParts();
  const at = parts.findIndex((part) => partId(part) === id);
  // In place of the first entry for `id`, dropping any later ones (a link that gave it twice).
  const next =
    at < 0 ? [...parts, entry] : parts.flatMap((part, i) => (i === at ? [entry] : partId(part) === id ? [] : [part]));
  if (next.join('&') === parts.join('&')) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${next.join('&')}`);
}

/** What the URL-state controller needs of its element. */
export interface UrlStateHost extends ReactiveControllerHost, HTMLElement {
  urlState: boolean;
  hiddenUnits: number;
  point: readonly [number, number];
  params: NetParams;
}

/**
 * Keeps an element's point and parameters in the page's fragment under its `id` (opt-in with `url-state`), beside
 * whatever else the fragment holds: restores them when the element connects (and when the fragment changes), and
 * writes them a moment after each change (browsers throttle history updates made on every drag frame), flushing a
 * pending write when the element leaves. Nothing is written while the element shows the page's own state. A link
 * it cannot use is reported when the element renders, and left in the address bar as it was until the student
 * changes something (an `input` or `change` from the element).
 */
export class UrlStateController implements ReactiveController {
  private restored = false;
  private timer?: ReturnType<typeof setTimeout>;
  /** The state the fragment holds for this element; undefined while it holds none. */
  private written: string | undefined;
  /** The page's own state, seen on the first render without a usable link: not worth writing. */
  private pageOwn: string | undefined;
  /** A link that could not be used, to report in the next update. */
  private badLink?: { text: string; reason: string };
  /** A bad link stays in the address bar, unwritten over, until the student changes something. */
  private held = false;
  /** A plain anchor of the link, scrolled to once the element has rendered (the browser's own jump missed it). */
  private anchor?: Element;

  constructor(
    private readonly host: UrlStateHost,
    /** Called, during an update of the element, with the link's text and why it cannot be used. */
    private readonly onBadLink: (text: string, reason: string) => void,
    private readonly delayMs = 150,
  ) {
    host.addController(this);
  }

  private get active(): boolean {
    return this.host.urlState && !!this.host.id;
  }

  hostConnected(): void {
    addEventListener('hashchange', this.onHashChange);
    this.host.addEventListener('input', this.onStudent);
    this.host.addEventListener('change', this.onStudent);
    if (!this.active || this.restored) return;
    this.restored = true;
    if (this.restore()) this.anchor = linkAnchor();
  }

  hostUpdate(): void {
    // After the element's own checks in this update, so its render shows the message instead of clearing it.
    if (!this.badLink) return;
    const { text, reason } = this.badLink;
    this.badLink = undefined;
    this.onBadLink(text, reason);
  }

  hostUpdated(): void {
    if (this.anchor) {
      const target = this.anchor;
      this.anchor = undefined;
      // Only if nothing scrolled the page yet: not the student, not another element's jump.
      requestAnimationFrame(() => scrollY === 0 && target.scrollIntoView());
    }
    if (!this.active || this.held) return;
    const text = this.current();
    if (this.written === undefined) {
      this.pageOwn ??= text;
      if (text === this.pageOwn) return;
    } else if (text === this.written) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.onHashChange);
    this.host.removeEventListener('input', this.onStudent);
    this.host.removeEventListener('change', this.onStudent);
    if (this.timer !== undefined) this.flush();
  }

  /** Applies the fragment's entry for this element; returns whether there was one (usable or not). */
  private restore(): boolean {
    const entry = readFragment(this.host.id);
    if (!entry) return false;
    const hidden = typeof this.host.hiddenUnits === 'number' ? this.host.hiddenUnits : 3;
    const state = 'text' in entry ? parseState(entry.text, hidden) : entry.problem;
    if (typeof state === 'string') {
      this.badLink = { text: 'text' in entry ? entry.text : '', reason: state };
      this.held = true;
      // Whatever the student makes next is theirs to keep in the link, even the page's own state.
      this.pageOwn = undefined;
      this.written = '';
      clearTimeout(this.timer);
      this.timer = undefined;
      this.host.requestUpdate();
      return true;
    }
    this.held = false;
    this.written = encodeState(state);
    this.host.point = state.point;
    this.host.params = state.params;
    return true;
  }

  private readonly onStudent = (): void => {
    this.held = false;
  };

  /** Another link on the page, or the address bar, changed the fragment. */
  private readonly onHashChange = (): void => {
    if (!this.active) return;
    const entry = readFragment(this.host.id);
    if (entry) {
      if (!('text' in entry && entry.text === this.written)) this.restore();
    } else if (!this.held && this.written) {
      // A jump to a plain anchor drops this element's entry: put it back, so a copied link still holds it.
      writeFragment(this.host.id, this.written);
    }
  };

  private current(): string {
    const p = this.host.point;
    return encodeState({ point: [p[0], p[1]], params: this.host.params });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.active || this.held) return;
    this.written = this.current();
    writeFragment(this.host.id, this.written);
  }
}

/**
 * The element a link's plain anchor names (`#intro` in `#intro&m=…`) when the browser could not jump to it, on a
 * fresh visit (not a reload or a step back, where the browser restores the scroll position).
 */
function linkAnchor(): Element | undefined {
  const parts = fragmentParts();
  if (parts.length < 2) return undefined;
  const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (nav && nav.type !== 'navigate') return undefined;
  for (const part of parts) {
    if (part.includes('=')) continue;
    try {
      const target = document.getElementById(decodeURIComponent(part));
      if (target) return target;
    } catch {
      // broken percent-encoding: no anchor
    }
  }
  return undefined;
}
