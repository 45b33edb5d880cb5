// The transfer lab's controls: which base model to start from, and both training stages with their settings.
import { html, nothing } from 'lit';
import type { StageOffer } from '../../src/transfer/index.js';
import type { LoadSource } from '../../src/worker/index.js';
import { pickedModel } from '../internal/model-files.js';
import type { TransferLab } from './transfer-lab.js';

/** Where the base model comes from. */
export type BaseChoice = 'course' | 'saved' | 'files';

/** What the base controls show and ask for. */
export interface BaseOptions {
  choice: BaseChoice;
  hasCourse: boolean;
  savedName: string;
  busy: boolean;
  choose: (choice: BaseChoice) => void;
  load: () => void;
  picked: (source: LoadSource) => void;
  refuse: (message: string) => void;
}

/** Step 1: the course's base, the model saved on problem 4's page, or files; and the button that loads it. */
export function baseControls(o: BaseOptions) {
  const radio = (value: BaseChoice, label: unknown, disabled = false) => html`<label class="choice"><input type="radio" name="base"
      .checked=${o.choice === value} ?disabled=${disabled || o.busy} @change=${() => o.choose(value)} /> ${label}</label>`;
  const onFiles = (e: Event) => {
    const files = (e.target as HTMLInputElement).files;
    const source = files && files.length ? pickedModel(files) : null;
    if (typeof source === 'string') o.refuse(source);
    else if (source) o.picked(source);
  };
  return html`<fieldset part="base" class="step">
    <legend class="title">1 · The base model: a trained CIFAR-10 network</legend>
    ${radio('course', 'The course’s base model', !o.hasCourse)}
    ${radio('saved', html`The model saved in this browser as “${o.savedName}” (problem 4)`)}
    ${radio('files', html`Model files: <code>model.json</code> and its weights (also a Keras model converted with <code>tensorflowjs_converter</code>)`)}
    <label class="file">The files: <input type="file" accept=".json,.bin" multiple ?disabled=${o.busy} @change=${onFiles} /></label>
    <div class="row"><button type="button" class="load-base" @click=${o.load} ?disabled=${o.busy}>Load the base</button></div>
  </fieldset>`;
}

/** What the stage controls ask the element to do. */
export interface StageActions {
  trainHead: () => void;
  measure: () => void;
  fineTune: () => void;
  stop: () => void;
  compare: () => void;
  setSubset: (n: number) => void;
  setEpochs: (n: number) => void;
}

/** The element's settings the controls edit (typed inputs write them back). */
interface Settings {
  epochs: number;
  learningRate: number;
  fineTuneEpochs: number;
  fineTuneRate: number;
}

/** Reads a number input; NaN and out-of-range values are left to the element's own checks. */
const num = (e: Event) => Number((e.target as HTMLInputElement).value);

/** Step 4: stage 1 (the new head) and stage 2 (the top two convs, at a lower rate, on a subset that fits the budget). */
export function stageControls(host: Settings, lab: TransferLab, act: StageActions, s: { offer: StageOffer | null; subset: number; rate: number }) {
  const busy = lab.busy;
  const training = lab.progress?.kind === 'training' || lab.progress?.kind === 'activations';
  const count = lab.data?.train.count ?? 0;
  return html`<div class="stage">
      <p class="label">Stage 1 · the new head on the frozen layers (their activations are computed once)</p>
      <div class="row">
        <label>Epochs <input type="number" min="1" max="200" .value=${String(host.epochs)} ?disabled=${busy} @change=${(e: Event) => (host.epochs = num(e))} /></label>
        <label>Learning rate <input type="number" min="0" step="any" .value=${String(host.learningRate)} ?disabled=${busy}
          @change=${(e: Event) => (host.learningRate = num(e))} /></label>
        <button type="button" class="train-head" @click=${act.trainHead} ?disabled=${busy}>Train the new head</button>
      </div>
    </div>
    <div class="stage">
      <p class="label">Stage 2 · unfreeze the top two convolutional layers, fine-tune at a lower rate</p>
      <div class="row">
        <label>Learning rate <input type="number" min="0" step="any" .value=${String(s.rate)} ?disabled=${busy}
          @change=${(e: Event) => (host.fineTuneRate = num(e))} /></label>
        <label>Epochs <input type="number" min="1" max="200" .value=${String(host.fineTuneEpochs)} ?disabled=${busy} @change=${(e: Event) => act.setEpochs(num(e))} /></label>
        <label>Training images <input type="number" min="1" max=${count || nothing} .value=${count ? String(s.subset || count) : ''} placeholder="all" ?disabled=${busy}
          @change=${(e: Event) => act.setSubset(Math.max(0, Math.min(count, Math.round(num(e)) || 0)))} /></label>
      </div>
      <div class="row">
        <button type="button" class="measure" @click=${act.measure} ?disabled=${busy || lab.stage < 1}>Measure and offer</button>
        <button type="button" class="fine-tune" @click=${act.fineTune} ?disabled=${busy || lab.stage < 1}>Fine-tune</button>
        <button type="button" class="stop" @click=${act.stop} ?disabled=${!training}>Stop</button>
      </div>
      ${s.offer ? html`<p class="note offer">${s.offer.reason}</p>` : nothing}
    </div>`;
}
