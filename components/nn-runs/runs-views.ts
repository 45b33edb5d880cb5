// The dashboard's templates that are not charts: the run list with its filter, the hover table under a chart, and
// the hparams table. Plain functions of what they show and what they call back.
import { html, nothing, type TemplateResult } from 'lit';
import { styleProps } from '../internal/style-props.js';
import type { RunRecord } from '../../src/runs/index.js';
import { fmt, fmtX, nearest, RUN_PALETTE, type Line, type ShownRun, type TableRow, type XAxis } from './runs-model.js';

/** The CSS colour of palette entry `i`: the page's `--nn-run-<i>`, else the palette's. */
export const cssColor = (i: number) => `var(--nn-run-${i}, ${RUN_PALETTE[i]})`;
const swatch = (i: number, dashed = false) => html`<span class="swatch ${dashed ? 'dashed' : ''}" style=${styleProps({ '--c': cssColor(i) })}></span>`;

// One formatter for every run: making one per call costs about half a millisecond each.
const DATE = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const when = (t: number) => DATE.format(t);
const pageName = (p?: string) => (p ? decodeURIComponent(p.split('/').pop() || p).replace(/\.html$/, '') : '');

/** The words after a run's name: its page, when it started, and how it ended when not plainly. */
export function runMeta(run: RunRecord): string {
  const status = run.status === 'done' ? '' : run.status === 'running' ? 'training' : run.status;
  return [pageName(run.page), when(run.startedAt), status].filter(Boolean).join(' · ');
}

export interface RunListProps {
  visible: readonly ShownRun[];
  total: number;
  isShown: (id: string) => boolean;
  filterText: string;
  filterProblem: string;
  onFilter: (text: string) => void;
  onToggle: (id: string, on: boolean) => void;
  onAll: (on: boolean) => void;
}

/** The runs matching the filter, each with its colour and a checkbox that shows it in the charts. */
export function runList(p: RunListProps): TemplateResult {
  return html`<fieldset class="runs" part="runs">
    <legend>Runs <span class="count">(${p.visible.length} of ${p.total})</span></legend>
    <label class="filter">Filter (regular expression)
      <input type="search" .value=${p.filterText} spellcheck="false" autocomplete="off" aria-invalid=${p.filterProblem ? 'true' : 'false'}
        @input=${(e: Event) => p.onFilter((e.target as HTMLInputElement).value)} /></label>
    ${p.filterProblem ? html`<p class="hint" role="status">${p.filterProblem}</p>` : nothing}
    <div class="bulk">
      <button type="button" @click=${() => p.onAll(true)}>Show all</button>
      <button type="button" @click=${() => p.onAll(false)}>Hide all</button>
    </div>
    <ul class="run-list">
      ${p.visible.map(
        (s) => html`<li>
          <label><input type="checkbox" .checked=${p.isShown(s.run.id)} @change=${(e: Event) => p.onToggle(s.run.id, (e.target as HTMLInputElement).checked)} />
            ${swatch(s.color)}<span class="name">${s.run.name}</span>${s.shared ? html` <span class="badge">shared</span>` : nothing}</label>
          <span class="meta">${runMeta(s.run)}</span>
        </li>`,
      )}
    </ul>
  </fieldset>`;
}

/** Every line's value at `x`: smoothed and raw, as TensorBoard's tooltip lists them. */
export function hoverTable(lines: readonly Line[], x: number, axis: XAxis, smoothing: boolean): TemplateResult {
  return html`<table class="hover" part="hover">
    <caption>At ${axis === 'relative' ? '' : `${axis} `}${fmtX(x, axis)}</caption>
    <thead><tr><th scope="col">Run</th>${smoothing ? html`<th scope="col">Smoothed</th>` : nothing}<th scope="col">Value</th><th scope="col">${axis}</th></tr></thead>
    <tbody>${lines.map((l) => {
      const i = nearest(l.xs, x);
      return html`<tr><th scope="row">${swatch(l.shown.color, l.validation)}${l.shown.run.name}${l.validation ? ' (validation)' : ''}</th>
        ${smoothing ? html`<td>${fmt(l.smooth[i])}</td>` : nothing}<td>${fmt(l.raw[i])}</td><td>${fmtX(l.xs[i], axis)}</td></tr>`;
    })}</tbody>
  </table>`;
}

export interface TableProps {
  rows: TableRow[];
  hparams: string[];
  metrics: string[];
  sort: { column: string; descending: boolean };
  onSort: (column: string) => void;
  onEventFile: (run: RunRecord) => void;
}

/** TensorBoard's hparams table: a row per shown run, its settings and final values, sortable by any column. */
export function hparamsTable(p: TableProps): TemplateResult {
  const head = (column: string, label = column) => {
    const sorted = p.sort.column === column;
    return html`<th scope="col" aria-sort=${sorted ? (p.sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" class="sort" @click=${() => p.onSort(column)}>${label}${sorted ? (p.sort.descending ? ' ▼' : ' ▲') : ''}</button></th>`;
  };
  return html`<div class="table-wrap" part="table" tabindex="0" role="region" aria-label="Runs with their settings and final values">
    <table class="hparams">
      <thead><tr>${head('run', 'Run')}${p.hparams.map((h) => head(h))}${p.metrics.map((m) => head(m))}<th scope="col">Export</th></tr></thead>
      <tbody>${p.rows.map(
        (r) => html`<tr>
          <th scope="row">${swatch(r.shown.color)}${r.shown.run.name}${r.shown.shared ? html` <span class="badge">shared</span>` : nothing}
            ${markersText(r.shown.run) ? html`<div class="meta">${markersText(r.shown.run)}</div>` : nothing}</th>
          ${p.hparams.map((h) => html`<td>${r.hparams[h] === undefined ? '—' : typeof r.hparams[h] === 'number' ? fmt(r.hparams[h] as number) : String(r.hparams[h])}</td>`)}
          ${p.metrics.map((m) => html`<td>${fmt(r.metrics[m])}</td>`)}
          <td><button type="button" @click=${() => p.onEventFile(r.shown.run)} aria-label=${`TensorBoard event file of ${r.shown.run.name}`}>Event file</button></td>
        </tr>`,
      )}</tbody>
    </table>
  </div>`;
}

/** "stopped at 62, restored 42, lr changed at 30, 60": the markers in words. */
export function markersText(run: RunRecord): string {
  const m = run.markers;
  return [
    m.stoppedEpoch ? `early-stopped at epoch ${m.stoppedEpoch}` : '',
    m.restoredEpoch ? `restored epoch ${m.restoredEpoch}` : '',
    m.nanEpoch ? `loss NaN at epoch ${m.nanEpoch}` : '',
    m.lrChanges?.length ? `learning rate changed at ${m.lrChanges.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export interface ActionsProps {
  /** Shown runs that are the student's own (deletable), all shown, and shared ones. */
  own: number;
  shown: number;
  shared: number;
  readOnly: boolean;
  confirmDelete: boolean;
  linkTooLong: boolean;
  onCopyLink: () => void;
  onZip: () => void;
  onCsv: () => void;
  onJson: () => void;
  onImport: (e: Event) => void;
  onConfirmDelete: (ask: boolean) => void;
  onDelete: () => void;
  onKeepShared: () => void;
  onCloseShared: () => void;
}

/** Copy link, the exports, import, and deleting (asked first); saving or closing shared runs. */
export function actionsBar(p: ActionsProps): TemplateResult {
  const none = p.shown === 0;
  return html`<div class="actions" part="actions">
    <button type="button" ?disabled=${none} @click=${p.onCopyLink}>Copy link</button>
    <button type="button" ?disabled=${none} @click=${p.onZip}>TensorBoard log dir (.zip)</button>
    <button type="button" ?disabled=${none} @click=${p.onCsv}>CSV</button>
    <button type="button" ?disabled=${none} @click=${p.onJson}>JSON</button>
    ${p.readOnly
      ? nothing
      : html`<label class="button">Import JSON…<input type="file" accept=".json,application/json" class="visually-hidden" @change=${p.onImport} /></label>
          ${p.confirmDelete
            ? html`<span class="confirm" role="group" aria-label="Confirm deletion">Delete ${p.own} run${p.own === 1 ? '' : 's'} from this browser?
                <button type="button" class="danger" @click=${p.onDelete}>Delete</button><button type="button" @click=${() => p.onConfirmDelete(false)}>Keep</button></span>`
            : html`<button type="button" ?disabled=${p.own === 0} @click=${() => p.onConfirmDelete(true)}>Delete shown…</button>`}`}
    ${p.shared
      ? html`${p.readOnly ? nothing : html`<button type="button" @click=${p.onKeepShared}>Save shared runs</button>`}
          <button type="button" @click=${p.onCloseShared}>Close shared runs</button>`
      : nothing}
    ${p.linkTooLong ? html`<button type="button" @click=${p.onJson}>Download the JSON file instead</button>` : nothing}
  </div>`;
}
