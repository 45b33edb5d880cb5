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
      stroke: var(--_border);
      stroke-width: 1.5;
    }
    .edge.on {
      stroke: var(--_pos);
      stroke-width: 3;
    }
    .node circle {
      fill: var(--_bg);
      stroke: var(--_control);
      stroke-width: 1.5;
    }
    .node.reading circle {
      stroke: var(--_warn-line);
      stroke-width: 3;
    }
    .node.cache-read circle {
      fill: var(--_warn-bg);
      stroke-dasharray: 4 2;
    }
    .node.writing circle {
      stroke: var(--_pos);
      stroke-width: 3;
      fill: var(--_info-bg);
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
      background: var(--_warn-bg);
      border-left: 4px solid var(--_warn-line);
      padding: 0.25rem 0.5rem;
    }
    .warn {
      color: var(--_error-fg);
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
      background: var(--_warn-bg);
    }
    .summary {
      border-top: 1px solid var(--_border);
      padding-top: 0.5rem;
    }
  `,
];
