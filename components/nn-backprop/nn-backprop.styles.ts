import { css } from 'lit';
import { baseStyles } from '../internal/styles.js';

export const styles = [
  baseStyles,
  css`
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
      align-items: center;
    }
    .controls label {
      display: inline-flex;
      gap: 0.375rem;
      align-items: center;
      min-height: 2.25rem;
    }
    .progress {
      font-weight: 600;
      margin: 0.5rem 0;
    }
    .diagram {
      display: block;
      width: 100%;
      max-width: 36rem;
      height: auto;
    }
    .edge {
      stroke: #c8c8d0;
      stroke-width: 1.5;
    }
    .edge.on {
      stroke: var(--_pos);
      stroke-width: 3;
    }
    .node circle {
      fill: var(--_bg);
      stroke: #8a8a92;
      stroke-width: 1.5;
    }
    .node.reading circle {
      stroke: #b45309;
      stroke-width: 3;
    }
    .node.cache-read circle {
      fill: #fdf1dc;
      stroke-dasharray: 4 2;
    }
    .node.writing circle {
      stroke: var(--_pos);
      stroke-width: 3;
      fill: #e6eefa;
    }
    .node text {
      font-size: 11px;
      fill: currentColor;
    }
    .node text.small {
      font-size: 10px;
      fill: var(--_muted);
    }
    .step {
      min-height: 5rem;
    }
    .formula {
      overflow-x: auto;
      overflow-y: hidden;
      padding: 0.25rem 0;
      font-size: 1.1em;
    }
    .reads.cached {
      background: #fdf1dc;
      border-left: 4px solid #b45309;
      padding: 0.25rem 0.5rem;
    }
    .warn {
      color: #8c1d18;
    }
    table {
      border-collapse: collapse;
      margin: 0.5rem 0;
      max-width: 100%;
      display: block;
      overflow-x: auto;
    }
    caption {
      text-align: left;
      font-weight: 600;
    }
    th,
    td {
      padding: 0.125rem 0.75rem 0.125rem 0;
      text-align: left;
    }
    tr.now {
      background: #fdf1dc;
    }
    .summary {
      border-top: 1px solid #d0d0d8;
      padding-top: 0.5rem;
    }
  `,
];
