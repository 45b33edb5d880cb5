import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    :host {
      font-size: 0.875rem;
      --_grid: color-mix(in srgb, var(--_muted) 25%, transparent);
    }
    .controls,
    .actions,
    .views,
    .bulk {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem 0.75rem;
      align-items: center;
    }
    .controls {
      margin-bottom: 0.5rem;
    }
    .views {
      gap: 0.25rem;
    }
    .controls label {
      display: inline-flex;
      gap: 0.375rem;
      align-items: center;
      min-height: 2.25rem;
    }
    .controls input[type='range'] {
      width: 8rem;
    }
    select,
    input[type='search'] {
      font: inherit;
      min-height: 2.25rem;
      max-width: 100%;
    }
    output {
      font-variant-numeric: tabular-nums;
      min-width: 3em;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.75rem;
    }
    .layout.wide {
      grid-template-columns: 240px minmax(0, 1fr);
    }
    .runs {
      margin: 0;
      padding: 0.5rem;
      border: 1px solid var(--_grid);
      border-radius: 0.375rem;
      min-width: 0;
    }
    .runs legend {
      font-weight: 600;
    }
    .count,
    .meta,
    .key,
    .empty {
      color: var(--_muted);
    }
    .filter {
      display: grid;
      gap: 0.25rem;
      margin-bottom: 0.375rem;
    }
    .hint {
      margin: 0 0 0.375rem;
      color: var(--_neg);
    }
    .run-list {
      list-style: none;
      margin: 0.375rem 0 0;
      padding: 0;
      max-height: 18rem;
      overflow-y: auto;
    }
    .run-list li {
      padding: 0.125rem 0;
      overflow-wrap: anywhere;
    }
    .run-list label {
      display: flex;
      gap: 0.375rem;
      align-items: center;
      min-height: 2rem;
    }
    .run-list input {
      width: 1.125rem;
      height: 1.125rem;
      flex: none;
    }
    .meta {
      display: block;
      font-weight: normal;
      font-size: 0.75rem;
      padding-left: 1.5rem;
    }
    .swatch {
      display: inline-block;
      flex: none;
      width: 0.875rem;
      height: 0.25rem;
      margin-right: 0.25rem;
      vertical-align: middle;
      background: var(--c);
    }
    .swatch.dashed {
      background: repeating-linear-gradient(90deg, var(--c) 0 4px, transparent 4px 6px);
    }
    .badge {
      font-size: 0.7rem;
      padding: 0 0.3rem;
      border: 1px solid var(--_focus);
      border-radius: 0.5rem;
      color: var(--_focus);
    }
    .charts {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
    }
    figure {
      margin: 0;
      min-width: 0;
    }
    figcaption {
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    .plot {
      position: relative;
      max-width: 100%;
      touch-action: pan-y;
    }
    .plot canvas {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
    }
    .histogram canvas {
      display: block;
      max-width: 100%;
    }
    .cursor {
      position: absolute;
      width: 0;
      border-left: 1px solid var(--_muted);
      pointer-events: none;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      text-align: left;
      padding: 0.125rem 0.5rem;
      border-bottom: 1px solid var(--_grid);
      white-space: nowrap;
    }
    .hover {
      margin-top: 0.25rem;
      font-size: 0.8rem;
      max-width: 100%;
      display: block;
      overflow-x: auto;
    }
    .hover caption {
      text-align: left;
      color: var(--_muted);
    }
    .table-wrap {
      overflow-x: auto;
      max-width: 100%;
    }
    button.sort {
      min-height: 2rem;
      padding: 0.125rem 0.25rem;
      border: none;
      background: none;
      font-weight: 600;
    }
    .actions {
      margin-top: 0.75rem;
    }
    label.button {
      display: inline-flex;
      align-items: center;
      min-height: 2.25rem;
      padding: 0.25rem 0.75rem;
      border: 1px solid var(--_control);
      border-radius: 0.375rem;
      cursor: pointer;
    }
    label.button:focus-within {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    .confirm {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.375rem;
      align-items: center;
    }
    .status {
      margin: 0.5rem 0 0;
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    .status.warn {
      color: var(--_neg);
    }
  `,
];
