import { html, nothing, type TemplateResult } from 'lit';
import {
  DATA_CHOICES,
  DEFAULT_LEARNING_RATE,
  EDITOR_ACTIVATIONS,
  EDITOR_INITIALIZERS,
  EDITOR_OPTIMIZERS,
  type LabFields,
  type OptimizerName,
} from '../../src/labs/index.js';
import { SCHEDULE_NAMES, SCHEDULE_TITLES } from '../../src/schedules/index.js';
import type { LabPanel } from './lab-panel.js';

/** Called with the new fields after each edit the student makes; `commit` when the edit is complete (a `change`). */
export type FieldsEdit = (panel: LabPanel, fields: LabFields, commit: boolean) => void;

const INIT_LABELS: Record<string, string> = { random_uniform: 'RandomUniform(−1, 1)', custom: 'as in the preset' };

/**
 * The model editor: data, hidden layers (units and activation), initializer, optimizer, learning rate and schedule,
 * batch size, epochs, L1/L2, early stopping, seed. Every field is text the student types; a field that cannot be
 * used is marked invalid with its message beside it.
 */
export function renderEditor(panel: LabPanel, edit: FieldsEdit): TemplateResult {
  const f = panel.fields;
  const id = (name: string) => `p${panel.index}-${name.replace(/\./g, '-')}`;
  const problem = (name: string) => panel.problems.find((p) => p.field === name);
  const set = (patch: Partial<LabFields>, commit = true) => edit(panel, { ...panel.fields, ...patch }, commit);
  const typed = (e: Event) => (e.target as HTMLInputElement).value;
  const text = (name: keyof LabFields, label: string, mode: 'decimal' | 'numeric' = 'decimal') => {
    const p = problem(name);
    return html`<div class="field"><label for=${id(name)}>${label}</label>
      <input id=${id(name)} type="text" inputmode=${mode} .value=${String(f[name])} aria-invalid=${p ? 'true' : 'false'}
        aria-describedby=${p ? id(name) + '-msg' : nothing} @input=${(e: Event) => set({ [name]: typed(e) } as Partial<LabFields>, false)}
        @change=${(e: Event) => set({ [name]: typed(e) } as Partial<LabFields>)} />
      ${p ? html`<span class="msg" id=${id(name) + '-msg'}>${p.message}</span>` : nothing}</div>`;
  };
  const select = <K extends keyof LabFields>(name: K, label: string, options: readonly string[], labels: Record<string, string> = {}, onPick?: (v: string) => Partial<LabFields>) =>
    // Data and initializer choices have long names ("RandomUniform(−1, 1)"): a row of their own, never cut off.
    html`<div class=${name === 'data' || name === 'initializer' ? 'field wide' : 'field'}><label for=${id(name)}>${label}</label>
      <select id=${id(name)} @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        set(onPick ? onPick(v) : ({ [name]: v } as Partial<LabFields>));
      }}>${options.map((o) => html`<option value=${o} ?selected=${f[name] === o}>${labels[o] ?? o}</option>`)}</select></div>`;
  const layers = f.layers;
  const setLayer = (i: number, patch: Partial<LabFields['layers'][number]>, commit = true) =>
    set({ layers: panel.fields.layers.map((l, k) => (k === i ? { ...l, ...patch } : l)) }, commit);
  return html`<fieldset class="editor" ?disabled=${panel.busy}>
    <legend class="visually-hidden">Setup${panel.index ? ' (right)' : ''}</legend>
    ${select('data', 'Data', [...Object.keys(DATA_CHOICES), ...(f.data === 'custom' ? ['custom'] : [])], { ...Object.fromEntries(Object.entries(DATA_CHOICES).map(([k, v]) => [k, v.label])), custom: 'the page’s own' })}
    <div class="layers" role="group" aria-labelledby=${id('layers-title')}>
      <span id=${id('layers-title')} class="group-title">Hidden layers</span>
      ${layers.map((l, i) => {
        const p = problem(`layers.${i}.units`);
        return html`<div class="layer">
          <label for=${id(`layers.${i}.units`)}>Layer ${i + 1} units</label>
          <input id=${id(`layers.${i}.units`)} class="units" type="text" inputmode="numeric" .value=${l.units} aria-invalid=${p ? 'true' : 'false'}
            aria-describedby=${p ? id(`layers.${i}.units`) + '-msg' : nothing} @input=${(e: Event) => setLayer(i, { units: typed(e) }, false)}
            @change=${(e: Event) => setLayer(i, { units: typed(e) })} />
          <label class="visually-hidden" for=${id(`layers.${i}.act`)}>Layer ${i + 1} activation</label>
          <select id=${id(`layers.${i}.act`)} @change=${(e: Event) => setLayer(i, { activation: (e.target as HTMLSelectElement).value as never })}>
            ${EDITOR_ACTIVATIONS.map((a) => html`<option ?selected=${a === l.activation}>${a}</option>`)}</select>
          <button type="button" aria-label=${`Remove layer ${i + 1}`} @click=${() => set({ layers: layers.filter((_, k) => k !== i) })}>✕</button>
          ${p ? html`<span class="msg" id=${id(`layers.${i}.units`) + '-msg'}>${p.message}</span>` : nothing}
        </div>`;
      })}
      ${problem('layers') ? html`<span class="msg">${problem('layers')!.message}</span>` : nothing}
      <div class="layer-actions"><button type="button" @click=${() => set({ layers: [...layers, { ...(layers[layers.length - 1] ?? { units: '5', activation: 'relu' }) }] })}>Add layer</button>
        <span class="out">then Dense(1, sigmoid)</span></div>
    </div>
    ${select('initializer', 'Initializer', [...EDITOR_INITIALIZERS, ...(f.initializer === 'custom' ? ['custom'] : [])], INIT_LABELS)}
    ${select('optimizer', 'Optimizer', EDITOR_OPTIMIZERS, {}, (v) => ({ optimizer: v as OptimizerName, learningRate: String(DEFAULT_LEARNING_RATE[v as OptimizerName]) }))}
    ${text('learningRate', 'Learning rate')}
    ${select('schedule', 'Schedule', ['none', ...SCHEDULE_NAMES], { none: 'constant', ...SCHEDULE_TITLES })}
    ${text('batchSize', 'Batch size', 'numeric')} ${text('epochs', 'Epochs', 'numeric')}
    ${text('l1', 'L1')} ${text('l2', 'L2')}
    <div class="field check"><input id=${id('es')} type="checkbox" .checked=${f.earlyStopping} @change=${(e: Event) => set({ earlyStopping: (e.target as HTMLInputElement).checked })} />
      <label for=${id('es')}>Early stopping (val_loss)</label></div>
    ${f.earlyStopping ? html`${text('patience', 'Patience', 'numeric')}<div class="field check"><input id=${id('restore')} type="checkbox" .checked=${f.restoreBest}
      @change=${(e: Event) => set({ restoreBest: (e.target as HTMLInputElement).checked })} /><label for=${id('restore')}>Restore best weights</label></div>` : nothing}
    ${text('seed', 'Seed', 'numeric')}
    ${panel.problems.length ? html`<p class="msg summary" role="alert">Fix ${panel.problems.length === 1 ? 'this field' : `these ${panel.problems.length} fields`} to train: ${panel.problems.map((p) => p.label).join(', ')}.</p>` : nothing}
  </fieldset>`;
}
