import { LitElement, html, nothing, render, type PropertyDeclaration, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { NnErrorEvent, type NnErrorDetail } from '../events/nn-error.js';
import { PropertyGuard } from './property-guard.js';
import { yieldToEventLoop } from '../../src/nn/event-loop.js';

/**
 * The base of every nn-* element: a typed `emit()`, an idempotent `define()`, and the element contract. Every public
 * reactive property, set as an attribute or from JavaScript, passes its declared rule before the element updates
 * (see PropertyGuard): a value it cannot use gives a visible message and an `nn-error`, and the last good value stays;
 * a removed attribute (or `null`/`undefined`) gives the default; a good value clears the message. An update that
 * throws anyway is caught: the element reports it and goes back to the values it last drew.
 */
export class NnElement extends LitElement {
  /** Registers the element under `tag` once; a second call (two bundles, a re-import) is a no-op. */
  static define(tag: string): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /** The message shown in the element while something it was given cannot be used. */
  @state() protected errorMessage = '';

  /** The contract's checks of this element's properties. */
  protected readonly propertyGuard = new PropertyGuard(this, (message, attribute, value) => this.fail(message, { attribute, value }));

  /** Failures reported during the update in progress (so a later good check in it does not clear the message). */
  private failures = 0;
  /** True while an update runs. */
  private inUpdate = false;
  /** Updates in a row that threw. */
  private crashes = 0;
  /** The changes of the update in progress (to put back if it throws). */
  private changing?: PropertyValues;
  /** The next update puts back values after a crash: its message stays. */
  private keepMessage = false;
  /** The properties put back after a crash: setting any of them again (even to the same value) updates. */
  private crashed: PropertyKey[] = [];
  /** Work running in slices (see `inSlices`), by key: the latest call's. */
  private readonly slices = new Map<string, Promise<void>>();

  /** Dispatches one of the library's typed events (or a native `input`/`change`) from the host. */
  emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }

  /** Fires the native `input` or `change` event (bubbling and composed, as a form control's would be). */
  protected emitNative(type: 'input' | 'change'): void {
    this.emit(new Event(type, { bubbles: true, composed: true }));
  }

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration, useNewValue?: boolean, newValue?: unknown): void {
    // The guard is made after LitElement's constructor, which requests its first update with no name.
    if (name !== undefined && this.propertyGuard) {
      options = this.propertyGuard.noteSet(name, options, useNewValue ? newValue : (this as unknown as Record<PropertyKey, unknown>)[name]);
    }
    super.requestUpdate(name, oldValue, options, useNewValue, newValue);
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    this.changing = changed;
    const { checked, refused } = this.propertyGuard.validate(changed, !this.hasUpdated);
    if (this.keepMessage) this.crashed.splice(0).forEach((key) => this.propertyGuard.markRefused(key));
    else if (checked && !refused && this.failures === 0) this.clearError();
    this.keepMessage = false;
    return super.shouldUpdate(changed);
  }

  protected override performUpdate(): void {
    this.failures = 0;
    this.inUpdate = true;
    try {
      super.performUpdate();
      this.crashes = 0;
    } catch (e) {
      this.recover(e);
    } finally {
      this.inUpdate = false;
    }
  }

  /**
   * An update threw (a bug, or an input no rule foresaw): report it, and draw the values before that update again.
   * If those throw too, show the message alone until a property changes.
   */
  private recover(error: unknown): void {
    const message = `<${this.localName}> could not show this: ${error instanceof Error ? error.message : String(error)}`;
    if (++this.crashes === 1 && this.changing) {
      const self = this as unknown as Record<PropertyKey, unknown>;
      for (const [key, old] of this.changing) {
        if (!this.propertyGuard.options(key)) continue;
        self[key] = this.hasUpdated ? old : this.propertyGuard.defaultOf(key);
        this.crashed.push(key);
      }
      this.keepMessage = true;
      this.fail(message, { cause: error });
      return;
    }
    this.emit(new NnErrorEvent(message, { cause: error }));
    if (this.renderRoot) render(html`<p part="error" class="nn-error" role="alert">${message}</p>`, this.renderRoot, this.renderOptions);
  }

  /**
   * Runs `work` over several tasks rather than in the update that asked for it, so that the largest input an
   * element accepts does not block the page for more than the contract's 50 ms at a time. `work` awaits `next()`
   * between pieces: it gives the event loop a turn (`turn`: a task by default; `afterNextFrame` where the browser's own
   * drawing of each piece must fall in a frame of its own), and resolves false once a newer call with the same key
   * has replaced this one (the work then stops: its result is stale). The first piece runs after a first turn, or at
   * once with `now`. Meanwhile the element keeps showing what it last drew. `updateComplete` resolves only when every
   * such piece of work has finished and its result is drawn.
   */
  protected inSlices(key: string, work: (next: () => Promise<boolean>) => Promise<void> | void, options: { turn?: () => Promise<void>; now?: boolean } = {}): void {
    const turn = options.turn ?? yieldToEventLoop;
    let done: Promise<void> | undefined = undefined;
    const current = () => this.slices.get(key) === done;
    const next = async () => {
      await turn();
      return current();
    };
    const start = async () => {
      // The update that asked for it ends, and paints, first.
      if (!options.now && !(await next())) return;
      await work(next);
    };
    done = start().catch((e: unknown) => {
      if (current()) this.fail(`<${this.localName}> could not show this: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }).finally(() => {
      if (current()) this.slices.delete(key);
    });
    this.slices.set(key, done);
  }

  /** Stops the work running under `key`, if any: its result is not wanted any more. */
  protected cancelSlices(key: string): void {
    this.slices.delete(key);
  }

  /** True while work started by `inSlices` under `key` runs. */
  protected slicing(key: string): boolean {
    return this.slices.has(key);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let drawn = await super.getUpdateComplete();
    while (this.slices.size) {
      await Promise.all(this.slices.values());
      drawn = await super.getUpdateComplete();
    }
    return drawn;
  }

  /** Shows `message` in the element and fires `nn-error`; the caller keeps its last good state. */
  protected fail(message: string, detail: NnErrorDetail = {}): void {
    this.failures++;
    this.errorMessage = message;
    this.emit(new NnErrorEvent(message, detail));
  }

  /** Clears the message once the element is back in a good state (not in an update that reported a failure). */
  protected clearError(): void {
    if (this.inUpdate && this.failures > 0) return;
    this.errorMessage = '';
  }

  /** The visible message, or nothing: every element renders this in its template. */
  protected renderError(): TemplateResult | typeof nothing {
    return this.errorMessage
      ? html`<p part="error" class="nn-error" role="alert">${this.errorMessage}</p>`
      : nothing;
  }
}
