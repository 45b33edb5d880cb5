// The lab's buttons and pickers: data, training, saving and loading a model.
import { html } from 'lit';
import type { CifarLab } from './cifar-lab.js';

/** What the controls ask the element to do. */
export interface CifarActions {
  load: (files: File[] | null) => void;
  train: () => void;
  stop: () => void;
  /** Pause, or Resume when paused. */
  pause: () => void;
  save: () => void;
  download: () => void;
  loadModel: (url: string) => void;
  modelFiles: (files: FileList | null) => void;
}

export function cifarControls(lab: CifarLab, act: CifarActions, modelName: string) {
  const busy = lab.phase !== 'idle';
  const running = lab.phase === 'training' || lab.phase === 'paused';
  const files = (e: Event) => (e.target as HTMLInputElement).files;
  const onUrl = (e: Event) => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('model-url') as HTMLInputElement;
    if (input.value.trim()) act.loadModel(input.value.trim());
  };
  return html`<div part="controls" class="controls">
    <div class="row">
      <button type="button" class="load" @click=${() => act.load(null)} ?disabled=${busy}>Load data</button>
      <label class="file">Or a CIFAR-10 file: <input type="file" accept=".bin,.gz,.tgz" multiple ?disabled=${busy}
        @change=${(e: Event) => act.load([...(files(e) ?? [])])} /></label>
    </div>
    <div class="row">
      <button type="button" class="train" @click=${act.train} ?disabled=${busy}>Train</button>
      <button type="button" class="pause" @click=${act.pause} ?disabled=${!running}>${lab.phase === 'paused' ? 'Resume' : 'Pause'}</button>
      <button type="button" class="stop" @click=${act.stop} ?disabled=${!lab.training || lab.phase === 'stopping'}>${lab.phase === 'stopping' ? 'Stopping…' : 'Stop'}</button>
      <button type="button" class="save" @click=${act.save} ?disabled=${busy || !lab.hasModel}>Save in this browser</button>
      <button type="button" class="download" @click=${act.download} ?disabled=${busy || !lab.hasModel}>Download model</button>
    </div>
    <details>
      <summary>Load a model</summary>
      <form class="row" @submit=${onUrl}>
        <label>Model URL <input name="model-url" type="text" placeholder="indexeddb://${modelName} or …/model.json" /></label>
        <button type="submit" ?disabled=${busy}>Load</button>
      </form>
      <label class="file">Or files (model.json and weights): <input type="file" accept=".json,.bin" multiple ?disabled=${busy}
        @change=${(e: Event) => act.modelFiles(files(e))} /></label>
    </details>
  </div>`;
}
