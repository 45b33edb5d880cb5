import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { NnElement } from '../internal/nn-element.js';
import { enumConverter, integerConverter, pointConverter } from '../internal/attributes.js';
import { NnMath } from '../nn-math/nn-math.js';
import { Network } from '../../src/nn/index.js';
import { backpropPass, type BackpropPass } from '../../src/labs/index.js';
import { buildSteps, cacheIds, plainName, symbol, vec, type Step } from './backprop-steps.js';
import { diagram } from './backprop-diagram.js';
import { styles } from './nn-backprop.styles.js';

const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leaky_relu'] as const;

/**
 * A small network stepped through one forward pass and one backward pass (problem 10). The forward pass stores
 * x, every z and every a; each backward step shows its formula with the numbers and rings the cached values it
 * reads, so why the forward pass caches them is seen, not told. "Discard the cache" counts what the backward pass
 * would have to recompute without it.
 *
 * @tagname nn-backprop
 * @summary Forward and backward pass, step by step, showing which cached value each backward step reads.
 * @fires change - The student stepped, played, reset or toggled the cache.
 * @csspart controls - The step buttons.
 * @csspart diagram - The network drawing.
 * @csspart step - The current step's title and formulas.
 * @csspart cache - The table of cached values.
 * @csspart error - The message shown for an attribute it cannot use.
 */
export class NnBackprop extends NnElement {
  static override styles = [styles];
  /** The elements it renders; referenced so a tree-shaking bundler keeps their registration. */
  static readonly dependencies = { 'nn-math': NnMath };

  /** The hidden layer's activation: sigmoid (default), tanh, relu or leaky_relu. */
  @property({ attribute: 'activation', converter: enumConverter('activation', ACTIVATIONS) }) activation: (typeof ACTIVATIONS)[number] = 'sigmoid';
  /** Units in the hidden layer (1–4). */
  @property({ attribute: 'units', converter: integerConverter('units', 1, 4) }) units = 2;
  /** The example's input as "x1,x2". */
  @property({ attribute: 'point', converter: pointConverter('point') as never }) point: readonly [number, number] = [0.5, -0.3];
  /** The example's label, 0 or 1. */
  @property({ attribute: 'label', converter: integerConverter('label', 0, 1) }) label = 1;
  /** Seed of the initial weights (Keras's glorot_uniform). */
  @property({ attribute: 'seed', converter: integerConverter('seed', 0, 4294967295) }) seed = 3;
  /** Steps done so far, from 0 (nothing computed) to the number of steps. */
  @property({ attribute: 'step', converter: integerConverter('step', 0, 1000) }) step = 0;
  /** Throw the forward values away after use, and count what the backward pass must recompute. */
  @property({ type: Boolean, attribute: 'no-cache' }) noCache = false;

  private pass?: BackpropPass;
  private steps: Step[] = [];
  private timer?: ReturnType<typeof setInterval>;

  /** The number of steps (forward, loss and backward). */
  get stepCount(): number {
    return this.steps.length;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (['activation', 'units', 'point', 'label', 'seed'].some((k) => changed.has(k)) || !this.pass) {
      const model = Network.fromSpec({ inputShape: [2], seed: this.seed, layers: [{ type: 'dense', units: this.units, activation: this.activation }, { type: 'dense', units: 1, activation: 'sigmoid' }] });
      this.pass = backpropPass(model, [...this.point], this.label);
      this.steps = buildSteps(this.pass);
    }
    if (this.step > this.steps.length) this.step = this.steps.length;
  }

  protected override render() {
    const p = this.pass!;
    const L = p.layers.length;
    const current = this.steps[this.step - 1];
    const known = new Set(this.steps.slice(0, this.step).map((s) => s.writes));
    const done = this.step === this.steps.length;
    return html`${this.renderError()}
      <div class="controls" part="controls">
        <button type="button" @click=${() => this.go(0)} ?disabled=${this.step === 0}>Reset</button>
        <button type="button" @click=${() => this.go(this.step - 1)} ?disabled=${this.step === 0}>← Back</button>
        <button type="button" class="next" @click=${() => this.go(this.step + 1)} ?disabled=${done}>Next step →</button>
        <button type="button" aria-pressed=${!!this.timer} @click=${this.togglePlay}>${this.timer ? 'Pause' : 'Play'}</button>
        <label><input type="checkbox" .checked=${this.noCache} @change=${(e: Event) => { this.noCache = (e.target as HTMLInputElement).checked; this.emitNative('change'); }} /> Discard the cache</label>
      </div>
      <p class="progress" aria-live="polite">${current ? `${current.phase === 'forward' ? 'Forward' : 'Backward'} pass — step ${this.step} of ${this.steps.length}: ${current.title}` : `Step 0 of ${this.steps.length}: press “Next step” to start the forward pass.`}</p>
      ${diagram(p, known, current)}
      <section class="step" part="step">${current ? html`${this.formula(current.tex, 'the formula')}${this.formula(current.texNumbers, 'with the numbers')}${this.renderReads(current, L)}` : nothing}</section>
      ${this.renderCache(known, current, L)}
      ${done ? this.renderSummary(L) : nothing}`;
  }

  /** A display formula in a scroll box that the keyboard can reach (a wide matrix scrolls on a phone). */
  private formula(tex: string, name: string) {
    return html`<div class="formula" tabindex="0" role="region" aria-label=${name}><nn-math .tex=${`\\displaystyle ${tex}`}></nn-math></div>`;
  }

  private renderReads(s: Step, L: number) {
    if (s.phase === 'forward') return html`<p class="reads">Stores ${s.writes === 'L' ? 'the loss' : `${plainName(s.writes, L)} in the cache`}.</p>`;
    if (!s.cached.length) return html`<p class="reads">Uses only backward quantities and weights.</p>`;
    const extra = this.noCache ? s.cached.reduce((n, id) => n + this.recomputeCost(id), 0) : 0;
    return html`<p class="reads cached">Reads from the cache: ${s.cached.map((id) => plainName(id, L)).join(' and ')}
      ${this.noCache && extra ? html`<strong class="warn">— not cached: recompute ${extra} layer${extra > 1 ? 's' : ''} of the forward pass first.</strong>` : nothing}</p>`;
  }

  private renderCache(known: ReadonlySet<string>, s: Step | undefined, L: number) {
    const reads = (id: string) => this.steps.slice(0, this.step).filter((t) => t.phase === 'backward' && t.cached.includes(id)).length;
    const value = (id: string) => (id === 'x' ? this.pass!.x : this.pass!.layers[Number(id.slice(1)) - 1][id[0] as 'z' | 'a']);
    return html`<table class="cache" part="cache"><caption>The forward cache${this.noCache ? ' (discarded after use)' : ''}</caption>
      <thead><tr><th scope="col">value</th><th scope="col">stored</th><th scope="col">read by the backward pass</th></tr></thead>
      <tbody>${cacheIds(L).map((id) => html`<tr class=${s?.cached.includes(id) ? 'now' : ''}>
        <th scope="row"><span class="visually-hidden">${plainName(id, L)}</span><nn-math aria-hidden="true" .tex=${symbol(id, L)}></nn-math></th>
        <td>${id === 'x' || known.has(id) ? html`<nn-math .tex=${vec(value(id))}></nn-math>` : '—'}</td>
        <td>${reads(id) ? `${reads(id)}×${s?.cached.includes(id) ? ' (now)' : ''}` : ''}</td></tr>`)}</tbody></table>`;
  }

  private renderSummary(L: number) {
    const used = this.steps.filter((s) => s.phase === 'backward' && s.cached.length);
    const cost = used.reduce((n, s) => n + s.cached.reduce((m, id) => m + this.recomputeCost(id), 0), 0);
    return html`<p class="summary">The backward pass read the cache in ${used.length} of its steps
      (${used.map((s) => s.cached.map((id) => plainName(id, L)).join(' and ')).join(', ')}).
      ${this.noCache ? `Without the cache it would have recomputed ${cost} layers of the forward pass.` : 'Each of these was computed once, in the forward pass.'}</p>`;
  }

  /** Layers of forward pass needed to get z_k or a_k again from x (x itself is the input, always at hand). */
  private recomputeCost(id: string): number {
    return id === 'x' ? 0 : Number(id.slice(1));
  }

  private go(step: number): void {
    this.step = Math.max(0, Math.min(this.steps.length, step));
    this.emitNative('change');
  }

  private togglePlay(): void {
    if (this.timer) this.stopPlay();
    else {
      if (this.step === this.steps.length) this.step = 0;
      this.timer = setInterval(() => (this.step < this.steps.length ? this.go(this.step + 1) : this.stopPlay()), 1200);
    }
    this.emitNative('change');
    this.requestUpdate();
  }

  private stopPlay(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPlay();
  }
}
