import { html, nothing, type TemplateResult } from 'lit';
import { labPreset, type LabPresetName } from '../../src/labs/index.js';
import type { LabPanel } from './lab-panel.js';
import { renderEditor, type FieldsEdit } from './trainer-editor.js';
import { renderResults, sharedAxes, type PointSplit } from './trainer-results.js';

/** What the view calls back on the element. */
export interface TrainerActions {
  readonly training: boolean;
  train(): Promise<unknown>;
  pause(): void;
  resume(): void;
  stepEpoch(): void;
  reset(): void;
}

/** The buttons, then each setup's column: title, editor (folded in a comparison) and results. */
export function renderTrainer(
  host: TrainerActions,
  panels: readonly LabPanel[],
  splits: readonly PointSplit[],
  edit: FieldsEdit,
  pickSplit: (panel: number, split: PointSplit) => void,
): TemplateResult {
  const busy = host.training;
  const paused = panels.every((p) => p.status === 'paused');
  const blocked = panels.some((p) => p.problems.length > 0);
  const two = panels.length > 1;
  // A comparison's charts share their axes, side by side or stacked.
  const axes = two ? sharedAxes(panels) : undefined;
  return html`<div class="bar" part="controls">
      <button type="button" class="train" ?disabled=${busy || blocked} @click=${() => host.train().catch(() => undefined)}>Train</button>
      <button type="button" class="pause" ?disabled=${!busy} @click=${() => (paused ? host.resume() : host.pause())}>${paused ? 'Resume' : 'Pause'}</button>
      <button type="button" class="step" ?disabled=${blocked || (busy && !paused)} @click=${() => host.stepEpoch()}>Step one epoch</button>
      <button type="button" class="reset" @click=${() => host.reset()}>Reset</button>
    </div>
    <div class=${two ? 'panels two' : 'panels'}>
      ${panels.map((p) => {
        const preset = p.preset ? labPreset(p.preset as LabPresetName) : undefined;
        // A labelled group, not a heading and landmark: the element cannot know the page's heading levels, and two
        // trainers on one page would otherwise repeat the same landmark names.
        return html`<div class="panel" part="panel" role="group" aria-labelledby=${`title-${p.index}`}>
          <div class="title" id=${`title-${p.index}`}>${p.title}</div>
          ${preset ? html`<p class="desc">${preset.description}</p>` : nothing}
          <details class="setup" ?open=${!two}><summary>Model and training</summary>${renderEditor(p, edit)}</details>
          ${renderResults(p, splits[p.index], (s) => pickSplit(p.index, s), axes)}
        </div>`;
      })}
    </div>`;
}
