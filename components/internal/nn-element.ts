import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { NnErrorEvent, type NnErrorDetail } from '../events/nn-error.js';
import { BadAttribute } from './attributes.js';

/**
 * The base of every nn-* element: a typed `emit()`, an idempotent `define()`, and the shared way of reporting a
 * problem (a visible message plus an `nn-error` event, the last good state kept).
 */
export class NnElement extends LitElement {
  /** Registers the element under `tag` once; a second call (two bundles, a re-import) is a no-op. */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /** The message shown in the element while something it was given cannot be used. */
  @state() protected errorMessage = '';

  /** Dispatches one of the library's typed events (or a native `input`/`change`) from the host. */
  emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }

  /** Fires the native `input` or `change` event (bubbling and composed, as a form control's would be). */
  protected emitNative(type: 'input' | 'change'): void {
    this.emit(new Event(type, { bubbles: true, composed: true }));
  }

  /** Failures reported during the update in progress (so a later good check in it does not clear the message). */
  private failures = 0;

  protected override performUpdate(): void {
    this.failures = 0;
    super.performUpdate();
  }

  /** Shows `message` in the element and fires `nn-error`; the caller keeps its last good state. */
  protected fail(message: string, detail: NnErrorDetail = {}): void {
    this.failures++;
    this.errorMessage = message;
    this.emit(new NnErrorEvent(message, detail));
  }

  /** The last value each checked property had that the element could use. */
  private readonly lastGood = new Map<PropertyKey, unknown>();

  /**
   * Call first in `willUpdate`. Every changed property named in `rules` is checked: a `BadAttribute` (text its
   * converter could not read) or a value whose `check` returns a message is put back to its last good value (or
   * `fallback`) and reported (visible message plus `nn-error`); a good value is remembered. Returns true when all
   * were good, and then clears an earlier message.
   */
  protected checkProperties(changed: PropertyValues, rules: Record<string, PropertyRule>): boolean {
    let ok = true;
    let checked = false;
    const self = this as unknown as Record<string, unknown>;
    for (const key of changed.keys()) {
      const rule = typeof key === 'string' ? rules[key] : undefined;
      if (!rule) continue;
      checked = true;
      const value = self[key as string];
      const problem =
        value instanceof BadAttribute
          ? { message: value.message, value: value.raw }
          : value === undefined || value === null
            ? undefined
            : (() => {
                const m = rule.check?.(value as never);
                return m ? { message: m, value } : undefined;
              })();
      if (problem) {
        ok = false;
        self[key as string] = this.lastGood.has(key) ? this.lastGood.get(key) : rule.fallback;
        this.fail(problem.message, { attribute: rule.attribute ?? (key as string), value: problem.value });
      } else this.lastGood.set(key, value);
    }
    if (ok && checked && this.failures === 0) this.clearError();
    return ok;
  }

  /** Clears the message once the element is back in a good state. */
  protected clearError(): void {
    this.errorMessage = '';
  }

  /** The visible message, or nothing: every element renders this in its template. */
  protected renderError(): TemplateResult | typeof nothing {
    return this.errorMessage
      ? html`<p part="error" class="nn-error" role="alert">${this.errorMessage}</p>`
      : nothing;
  }
}

/** How `checkProperties` checks one property. */
export interface PropertyRule {
  /** The value to fall back to when no good value was seen yet. */
  fallback: unknown;
  /** The attribute's name, for the message (default: the property's). */
  attribute?: string;
  /** Returns a message when the (parsed) value cannot be used. */
  check?: (value: never) => string | undefined;
}
